//===- ArrayPatterns.cpp - NumPy arrays as memrefs ------------------------===//
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

/// Python indices count from the end when negative. Constant non-negative
/// indices skip the fix-up; LLVM drops it where the range proves i >= 0.
static SmallVector<Value> memrefIndices(OpBuilder &b, Location loc,
                                        Value memref, ValueRange indices,
                                        TypeRange indexTypes) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Value> result;
  for (auto [dim, index, type] : llvm::enumerate(indices, indexTypes)) {
    Value i = castNumber(b, loc, index, type, i64);
    Value asIndex = arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
    if (isBoolType(type)) {
      result.push_back(asIndex);
      continue;
    }
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, asIndex, zero);
    Value size = memref::DimOp::create(b, loc, memref, dim);
    Value wrapped = arith::AddIOp::create(b, loc, asIndex, size);
    result.push_back(
        arith::SelectOp::create(b, loc, negative, wrapped, asIndex));
  }
  return result;
}

namespace {
struct ArrayGetItemLowering : public OpConversionPattern<GetItemOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ArrayType>(op.getValue().getType()))
      return failure();
    Value memref = single(adaptor.getValue());
    SmallVector<Value> scalars;
    for (ValueRange index : adaptor.getIndices())
      scalars.push_back(single(index));
    SmallVector<Value> indices = memrefIndices(
        rewriter, op.getLoc(), memref, scalars, op.getIndices().getTypes());
    rewriter.replaceOpWithNewOp<memref::LoadOp>(op, memref, indices);
    return success();
  }
};

struct ArrayStaticGetItemLowering
    : public OpConversionPattern<StaticGetItemOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StaticGetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ArrayType>(op.getValue().getType()))
      return failure();
    Location loc = op.getLoc();
    Value memref = single(adaptor.getValue());
    Type i64 = getInt64Type(op.getContext());
    Value index =
        numberConstant(rewriter, loc, i64, static_cast<int64_t>(op.getIndex()));
    SmallVector<Value> indices =
        memrefIndices(rewriter, loc, memref, index, TypeRange{i64});
    rewriter.replaceOpWithNewOp<memref::LoadOp>(op, memref, indices);
    return success();
  }
};

struct ArraySetItemLowering : public OpConversionPattern<SetItemOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto array = dyn_cast<ArrayType>(op.getTarget().getType());
    if (!array)
      return failure();
    Location loc = op.getLoc();
    Value memref = single(adaptor.getTarget());
    SmallVector<Value> scalars;
    for (ValueRange index : adaptor.getIndices())
      scalars.push_back(single(index));
    SmallVector<Value> indices = memrefIndices(rewriter, loc, memref, scalars,
                                               op.getIndices().getTypes());
    Value value = castNumber(rewriter, loc, single(adaptor.getValue()),
                             op.getValue().getType(), array.getDtype());
    rewriter.replaceOpWithNewOp<memref::StoreOp>(op, value, memref, indices);
    return success();
  }
};

struct ArrayGetAttrLowering : public OpConversionPattern<GetAttrOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetAttrOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto array = dyn_cast<ArrayType>(op.getValue().getType());
    if (!array)
      return failure();
    Location loc = op.getLoc();
    Value memref = single(adaptor.getValue());
    Type i64 = rewriter.getI64Type();
    int64_t itemSize = array.getDtype().getIntOrFloatBitWidth() / 8;
    if (itemSize == 0)
      itemSize = 1;
    auto toI64 = [&](Value index) -> Value {
      return arith::IndexCastOp::create(rewriter, loc, i64, index);
    };
    auto i64Const = [&](int64_t v) -> Value {
      return arith::ConstantOp::create(rewriter, loc, i64,
                                       rewriter.getI64IntegerAttr(v));
    };
    SmallVector<Value> dims;
    for (unsigned d = 0; d < array.getNdim(); ++d)
      dims.push_back(toI64(memref::DimOp::create(rewriter, loc, memref, d)));
    StringRef attr = op.getAttr();
    if (attr == "shape") {
      rewriter.replaceOpWithMultiple(op, {dims});
      return success();
    }
    if (attr == "strides") {
      auto metadata =
          memref::ExtractStridedMetadataOp::create(rewriter, loc, memref);
      SmallVector<Value> strides;
      for (Value stride : metadata.getStrides())
        strides.push_back(arith::MulIOp::create(rewriter, loc, toI64(stride),
                                                i64Const(itemSize)));
      rewriter.replaceOpWithMultiple(op, {strides});
      return success();
    }
    if (attr == "ndim" || attr == "itemsize") {
      rewriter.replaceOp(op,
                         i64Const(attr == "ndim" ? array.getNdim() : itemSize));
      return success();
    }
    Value size = i64Const(1);
    for (Value dim : dims)
      size = arith::MulIOp::create(rewriter, loc, size, dim);
    if (attr == "nbytes")
      size = arith::MulIOp::create(rewriter, loc, size, i64Const(itemSize));
    rewriter.replaceOp(op, size);
    return success();
  }
};
} // namespace

void mumba::detail::populateArrayPatterns(NBTypeConverter &converter,
                                          RewritePatternSet &patterns) {
  patterns.add<ArrayGetItemLowering, ArrayStaticGetItemLowering,
               ArraySetItemLowering, ArrayGetAttrLowering>(
      converter, patterns.getContext());
}

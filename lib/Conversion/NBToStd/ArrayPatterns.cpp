//===- ArrayPatterns.cpp - NumPy arrays as memrefs ------------------------===//
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

namespace {
/// Turns Python indices into memref indices: negative ones count from the
/// end (canonicalisation folds the fix-up away for constants, LLVM where the
/// loop range proves an index non-negative), and with boundscheck an index
/// out of range raises IndexError.
class IndexLowering {
public:
  IndexLowering(ConversionPatternRewriter &rewriter, Operation *op,
                const TypeConverter &converter, bool boundscheck)
      : b(rewriter), op(op), loc(op->getLoc()), converter(converter),
        boundscheck(boundscheck) {}

  SmallVector<Value> lower(Value memref, ValueRange indices,
                           TypeRange indexTypes);

private:
  ConversionPatternRewriter &b;
  Operation *op;
  Location loc;
  const TypeConverter &converter;
  bool boundscheck;
};
} // namespace

SmallVector<Value> IndexLowering::lower(Value memref, ValueRange indices,
                                        TypeRange indexTypes) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Value> result;
  for (auto [dim, index, type] : llvm::enumerate(indices, indexTypes)) {
    Value i = castNumber(b, loc, index, type, i64);
    Value asIndex = arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
    Value size = memref::DimOp::create(b, loc, memref, dim);
    Value wrapped = asIndex;
    if (!isBoolType(type)) {
      Value zero = arith::ConstantIndexOp::create(b, loc, 0);
      Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                             asIndex, zero);
      wrapped = arith::SelectOp::create(
          b, loc, negative, arith::AddIOp::create(b, loc, asIndex, size),
          asIndex);
    }
    if (boundscheck) {
      // Unsigned: a still-negative index is huge, so out of bounds too.
      Value outOfBounds = arith::CmpIOp::create(
          b, loc, arith::CmpIPredicate::uge, wrapped, size);
      Value axis = arith::ConstantOp::create(b, loc, b.getI64Type(),
                                             b.getI64IntegerAttr(dim));
      Value size64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), size);
      raiseIf(b, loc, outOfBounds, statusConstant(b, loc, MUMBA_INDEX_ERROR),
              kIndexErrorFunction, ValueRange{i, axis, size64});
    }
    result.push_back(wrapped);
  }
  return result;
}

namespace {
/// A pattern that indexes an array, with or without bounds checks.
template <typename OpT>
struct ArrayAccessPattern : public OpConversionPattern<OpT> {
  ArrayAccessPattern(const TypeConverter &converter, MLIRContext *ctx,
                     bool boundscheck)
      : OpConversionPattern<OpT>(converter, ctx), boundscheck(boundscheck) {}

  SmallVector<Value> lowerIndices(ConversionPatternRewriter &rewriter, OpT op,
                                  Value memref, ValueRange indices,
                                  TypeRange indexTypes) const {
    IndexLowering lowering(rewriter, op, *this->getTypeConverter(),
                           boundscheck);
    return lowering.lower(memref, indices, indexTypes);
  }

  bool boundscheck;
};

/// The lowered scalar of each nb index operand.
static SmallVector<Value> scalarsOf(ArrayRef<ValueRange> ranges) {
  SmallVector<Value> scalars;
  for (ValueRange range : ranges)
    scalars.push_back(single(range));
  return scalars;
}

struct ArrayGetItemLowering : public ArrayAccessPattern<GetItemOp> {
  using ArrayAccessPattern::ArrayAccessPattern;
  LogicalResult
  matchAndRewrite(GetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ArrayType>(op.getValue().getType()))
      return failure();
    Value memref = single(adaptor.getValue());
    SmallVector<Value> indices =
        lowerIndices(rewriter, op, memref, scalarsOf(adaptor.getIndices()),
                     op.getIndices().getTypes());
    rewriter.replaceOpWithNewOp<memref::LoadOp>(op, memref, indices);
    return success();
  }
};

struct ArrayStaticGetItemLowering : public ArrayAccessPattern<StaticGetItemOp> {
  using ArrayAccessPattern::ArrayAccessPattern;
  LogicalResult
  matchAndRewrite(StaticGetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ArrayType>(op.getValue().getType()))
      return failure();
    Value memref = single(adaptor.getValue());
    Type i64 = getInt64Type(op.getContext());
    Value index = numberConstant(rewriter, op.getLoc(), i64,
                                 static_cast<int64_t>(op.getIndex()));
    SmallVector<Value> indices =
        lowerIndices(rewriter, op, memref, index, TypeRange{i64});
    rewriter.replaceOpWithNewOp<memref::LoadOp>(op, memref, indices);
    return success();
  }
};

struct ArraySetItemLowering : public ArrayAccessPattern<SetItemOp> {
  using ArrayAccessPattern::ArrayAccessPattern;
  LogicalResult
  matchAndRewrite(SetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto array = dyn_cast<ArrayType>(op.getTarget().getType());
    if (!array)
      return failure();
    Value memref = single(adaptor.getTarget());
    SmallVector<Value> indices =
        lowerIndices(rewriter, op, memref, scalarsOf(adaptor.getIndices()),
                     op.getIndices().getTypes());
    Value value = castNumber(rewriter, op.getLoc(), single(adaptor.getValue()),
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
    if (isa<BoundMethodType>(op.getType())) {
      rewriter.replaceOpWithMultiple(op, {adaptor.getValue()});
      return success();
    }
    Location loc = op.getLoc();
    Value memref = single(adaptor.getValue());
    Type i64 = rewriter.getI64Type();
    int64_t itemSize = array.getItemSize();
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
                                          RewritePatternSet &patterns,
                                          const NBToStdOptions &options) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<ArrayGetItemLowering, ArrayStaticGetItemLowering,
               ArraySetItemLowering>(converter, ctx, options.boundscheck);
  patterns.add<ArrayGetAttrLowering>(converter, ctx);
}

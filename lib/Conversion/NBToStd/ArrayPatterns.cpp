//===- ArrayPatterns.cpp - NumPy arrays as memrefs ------------------------===//
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Symbols.h"

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
  IndexLowering(OpBuilder &b, Location loc, bool boundscheck)
      : b(b), loc(loc), boundscheck(boundscheck) {}

  SmallVector<Value> lower(Value memref, ValueRange indices,
                           TypeRange indexTypes);
  /// The memref index for Python index `index` (of nb type `type`) into
  /// dimension `dim`.
  Value lowerOne(Value memref, unsigned dim, Value index, Type type);

private:
  OpBuilder &b;
  Location loc;
  bool boundscheck;
};
} // namespace

SmallVector<Value> IndexLowering::lower(Value memref, ValueRange indices,
                                        TypeRange indexTypes) {
  SmallVector<Value> result;
  for (auto [dim, index, type] : llvm::enumerate(indices, indexTypes))
    result.push_back(lowerOne(memref, dim, index, type));
  return result;
}

Value IndexLowering::lowerOne(Value memref, unsigned dim, Value index,
                              Type type) {
  Type i64 = getInt64Type(b.getContext());
  Value i = castNumber(b, loc, index, type, i64);
  Value asIndex = arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
  Value size = memref::DimOp::create(b, loc, memref, dim);
  Value wrapped = asIndex;
  if (!isBoolType(type)) {
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, asIndex, zero);
    wrapped = arith::SelectOp::create(
        b, loc, negative, arith::AddIOp::create(b, loc, asIndex, size),
        asIndex);
  }
  if (boundscheck) {
    // Unsigned: a still-negative index is huge, so out of bounds too.
    Value outOfBounds =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, wrapped, size);
    Value axis = arith::ConstantOp::create(b, loc, b.getI64Type(),
                                           b.getI64IntegerAttr(dim));
    Value size64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), size);
    raiseIf(b, loc, outOfBounds, statusConstant(b, loc, MUMBA_INDEX_ERROR),
            MUMBA_SYMBOL_RAISE_INDEX_ERROR, ValueRange{i, axis, size64});
  }
  return wrapped;
}

/// Python's slice.indices(n) for one dimension: the first index, the count
/// and the step, from the slice's bounds (None where `has*` is false).
static std::tuple<Value, Value, Value>
sliceExtent(OpBuilder &b, Location loc, Value size, ValueRange bounds,
            bool hasStart, bool hasStop, bool hasStep) {
  Type i64 = b.getI64Type();
  auto c = [&](int64_t v) -> Value {
    return arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(v));
  };
  auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, loc, pred, x, y);
  };
  auto sel = [&](Value cond, Value x, Value y) -> Value {
    return arith::SelectOp::create(b, loc, cond, x, y);
  };
  Value n = arith::IndexCastOp::create(b, loc, i64, size);
  Value zero = c(0), one = c(1), minusOne = c(-1);
  Value step = hasStep ? bounds[2] : one;
  if (hasStep)
    raiseIf(b, loc, cmp(arith::CmpIPredicate::eq, step, zero),
            statusConstant(b, loc, MUMBA_SLICE_STEP_ZERO));
  Value down = cmp(arith::CmpIPredicate::slt, step, zero);
  Value nMinusOne = arith::SubIOp::create(b, loc, n, one);
  Value low = sel(down, minusOne, zero), high = sel(down, nMinusOne, n);
  auto adjust = [&](Value x) {
    Value wrapped = sel(cmp(arith::CmpIPredicate::slt, x, zero),
                        arith::AddIOp::create(b, loc, x, n), x);
    Value clampedLow =
        sel(cmp(arith::CmpIPredicate::slt, wrapped, zero), low, wrapped);
    return sel(cmp(arith::CmpIPredicate::sge, clampedLow, n), high, clampedLow);
  };
  Value start = hasStart ? adjust(bounds[0]) : sel(down, nMinusOne, zero);
  Value stop = hasStop ? adjust(bounds[1]) : sel(down, minusOne, n);
  // Upwards: (stop - start - 1) / step + 1 when start < stop; downwards
  // the mirror image. Both divisors are positive.
  Value upCount = arith::AddIOp::create(
      b, loc,
      arith::DivSIOp::create(
          b, loc,
          arith::SubIOp::create(
              b, loc, arith::SubIOp::create(b, loc, stop, start), one),
          arith::MaxSIOp::create(b, loc, step, one)),
      one);
  Value negStep = arith::SubIOp::create(b, loc, zero, step);
  Value downCount = arith::AddIOp::create(
      b, loc,
      arith::DivSIOp::create(
          b, loc,
          arith::SubIOp::create(
              b, loc, arith::SubIOp::create(b, loc, start, stop), one),
          arith::MaxSIOp::create(b, loc, negStep, one)),
      one);
  Value count = sel(
      down, sel(cmp(arith::CmpIPredicate::slt, stop, start), downCount, zero),
      sel(cmp(arith::CmpIPredicate::slt, start, stop), upCount, zero));
  auto toIndex = [&](Value v) -> Value {
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  };
  return {toIndex(start), toIndex(count), toIndex(step)};
}

namespace {
/// One index of a view: an integer (already a memref index) or a slice's
/// bounds, with which of them are None.
struct ViewIndex {
  Value scalar;
  ValueRange bounds;
  bool hasStart = false, hasStop = false, hasStep = false;
};
} // namespace

/// `array[indices]` as a view: integers drop a dimension, slices keep one,
/// missing trailing indices keep the whole dimension.
static Value lowerView(OpBuilder &b, Location loc, Value memref,
                       ArrayRef<ViewIndex> indices, MemRefType resultType) {
  auto sourceType = cast<MemRefType>(memref.getType());
  SmallVector<OpFoldResult> offsets, sizes, strides;
  SmallVector<int64_t> resultShape;
  for (int64_t d = 0, e = sourceType.getRank(); d < e; ++d) {
    if (d < static_cast<int64_t>(indices.size()) && indices[d].scalar) {
      offsets.push_back(indices[d].scalar);
      sizes.push_back(b.getIndexAttr(1));
      strides.push_back(b.getIndexAttr(1));
      continue;
    }
    Value size = memref::DimOp::create(b, loc, memref, d);
    resultShape.push_back(ShapedType::kDynamic);
    if (d >= static_cast<int64_t>(indices.size())) {
      offsets.push_back(b.getIndexAttr(0));
      sizes.push_back(size);
      strides.push_back(b.getIndexAttr(1));
      continue;
    }
    const ViewIndex &slice = indices[d];
    auto [start, count, step] =
        sliceExtent(b, loc, size, slice.bounds, slice.hasStart, slice.hasStop,
                    slice.hasStep);
    offsets.push_back(start);
    sizes.push_back(count);
    strides.push_back(step);
  }
  MemRefType inferred = memref::SubViewOp::inferRankReducedResultType(
      resultShape, sourceType, offsets, sizes, strides);
  Value view = memref::SubViewOp::create(b, loc, inferred, memref, offsets,
                                         sizes, strides);
  if (inferred == resultType)
    return view;
  return memref::CastOp::create(b, loc, resultType, view);
}

Value mumba::detail::arrayIteratorElement(OpBuilder &b, Location loc,
                                          Value memref, Value current,
                                          Value valid) {
  auto type = cast<MemRefType>(memref.getType());
  if (type.getRank() > 1) {
    int64_t rank = type.getRank() - 1;
    auto rowType = MemRefType::get(
        SmallVector<int64_t>(rank, ShapedType::kDynamic), type.getElementType(),
        StridedLayoutAttr::get(
            b.getContext(), ShapedType::kDynamic,
            SmallVector<int64_t>(rank, ShapedType::kDynamic)));
    ViewIndex row;
    row.scalar = arith::IndexCastOp::create(b, loc, b.getIndexType(), current);
    return lowerView(b, loc, memref, row, rowType);
  }
  auto load = scf::IfOp::create(
      b, loc, valid,
      [&](OpBuilder &bb, Location l) {
        Value index =
            arith::IndexCastOp::create(bb, l, bb.getIndexType(), current);
        scf::YieldOp::create(
            bb, l, ValueRange{memref::LoadOp::create(bb, l, memref, index)});
      },
      [&](OpBuilder &bb, Location l) {
        scf::YieldOp::create(
            bb, l,
            ValueRange{ub::PoisonOp::create(bb, l, type.getElementType())});
      });
  return load.getResult(0);
}

/// Whether every slice among `indices` is built right there, so that its
/// None bounds are known.
static bool slicesAreBuilt(ValueRange indices) {
  return llvm::all_of(indices, [](Value index) {
    return !isa<SliceType>(index.getType()) ||
           index.getDefiningOp<BuildSliceOp>();
  });
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
    IndexLowering lowering(rewriter, op->getLoc(), boundscheck);
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
    if (isa<ArrayType>(op.getType())) {
      if (!slicesAreBuilt(op.getIndices()))
        return rewriter.notifyMatchFailure(op, "slice of unknown origin");
      auto resultType =
          cast<MemRefType>(getTypeConverter()->convertType(op.getType()));
      IndexLowering scalars(rewriter, op.getLoc(), boundscheck);
      SmallVector<ViewIndex> indices;
      for (auto [dim, nbIndex, lowered] :
           llvm::enumerate(op.getIndices(), adaptor.getIndices())) {
        ViewIndex index;
        if (auto slice = nbIndex.getDefiningOp<BuildSliceOp>()) {
          auto given = [](Value v) { return !isa<PyNoneType>(v.getType()); };
          index.bounds = lowered;
          index.hasStart = given(slice.getStart());
          index.hasStop = given(slice.getStop());
          index.hasStep = given(slice.getStep());
        } else {
          index.scalar =
              scalars.lowerOne(memref, dim, single(lowered), nbIndex.getType());
        }
        indices.push_back(index);
      }
      rewriter.replaceOp(
          op, lowerView(rewriter, op.getLoc(), memref, indices, resultType));
      return success();
    }
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
    if (isa<ArrayType>(op.getType())) {
      // a[k] of an n-d array: the (n-1)-d view of row k.
      auto resultType =
          cast<MemRefType>(getTypeConverter()->convertType(op.getType()));
      IndexLowering scalars(rewriter, op.getLoc(), boundscheck);
      ViewIndex row;
      row.scalar = scalars.lowerOne(memref, 0, index, i64);
      rewriter.replaceOp(
          op, lowerView(rewriter, op.getLoc(), memref, row, resultType));
      return success();
    }
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

namespace {
/// A slice's bounds as three i64; a None bound is a 0 that its users know
/// to ignore (they read the types of the nb.build_slice operands).
struct BuildSliceLowering : public OpConversionPattern<BuildSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(BuildSliceOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type i64 = getInt64Type(op.getContext());
    SmallVector<Value> bounds;
    for (auto [bound, lowered] :
         llvm::zip(op.getOperands(), adaptor.getOperands())) {
      if (isa<PyNoneType>(bound.getType()))
        bounds.push_back(numberConstant(rewriter, op.getLoc(), i64, 0));
      else
        bounds.push_back(castNumber(rewriter, op.getLoc(), single(lowered),
                                    bound.getType(), i64));
    }
    rewriter.replaceOpWithMultiple(op, {bounds});
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
  patterns.add<ArrayGetAttrLowering, BuildSliceLowering>(converter, ctx);
}

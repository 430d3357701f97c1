//===- ArrayExprPatterns.cpp - nb.arrayexpr and nb.copyto -----------------===//
//
// An array expression is one linalg.generic over the broadcast shape, on
// memrefs: each array input is viewed at the result's rank with stride 0
// where it broadcasts (a size-1 or missing dimension), scalars enter through
// the empty indexing map, and the scalar body moves into the generic, where
// its nb ops lower as usual, with NumPy's error model (division by zero
// gives inf, nan or 0; nothing raises inside). Shapes that do not broadcast
// raise NumPy's ValueError before any element is computed.
//
//===----------------------------------------------------------------------===//
#include "ArrayAllocation.h"
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/ArrayTyping.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

static Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// The extents of an array memref.
static SmallVector<Value> sizesOf(OpBuilder &b, Location loc, Value memref) {
  SmallVector<Value> sizes;
  for (int64_t d = 0, e = cast<MemRefType>(memref.getType()).getRank(); d < e;
       ++d)
    sizes.push_back(memref::DimOp::create(b, loc, memref, d));
  return sizes;
}

/// Raises NumPy's ValueError for shapes that do not broadcast when `bad`
/// holds: the runtime formats the message from the shapes (`kind` 0: the
/// operands of an expression; 1: a source into a destination, which is
/// last).
static void raiseBroadcastError(OpBuilder &b, Location loc, Value bad,
                                ArrayRef<SmallVector<Value>> shapes,
                                int64_t kind) {
  int64_t count = 0;
  for (const SmallVector<Value> &shape : shapes)
    count += 1 + shape.size();
  Type i64 = b.getI64Type();
  Value buffer =
      memref::AllocaOp::create(b, loc, MemRefType::get({count}, i64));
  int64_t slot = 0;
  auto store = [&](Value v) {
    if (v.getType().isIndex())
      v = arith::IndexCastOp::create(b, loc, i64, v);
    memref::StoreOp::create(b, loc, v, buffer,
                            ValueRange{indexConstant(b, loc, slot++)});
  };
  for (const SmallVector<Value> &shape : shapes) {
    store(arith::ConstantOp::create(b, loc, i64,
                                    b.getI64IntegerAttr(shape.size())));
    for (Value size : shape)
      store(size);
  }
  Value address = arith::IndexCastOp::create(
      b, loc, i64,
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, buffer));
  Value operands = arith::ConstantOp::create(
      b, loc, i64, b.getI64IntegerAttr(int64_t(shapes.size())));
  Value mode =
      arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(kind));
  StringRef recorder =
      declareExternalFunction(b, loc, MUMBA_SYMBOL_RAISE_BROADCAST,
                              b.getFunctionType({i64, i64, i64}, {}));
  raiseIf(b, loc, bad, statusConstant(b, loc, MUMBA_USER_EXCEPTION), recorder,
          ValueRange{address, operands, mode});
}

/// `memref` (of rank r) seen at rank `sizes.size()` with the given extents:
/// leading dimensions added and size-1 dimensions stretched, both with
/// stride 0, as NumPy broadcasts.
static Value broadcastView(OpBuilder &b, Location loc, Value memref,
                           ArrayRef<Value> sizes) {
  auto type = cast<MemRefType>(memref.getType());
  int64_t rank = sizes.size(), lead = rank - type.getRank();
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  Value zero = indexConstant(b, loc, 0), one = indexConstant(b, loc, 1);
  SmallVector<OpFoldResult> strides, extents;
  for (int64_t d = 0; d < rank; ++d) {
    extents.push_back(sizes[d]);
    if (d < lead) {
      strides.push_back(zero);
      continue;
    }
    Value own = metadata.getSizes()[d - lead];
    Value stretched =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, own, one);
    strides.push_back(arith::SelectOp::create(b, loc, stretched, zero,
                                              metadata.getStrides()[d - lead])
                          .getResult());
  }
  auto layout =
      StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic,
                             SmallVector<int64_t>(rank, ShapedType::kDynamic));
  auto viewType =
      MemRefType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic),
                      type.getElementType(), layout);
  return memref::ReinterpretCastOp::create(
      b, loc, viewType, metadata.getBaseBuffer(),
      OpFoldResult(metadata.getOffset()), extents, strides);
}

/// The broadcast extents of `arrays` at rank `rank`, raising NumPy's
/// ValueError where two of them differ and neither is 1.
static SmallVector<Value> broadcastSizes(OpBuilder &b, Location loc,
                                         ArrayRef<Value> arrays, int64_t rank) {
  Value one = indexConstant(b, loc, 1);
  SmallVector<Value> sizes(rank, one);
  SmallVector<SmallVector<Value>> shapes;
  for (Value array : arrays) {
    shapes.push_back(sizesOf(b, loc, array));
    int64_t lead = rank - shapes.back().size();
    for (auto [k, size] : llvm::enumerate(shapes.back())) {
      Value isOne =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, one);
      sizes[lead + k] =
          arith::SelectOp::create(b, loc, isOne, sizes[lead + k], size);
    }
  }
  Value bad;
  for (const SmallVector<Value> &shape : shapes) {
    int64_t lead = rank - shape.size();
    for (auto [k, size] : llvm::enumerate(shape)) {
      Value fits = arith::OrIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, one),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size,
                                sizes[lead + k]));
      Value wrong =
          arith::XOrIOp::create(b, loc, fits,
                                arith::ConstantOp::create(b, loc, b.getI1Type(),
                                                          b.getBoolAttr(true)));
      bad = bad ? arith::OrIOp::create(b, loc, bad, wrong).getResult() : wrong;
    }
  }
  if (bad && arrays.size() > 1)
    raiseBroadcastError(b, loc, bad, shapes, /*kind=*/0);
  return sizes;
}

namespace {
struct ArrayExprLowering : public OpConversionPattern<ArrayExprOp> {
  using OpConversionPattern::OpConversionPattern;

  /// One linalg.generic computing `op` into `out`: on broadcast views of
  /// the array inputs, or on the inputs themselves; with the body moved in,
  /// or a copy of it (`clone`, for the first of two generics).
  LogicalResult buildGeneric(ArrayExprOp op, OneToNOpAdaptor adaptor,
                             ConversionPatternRewriter &rewriter, Value out,
                             ArrayRef<Value> sizes, bool broadcast,
                             bool clone) const {
    Location loc = op.getLoc();
    int64_t rank = sizes.size();
    MLIRContext *ctx = rewriter.getContext();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap scalarMap = AffineMap::get(rank, 0, ctx);
    SmallVector<Value> ins;
    SmallVector<AffineMap> maps;
    for (auto [input, lowered] :
         llvm::zip(op.getInputs(), adaptor.getInputs())) {
      bool isArray = isa<ArrayType>(input.getType());
      Value value = single(lowered);
      if (isArray && broadcast)
        value = broadcastView(rewriter, loc, value, sizes);
      ins.push_back(value);
      maps.push_back(isArray ? identity : scalarMap);
    }
    maps.push_back(identity);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto generic = linalg::GenericOp::create(rewriter, loc, TypeRange{}, ins,
                                             ValueRange{out}, maps, iterators);
    // The scalar body becomes the generic's, its arguments converted, the
    // output element added (unused: every element is written).
    Region &body = generic.getRegion();
    if (clone)
      rewriter.cloneRegionBefore(op.getBody(), body, body.end());
    else
      rewriter.inlineRegionBefore(op.getBody(), body, body.end());
    if (failed(rewriter.convertRegionTypes(&body, *getTypeConverter())))
      return rewriter.notifyMatchFailure(op, "body types do not convert");
    MemRefType outType = cast<MemRefType>(out.getType());
    body.front().addArgument(outType.getElementType(), loc);
    return success();
  }

  LogicalResult
  matchAndRewrite(ArrayExprOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ArrayType resultType = op.getResult().getType();
    int64_t rank = resultType.getNdim();
    SmallVector<Value> arrays;
    for (auto [input, lowered] : llvm::zip(op.getInputs(), adaptor.getInputs()))
      if (isa<ArrayType>(input.getType()))
        arrays.push_back(single(lowered));
    SmallVector<Value> sizes = broadcastSizes(rewriter, loc, arrays, rank);
    auto outType =
        cast<MemRefType>(getTypeConverter()->convertType(resultType));
    Value out = allocateArray(rewriter, loc, outType, sizes,
                              resultType.getDtype(), SizeCheck::Broadcast);

    // Where no input broadcasts (each has the result's rank and shape), the
    // generic reads the inputs' own memrefs: a C-contiguous input keeps its
    // unit stride, which the vectorizer needs. Otherwise, broadcast views.
    bool sameRank = llvm::all_of(arrays, [&](Value array) {
      return cast<MemRefType>(array.getType()).getRank() == rank;
    });
    if (sameRank && rank > 0 && arrays.size() > 1) {
      Value same;
      for (Value array : arrays)
        for (auto [d, size] : llvm::enumerate(sizesOf(rewriter, loc, array))) {
          Value equal = arith::CmpIOp::create(
              rewriter, loc, arith::CmpIPredicate::eq, size, sizes[d]);
          same = same ? arith::AndIOp::create(rewriter, loc, same, equal)
                            .getResult()
                      : equal;
        }
      auto ifOp = scf::IfOp::create(rewriter, loc, same, /*withElse=*/true);
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(&ifOp.getElseRegion().front());
      if (failed(buildGeneric(op, adaptor, rewriter, out, sizes,
                              /*broadcast=*/true, /*clone=*/true)))
        return failure();
      rewriter.setInsertionPointToStart(&ifOp.getThenRegion().front());
      if (failed(buildGeneric(op, adaptor, rewriter, out, sizes,
                              /*broadcast=*/false, /*clone=*/false)))
        return failure();
    } else if (failed(buildGeneric(op, adaptor, rewriter, out, sizes,
                                   /*broadcast=*/true, /*clone=*/false))) {
      return failure();
    }
    rewriter.replaceOpWithMultiple(op, {{out}});
    return success();
  }
};

struct YieldLowering : public OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(YieldOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<linalg::YieldOp>(
        op, ValueRange{single(adaptor.getValue())});
    return success();
  }
};

struct CopyToLowering : public OpConversionPattern<CopyToOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CopyToOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value dest = single(adaptor.getDest());
    ArrayType destType = op.getDest().getType();
    Type dtype = destType.getDtype();
    Type sourceType = op.getSource().getType();
    if (!isa<ArrayType>(sourceType)) {
      Value value = castNumber(rewriter, loc, single(adaptor.getSource()),
                               sourceType, dtype);
      rewriter.replaceOpWithNewOp<linalg::FillOp>(op, ValueRange{value},
                                                  ValueRange{dest});
      return success();
    }
    int64_t rank = destType.getNdim();
    Value source = single(adaptor.getSource());
    SmallVector<Value> destSizes = sizesOf(rewriter, loc, dest);
    SmallVector<Value> sourceSizes = sizesOf(rewriter, loc, source);
    // The source must broadcast to the destination's shape exactly.
    Value one = indexConstant(rewriter, loc, 1), bad;
    int64_t lead = rank - sourceSizes.size();
    for (auto [k, size] : llvm::enumerate(sourceSizes)) {
      Value fits = arith::OrIOp::create(
          rewriter, loc,
          arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq, size,
                                one),
          arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq, size,
                                destSizes[lead + k]));
      Value wrong = arith::XOrIOp::create(
          rewriter, loc, fits,
          arith::ConstantOp::create(rewriter, loc, rewriter.getI1Type(),
                                    rewriter.getBoolAttr(true)));
      bad = bad ? arith::OrIOp::create(rewriter, loc, bad, wrong).getResult()
                : wrong;
    }
    if (bad)
      raiseBroadcastError(rewriter, loc, bad, {sourceSizes, destSizes},
                          /*kind=*/1);
    // A source that may share memory with the destination (a[1:] = a[:-1])
    // is read in full first, as NumPy does; a new array never does.
    if (!op.getSource().getDefiningOp<ArrayExprOp>())
      source = copyIfOverlapping(rewriter, loc, source, dest);
    Value view = broadcastView(rewriter, loc, source, destSizes);
    MLIRContext *ctx = rewriter.getContext();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Type sourceDtype = cast<ArrayType>(sourceType).getDtype();
    linalg::GenericOp::create(
        rewriter, loc, TypeRange{}, ValueRange{view}, ValueRange{dest},
        SmallVector<AffineMap>{identity, identity}, iterators,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          linalg::YieldOp::create(
              b, bodyLoc,
              ValueRange{castNumber(b, bodyLoc, args[0], sourceDtype, dtype)});
        });
    rewriter.eraseOp(op);
    return success();
  }

  /// The lowest and one past the highest address `memref` may touch.
  static std::pair<Value, Value> extent(OpBuilder &b, Location loc,
                                        Value memref) {
    auto type = cast<MemRefType>(memref.getType());
    auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
    Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
    Value item = indexConstant(b, loc,
                               type.getElementTypeBitWidth() / 8 > 0
                                   ? type.getElementTypeBitWidth() / 8
                                   : 1);
    Value zero = indexConstant(b, loc, 0), one = indexConstant(b, loc, 1);
    Value low = metadata.getOffset(), high = metadata.getOffset();
    Value empty;
    for (auto [size, stride] :
         llvm::zip(metadata.getSizes(), metadata.getStrides())) {
      Value last = arith::MulIOp::create(
          b, loc, arith::SubIOp::create(b, loc, size, one), stride);
      Value negative =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, last, zero);
      low = arith::AddIOp::create(
          b, loc, low, arith::SelectOp::create(b, loc, negative, last, zero));
      high = arith::AddIOp::create(
          b, loc, high, arith::SelectOp::create(b, loc, negative, zero, last));
      Value isEmpty =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, zero);
      empty = empty ? arith::OrIOp::create(b, loc, empty, isEmpty).getResult()
                    : isEmpty;
    }
    (void)empty;
    Value lowBytes = arith::AddIOp::create(
        b, loc, base, arith::MulIOp::create(b, loc, low, item));
    Value highBytes = arith::AddIOp::create(
        b, loc, base,
        arith::MulIOp::create(b, loc, arith::AddIOp::create(b, loc, high, one),
                              item));
    return {lowBytes, highBytes};
  }

  /// `source`, or a copy of it where its memory overlaps `dest`'s.
  static Value copyIfOverlapping(OpBuilder &b, Location loc, Value source,
                                 Value dest) {
    auto [sLow, sHigh] = extent(b, loc, source);
    auto [dLow, dHigh] = extent(b, loc, dest);
    Value overlap = arith::AndIOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, sLow, dHigh),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, dLow, sHigh));
    auto type = cast<MemRefType>(source.getType());
    int64_t rank = type.getRank();
    auto anyLayout =
        MemRefType::get(type.getShape(), type.getElementType(),
                        StridedLayoutAttr::get(
                            b.getContext(), ShapedType::kDynamic,
                            SmallVector<int64_t>(rank, ShapedType::kDynamic)));
    auto ifOp = scf::IfOp::create(
        b, loc, overlap,
        [&](OpBuilder &then, Location l) {
          auto plain = MemRefType::get(type.getShape(), type.getElementType());
          Value copy =
              memref::AllocOp::create(then, l, plain, sizesOf(then, l, source));
          // A generic, not memref.copy: that calls a runtime library
          // function for strided memrefs.
          AffineMap identity =
              AffineMap::getMultiDimIdentityMap(rank, then.getContext());
          linalg::GenericOp::create(
              then, l, TypeRange{}, ValueRange{source}, ValueRange{copy},
              SmallVector<AffineMap>{identity, identity},
              SmallVector<utils::IteratorType>(rank,
                                               utils::IteratorType::parallel),
              [](OpBuilder &body, Location bodyLoc, ValueRange args) {
                linalg::YieldOp::create(body, bodyLoc, ValueRange{args[0]});
              });
          scf::YieldOp::create(
              then, l,
              ValueRange{memref::CastOp::create(then, l, anyLayout, copy)
                             .getResult()});
        },
        [&](OpBuilder &otherwise, Location l) {
          Value same =
              source.getType() == anyLayout
                  ? source
                  : memref::CastOp::create(otherwise, l, anyLayout, source)
                        .getResult();
          scf::YieldOp::create(otherwise, l, ValueRange{same});
        });
    return ifOp.getResult(0);
  }
};
} // namespace

void mumba::detail::populateArrayExprPatterns(NBTypeConverter &converter,
                                              RewritePatternSet &patterns) {
  patterns.add<ArrayExprLowering, YieldLowering, CopyToLowering>(
      converter, patterns.getContext());
}

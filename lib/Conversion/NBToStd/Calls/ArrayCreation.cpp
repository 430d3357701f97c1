//===- ArrayCreation.cpp - Lowering of array creation ---------------------===//
//
// Arrays created in compiled code are allocated by allocateArray
// (ArrayAllocation.h: NumPy's size checks, the runtime's allocator after
// lowering) with a C-contiguous layout, and filled by scf.for loop nests. The
// buffer-deallocation pipeline frees the ones that are not returned; returned
// ones pass to NumPy.
//
//===----------------------------------------------------------------------===//
#include "../ArrayAllocation.h"
#include "../PatternUtils.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

static Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

namespace {
/// A new array: its memref and its extents.
struct NewArray {
  Value memref;
  SmallVector<Value> sizes;
};
} // namespace

/// Allocates a C-contiguous array of `type` with the given (non-negative)
/// extents, raising where NumPy would: too big, out of memory.
static NewArray allocate(OpBuilder &b, Location loc, ArrayType type,
                         ValueRange sizes) {
  SmallVector<int64_t> shape(type.getNdim(), ShapedType::kDynamic);
  auto memrefType = MemRefType::get(shape, toStdScalarType(type.getDtype()));
  Value memref = allocateArray(b, loc, memrefType, sizes, type.getDtype());
  return NewArray{memref, SmallVector<Value>(sizes)};
}

/// Raises `status` here, before anything is allocated, when `cond` holds.
static void raiseNow(OpBuilder &b, Location loc, Value cond,
                     MumbaStatus status) {
  mumba::detail::raiseIf(b, loc, cond,
                         mumba::detail::statusConstant(b, loc, status));
}

static void fill(OpBuilder &b, Location loc, const NewArray &array,
                 Value value) {
  forEachIndex(b, loc, array.sizes,
               [&](OpBuilder &nested, Location l, ValueRange ivs) {
                 memref::StoreOp::create(nested, l, value, array.memref, ivs);
               });
}

/// The extents a shape argument gives, and whether any is negative.
static std::pair<SmallVector<Value>, Value>
shapeExtents(OpBuilder &b, Location loc, ValueRange shape, Type shapeType) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Type> elementTypes;
  if (auto tuple = dyn_cast<TupleType>(shapeType))
    llvm::append_range(elementTypes, tuple.getTypes());
  else
    elementTypes.push_back(shapeType);
  SmallVector<Value> sizes;
  Value anyNegative =
      arith::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(false));
  Value zero = numberConstant(b, loc, i64, 0);
  for (auto [value, type] : llvm::zip(shape, elementTypes)) {
    Value n = castNumber(b, loc, value, type, i64);
    anyNegative = arith::OrIOp::create(
        b, loc, anyNegative,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zero));
    sizes.push_back(arith::IndexCastOp::create(b, loc, b.getIndexType(), n));
  }
  return {sizes, anyNegative};
}

/// np.empty/zeros/ones/full: allocate from a shape, fill with `value` if any.
static LoweredCall createFromShape(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType,
                                   std::optional<double> fillConstant,
                                   Value fillValue = {}) {
  auto type = cast<ArrayType>(resultType);
  auto [sizes, negative] = shapeExtents(b, loc, args[0], argTypes[0]);
  raiseNow(b, loc, negative, MUMBA_NEGATIVE_DIMENSIONS);
  NewArray array = allocate(b, loc, type, sizes);
  if (fillConstant)
    fillValue = numberConstant(b, loc, type.getDtype(), *fillConstant);
  if (fillValue)
    fill(b, loc, array, fillValue);
  return single(array.memref);
}

static LoweredCall lowerEmpty(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, std::nullopt);
}

static LoweredCall lowerZeros(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, 0.0);
}

static LoweredCall lowerOnes(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, 1.0);
}

static LoweredCall lowerFull(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Value value = castNumber(b, loc, args[1].front(), argTypes[1],
                           cast<ArrayType>(resultType).getDtype());
  return createFromShape(b, loc, args, argTypes, resultType, std::nullopt,
                         value);
}

/// The extents of an existing array.
static SmallVector<Value> extentsOf(OpBuilder &b, Location loc, Value memref) {
  SmallVector<Value> sizes;
  for (int64_t d = 0, e = cast<MemRefType>(memref.getType()).getRank(); d < e;
       ++d)
    sizes.push_back(memref::DimOp::create(b, loc, memref, d));
  return sizes;
}

static LoweredCall createLike(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args, Type resultType,
                              std::optional<double> fillConstant) {
  auto type = cast<ArrayType>(resultType);
  NewArray array = allocate(b, loc, type, extentsOf(b, loc, args[0].front()));
  if (fillConstant)
    fill(b, loc, array, numberConstant(b, loc, type.getDtype(), *fillConstant));
  return LoweredCall{{array.memref}, {}, MUMBA_OK};
}

static LoweredCall lowerEmptyLike(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args, ArrayRef<Type>,
                                  Type resultType) {
  return createLike(b, loc, args, resultType, std::nullopt);
}

static LoweredCall lowerZerosLike(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args, ArrayRef<Type>,
                                  Type resultType) {
  return createLike(b, loc, args, resultType, 0.0);
}

static LoweredCall lowerOnesLike(OpBuilder &b, Location loc,
                                 ArrayRef<ValueRange> args, ArrayRef<Type>,
                                 Type resultType) {
  return createLike(b, loc, args, resultType, 1.0);
}

static LoweredCall lowerCopy(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type>,
                             Type resultType) {
  Value source = args[0].front();
  NewArray array =
      allocate(b, loc, cast<ArrayType>(resultType), extentsOf(b, loc, source));
  // An element loop rather than memref.copy: the source may have any
  // strides, and a loop needs no runtime helper.
  forEachIndex(b, loc, array.sizes,
               [&](OpBuilder &nested, Location l, ValueRange ivs) {
                 Value v = memref::LoadOp::create(nested, l, source, ivs);
                 memref::StoreOp::create(nested, l, v, array.memref, ivs);
               });
  return LoweredCall{{array.memref}, {}, MUMBA_OK};
}

static LoweredCall lowerArange(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  auto type = cast<ArrayType>(resultType);
  Type dtype = type.getDtype();
  // Compute in float64 when any bound is a float, as NumPy does; else int64.
  bool anyFloat = false;
  for (size_t i = 0; i < std::min<size_t>(argTypes.size(), 3); ++i)
    anyFloat |= argTypes[i] && isa<FloatType>(argTypes[i]);
  Type work = anyFloat ? Type(Float64Type::get(b.getContext()))
                       : Type(getInt64Type(b.getContext()));
  auto given = [&](size_t i) { return i < args.size() && !args[i].empty(); };
  auto value = [&](size_t i) {
    return castNumber(b, loc, args[i].front(), argTypes[i], work);
  };
  Value start, stop, step;
  if (given(1)) {
    start = value(0);
    stop = value(1);
  } else {
    start = numberConstant(b, loc, work, 0);
    stop = value(0);
  }
  step = given(2) ? value(2) : numberConstant(b, loc, work, 1);

  // length = max(0, ceil((stop - start) / step)); NumPy's errors first.
  Value length;
  if (anyFloat) {
    Value zero = numberConstant(b, loc, work, 0);
    raiseNow(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, step, zero),
        MUMBA_ZERO_DIV_FLOAT);
    Value count = math::CeilOp::create(
        b, loc,
        arith::DivFOp::create(
            b, loc, arith::SubFOp::create(b, loc, stop, start), step));
    raiseException(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, count, count),
        "ValueError", "arange: cannot compute length");
    // NumPy checks the signed count against the intp range, so a hugely
    // negative count is an error too, not an empty array.
    Value low = numberConstant(b, loc, work, -0x1p63);
    Value high = numberConstant(b, loc, work, 0x1p63);
    Value outside = arith::OrIOp::create(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, count, low),
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, count, high));
    raiseException(b, loc, outside, "ValueError",
                   "Maximum allowed size exceeded");
    count = arith::MaximumFOp::create(b, loc, count, zero);
    length = arith::FPToSIOp::create(b, loc, b.getI64Type(), count);
  } else {
    // Exactly, in unsigned arithmetic: stop - start may not fit an int64.
    Value zero = numberConstant(b, loc, work, 0);
    Value one = numberConstant(b, loc, work, 1);
    raiseNow(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step, zero),
        MUMBA_ZERO_TRUEDIV);
    Value up =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, step, zero);
    // |stop - start| and |step| as unsigned numbers: both always fit.
    Value distance = arith::SelectOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, stop, start),
        arith::SubIOp::create(b, loc, stop, start),
        arith::SubIOp::create(b, loc, start, stop));
    Value stride = arith::SelectOp::create(
        b, loc, up, step, arith::SubIOp::create(b, loc, zero, step));
    Value empty = arith::SelectOp::create(
        b, loc, up,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, stop, start),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, stop, start));
    // A zero step has raised; keep the division defined meanwhile.
    Value safeStride = arith::MaxUIOp::create(b, loc, stride, one);
    Value count = arith::CeilDivUIOp::create(b, loc, distance, safeStride);
    count = arith::SelectOp::create(b, loc, empty, zero, count);
    // NumPy computes the count as a float and range-checks it signed: an
    // empty range whose negative count is below -2**63 is an error too.
    Type f64 = b.getF64Type();
    Value negativeCount = arith::DivFOp::create(
        b, loc, arith::UIToFPOp::create(b, loc, f64, distance),
        arith::UIToFPOp::create(b, loc, f64, safeStride));
    Value tooNegative = arith::AndIOp::create(
        b, loc, empty,
        arith::CmpFOp::create(
            b, loc, arith::CmpFPredicate::OGT, negativeCount,
            arith::ConstantOp::create(b, loc, f64, b.getF64FloatAttr(0x1p63))));
    Value tooLong = arith::OrIOp::create(
        b, loc, tooNegative,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, count, zero));
    raiseException(b, loc, tooLong, "ValueError",
                   "Maximum allowed size exceeded");
    length = count;
  }
  Value size = arith::IndexCastOp::create(b, loc, b.getIndexType(), length);
  NewArray array = allocate(b, loc, type, size);
  forEachIndex(
      b, loc, array.sizes, [&](OpBuilder &nested, Location l, ValueRange ivs) {
        Value i =
            arith::IndexCastOp::create(nested, l, nested.getI64Type(), ivs[0]);
        Value iw =
            castNumber(nested, l, i, getInt64Type(nested.getContext()), work);
        Value v = anyFloat ? Value(arith::AddFOp::create(
                                 nested, l, start,
                                 arith::MulFOp::create(nested, l, iw, step)))
                           : Value(arith::AddIOp::create(
                                 nested, l, start,
                                 arith::MulIOp::create(nested, l, iw, step)));
        memref::StoreOp::create(nested, l,
                                castNumber(nested, l, v, work, dtype),
                                array.memref, ivs);
      });
  return single(array.memref);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static const CallLowering kTable[] = {
    {"numpy.empty", lowerEmpty},
    {"numpy.zeros", lowerZeros},
    {"numpy.ones", lowerOnes},
    {"numpy.full", lowerFull},
    {"numpy.empty_like", lowerEmptyLike},
    {"numpy.zeros_like", lowerZerosLike},
    {"numpy.ones_like", lowerOnesLike},
    {"numpy.arange", lowerArange},
    {"array.copy", lowerCopy},
};

ArrayRef<CallLowering> mumba::nb::detail::getArrayLowering() { return kTable; }

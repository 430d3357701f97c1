//===- ArrayCreation.cpp - Templates that create arrays -------------------===//
//
// Arrays created in compiled code are memref.alloc'ed (the runtime's
// allocator after lowering) with a C-contiguous layout, and filled by scf.for
// loop nests. The buffer-deallocation pipeline frees the ones that are not
// returned; returned ones pass to NumPy.
//
//===----------------------------------------------------------------------===//
#include "ArrayCreation.h"
#include "Templates.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Typing
//===----------------------------------------------------------------------===//

/// The rank a shape argument gives: an int is 1-D, a tuple of ints N-D.
static std::optional<unsigned> shapeRank(Operation *op, Type shape) {
  if (isIntType(shape) || isBoolType(shape))
    return 1;
  if (auto tuple = dyn_cast<TupleType>(shape)) {
    if (llvm::all_of(tuple.getTypes(),
                     [](Type t) { return isIntType(t) || isBoolType(t); }))
      return tuple.size();
  }
  op->emitError() << "a shape must be an int or a tuple of ints, got "
                  << quoteType(shape);
  return std::nullopt;
}

/// The element type a `dtype=` argument names, `fallback` when omitted.
static Type dtypeOf(Operation *op, Type dtype, Type fallback) {
  if (!dtype)
    return fallback;
  if (auto numpyType = dyn_cast<DTypeType>(dtype))
    return numpyType.getDtype();
  if (auto builtin = dyn_cast<PyFunctionType>(dtype)) {
    MLIRContext *ctx = op->getContext();
    if (builtin.getName() == "float")
      return Float64Type::get(ctx);
    if (builtin.getName() == "int")
      return getInt64Type(ctx);
    if (builtin.getName() == "bool")
      return IntegerType::get(ctx, 1);
  }
  op->emitError() << "unsupported dtype " << quoteType(dtype)
                  << ": use a NumPy scalar type such as np.float32";
  return {};
}

static bool expectArgs(Operation *op, ArrayRef<Type> args, size_t required,
                       StringRef what) {
  for (size_t i = 0; i < required; ++i)
    if (i >= args.size() || !args[i]) {
      op->emitError() << what << "() is missing a required argument";
      return false;
    }
  return true;
}

Type mumba::nb::detail::typeEmpty(Operation *op, ArrayRef<Type> args) {
  if (!expectArgs(op, args, 1, "np.empty/np.zeros/np.ones"))
    return {};
  std::optional<unsigned> rank = shapeRank(op, args[0]);
  Type dtype = dtypeOf(op, args.size() > 1 ? args[1] : Type(),
                       Float64Type::get(op->getContext()));
  if (!rank || !dtype)
    return {};
  return ArrayType::get(op->getContext(), dtype, *rank, ArrayLayout::C);
}

Type mumba::nb::detail::typeFull(Operation *op, ArrayRef<Type> args) {
  if (!expectArgs(op, args, 2, "np.full"))
    return {};
  std::optional<unsigned> rank = shapeRank(op, args[0]);
  if (!rank)
    return {};
  if (!isRealType(args[1])) {
    op->emitError() << "np.full() fills with a real number, got "
                    << quoteType(args[1]);
    return {};
  }
  Type dtype = dtypeOf(op, args.size() > 2 ? args[2] : Type(), args[1]);
  if (!dtype)
    return {};
  return ArrayType::get(op->getContext(), dtype, *rank, ArrayLayout::C);
}

Type mumba::nb::detail::typeLike(Operation *op, ArrayRef<Type> args) {
  if (!expectArgs(op, args, 1, "np.*_like"))
    return {};
  auto array = dyn_cast<ArrayType>(args[0]);
  if (!array) {
    op->emitError() << "np.*_like() expects an array, got "
                    << quoteType(args[0]);
    return {};
  }
  Type dtype =
      dtypeOf(op, args.size() > 1 ? args[1] : Type(), array.getDtype());
  if (!dtype)
    return {};
  return ArrayType::get(op->getContext(), dtype, array.getNdim(),
                        ArrayLayout::C);
}

Type mumba::nb::detail::typeArange(Operation *op, ArrayRef<Type> args) {
  if (!expectArgs(op, args, 1, "np.arange"))
    return {};
  Type fallback = getInt64Type(op->getContext());
  for (size_t i = 0; i < std::min<size_t>(args.size(), 3); ++i) {
    if (!args[i])
      continue;
    if (!isRealType(args[i])) {
      op->emitError() << "np.arange() expects real numbers, got "
                      << quoteType(args[i]);
      return {};
    }
    if (isa<FloatType>(args[i]))
      fallback = Float64Type::get(op->getContext());
  }
  Type dtype = dtypeOf(op, args.size() > 3 ? args[3] : Type(), fallback);
  if (!dtype)
    return {};
  return ArrayType::get(op->getContext(), dtype, 1, ArrayLayout::C);
}

Type mumba::nb::detail::typeCopy(Operation *op, ArrayRef<Type> args) {
  auto array = args.size() == 1 ? dyn_cast<ArrayType>(args[0]) : ArrayType();
  if (!array) {
    op->emitError() << "copy() takes no arguments";
    return {};
  }
  return ArrayType::get(op->getContext(), array.getDtype(), array.getNdim(),
                        ArrayLayout::C);
}

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

namespace {
/// A new array: its memref and its extents.
struct NewArray {
  Value memref;
  SmallVector<Value> sizes;
};
} // namespace

static Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// Allocates a C-contiguous array of `type` with the given extents.
static NewArray allocate(OpBuilder &b, Location loc, ArrayType type,
                         ValueRange sizes) {
  SmallVector<int64_t> shape(type.getNdim(), ShapedType::kDynamic);
  auto memrefType = MemRefType::get(shape, toStdScalarType(type.getDtype()));
  // 64-byte alignment: a cache line, and whole AVX-512 vectors.
  Value memref = memref::AllocOp::create(b, loc, memrefType, sizes,
                                         b.getI64IntegerAttr(64));
  return NewArray{memref, SmallVector<Value>(sizes)};
}

/// Runs `body` for every index of an array of the given extents.
static void
forEachIndex(OpBuilder &b, Location loc, ValueRange sizes,
             function_ref<void(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<Value> zeros(sizes.size(), indexConstant(b, loc, 0));
  SmallVector<Value> ones(sizes.size(), indexConstant(b, loc, 1));
  scf::buildLoopNest(b, loc, zeros, sizes, ones, body);
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
  // Allocate only valid extents: clamp, the raise happens before any use.
  for (Value &size : sizes)
    size = arith::MaxSIOp::create(b, loc, size, indexConstant(b, loc, 0));
  NewArray array = allocate(b, loc, type, sizes);
  if (fillConstant)
    fillValue = numberConstant(b, loc, type.getDtype(), *fillConstant);
  if (fillValue)
    fill(b, loc, array, fillValue);
  return LoweredCall{{array.memref}, negative, MUMBA_NEGATIVE_DIMENSIONS};
}

LoweredCall mumba::nb::detail::lowerEmpty(OpBuilder &b, Location loc,
                                          ArrayRef<ValueRange> args,
                                          ArrayRef<Type> argTypes,
                                          Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, std::nullopt);
}

LoweredCall mumba::nb::detail::lowerZeros(OpBuilder &b, Location loc,
                                          ArrayRef<ValueRange> args,
                                          ArrayRef<Type> argTypes,
                                          Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, 0.0);
}

LoweredCall mumba::nb::detail::lowerOnes(OpBuilder &b, Location loc,
                                         ArrayRef<ValueRange> args,
                                         ArrayRef<Type> argTypes,
                                         Type resultType) {
  return createFromShape(b, loc, args, argTypes, resultType, 1.0);
}

LoweredCall mumba::nb::detail::lowerFull(OpBuilder &b, Location loc,
                                         ArrayRef<ValueRange> args,
                                         ArrayRef<Type> argTypes,
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

LoweredCall mumba::nb::detail::lowerEmptyLike(OpBuilder &b, Location loc,
                                              ArrayRef<ValueRange> args,
                                              ArrayRef<Type>, Type resultType) {
  return createLike(b, loc, args, resultType, std::nullopt);
}

LoweredCall mumba::nb::detail::lowerZerosLike(OpBuilder &b, Location loc,
                                              ArrayRef<ValueRange> args,
                                              ArrayRef<Type>, Type resultType) {
  return createLike(b, loc, args, resultType, 0.0);
}

LoweredCall mumba::nb::detail::lowerOnesLike(OpBuilder &b, Location loc,
                                             ArrayRef<ValueRange> args,
                                             ArrayRef<Type>, Type resultType) {
  return createLike(b, loc, args, resultType, 1.0);
}

LoweredCall mumba::nb::detail::lowerCopy(OpBuilder &b, Location loc,
                                         ArrayRef<ValueRange> args,
                                         ArrayRef<Type>, Type resultType) {
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

LoweredCall mumba::nb::detail::lowerArange(OpBuilder &b, Location loc,
                                           ArrayRef<ValueRange> args,
                                           ArrayRef<Type> argTypes,
                                           Type resultType) {
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

  // length = max(0, ceil((stop - start) / step))
  Value length;
  Value isZeroStep;
  if (anyFloat) {
    Value zero = numberConstant(b, loc, work, 0);
    Value one = numberConstant(b, loc, work, 1);
    isZeroStep =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, step, zero);
    // The raise comes after this code: keep the length finite meanwhile.
    Value safeStep = arith::SelectOp::create(b, loc, isZeroStep, one, step);
    Value count = math::CeilOp::create(
        b, loc,
        arith::DivFOp::create(
            b, loc, arith::SubFOp::create(b, loc, stop, start), safeStep));
    count = arith::MaximumFOp::create(b, loc, count, zero);
    length = arith::FPToSIOp::create(b, loc, b.getI64Type(), count);
  } else {
    Value zero = numberConstant(b, loc, work, 0);
    Value one = numberConstant(b, loc, work, 1);
    isZeroStep =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step, zero);
    Value safeStep = arith::SelectOp::create(b, loc, isZeroStep, one, step);
    Value count = arith::CeilDivSIOp::create(
        b, loc, arith::SubIOp::create(b, loc, stop, start), safeStep);
    length = arith::MaxSIOp::create(b, loc, count, zero);
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
  return LoweredCall{{array.memref}, isZeroStep, MUMBA_ZERO_TRUEDIV};
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kShapeParams[] = {"shape", "dtype"};
static constexpr StringLiteral kFullParams[] = {"shape", "fill_value", "dtype"};
static constexpr StringLiteral kLikeParams[] = {"a", "dtype"};
static constexpr StringLiteral kArangeParams[] = {"start", "stop", "step",
                                                  "dtype"};

static const CallTemplate kArrayTemplates[] = {
    {"numpy.empty", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerEmpty,
     kShapeParams, "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.zeros", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerZeros,
     kShapeParams, "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.ones", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerOnes,
     kShapeParams, "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.full", mumba::nb::detail::typeFull, mumba::nb::detail::lowerFull,
     kFullParams, "(shape: int or tuple of ints, fill_value: real, dtype)"},
    {"numpy.empty_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerEmptyLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.zeros_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerZerosLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.ones_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerOnesLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.arange", mumba::nb::detail::typeArange,
     mumba::nb::detail::lowerArange, kArangeParams,
     "([start: real,] stop: real[, step: real], dtype)"},
    {"array.copy",
     mumba::nb::detail::typeCopy,
     mumba::nb::detail::lowerCopy,
     {},
     "()"},
};

ArrayRef<CallTemplate> mumba::nb::detail::getArrayTemplates() {
  return kArrayTemplates;
}

//===- ArrayCreationTyping.cpp - Calls that create arrays -----------------===//
//
// np.empty/zeros/ones/full, the *_like family, np.arange and a.copy():
// result arrays are C-contiguous, with the dtype NumPy gives.
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

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

static Type typeEmpty(Operation *op, ArrayRef<Type> args) {
  if (!expectArgs(op, args, 1, "np.empty/np.zeros/np.ones"))
    return {};
  std::optional<unsigned> rank = shapeRank(op, args[0]);
  Type dtype = dtypeOf(op, args.size() > 1 ? args[1] : Type(),
                       Float64Type::get(op->getContext()));
  if (!rank || !dtype)
    return {};
  return ArrayType::get(op->getContext(), dtype, *rank, ArrayLayout::C);
}

static Type typeFull(Operation *op, ArrayRef<Type> args) {
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

static Type typeLike(Operation *op, ArrayRef<Type> args) {
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

static Type typeArange(Operation *op, ArrayRef<Type> args) {
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

static Type typeCopy(Operation *op, ArrayRef<Type> args) {
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

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kShapeParams[] = {"shape", "dtype"};
static constexpr StringLiteral kFullParams[] = {"shape", "fill_value", "dtype"};
static constexpr StringLiteral kLikeParams[] = {"a", "dtype"};
static constexpr StringLiteral kArangeParams[] = {"start", "stop", "step",
                                                  "dtype"};

static const CallTyping kTable[] = {
    {"numpy.empty", typeEmpty, kShapeParams,
     "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.zeros", typeEmpty, kShapeParams,
     "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.ones", typeEmpty, kShapeParams,
     "(shape: int or tuple of ints, dtype=float64)"},
    {"numpy.full", typeFull, kFullParams,
     "(shape: int or tuple of ints, fill_value: real, dtype)"},
    {"numpy.empty_like", typeLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.zeros_like", typeLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.ones_like", typeLike, kLikeParams, "(a: array, dtype)"},
    {"numpy.arange", typeArange, kArangeParams,
     "([start: real,] stop: real[, step: real], dtype)"},
    {"array.copy", typeCopy, {}, "()"},
};

ArrayRef<CallTyping> mumba::nb::detail::getArrayTyping() { return kTable; }

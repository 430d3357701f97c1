//===- NumpyTyping.cpp - NumPy functions on scalars -----------------------===//
//
// numpy ufuncs called on numbers: float32 stays float32 and other reals
// compute in float64, as Numba's scalar ufuncs do; complex arguments keep
// their width where the function has a complex meaning.
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Typers
//===----------------------------------------------------------------------===//

/// The float a ufunc computes a real in: float32 for float32, else float64.
static Type ufuncFloat(Type type) {
  return type.isF32() ? type : f64Type(type.getContext());
}

/// np.f(x) for real x only.
static Type typeRealUnary(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isRealArg))
    return argumentError(op, args);
  return ufuncFloat(args[0]);
}

/// np.f(x) for real or complex x; complex keeps its type.
static Type typeNumberUnary(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  return isComplexType(args[0]) ? args[0] : ufuncFloat(args[0]);
}

/// np.abs: ints and bools to int64, floats kept, complex to their parts.
static Type typeAbs(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  if (auto complex = dyn_cast<ComplexType>(args[0]))
    return complex.getElementType();
  return isa<FloatType>(args[0]) ? args[0] : promoteNumbers(args[0], args[0]);
}

/// np.sign and np.square keep floats and complex numbers, widen ints.
static Type typeKeepKind(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg) || isBoolType(args[0]))
    return argumentError(op, args);
  return isa<FloatType>(args[0]) || isComplexType(args[0])
             ? args[0]
             : promoteNumbers(args[0], args[0]);
}

static constexpr CallTyper typePredicate =
    typeFixed<1, 1, isNumberArg, boolResult>;

static constexpr CallTyper typeSignbit = typeFixed<1, 1, isRealArg, boolResult>;

/// np.real / np.imag: the part of a complex number, or the real itself.
static Type typePart(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  if (auto complex = dyn_cast<ComplexType>(args[0]))
    return complex.getElementType();
  return args[0];
}

static Type typeConj(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  return args[0];
}

/// np.power: NumPy's promotion of the two; bools compute as int64.
static Type typePower(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 2, 2, isNumberArg))
    return argumentError(op, args);
  Type type = unifyTypes(args[0], args[1]);
  if (isIntType(type) || isBoolType(type))
    return promoteNumbers(type, type);
  return type;
}

/// np.maximum and friends on reals: NumPy's promotion of the two.
static Type typeExtremum(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 2, 2, isRealArg))
    return argumentError(op, args);
  return unifyTypes(args[0], args[1]);
}

/// np.arctan2 and friends: a float wide enough for both.
static Type typeRealBinary(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 2, 2, isRealArg))
    return argumentError(op, args);
  Type type = unifyTypes(args[0], args[1]);
  return isa<FloatType>(type) ? type : f64Type(op->getContext());
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define REAL_UNARY(NAME) {"numpy." NAME, typeRealUnary, {}, "(x: real)"}
#define NUMBER_UNARY(NAME) {"numpy." NAME, typeNumberUnary, {}, "(x: number)"}

static const CallTyping kTable[] = {
    {"numpy.sqrt", typeNumberUnary, {}, "(x: number)"},
    NUMBER_UNARY("exp"),
    NUMBER_UNARY("log"),
    NUMBER_UNARY("sin"),
    NUMBER_UNARY("cos"),
    NUMBER_UNARY("tan"),
    NUMBER_UNARY("tanh"),
    {"numpy.expm1", typeNumberUnary, {}, "(x: number)"},
    {"numpy.log1p", typeNumberUnary, {}, "(x: number)"},
    {"numpy.sinh", typeNumberUnary, {}, "(x: number)"},
    {"numpy.cosh", typeNumberUnary, {}, "(x: number)"},
    {"numpy.log10", typeNumberUnary, {}, "(x: number)"},
    REAL_UNARY("log2"),
    REAL_UNARY("exp2"),
    REAL_UNARY("cbrt"),
    REAL_UNARY("arcsin"),
    REAL_UNARY("arccos"),
    REAL_UNARY("arctan"),
    REAL_UNARY("arcsinh"),
    REAL_UNARY("arccosh"),
    REAL_UNARY("arctanh"),
    REAL_UNARY("floor"),
    REAL_UNARY("ceil"),
    REAL_UNARY("trunc"),
    REAL_UNARY("rint"),
    REAL_UNARY("fabs"),
    {"numpy.deg2rad", typeRealUnary, {}, "(x: real)"},
    {"numpy.radians", typeRealUnary, {}, "(x: real)"},
    {"numpy.rad2deg", typeRealUnary, {}, "(x: real)"},
    {"numpy.degrees", typeRealUnary, {}, "(x: real)"},
    {"numpy.abs", typeAbs, {}, "(x: number)"},
    {"numpy.absolute", typeAbs, {}, "(x: number)"},
    {"numpy.sign", typeKeepKind, {}, "(x: number other than bool)"},
    {"numpy.square", typeKeepKind, {}, "(x: number other than bool)"},
    {"numpy.isnan", typePredicate, {}, "(x: number)"},
    {"numpy.isinf", typePredicate, {}, "(x: number)"},
    {"numpy.isfinite", typePredicate, {}, "(x: number)"},
    {"numpy.signbit", typeSignbit, {}, "(x: real)"},
    {"numpy.real", typePart, {}, "(x: number)"},
    {"numpy.imag", typePart, {}, "(x: number)"},
    {"numpy.conj", typeConj, {}, "(x: number)"},
    {"numpy.conjugate", typeConj, {}, "(x: number)"},
    {"numpy.power", typePower, {}, "(x1: number, x2: number)"},
    {"numpy.maximum", typeExtremum, {}, "(x1: real, x2: real)"},
    {"numpy.minimum", typeExtremum, {}, "(x1: real, x2: real)"},
    {"numpy.fmax", typeExtremum, {}, "(x1: real, x2: real)"},
    {"numpy.fmin", typeExtremum, {}, "(x1: real, x2: real)"},
    {"numpy.arctan2", typeRealBinary, {}, "(x1: real, x2: real)"},
    {"numpy.copysign", typeRealBinary, {}, "(x1: real, x2: real)"},
    {"numpy.hypot", typeRealBinary, {}, "(x1: real, x2: real)"},
    {"numpy.logaddexp", typeRealBinary, {}, "(x1: real, x2: real)"},
};

#undef REAL_UNARY
#undef NUMBER_UNARY

ArrayRef<CallTyping> mumba::nb::detail::getNumpyScalarTyping() {
  return kTable;
}

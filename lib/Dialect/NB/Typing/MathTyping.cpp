//===- MathTyping.cpp - The math module -----------------------------------===//
//
// math.* computes in float64 whatever the real argument, as Python does
// (floor, ceil, trunc, factorial and gcd give ints).
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// Typers
//===----------------------------------------------------------------------===//

/// math.f(x): float64 whatever the real number.
static constexpr CallTyper typeMathUnary = typeFixed<1, 1, isRealArg, f64Type>;

static constexpr CallTyper typeMathBinary = typeFixed<2, 2, isRealArg, f64Type>;

/// math.log(x[, base]).
static constexpr CallTyper typeMathLog = typeFixed<1, 2, isRealArg, f64Type>;

/// math.floor/ceil/trunc return int in Python 3.
static constexpr CallTyper typeMathToInt =
    typeFixed<1, 1, isRealArg, int64Result>;

static constexpr CallTyper typePredicate =
    typeFixed<1, 1, isRealArg, boolResult>;

static constexpr CallTyper typeIntUnary =
    typeFixed<1, 1, isIntegerArg, int64Result>;

static constexpr CallTyper typeGcd =
    typeFixed<0, SIZE_MAX, isIntegerArg, int64Result>;

static Type typeLdexp(Operation *op, ArrayRef<Type> args) {
  if (args.size() != 2 || !isRealType(args[0]) || !isIntegerArg(args[1]))
    return argumentError(op, args);
  return f64Type(op->getContext());
}

/// math.frexp(x) -> (mantissa, exponent).
static Type typeFrexp(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isRealArg))
    return argumentError(op, args);
  MLIRContext *ctx = op->getContext();
  return TupleType::get(ctx, {f64Type(ctx), getInt64Type(ctx)});
}

/// math.modf(x) -> (fraction, integer part).
static Type typeModf(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isRealArg))
    return argumentError(op, args);
  MLIRContext *ctx = op->getContext();
  return TupleType::get(ctx, {f64Type(ctx), f64Type(ctx)});
}

/// math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
static Type typeIsClose(Operation *op, ArrayRef<Type> args) {
  if (args.size() < 2 || !args[0] || !args[1] ||
      !llvm::all_of(args, [](Type t) { return !t || isRealType(t); }))
    return argumentError(op, args);
  return IntegerType::get(op->getContext(), 1);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kIsCloseParams[] = {"a", "b", "rel_tol",
                                                   "abs_tol"};

#define MATH_UNARY(NAME) {"math." NAME, typeMathUnary, {}, "(x: real)"}

static const CallTyping kTable[] = {
    MATH_UNARY("sqrt"),
    MATH_UNARY("exp"),
    MATH_UNARY("exp2"),
    {"math.expm1", typeMathUnary, {}, "(x: real)"},
    MATH_UNARY("log2"),
    MATH_UNARY("log10"),
    {"math.log1p", typeMathUnary, {}, "(x: real)"},
    MATH_UNARY("sin"),
    MATH_UNARY("cos"),
    MATH_UNARY("tan"),
    MATH_UNARY("asin"),
    MATH_UNARY("acos"),
    MATH_UNARY("atan"),
    MATH_UNARY("sinh"),
    MATH_UNARY("cosh"),
    MATH_UNARY("tanh"),
    MATH_UNARY("asinh"),
    MATH_UNARY("acosh"),
    MATH_UNARY("atanh"),
    MATH_UNARY("erf"),
    MATH_UNARY("erfc"),
    MATH_UNARY("cbrt"),
    MATH_UNARY("fabs"),
    {"math.log", typeMathLog, {}, "(x: real[, base: real])"},
    {"math.gamma", typeMathUnary, {}, "(x: real)"},
    {"math.lgamma", typeMathUnary, {}, "(x: real)"},
    {"math.degrees", typeMathUnary, {}, "(x: real)"},
    {"math.radians", typeMathUnary, {}, "(x: real)"},
    {"math.floor", typeMathToInt, {}, "(x: real)"},
    {"math.ceil", typeMathToInt, {}, "(x: real)"},
    {"math.trunc", typeMathToInt, {}, "(x: real)"},
    {"math.atan2", typeMathBinary, {}, "(y: real, x: real)"},
    {"math.pow", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.copysign", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.hypot", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.fmod", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.ldexp", typeLdexp, {}, "(x: real, i: int)"},
    {"math.frexp", typeFrexp, {}, "(x: real)"},
    {"math.modf", typeModf, {}, "(x: real)"},
    {"math.isnan", typePredicate, {}, "(x: real)"},
    {"math.isinf", typePredicate, {}, "(x: real)"},
    {"math.isfinite", typePredicate, {}, "(x: real)"},
    {"math.isclose", typeIsClose, kIsCloseParams,
     "(a: real, b: real, *, rel_tol: real = 1e-09, abs_tol: real = 0.0)"},
    {"math.factorial", typeIntUnary, {}, "(n: int)"},
    {"math.gcd", typeGcd, {}, "(*integers: int)"},
    {"math.lcm", typeGcd, {}, "(*integers: int)"},
    {"math.isqrt", typeIntUnary, {}, "(n: int)"},
    {"math.nextafter", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.remainder", typeMathBinary, {}, "(x: real, y: real)"},
    {"math.ulp", typeMathUnary, {}, "(x: real)"},
};

#undef MATH_UNARY

ArrayRef<CallTyping> mumba::nb::detail::getMathTyping() { return kTable; }

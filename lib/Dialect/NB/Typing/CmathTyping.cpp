//===- CmathTyping.cpp - The cmath module ---------------------------------===//
//
// cmath.* computes in complex128 for any number, as Python does.
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

/// cmath.f(z): complex128 for any number.
static constexpr CallTyper typeCmathUnary =
    typeFixed<1, 1, isNumberArg, complex128Result>;

static constexpr CallTyper typeCmathLog =
    typeFixed<1, 2, isNumberArg, complex128Result>;

static constexpr CallTyper typeCmathPredicate =
    typeFixed<1, 1, isNumberArg, boolResult>;

static constexpr CallTyper typeCmathPhase =
    typeFixed<1, 1, isNumberArg, f64Type>;

static Type typeCmathPolar(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  MLIRContext *ctx = op->getContext();
  return TupleType::get(ctx, {f64Type(ctx), f64Type(ctx)});
}

static constexpr CallTyper typeCmathRect =
    typeFixed<2, 2, isRealArg, complex128Result>;

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define CMATH_UNARY(NAME) {"cmath." NAME, typeCmathUnary, {}, "(z: number)"}

static const CallTyping kTable[] = {
    CMATH_UNARY("sqrt"),
    CMATH_UNARY("exp"),
    CMATH_UNARY("sin"),
    CMATH_UNARY("cos"),
    CMATH_UNARY("tan"),
    CMATH_UNARY("tanh"),
    CMATH_UNARY("sinh"),
    CMATH_UNARY("cosh"),
    CMATH_UNARY("log10"),
    {"cmath.log", typeCmathLog, {}, "(z: number[, base: number])"},
    {"cmath.phase", typeCmathPhase, {}, "(z: number)"},
    {"cmath.polar", typeCmathPolar, {}, "(z: number)"},
    {"cmath.rect", typeCmathRect, {}, "(r: real, phi: real)"},
    {"cmath.isnan", typeCmathPredicate, {}, "(z: number)"},
    {"cmath.isinf", typeCmathPredicate, {}, "(z: number)"},
    {"cmath.isfinite", typeCmathPredicate, {}, "(z: number)"},
};

#undef CMATH_UNARY

ArrayRef<CallTyping> mumba::nb::detail::getCmathTyping() { return kTable; }

//===- Cmath.cpp - Lowering of cmath.* ------------------------------------===//
//
// cmath.* computes in complex128 with CPython's special values: sqrt
// inline, the functions whose infinities and NaNs need a case analysis in
// the runtime (lib/Runtime/Cmath.c).
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Runtime/Symbols.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

static Value cmpf(OpBuilder &b, Location loc, arith::CmpFPredicate pred,
                  Value x, Value y) {
  return arith::CmpFOp::create(b, loc, pred, x, y);
}

/// Argument `i` converted to `type`.
static Value arg(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
                 ArrayRef<Type> argTypes, unsigned i, Type type) {
  return castNumber(b, loc, args[i].front(), argTypes[i], type);
}

//===----------------------------------------------------------------------===//
// Lowerers: cmath
//===----------------------------------------------------------------------===//

/// The argument as a complex128.
static Value complexArg(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
                        ArrayRef<Type> argTypes, unsigned i) {
  return arg(b, loc, args, argTypes, i,
             ComplexType::get(Float64Type::get(b.getContext())));
}

/// The runtime's cmath `symbol` (lib/Runtime/Cmath.c) on the parts of a
/// complex128: special values need more than a formula.
static ComplexParts callRuntime(OpBuilder &b, Location loc, StringRef symbol,
                                Value re, Value im) {
  Type f64 = b.getF64Type();
  StringRef callee = declareExternalFunction(
      b, loc, symbol, b.getFunctionType({f64, f64}, {f64, f64}));
  auto call = func::CallOp::create(b, loc, callee, TypeRange{f64, f64},
                                   ValueRange{re, im});
  return {call.getResult(0), call.getResult(1)};
}

/// A cmath function the runtime computes; `rotate` for sin, cos and tan,
/// which are -i sinh(iz), cosh(iz) and -i tanh(iz) (CPython's identities,
/// which fix their special values).
template <const char *symbol, bool rotate, bool negate>
static LoweredCall lowerRuntimeUnary(OpBuilder &b, Location loc,
                                     ArrayRef<ValueRange> args,
                                     ArrayRef<Type> argTypes, Type resultType) {
  ComplexParts z = complexParts(b, loc, complexArg(b, loc, args, argTypes, 0));
  if (!rotate) {
    ComplexParts r = callRuntime(b, loc, symbol, z.re, z.im);
    return single(makeComplex(b, loc, resultType, r.re, r.im));
  }
  // iz = -im + i re.
  ComplexParts r =
      callRuntime(b, loc, symbol, arith::NegFOp::create(b, loc, z.im), z.re);
  if (!negate)
    return single(makeComplex(b, loc, resultType, r.re, r.im));
  // -i (a + ib) = b - ia.
  return single(makeComplex(b, loc, resultType, r.im,
                            arith::NegFOp::create(b, loc, r.re)));
}

static constexpr char kExp[] = MUMBA_SYMBOL_CMATH_EXP;
static constexpr char kSinh[] = MUMBA_SYMBOL_CMATH_SINH;
static constexpr char kCosh[] = MUMBA_SYMBOL_CMATH_COSH;
static constexpr char kTanh[] = MUMBA_SYMBOL_CMATH_TANH;

static LoweredCall lowerComplexSqrt(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type) {
  return single(complexSqrt(b, loc, complexArg(b, loc, args, argTypes, 0)));
}

/// cmath.log(z[, base]) and cmath.log10(z).
template <bool isLog10>
static LoweredCall lowerComplexLog(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  ComplexParts z = complexParts(b, loc, complexArg(b, loc, args, argTypes, 0));
  ComplexParts lz = callRuntime(b, loc, MUMBA_SYMBOL_CMATH_LOG, z.re, z.im);
  if (isLog10) {
    // Each part divided by ln 10 (a complex division would make inf * 0).
    Value ln10 = stdConstant(b, loc, b.getF64Type(), M_LN10);
    return single(makeComplex(b, loc, resultType,
                              arith::DivFOp::create(b, loc, lz.re, ln10),
                              arith::DivFOp::create(b, loc, lz.im, ln10)));
  }
  Value logZ = makeComplex(b, loc, resultType, lz.re, lz.im);
  if (args.size() < 2 || !argTypes[1])
    return single(logZ);
  // log(z) / log(base), where log(base) is 0 for base 1: CPython's
  // division sets a domain error there, which it raises as ValueError.
  ComplexParts base =
      complexParts(b, loc, complexArg(b, loc, args, argTypes, 1));
  ComplexParts lb =
      callRuntime(b, loc, MUMBA_SYMBOL_CMATH_LOG, base.re, base.im);
  Value zero = stdConstant(b, loc, b.getF64Type(), 0);
  Value baseIsOne = arith::AndIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, lb.re, zero),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, lb.im, zero));
  raiseException(b, loc, baseIsOne, "ValueError", "math domain error");
  Value logBase = makeComplex(b, loc, resultType, lb.re, lb.im);
  return single(complexDiv(b, loc, logZ, logBase, /*raiseOnZero=*/false));
}

/// cmath.phase(z): the argument, atan2(im, re).
static LoweredCall lowerPhase(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type) {
  ComplexParts z = complexParts(b, loc, complexArg(b, loc, args, argTypes, 0));
  return single(math::Atan2Op::create(b, loc, z.im, z.re));
}

static LoweredCall lowerPolar(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type) {
  Value z = complexArg(b, loc, args, argTypes, 0);
  ComplexParts p = complexParts(b, loc, z);
  return LoweredCall{
      {complexAbs(b, loc, z), math::Atan2Op::create(b, loc, p.im, p.re)},
      {},
      MUMBA_OK};
}

static LoweredCall lowerRect(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Type f64 = Float64Type::get(b.getContext());
  ComplexParts z = callRuntime(b, loc, MUMBA_SYMBOL_CMATH_RECT,
                               arg(b, loc, args, argTypes, 0, f64),
                               arg(b, loc, args, argTypes, 1, f64));
  return single(makeComplex(b, loc, resultType, z.re, z.im));
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define CMATH_UNARY(NAME, LOWER) {"cmath." NAME, LOWER}

static const CallLowering kTable[] = {
    CMATH_UNARY("sqrt", lowerComplexSqrt),
    CMATH_UNARY("exp", (lowerRuntimeUnary<kExp, false, false>)),
    CMATH_UNARY("sin", (lowerRuntimeUnary<kSinh, true, true>)),
    CMATH_UNARY("cos", (lowerRuntimeUnary<kCosh, true, false>)),
    CMATH_UNARY("tan", (lowerRuntimeUnary<kTanh, true, true>)),
    CMATH_UNARY("tanh", (lowerRuntimeUnary<kTanh, false, false>)),
    CMATH_UNARY("sinh", (lowerRuntimeUnary<kSinh, false, false>)),
    CMATH_UNARY("cosh", (lowerRuntimeUnary<kCosh, false, false>)),
    CMATH_UNARY("log10", lowerComplexLog<true>),
    {"cmath.log", lowerComplexLog<false>},
    {"cmath.phase", lowerPhase},
    {"cmath.polar", lowerPolar},
    {"cmath.rect", lowerRect},
    {"cmath.isnan", lowerClassify<FloatClass::NaN>},
    {"cmath.isinf", lowerClassify<FloatClass::Inf>},
    {"cmath.isfinite", lowerClassify<FloatClass::Finite>},
};

#undef CMATH_UNARY

ArrayRef<CallLowering> mumba::nb::detail::getCmathLowering() { return kTable; }

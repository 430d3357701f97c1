//===- Cmath.cpp - Lowering of cmath.* ------------------------------------===//
//
// cmath.* computes in complex128, on the parts of the value as CPython's
// cmathmodule.c does.
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
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

static Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(v));
}

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

template <typename OpT>
static LoweredCall lowerComplexUnary(OpBuilder &b, Location loc,
                                     ArrayRef<ValueRange> args,
                                     ArrayRef<Type> argTypes, Type) {
  return single(OpT::create(b, loc, complexArg(b, loc, args, argTypes, 0)));
}

static LoweredCall lowerComplexSqrt(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type) {
  return single(complexSqrt(b, loc, complexArg(b, loc, args, argTypes, 0)));
}

/// sinh and cosh from the parts: sinh(x+iy) = sinh x cos y + i cosh x sin y,
/// cosh(x+iy) = cosh x cos y + i sinh x sin y.
template <bool isSinh>
static LoweredCall
lowerComplexHyperbolic(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
                       ArrayRef<Type> argTypes, Type resultType) {
  ComplexParts z = complexParts(b, loc, complexArg(b, loc, args, argTypes, 0));
  Value sh = math::SinhOp::create(b, loc, z.re);
  Value ch = math::CoshOp::create(b, loc, z.re);
  Value c = math::CosOp::create(b, loc, z.im);
  Value s = math::SinOp::create(b, loc, z.im);
  Value re = arith::MulFOp::create(b, loc, isSinh ? sh : ch, c);
  Value im = arith::MulFOp::create(b, loc, isSinh ? ch : sh, s);
  return single(makeComplex(b, loc, resultType, re, im));
}

/// cmath.log(z[, base]) and cmath.log10(z).
template <bool isLog10>
static LoweredCall lowerComplexLog(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  Value lz =
      complex::LogOp::create(b, loc, complexArg(b, loc, args, argTypes, 0));
  Value divisor;
  if (isLog10) {
    Type f64 = b.getF64Type();
    divisor = makeComplex(b, loc, resultType, stdConstant(b, loc, f64, M_LN10),
                          stdConstant(b, loc, f64, 0));
  } else if (args.size() > 1 && argTypes[1]) {
    divisor =
        complex::LogOp::create(b, loc, complexArg(b, loc, args, argTypes, 1));
  } else {
    return single(lz);
  }
  return single(complexDiv(b, loc, lz, divisor, /*raiseOnZero=*/true));
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
  Value r = arg(b, loc, args, argTypes, 0, f64);
  Value phi = arg(b, loc, args, argTypes, 1, f64);
  Value re = arith::MulFOp::create(b, loc, r, math::CosOp::create(b, loc, phi));
  Value im = arith::MulFOp::create(b, loc, r, math::SinOp::create(b, loc, phi));
  return single(makeComplex(b, loc, resultType, re, im));
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define CMATH_UNARY(NAME, LOWER) {"cmath." NAME, LOWER}

static const CallLowering kTable[] = {
    CMATH_UNARY("sqrt", lowerComplexSqrt),
    CMATH_UNARY("exp", lowerComplexUnary<complex::ExpOp>),
    CMATH_UNARY("sin", lowerComplexUnary<complex::SinOp>),
    CMATH_UNARY("cos", lowerComplexUnary<complex::CosOp>),
    CMATH_UNARY("tan", lowerComplexUnary<complex::TanOp>),
    CMATH_UNARY("tanh", lowerComplexUnary<complex::TanhOp>),
    CMATH_UNARY("sinh", lowerComplexHyperbolic<true>),
    CMATH_UNARY("cosh", lowerComplexHyperbolic<false>),
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

//===- Math.cpp - Lowering of math.* --------------------------------------===//
//
// math.* computes in float64 whatever the real argument, as Python does.
// Functions without a math-dialect op call libm (gamma, lgamma, ldexp).
// Domain errors follow Numba (NaN, not ValueError), except where a NaN would
// be a silent wrong answer: factorial of a negative number, gamma at a pole.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Math/IR/Math.h"
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
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
// Lowerers: math
//===----------------------------------------------------------------------===//

template <typename OpT>
static LoweredCall lowerUnaryFloat(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  return single(
      OpT::create(b, loc, arg(b, loc, args, argTypes, 0, resultType)));
}

template <typename OpT>
static LoweredCall lowerBinaryFloat(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  return single(OpT::create(b, loc, arg(b, loc, args, argTypes, 0, resultType),
                            arg(b, loc, args, argTypes, 1, resultType)));
}

/// A libm function whose math-dialect lowering would lose accuracy.
template <const char *name>
static LoweredCall lowerLibmUnary(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args,
                                  ArrayRef<Type> argTypes, Type resultType) {
  return single(
      callLibm(b, loc, name, {arg(b, loc, args, argTypes, 0, resultType)}));
}

static constexpr char kExpm1[] = "expm1";
static constexpr char kLog1p[] = "log1p";

/// math.gamma and math.lgamma through libm; both raise ValueError at their
/// poles (zero and the negative integers) and gamma at -inf, as Python does.
template <bool isLog>
static LoweredCall lowerGamma(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  Value zero = stdConstant(b, loc, resultType, 0);
  Value pole = arith::AndIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OLE, x, zero),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, x,
           math::FloorOp::create(b, loc, x)));
  if (isLog) // lgamma(-inf) is inf.
    pole = arith::AndIOp::create(
        b, loc, pole,
        cmpf(b, loc, arith::CmpFPredicate::ONE, x,
             stdConstant(b, loc, resultType,
                         -std::numeric_limits<double>::infinity())));
  raiseException(b, loc, pole, "ValueError", "math domain error");
  return single(callLibm(b, loc, isLog ? "lgamma" : "tgamma", {x}));
}

static LoweredCall lowerLdexp(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  // Exponents beyond int32 over- or underflow anyway: clamp them.
  Value e = arg(b, loc, args, argTypes, 1, getInt64Type(b.getContext()));
  e = arith::MaxSIOp::create(b, loc, e, i64Const(b, loc, -100000));
  e = arith::MinSIOp::create(b, loc, e, i64Const(b, loc, 100000));
  Value e32 = arith::TruncIOp::create(b, loc, b.getI32Type(), e);
  return single(callLibm(b, loc, "ldexp", {x, e32}));
}

/// math.log(x, base) is log(x) / log(base).
static LoweredCall lowerLog(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value lx =
      math::LogOp::create(b, loc, arg(b, loc, args, argTypes, 0, resultType));
  if (args.size() < 2 || !argTypes[1])
    return single(lx);
  Value lb =
      math::LogOp::create(b, loc, arg(b, loc, args, argTypes, 1, resultType));
  return single(arith::DivFOp::create(b, loc, lx, lb));
}

/// math.floor and friends: round in float, return an int.
template <typename OpT>
static LoweredCall lowerRoundToInt(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  if (!isa<FloatType>(argTypes[0]))
    return single(arg(b, loc, args, argTypes, 0, resultType));
  Value rounded = OpT::create(b, loc, args[0].front());
  return single(castNumber(b, loc, rounded, argTypes[0], resultType));
}

static LoweredCall lowerHypot(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  return single(hypotOf(b, loc, arg(b, loc, args, argTypes, 0, resultType),
                        arg(b, loc, args, argTypes, 1, resultType)));
}

/// math.fmod: C's fmod, the remainder with the dividend's sign.
static LoweredCall lowerFmod(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  return single(
      arith::RemFOp::create(b, loc, arg(b, loc, args, argTypes, 0, resultType),
                            arg(b, loc, args, argTypes, 1, resultType)));
}

template <bool toDegrees>
static LoweredCall lowerAngle(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  Value factor =
      stdConstant(b, loc, resultType, toDegrees ? 180.0 / M_PI : M_PI / 180.0);
  return single(arith::MulFOp::create(b, loc, x, factor));
}

/// math.factorial(n): ValueError for negative n; results past 20! do not
/// fit in int64 and raise OverflowError rather than wrap.
static LoweredCall lowerFactorial(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args,
                                  ArrayRef<Type> argTypes, Type resultType) {
  Value n = arg(b, loc, args, argTypes, 0, resultType);
  Value zero = i64Const(b, loc, 0);
  raiseException(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zero),
      "ValueError", "factorial() not defined for negative values");
  raiseException(b, loc,
                 arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, n,
                                       i64Const(b, loc, 20)),
                 "OverflowError", "factorial() result does not fit in int64");
  Value lower = arith::ConstantIndexOp::create(b, loc, 2);
  Value upper = arith::IndexCastOp::create(
      b, loc, b.getIndexType(),
      arith::AddIOp::create(b, loc, n, i64Const(b, loc, 1)));
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, lower, upper, step, ValueRange{i64Const(b, loc, 1)},
      [&](OpBuilder &bb, Location l, Value iv, ValueRange acc) {
        Value i = arith::IndexCastOp::create(bb, l, bb.getI64Type(), iv);
        scf::YieldOp::create(
            bb, l, ValueRange{arith::MulIOp::create(bb, l, acc[0], i)});
      });
  return single(loop.getResult(0));
}

/// math.gcd(*ints) by Euclid's algorithm on absolute values; gcd() is 0.
static LoweredCall lowerGcd(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value result = i64Const(b, loc, 0);
  Type i64 = b.getI64Type();
  for (unsigned i = 0; i < args.size(); ++i) {
    Value next = math::AbsIOp::create(
        b, loc, arg(b, loc, args, argTypes, i, resultType));
    auto loop = scf::WhileOp::create(
        b, loc, TypeRange{i64, i64}, ValueRange{result, next},
        [&](OpBuilder &bb, Location l, ValueRange xs) {
          Value zero =
              arith::ConstantOp::create(bb, l, i64, bb.getI64IntegerAttr(0));
          Value go = arith::CmpIOp::create(bb, l, arith::CmpIPredicate::ne,
                                           xs[1], zero);
          scf::ConditionOp::create(bb, l, go, xs);
        },
        [&](OpBuilder &bb, Location l, ValueRange xs) {
          Value rem = arith::RemUIOp::create(bb, l, xs[0], xs[1]);
          scf::YieldOp::create(bb, l, ValueRange{xs[1], rem});
        });
    result = loop.getResult(0);
  }
  return single(result);
}

/// math.lcm(*ints): |a // gcd(a, b) * b| pairwise; lcm() is 1, a zero
/// argument makes 0.
static LoweredCall lowerLcm(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value result = i64Const(b, loc, 1);
  Value zero = i64Const(b, loc, 0);
  for (unsigned i = 0; i < args.size(); ++i) {
    Value next = math::AbsIOp::create(
        b, loc, arg(b, loc, args, argTypes, i, resultType));
    Value pairArgs[] = {result, next};
    Type pairTypes[] = {resultType, resultType};
    Value g =
        lowerGcd(b, loc, {ValueRange(pairArgs[0]), ValueRange(pairArgs[1])},
                 pairTypes, resultType)
            .results.front();
    Value anyZero =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, g, zero);
    Value safe =
        arith::SelectOp::create(b, loc, anyZero, i64Const(b, loc, 1), g);
    Value lcm = arith::MulIOp::create(
        b, loc, arith::DivSIOp::create(b, loc, result, safe), next);
    result = arith::SelectOp::create(b, loc, anyZero, zero, lcm);
  }
  return single(result);
}

/// math.isqrt(n): the square root in float64, then corrected by one either
/// way (a double is off by at most one below 2**63); negative n raises.
static LoweredCall lowerIsqrt(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value n = arg(b, loc, args, argTypes, 0, resultType);
  Value zero = i64Const(b, loc, 0), one = i64Const(b, loc, 1);
  raiseException(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zero),
      "ValueError", "isqrt() argument must be nonnegative");
  Type f64 = b.getF64Type();
  Value r = arith::FPToSIOp::create(
      b, loc, b.getI64Type(),
      math::SqrtOp::create(b, loc, arith::SIToFPOp::create(b, loc, f64, n)));
  // r * r > n, as r > n / r (no overflow), for r > 0.
  Value positive =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, r, zero);
  Value safe = arith::SelectOp::create(b, loc, positive, r, one);
  Value tooBig = arith::AndIOp::create(
      b, loc, positive,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, r,
                            arith::DivSIOp::create(b, loc, n, safe)));
  r = arith::SelectOp::create(b, loc, tooBig,
                              arith::SubIOp::create(b, loc, r, one), r);
  // (r + 1) ** 2 <= n, as r + 1 <= n / (r + 1).
  Value up = arith::AddIOp::create(b, loc, r, one);
  Value tooSmall = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, up,
                                         arith::DivSIOp::create(b, loc, n, up));
  return single(arith::SelectOp::create(b, loc, tooSmall, up, r));
}

/// math.nextafter(x, y) and math.remainder(x, y) from libm.
template <const char *name>
static LoweredCall lowerLibmBinary(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  return single(callLibm(b, loc, name,
                         {arg(b, loc, args, argTypes, 0, resultType),
                          arg(b, loc, args, argTypes, 1, resultType)}));
}

static constexpr char kNextafter[] = "nextafter";
static constexpr char kRemainder[] = "remainder";

/// math.ulp(x): the gap to the next float away from zero (to the previous
/// one for the largest float); nan and inf stay.
static LoweredCall lowerUlp(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value x =
      math::AbsFOp::create(b, loc, arg(b, loc, args, argTypes, 0, resultType));
  Value inf =
      stdConstant(b, loc, resultType, std::numeric_limits<double>::infinity());
  Value up = callLibm(b, loc, kNextafter, {x, inf});
  Value gap = arith::SubFOp::create(b, loc, up, x);
  Value largest = cmpf(b, loc, arith::CmpFPredicate::OEQ, up, inf);
  Value down = arith::SubFOp::create(
      b, loc, x,
      callLibm(b, loc, kNextafter, {x, stdConstant(b, loc, resultType, 0)}));
  Value finite = cmpf(b, loc, arith::CmpFPredicate::OLT, x, inf);
  Value result = arith::SelectOp::create(b, loc, largest, down, gap);
  // ulp(inf) is inf and ulp(nan) nan: x itself.
  return single(arith::SelectOp::create(b, loc, finite, result, x));
}

/// math.frexp on the bits: the exponent field gives e, the mantissa is
/// rescaled into [0.5, 1); zero, infinities and NaN come back with e = 0.
static LoweredCall lowerFrexp(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type) {
  Type f64 = b.getF64Type(), i64 = b.getI64Type();
  Value x = arg(b, loc, args, argTypes, 0, Float64Type::get(b.getContext()));
  // Subnormals first become normal: scale by 2**54.
  Value tiny =
      cmpf(b, loc, arith::CmpFPredicate::OLT, math::AbsFOp::create(b, loc, x),
           stdConstant(b, loc, f64, 0x1p-1022));
  Value scaled = arith::SelectOp::create(
      b, loc, tiny,
      arith::MulFOp::create(b, loc, x, stdConstant(b, loc, f64, 0x1p54)), x);
  Value bits = arith::BitcastOp::create(b, loc, i64, scaled);
  Value field = arith::AndIOp::create(
      b, loc, arith::ShRUIOp::create(b, loc, bits, i64Const(b, loc, 52)),
      i64Const(b, loc, 0x7ff));
  Value e = arith::SubIOp::create(
      b, loc, field,
      arith::SelectOp::create(b, loc, tiny, i64Const(b, loc, 1022 + 54),
                              i64Const(b, loc, 1022)));
  Value mantBits = arith::OrIOp::create(
      b, loc,
      arith::AndIOp::create(b, loc, bits,
                            i64Const(b, loc, ~(int64_t(0x7ff) << 52))),
      i64Const(b, loc, int64_t(1022) << 52));
  Value m = arith::BitcastOp::create(b, loc, f64, mantBits);
  Value special = arith::OrIOp::create(
      b, loc,
      cmpf(b, loc, arith::CmpFPredicate::OEQ, x, stdConstant(b, loc, f64, 0)),
      arith::XOrIOp::create(b, loc,
                            classify(b, loc, FloatClass::Finite, x, f64),
                            arith::ConstantOp::create(b, loc, b.getI1Type(),
                                                      b.getBoolAttr(true))));
  m = arith::SelectOp::create(b, loc, special, x, m);
  e = arith::SelectOp::create(b, loc, special, i64Const(b, loc, 0), e);
  return LoweredCall{{m, e}, {}, MUMBA_OK};
}

/// math.modf(x): (x - trunc(x), trunc(x)), both with x's sign; an infinite
/// x has fraction zero.
static LoweredCall lowerModf(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type) {
  Type f64 = b.getF64Type();
  Value x = arg(b, loc, args, argTypes, 0, Float64Type::get(b.getContext()));
  Value whole = math::TruncOp::create(b, loc, x);
  Value frac = arith::SubFOp::create(b, loc, x, whole);
  Value inf = classify(b, loc, FloatClass::Inf, x, f64);
  frac =
      arith::SelectOp::create(b, loc, inf, stdConstant(b, loc, f64, 0), frac);
  frac = math::CopySignOp::create(b, loc, frac, x);
  return LoweredCall{{frac, whole}, {}, MUMBA_OK};
}

/// CPython's math.isclose.
static LoweredCall lowerIsClose(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type) {
  Type f64 = Float64Type::get(b.getContext());
  Value a = arg(b, loc, args, argTypes, 0, f64);
  Value c = arg(b, loc, args, argTypes, 1, f64);
  Value rel = argTypes.size() > 2 && argTypes[2]
                  ? arg(b, loc, args, argTypes, 2, f64)
                  : stdConstant(b, loc, f64, 1e-9);
  Value abs = argTypes.size() > 3 && argTypes[3]
                  ? arg(b, loc, args, argTypes, 3, f64)
                  : stdConstant(b, loc, f64, 0);
  Value zero = stdConstant(b, loc, f64, 0);
  raiseException(b, loc,
                 arith::OrIOp::create(
                     b, loc, cmpf(b, loc, arith::CmpFPredicate::OLT, rel, zero),
                     cmpf(b, loc, arith::CmpFPredicate::OLT, abs, zero)),
                 "ValueError", "tolerances must be non-negative");
  Value equal = cmpf(b, loc, arith::CmpFPredicate::OEQ, a, c);
  Value anyInf =
      arith::OrIOp::create(b, loc, classify(b, loc, FloatClass::Inf, a, f64),
                           classify(b, loc, FloatClass::Inf, c, f64));
  Value diff =
      math::AbsFOp::create(b, loc, arith::SubFOp::create(b, loc, c, a));
  auto within = [&](Value bound) {
    return cmpf(b, loc, arith::CmpFPredicate::OLE, diff, bound);
  };
  Value close = arith::OrIOp::create(
      b, loc,
      arith::OrIOp::create(b, loc,
                           within(math::AbsFOp::create(
                               b, loc, arith::MulFOp::create(b, loc, rel, c))),
                           within(math::AbsFOp::create(
                               b, loc, arith::MulFOp::create(b, loc, rel, a)))),
      within(abs));
  Value notInf = arith::XOrIOp::create(
      b, loc, anyInf,
      arith::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(true)));
  return single(arith::OrIOp::create(
      b, loc, equal, arith::AndIOp::create(b, loc, notInf, close)));
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define MATH_UNARY(NAME, OP) {"math." NAME, lowerUnaryFloat<math::OP>}

static const CallLowering kTable[] = {
    MATH_UNARY("sqrt", SqrtOp),
    MATH_UNARY("exp", ExpOp),
    MATH_UNARY("exp2", Exp2Op),
    {"math.expm1", lowerLibmUnary<kExpm1>},
    MATH_UNARY("log2", Log2Op),
    MATH_UNARY("log10", Log10Op),
    {"math.log1p", lowerLibmUnary<kLog1p>},
    MATH_UNARY("sin", SinOp),
    MATH_UNARY("cos", CosOp),
    MATH_UNARY("tan", TanOp),
    MATH_UNARY("asin", AsinOp),
    MATH_UNARY("acos", AcosOp),
    MATH_UNARY("atan", AtanOp),
    MATH_UNARY("sinh", SinhOp),
    MATH_UNARY("cosh", CoshOp),
    MATH_UNARY("tanh", TanhOp),
    MATH_UNARY("asinh", AsinhOp),
    MATH_UNARY("acosh", AcoshOp),
    MATH_UNARY("atanh", AtanhOp),
    MATH_UNARY("erf", ErfOp),
    MATH_UNARY("erfc", ErfcOp),
    MATH_UNARY("cbrt", CbrtOp),
    MATH_UNARY("fabs", AbsFOp),
    {"math.log", lowerLog},
    {"math.gamma", lowerGamma<false>},
    {"math.lgamma", lowerGamma<true>},
    {"math.degrees", lowerAngle<true>},
    {"math.radians", lowerAngle<false>},
    {"math.floor", lowerRoundToInt<math::FloorOp>},
    {"math.ceil", lowerRoundToInt<math::CeilOp>},
    {"math.trunc", lowerRoundToInt<math::TruncOp>},
    {"math.atan2", lowerBinaryFloat<math::Atan2Op>},
    {"math.pow", lowerBinaryFloat<math::PowFOp>},
    {"math.copysign", lowerBinaryFloat<math::CopySignOp>},
    {"math.hypot", lowerHypot},
    {"math.fmod", lowerFmod},
    {"math.ldexp", lowerLdexp},
    {"math.frexp", lowerFrexp},
    {"math.modf", lowerModf},
    {"math.isnan", lowerClassify<FloatClass::NaN>},
    {"math.isinf", lowerClassify<FloatClass::Inf>},
    {"math.isfinite", lowerClassify<FloatClass::Finite>},
    {"math.isclose", lowerIsClose},
    {"math.factorial", lowerFactorial},
    {"math.gcd", lowerGcd},
    {"math.lcm", lowerLcm},
    {"math.isqrt", lowerIsqrt},
    {"math.nextafter", lowerLibmBinary<kNextafter>},
    {"math.remainder", lowerLibmBinary<kRemainder>},
    {"math.ulp", lowerUlp},
};

#undef MATH_UNARY

ArrayRef<CallLowering> mumba::nb::detail::getMathLowering() { return kTable; }

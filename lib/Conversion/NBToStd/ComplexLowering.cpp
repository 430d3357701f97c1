//===- ComplexLowering.cpp - Python's complex arithmetic ------------------===//
#include "ComplexLowering.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;

static Value fconst(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
}

static Value cmpf(OpBuilder &b, Location loc, arith::CmpFPredicate pred,
                  Value x, Value y) {
  return arith::CmpFOp::create(b, loc, pred, x, y);
}

static Value select(OpBuilder &b, Location loc, Value cond, Value x, Value y) {
  return arith::SelectOp::create(b, loc, cond, x, y);
}

ComplexParts mumba::nb::complexParts(OpBuilder &b, Location loc, Value value) {
  return {complex::ReOp::create(b, loc, value),
          complex::ImOp::create(b, loc, value)};
}

Value mumba::nb::makeComplex(OpBuilder &b, Location loc, Type type, Value re,
                             Value im) {
  return complex::CreateOp::create(b, loc, type, re, im);
}

/// (a.re*b.re - a.im*b.im, a.re*b.im + a.im*b.re), without the NaN recovery
/// of C99 Annex G that Python does not do.
static ComplexParts mulParts(OpBuilder &b, Location loc, ComplexParts x,
                             ComplexParts y) {
  Value re =
      arith::SubFOp::create(b, loc, arith::MulFOp::create(b, loc, x.re, y.re),
                            arith::MulFOp::create(b, loc, x.im, y.im));
  Value im =
      arith::AddFOp::create(b, loc, arith::MulFOp::create(b, loc, x.re, y.im),
                            arith::MulFOp::create(b, loc, x.im, y.re));
  return {re, im};
}

Value mumba::nb::complexMul(OpBuilder &b, Location loc, Value x, Value y) {
  ComplexParts r =
      mulParts(b, loc, complexParts(b, loc, x), complexParts(b, loc, y));
  return makeComplex(b, loc, x.getType(), r.re, r.im);
}

/// CPython's _Py_c_quot on parts; `isZero` receives whether the divisor
/// was zero (Python raises there).
static ComplexParts quotParts(OpBuilder &b, Location loc, ComplexParts x,
                              ComplexParts y, Value &isZero) {
  Type type = x.re.getType();
  Value absRe = math::AbsFOp::create(b, loc, y.re);
  Value absIm = math::AbsFOp::create(b, loc, y.im);
  Value reBigger = cmpf(b, loc, arith::CmpFPredicate::OGE, absRe, absIm);
  Value imBigger = cmpf(b, loc, arith::CmpFPredicate::OGE, absIm, absRe);
  isZero = arith::AndIOp::create(
      b, loc, reBigger,
      cmpf(b, loc, arith::CmpFPredicate::OEQ, absRe, fconst(b, loc, type, 0)));
  // Divide top and bottom by the real part.
  Value ratio1 = arith::DivFOp::create(b, loc, y.im, y.re);
  Value denom1 = arith::AddFOp::create(
      b, loc, y.re, arith::MulFOp::create(b, loc, y.im, ratio1));
  Value re1 = arith::DivFOp::create(
      b, loc,
      arith::AddFOp::create(b, loc, x.re,
                            arith::MulFOp::create(b, loc, x.im, ratio1)),
      denom1);
  Value im1 = arith::DivFOp::create(
      b, loc,
      arith::SubFOp::create(b, loc, x.im,
                            arith::MulFOp::create(b, loc, x.re, ratio1)),
      denom1);
  // ... or by the imaginary part.
  Value ratio2 = arith::DivFOp::create(b, loc, y.re, y.im);
  Value denom2 = arith::AddFOp::create(
      b, loc, arith::MulFOp::create(b, loc, y.re, ratio2), y.im);
  Value re2 = arith::DivFOp::create(
      b, loc,
      arith::AddFOp::create(b, loc, arith::MulFOp::create(b, loc, x.re, ratio2),
                            x.im),
      denom2);
  Value im2 = arith::DivFOp::create(
      b, loc,
      arith::SubFOp::create(b, loc, arith::MulFOp::create(b, loc, x.im, ratio2),
                            x.re),
      denom2);
  // A NaN in the divisor makes both comparisons false.
  Value nan = fconst(b, loc, type, std::numeric_limits<double>::quiet_NaN());
  Value re = select(b, loc, reBigger, re1, select(b, loc, imBigger, re2, nan));
  Value im = select(b, loc, reBigger, im1, select(b, loc, imBigger, im2, nan));
  return {re, im};
}

Value mumba::nb::complexDiv(OpBuilder &b, Location loc, Value x, Value y,
                            bool raiseOnZero) {
  ComplexParts xp = complexParts(b, loc, x), yp = complexParts(b, loc, y);
  Value isZero;
  ComplexParts r = quotParts(b, loc, xp, yp, isZero);
  if (raiseOnZero) {
    raiseException(b, loc, isZero, "ZeroDivisionError",
                   "complex division by zero");
  } else {
    // NumPy's model: each part divided by the zero, so inf or nan.
    Value re = arith::DivFOp::create(b, loc, xp.re, yp.re);
    Value im = arith::DivFOp::create(b, loc, xp.im, yp.re);
    r = {select(b, loc, isZero, re, r.re), select(b, loc, isZero, im, r.im)};
  }
  return makeComplex(b, loc, x.getType(), r.re, r.im);
}

Value mumba::nb::hypotOf(OpBuilder &b, Location loc, Value x, Value y) {
  Type type = x.getType();
  x = math::AbsFOp::create(b, loc, x);
  y = math::AbsFOp::create(b, loc, y);
  // Scale by the larger magnitude so that the squares cannot overflow.
  Value big = arith::MaximumFOp::create(b, loc, x, y);
  Value small = arith::MinimumFOp::create(b, loc, x, y);
  Value zero = fconst(b, loc, type, 0), one = fconst(b, loc, type, 1);
  Value isZero = cmpf(b, loc, arith::CmpFPredicate::OEQ, big, zero);
  Value ratio =
      arith::DivFOp::create(b, loc, small, select(b, loc, isZero, one, big));
  Value root = math::SqrtOp::create(
      b, loc,
      arith::AddFOp::create(b, loc, one,
                            arith::MulFOp::create(b, loc, ratio, ratio)));
  Value result = arith::MulFOp::create(b, loc, big, root);
  // hypot(inf, nan) is inf.
  Value inf = fconst(b, loc, type, std::numeric_limits<double>::infinity());
  Value anyInf = arith::OrIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, x, inf),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, y, inf));
  return select(b, loc, anyInf, inf, result);
}

Value mumba::nb::complexAbs(OpBuilder &b, Location loc, Value z) {
  ComplexParts p = complexParts(b, loc, z);
  return hypotOf(b, loc, p.re, p.im);
}

Value mumba::nb::complexSqrt(OpBuilder &b, Location loc, Value z) {
  ComplexParts p = complexParts(b, loc, z);
  Type type = p.re.getType();
  Value zero = fconst(b, loc, type, 0);
  // s = 2 sqrt(|re|/8 + hypot(|re|/8, |im|/8)), d = |im| / (2 s).
  Value eighth = fconst(b, loc, type, 0.125);
  Value ax =
      arith::MulFOp::create(b, loc, math::AbsFOp::create(b, loc, p.re), eighth);
  Value ay = math::AbsFOp::create(b, loc, p.im);
  Value s = arith::MulFOp::create(
      b, loc, fconst(b, loc, type, 2),
      math::SqrtOp::create(
          b, loc,
          arith::AddFOp::create(
              b, loc, ax,
              hypotOf(b, loc, ax, arith::MulFOp::create(b, loc, ay, eighth)))));
  // Both parts below the smallest normal number: the sum would lose the
  // subnormals' bits, so compute on the parts times 2**(2k) and scale the
  // root back by 2**-k, k half the significand's width (rounded up).
  auto floatType = cast<FloatType>(type);
  int k = (floatType.getFPMantissaWidth() + 1) / 2;
  double normal = APFloat::getSmallestNormalized(floatType.getFloatSemantics())
                      .convertToDouble();
  Value up = fconst(b, loc, type, std::ldexp(1.0, 2 * k));
  Value axUp =
      arith::MulFOp::create(b, loc, math::AbsFOp::create(b, loc, p.re), up);
  Value ayUp = arith::MulFOp::create(b, loc, ay, up);
  Value sTiny = arith::MulFOp::create(
      b, loc, fconst(b, loc, type, std::ldexp(1.0, -k)),
      math::SqrtOp::create(
          b, loc,
          arith::MulFOp::create(
              b, loc, fconst(b, loc, type, 0.5),
              arith::AddFOp::create(b, loc, axUp,
                                    hypotOf(b, loc, axUp, ayUp)))));
  Value minNormal = fconst(b, loc, type, normal);
  Value tiny = arith::AndIOp::create(
      b, loc,
      cmpf(b, loc, arith::CmpFPredicate::OLT,
           math::AbsFOp::create(b, loc, p.re), minNormal),
      cmpf(b, loc, arith::CmpFPredicate::OLT, ay, minNormal));
  s = select(b, loc, tiny, sTiny, s);
  Value d = arith::DivFOp::create(
      b, loc, ay, arith::MulFOp::create(b, loc, fconst(b, loc, type, 2), s));
  Value nonNegative = cmpf(b, loc, arith::CmpFPredicate::OGE, p.re, zero);
  Value re = select(b, loc, nonNegative, s, d);
  Value im =
      math::CopySignOp::create(b, loc, select(b, loc, nonNegative, d, s), p.im);
  // sqrt(+-0 + yj) for y = +-0 is 0 + yj.
  Value isZero = arith::AndIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, p.re, zero),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, p.im, zero));
  re = select(b, loc, isZero, zero, re);
  im = select(b, loc, isZero, p.im, im);
  // sqrt(x +- inf j) is inf +- inf j for every x, NaN included.
  Value inf = fconst(b, loc, type, std::numeric_limits<double>::infinity());
  Value imInfinite = cmpf(b, loc, arith::CmpFPredicate::OEQ,
                          math::AbsFOp::create(b, loc, p.im), inf);
  return makeComplex(b, loc, z.getType(), select(b, loc, imInfinite, inf, re),
                     select(b, loc, imInfinite, p.im, im));
}

/// CPython's c_powu: x ** n for 0 <= n by repeated squaring.
static ComplexParts powuParts(OpBuilder &b, Location loc, ComplexParts x,
                              Value n) {
  Type type = x.re.getType();
  Type i64 = b.getI64Type();
  Value one = fconst(b, loc, type, 1), zero = fconst(b, loc, type, 0);
  Value mask0 = arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(1));
  SmallVector<Value> inits{one, zero, x.re, x.im, mask0};
  SmallVector<Type> types(4, type);
  types.push_back(i64);
  auto loop = scf::WhileOp::create(
      b, loc, types, inits,
      [&](OpBuilder &bb, Location l, ValueRange args) {
        Value mask = args[4];
        Value zeroI =
            arith::ConstantOp::create(bb, l, i64, bb.getI64IntegerAttr(0));
        Value go = arith::AndIOp::create(
            bb, l,
            arith::CmpIOp::create(bb, l, arith::CmpIPredicate::sgt, mask,
                                  zeroI),
            arith::CmpIOp::create(bb, l, arith::CmpIPredicate::sge, n, mask));
        scf::ConditionOp::create(bb, l, go, args);
      },
      [&](OpBuilder &bb, Location l, ValueRange args) {
        ComplexParts r{args[0], args[1]}, p{args[2], args[3]};
        Value mask = args[4];
        Value zeroI =
            arith::ConstantOp::create(bb, l, i64, bb.getI64IntegerAttr(0));
        Value bit =
            arith::CmpIOp::create(bb, l, arith::CmpIPredicate::ne,
                                  arith::AndIOp::create(bb, l, n, mask), zeroI);
        ComplexParts rp = mulParts(bb, l, r, p);
        Value rre = select(bb, l, bit, rp.re, r.re);
        Value rim = select(bb, l, bit, rp.im, r.im);
        ComplexParts pp = mulParts(bb, l, p, p);
        Value oneI =
            arith::ConstantOp::create(bb, l, i64, bb.getI64IntegerAttr(1));
        Value next = arith::ShLIOp::create(bb, l, mask, oneI);
        scf::YieldOp::create(bb, l, ValueRange{rre, rim, pp.re, pp.im, next});
      });
  return {loop.getResult(0), loop.getResult(1)};
}

Value mumba::nb::complexPow(OpBuilder &b, Location loc, Value x, Value y) {
  Type type = x.getType();
  ComplexParts a = complexParts(b, loc, x), e = complexParts(b, loc, y);
  Type part = a.re.getType();
  Value zero = fconst(b, loc, part, 0), one = fconst(b, loc, part, 1);
  Value hundred = fconst(b, loc, part, 100);
  // Integral exponents of magnitude up to 100 multiply (c_powi).
  Value integral = arith::AndIOp::create(
      b, loc,
      arith::AndIOp::create(b, loc,
                            cmpf(b, loc, arith::CmpFPredicate::OEQ, e.im, zero),
                            cmpf(b, loc, arith::CmpFPredicate::OEQ, e.re,
                                 math::FloorOp::create(b, loc, e.re))),
      cmpf(b, loc, arith::CmpFPredicate::OLE,
           math::AbsFOp::create(b, loc, e.re), hundred));
  Type i64 = b.getI64Type();
  Value n = arith::FPToSIOp::create(b, loc, i64,
                                    select(b, loc, integral, e.re, zero));
  Value zeroI = arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(0));
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, n, zeroI);
  Value absN =
      select(b, loc, negative, arith::SubIOp::create(b, loc, zeroI, n), n);
  ComplexParts powu = powuParts(b, loc, a, absN);
  Value quotZero;
  ComplexParts inverse = quotParts(b, loc, {one, zero}, powu, quotZero);
  Value intRe = select(b, loc, negative, inverse.re, powu.re);
  Value intIm = select(b, loc, negative, inverse.im, powu.im);
  Value intError = arith::AndIOp::create(b, loc, negative, quotZero);

  // Otherwise through polar form (_Py_c_pow).
  Value vabs = hypotOf(b, loc, a.re, a.im);
  Value len = math::PowFOp::create(b, loc, vabs, e.re);
  Value at = math::Atan2Op::create(b, loc, a.im, a.re);
  Value phase = arith::MulFOp::create(b, loc, at, e.re);
  Value imNonZero = cmpf(b, loc, arith::CmpFPredicate::UNE, e.im, zero);
  Value lenC = arith::DivFOp::create(
      b, loc, len,
      math::ExpOp::create(b, loc, arith::MulFOp::create(b, loc, at, e.im)));
  Value phaseC = arith::AddFOp::create(
      b, loc, phase,
      arith::MulFOp::create(b, loc, e.im, math::LogOp::create(b, loc, vabs)));
  len = select(b, loc, imNonZero, lenC, len);
  phase = select(b, loc, imNonZero, phaseC, phase);
  Value genRe =
      arith::MulFOp::create(b, loc, len, math::CosOp::create(b, loc, phase));
  Value genIm =
      arith::MulFOp::create(b, loc, len, math::SinOp::create(b, loc, phase));
  Value expZero = arith::AndIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, e.re, zero),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, e.im, zero));
  Value baseZero = arith::AndIOp::create(
      b, loc, cmpf(b, loc, arith::CmpFPredicate::OEQ, a.re, zero),
      cmpf(b, loc, arith::CmpFPredicate::OEQ, a.im, zero));
  genRe = select(b, loc, expZero, one, select(b, loc, baseZero, zero, genRe));
  genIm = select(b, loc, expZero, zero, select(b, loc, baseZero, zero, genIm));
  Value genError = arith::AndIOp::create(
      b, loc,
      arith::AndIOp::create(b, loc, baseZero,
                            arith::XOrIOp::create(b, loc, expZero,
                                                  arith::ConstantOp::create(
                                                      b, loc, b.getI1Type(),
                                                      b.getBoolAttr(true)))),
      arith::OrIOp::create(
          b, loc, imNonZero,
          cmpf(b, loc, arith::CmpFPredicate::OLT, e.re, zero)));

  Value error = select(b, loc, integral, intError, genError);
  raiseException(b, loc, error, "ZeroDivisionError",
                 "0.0 to a negative or complex power");
  return makeComplex(b, loc, type, select(b, loc, integral, intRe, genRe),
                     select(b, loc, integral, intIm, genIm));
}

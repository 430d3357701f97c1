//===- Numpy.cpp - Lowering of NumPy scalar calls -------------------------===//
//
// The lowering facet of Typing/NumpyTyping.cpp: numpy ufuncs on numbers.
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

static Value arg(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
                 ArrayRef<Type> argTypes, unsigned i, Type type) {
  return castNumber(b, loc, args[i].front(), argTypes[i], type);
}

static Value cmpf(OpBuilder &b, Location loc, arith::CmpFPredicate pred,
                  Value x, Value y) {
  return arith::CmpFOp::create(b, loc, pred, x, y);
}

//===----------------------------------------------------------------------===//
// Lowerers
//===----------------------------------------------------------------------===//

/// A math op on reals, or `ComplexOpT` on complex numbers.
template <typename RealOpT, typename ComplexOpT = void>
static LoweredCall lowerUnary(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if constexpr (!std::is_void_v<ComplexOpT>)
    if (isa<ComplexType>(resultType))
      return single(ComplexOpT::create(b, loc, x));
  return single(RealOpT::create(b, loc, x));
}

static LoweredCall lowerSqrt(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (isa<ComplexType>(resultType))
    return single(complexSqrt(b, loc, x));
  return single(math::SqrtOp::create(b, loc, x));
}

/// A libm function on reals (accurate where the math dialect's lowering is
/// not), `ComplexOpT` on complex numbers.
template <const char *name, typename ComplexOpT>
static LoweredCall lowerLibmOr(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (isa<ComplexType>(resultType))
    return single(ComplexOpT::create(b, loc, x));
  return single(callLibm(b, loc, name, {x}));
}

static constexpr char kExpm1[] = "expm1";
static constexpr char kLog1p[] = "log1p";

/// sinh/cosh on complex numbers from their parts.
template <bool isSinh>
static Value complexHyperbolic(OpBuilder &b, Location loc, Value z, Type type) {
  ComplexParts p = complexParts(b, loc, z);
  Value sh = math::SinhOp::create(b, loc, p.re);
  Value ch = math::CoshOp::create(b, loc, p.re);
  Value re = arith::MulFOp::create(b, loc, isSinh ? sh : ch,
                                   math::CosOp::create(b, loc, p.im));
  Value im = arith::MulFOp::create(b, loc, isSinh ? ch : sh,
                                   math::SinOp::create(b, loc, p.im));
  return makeComplex(b, loc, type, re, im);
}

template <bool isSinh>
static LoweredCall lowerHyperbolic(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (isa<ComplexType>(resultType))
    return single(complexHyperbolic<isSinh>(b, loc, x, resultType));
  if (isSinh)
    return single(math::SinhOp::create(b, loc, x));
  return single(math::CoshOp::create(b, loc, x));
}

/// np.log10 of a complex number: log(z) / ln(10).
static LoweredCall lowerLog10(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  auto complex = dyn_cast<ComplexType>(resultType);
  if (!complex)
    return single(math::Log10Op::create(b, loc, x));
  ComplexParts l = complexParts(b, loc, complex::LogOp::create(b, loc, x));
  Value ln10 = stdConstant(b, loc, complex.getElementType(), M_LN10);
  return single(makeComplex(b, loc, resultType,
                            arith::DivFOp::create(b, loc, l.re, ln10),
                            arith::DivFOp::create(b, loc, l.im, ln10)));
}

static LoweredCall lowerAbs(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  if (isa<ComplexType>(argTypes[0]))
    return single(complexAbs(b, loc, args[0].front()));
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (isa<FloatType>(resultType))
    return single(math::AbsFOp::create(b, loc, x));
  if (cast<IntegerType>(resultType).isUnsigned())
    return single(x);
  return single(math::AbsIOp::create(b, loc, x));
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

/// np.sign: -1, 0 or 1 of the type; NaN stays NaN. For complex numbers
/// (NumPy 1.x) the sign of the real part, or of the imaginary part when the
/// real part is zero.
static Value realSign(OpBuilder &b, Location loc, Value x, Type type) {
  Value zero = stdConstant(b, loc, x.getType(), 0);
  Value one = stdConstant(b, loc, x.getType(), 1);
  Value minusOne = stdConstant(b, loc, x.getType(), -1);
  Value positive, negative;
  if (isa<FloatType>(type)) {
    positive = cmpf(b, loc, arith::CmpFPredicate::OGT, x, zero);
    negative = cmpf(b, loc, arith::CmpFPredicate::OLT, x, zero);
  } else {
    bool uns = cast<IntegerType>(type).isUnsigned();
    positive = arith::CmpIOp::create(
        b, loc, uns ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt, x,
        zero);
    negative =
        uns ? arith::ConstantOp::create(b, loc, b.getI1Type(),
                                        b.getBoolAttr(false))
                  .getResult()
            : arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero)
                  .getResult();
  }
  // For floats, neither (zero or NaN) keeps x: 0 stays 0, NaN stays NaN.
  Value rest = zero;
  if (isa<FloatType>(type))
    rest = arith::SelectOp::create(
        b, loc, cmpf(b, loc, arith::CmpFPredicate::UNO, x, x), x, zero);
  return arith::SelectOp::create(
      b, loc, positive, one,
      arith::SelectOp::create(b, loc, negative, minusOne, rest));
}

static LoweredCall lowerSign(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (auto complex = dyn_cast<ComplexType>(resultType)) {
    Type part = complex.getElementType();
    ComplexParts p = complexParts(b, loc, x);
    Value reZero = cmpf(b, loc, arith::CmpFPredicate::OEQ, p.re,
                        stdConstant(b, loc, part, 0));
    Value s =
        arith::SelectOp::create(b, loc, reZero, realSign(b, loc, p.im, part),
                                realSign(b, loc, p.re, part));
    return single(
        makeComplex(b, loc, resultType, s, stdConstant(b, loc, part, 0)));
  }
  return single(realSign(b, loc, x, resultType));
}

static LoweredCall lowerSquare(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  if (isa<ComplexType>(resultType))
    return single(complexMul(b, loc, x, x));
  if (isa<FloatType>(resultType))
    return single(arith::MulFOp::create(b, loc, x, x));
  return single(arith::MulIOp::create(b, loc, x, x));
}

static LoweredCall lowerSignbit(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type) {
  Type type = argTypes[0];
  Value x = args[0].front();
  if (isa<FloatType>(type)) {
    // The sign bit itself, so that -0.0 and -nan count as negative.
    Type bits = b.getIntegerType(type.getIntOrFloatBitWidth());
    Value asInt = arith::BitcastOp::create(b, loc, bits, x);
    return single(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt,
                                        asInt, stdConstant(b, loc, bits, 0)));
  }
  if (isBoolType(type) || cast<IntegerType>(type).isUnsigned())
    return single(
        arith::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(false)));
  return single(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x,
                                      stdConstant(b, loc, x.getType(), 0)));
}

template <bool isReal>
static LoweredCall lowerPart(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Value x = args[0].front();
  if (isa<ComplexType>(argTypes[0])) {
    ComplexParts p = complexParts(b, loc, x);
    return single(isReal ? p.re : p.im);
  }
  if (isReal)
    return single(x);
  return single(numberConstant(b, loc, resultType, 0));
}

static LoweredCall lowerConj(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Value x = args[0].front();
  if (!isa<ComplexType>(resultType))
    return single(x);
  ComplexParts p = complexParts(b, loc, x);
  return single(makeComplex(b, loc, resultType, p.re,
                            arith::NegFOp::create(b, loc, p.im)));
}

static LoweredCall lowerPower(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  Value y = arg(b, loc, args, argTypes, 1, resultType);
  if (isa<ComplexType>(resultType))
    return single(complexPow(b, loc, x, y));
  if (isa<FloatType>(resultType))
    return single(math::PowFOp::create(b, loc, x, y));
  if (!cast<IntegerType>(resultType).isUnsigned())
    raiseException(b, loc,
                   arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, y,
                                         stdConstant(b, loc, y.getType(), 0)),
                   "ValueError",
                   "Integers to negative integer powers are not allowed.");
  return single(math::IPowIOp::create(b, loc, x, y));
}

/// np.maximum/np.minimum propagate NaN; np.fmax/np.fmin ignore it.
template <bool isMax, bool ignoreNaN>
static LoweredCall lowerExtremum(OpBuilder &b, Location loc,
                                 ArrayRef<ValueRange> args,
                                 ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  Value y = arg(b, loc, args, argTypes, 1, resultType);
  if (isa<FloatType>(resultType)) {
    if (ignoreNaN)
      return single(isMax ? arith::MaxNumFOp::create(b, loc, x, y).getResult()
                          : arith::MinNumFOp::create(b, loc, x, y).getResult());
    return single(isMax ? arith::MaximumFOp::create(b, loc, x, y).getResult()
                        : arith::MinimumFOp::create(b, loc, x, y).getResult());
  }
  bool uns =
      isBoolType(resultType) || cast<IntegerType>(resultType).isUnsigned();
  if (isMax)
    return single(uns ? arith::MaxUIOp::create(b, loc, x, y).getResult()
                      : arith::MaxSIOp::create(b, loc, x, y).getResult());
  return single(uns ? arith::MinUIOp::create(b, loc, x, y).getResult()
                    : arith::MinSIOp::create(b, loc, x, y).getResult());
}

template <typename OpT>
static LoweredCall lowerBinaryFloat(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  return single(OpT::create(b, loc, arg(b, loc, args, argTypes, 0, resultType),
                            arg(b, loc, args, argTypes, 1, resultType)));
}

static LoweredCall lowerHypot(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  return single(hypotOf(b, loc, arg(b, loc, args, argTypes, 0, resultType),
                        arg(b, loc, args, argTypes, 1, resultType)));
}

/// np.logaddexp: log(exp(x) + exp(y)) without overflow, as NumPy's
/// npy_logaddexp computes it: equal arguments give x + log(2) (so that
/// inf + inf stays inf), others max(x, y) + log1p(exp(-|x - y|)); maximumf
/// propagates a NaN.
static LoweredCall lowerLogAddExp(OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args,
                                  ArrayRef<Type> argTypes, Type resultType) {
  Value x = arg(b, loc, args, argTypes, 0, resultType);
  Value y = arg(b, loc, args, argTypes, 1, resultType);
  Value equal = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, y);
  Value doubled =
      arith::AddFOp::create(b, loc, x, stdConstant(b, loc, resultType, M_LN2));
  Value distance =
      math::AbsFOp::create(b, loc, arith::SubFOp::create(b, loc, x, y));
  Value tail = callLibm(
      b, loc, "log1p",
      math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, distance))
          .getResult());
  Value apart = arith::AddFOp::create(
      b, loc, arith::MaximumFOp::create(b, loc, x, y), tail);
  return single(arith::SelectOp::create(b, loc, equal, doubled, apart));
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define REAL_UNARY(NAME, OP) {"numpy." NAME, lowerUnary<math::OP>}
#define NUMBER_UNARY(NAME, OP, COP)                                            \
  {"numpy." NAME, lowerUnary<math::OP, complex::COP>}

static const CallLowering kTable[] = {
    {"numpy.sqrt", lowerSqrt},
    NUMBER_UNARY("exp", ExpOp, ExpOp),
    NUMBER_UNARY("log", LogOp, LogOp),
    NUMBER_UNARY("sin", SinOp, SinOp),
    NUMBER_UNARY("cos", CosOp, CosOp),
    NUMBER_UNARY("tan", TanOp, TanOp),
    NUMBER_UNARY("tanh", TanhOp, TanhOp),
    {"numpy.expm1", lowerLibmOr<kExpm1, complex::Expm1Op>},
    {"numpy.log1p", lowerLibmOr<kLog1p, complex::Log1pOp>},
    {"numpy.sinh", lowerHyperbolic<true>},
    {"numpy.cosh", lowerHyperbolic<false>},
    {"numpy.log10", lowerLog10},
    REAL_UNARY("log2", Log2Op),
    REAL_UNARY("exp2", Exp2Op),
    REAL_UNARY("cbrt", CbrtOp),
    REAL_UNARY("arcsin", AsinOp),
    REAL_UNARY("arccos", AcosOp),
    REAL_UNARY("arctan", AtanOp),
    REAL_UNARY("arcsinh", AsinhOp),
    REAL_UNARY("arccosh", AcoshOp),
    REAL_UNARY("arctanh", AtanhOp),
    REAL_UNARY("floor", FloorOp),
    REAL_UNARY("ceil", CeilOp),
    REAL_UNARY("trunc", TruncOp),
    REAL_UNARY("rint", RoundEvenOp),
    REAL_UNARY("fabs", AbsFOp),
    {"numpy.deg2rad", lowerAngle<false>},
    {"numpy.radians", lowerAngle<false>},
    {"numpy.rad2deg", lowerAngle<true>},
    {"numpy.degrees", lowerAngle<true>},
    {"numpy.abs", lowerAbs},
    {"numpy.absolute", lowerAbs},
    {"numpy.sign", lowerSign},
    {"numpy.square", lowerSquare},
    {"numpy.isnan", lowerClassify<FloatClass::NaN>},
    {"numpy.isinf", lowerClassify<FloatClass::Inf>},
    {"numpy.isfinite", lowerClassify<FloatClass::Finite>},
    {"numpy.signbit", lowerSignbit},
    {"numpy.real", lowerPart<true>},
    {"numpy.imag", lowerPart<false>},
    {"numpy.conj", lowerConj},
    {"numpy.conjugate", lowerConj},
    {"numpy.power", lowerPower},
    {"numpy.maximum", lowerExtremum<true, false>},
    {"numpy.minimum", lowerExtremum<false, false>},
    {"numpy.fmax", lowerExtremum<true, true>},
    {"numpy.fmin", lowerExtremum<false, true>},
    {"numpy.arctan2", lowerBinaryFloat<math::Atan2Op>},
    {"numpy.copysign", lowerBinaryFloat<math::CopySignOp>},
    {"numpy.hypot", lowerHypot},
    {"numpy.logaddexp", lowerLogAddExp},
};

#undef REAL_UNARY
#undef NUMBER_UNARY

ArrayRef<CallLowering> mumba::nb::detail::getNumpyScalarLowering() {
  return kTable;
}

//===- NumpyTemplates.cpp - NumPy functions on scalars --------------------===//
//
// numpy ufuncs called on numbers: float32 stays float32 and other reals
// compute in float64, as Numba's scalar ufuncs do; complex arguments keep
// their width where the function has a complex meaning.
//
//===----------------------------------------------------------------------===//
#include "Templates.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mumba/Dialect/NB/Typing/ComplexLowering.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"
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

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

#define REAL_UNARY(NAME, OP)                                                   \
  {"numpy." NAME, typeRealUnary, lowerUnary<math::OP>, {}, "(x: real)"}
#define NUMBER_UNARY(NAME, OP, COP)                                            \
  {"numpy." NAME,                                                              \
   typeNumberUnary,                                                            \
   lowerUnary<math::OP, complex::COP>,                                         \
   {},                                                                         \
   "(x: number)"}

static const CallTemplate kNumpyScalarTemplates[] = {
    {"numpy.sqrt", typeNumberUnary, lowerSqrt, {}, "(x: number)"},
    NUMBER_UNARY("exp", ExpOp, ExpOp),
    NUMBER_UNARY("log", LogOp, LogOp),
    NUMBER_UNARY("sin", SinOp, SinOp),
    NUMBER_UNARY("cos", CosOp, CosOp),
    NUMBER_UNARY("tan", TanOp, TanOp),
    NUMBER_UNARY("tanh", TanhOp, TanhOp),
    {"numpy.expm1",
     typeNumberUnary,
     lowerLibmOr<kExpm1, complex::Expm1Op>,
     {},
     "(x: number)"},
    {"numpy.log1p",
     typeNumberUnary,
     lowerLibmOr<kLog1p, complex::Log1pOp>,
     {},
     "(x: number)"},
    {"numpy.sinh", typeNumberUnary, lowerHyperbolic<true>, {}, "(x: number)"},
    {"numpy.cosh", typeNumberUnary, lowerHyperbolic<false>, {}, "(x: number)"},
    {"numpy.log10", typeNumberUnary, lowerLog10, {}, "(x: number)"},
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
    {"numpy.deg2rad", typeRealUnary, lowerAngle<false>, {}, "(x: real)"},
    {"numpy.radians", typeRealUnary, lowerAngle<false>, {}, "(x: real)"},
    {"numpy.rad2deg", typeRealUnary, lowerAngle<true>, {}, "(x: real)"},
    {"numpy.degrees", typeRealUnary, lowerAngle<true>, {}, "(x: real)"},
    {"numpy.abs", typeAbs, lowerAbs, {}, "(x: number)"},
    {"numpy.absolute", typeAbs, lowerAbs, {}, "(x: number)"},
    {"numpy.sign", typeKeepKind, lowerSign, {}, "(x: number other than bool)"},
    {"numpy.square",
     typeKeepKind,
     lowerSquare,
     {},
     "(x: number other than bool)"},
    {"numpy.isnan",
     typePredicate,
     lowerClassify<FloatClass::NaN>,
     {},
     "(x: number)"},
    {"numpy.isinf",
     typePredicate,
     lowerClassify<FloatClass::Inf>,
     {},
     "(x: number)"},
    {"numpy.isfinite",
     typePredicate,
     lowerClassify<FloatClass::Finite>,
     {},
     "(x: number)"},
    {"numpy.signbit", typeSignbit, lowerSignbit, {}, "(x: real)"},
    {"numpy.real", typePart, lowerPart<true>, {}, "(x: number)"},
    {"numpy.imag", typePart, lowerPart<false>, {}, "(x: number)"},
    {"numpy.conj", typeConj, lowerConj, {}, "(x: number)"},
    {"numpy.conjugate", typeConj, lowerConj, {}, "(x: number)"},
    {"numpy.power", typePower, lowerPower, {}, "(x1: number, x2: number)"},
    {"numpy.maximum",
     typeExtremum,
     lowerExtremum<true, false>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.minimum",
     typeExtremum,
     lowerExtremum<false, false>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.fmax",
     typeExtremum,
     lowerExtremum<true, true>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.fmin",
     typeExtremum,
     lowerExtremum<false, true>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.arctan2",
     typeRealBinary,
     lowerBinaryFloat<math::Atan2Op>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.copysign",
     typeRealBinary,
     lowerBinaryFloat<math::CopySignOp>,
     {},
     "(x1: real, x2: real)"},
    {"numpy.hypot", typeRealBinary, lowerHypot, {}, "(x1: real, x2: real)"},
};

#undef REAL_UNARY
#undef NUMBER_UNARY

ArrayRef<CallTemplate> mumba::nb::detail::getNumpyScalarTemplates() {
  return kNumpyScalarTemplates;
}

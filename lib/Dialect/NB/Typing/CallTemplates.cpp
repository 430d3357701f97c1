//===- CallTemplates.cpp - Typing and lowering of global calls ------------===//
#include "mumba/Dialect/NB/Typing/CallTemplates.h"
#include "ArrayCreation.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"
#include <cmath>

using namespace mlir;
using namespace mumba::nb;

//===----------------------------------------------------------------------===//
// Typers
//===----------------------------------------------------------------------===//

static Type f64(MLIRContext *ctx) { return Float64Type::get(ctx); }

/// Checks the argument count and that every argument is a number.
static bool expectNumbers(Operation *op, ArrayRef<Type> args, size_t min,
                          size_t max, StringRef what) {
  if (args.size() < min || args.size() > max) {
    InFlightDiagnostic diag = op->emitError() << what << " takes ";
    if (min == max)
      diag << min;
    else if (max == SIZE_MAX)
      diag << "at least " << min;
    else
      diag << min << " to " << max;
    diag << " arguments, got " << args.size();
    return false;
  }
  for (Type arg : args)
    if (!isNumberType(arg)) {
      op->emitError() << what << " expects numbers, got " << arg;
      return false;
    }
  return true;
}

static Type typeRange(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 3, "range()"))
    return {};
  for (Type arg : args)
    if (isa<FloatType>(arg)) {
      op->emitError() << "range() expects integers, got " << arg;
      return {};
    }
  return RangeType::get(op->getContext(), getInt64Type(op->getContext()));
}

static Type typeLen(Operation *op, ArrayRef<Type> args) {
  if (args.size() == 1 && isa<ArrayType, TupleType, RangeType>(args[0]))
    return getInt64Type(op->getContext());
  op->emitError() << "len() expects one array, tuple or range, got "
                  << args.size() << " arguments"
                  << (args.empty() ? "" : " of types ") << args;
  return {};
}

/// abs() keeps the type of floats and gives int64 for bools and ints.
static Type typeAbs(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "abs()"))
    return {};
  return isa<FloatType>(args[0]) ? args[0] : promoteNumbers(args[0], args[0]);
}

static Type typeMinMax(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 2, SIZE_MAX, "min()/max()"))
    return {};
  Type result = args[0];
  for (Type arg : args.drop_front())
    result = unifyTypes(result, arg);
  return result;
}

static Type typeInt(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "int()"))
    return {};
  return getInt64Type(op->getContext());
}

static Type typeFloat(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "float()"))
    return {};
  return f64(op->getContext());
}

static Type typeBool(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "bool()"))
    return {};
  return IntegerType::get(op->getContext(), 1);
}

/// math.f(x): float64 whatever the number.
static Type typeMathUnary(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "this math function"))
    return {};
  return f64(op->getContext());
}

static Type typeMathBinary(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 2, 2, "this math function"))
    return {};
  return f64(op->getContext());
}

/// math.floor/ceil/trunc return int in Python 3.
static Type typeMathToInt(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "this math function"))
    return {};
  return getInt64Type(op->getContext());
}

static Type typePredicate(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "this predicate"))
    return {};
  return IntegerType::get(op->getContext(), 1);
}

/// np.f(x) on a scalar keeps float32 and gives float64 otherwise.
static Type typeNumpyUnary(Operation *op, ArrayRef<Type> args) {
  if (!expectNumbers(op, args, 1, 1, "this NumPy function"))
    return {};
  return args[0].isF32() ? args[0] : f64(op->getContext());
}

//===----------------------------------------------------------------------===//
// Lowerers
//===----------------------------------------------------------------------===//

static LoweredCall single(Value v) { return LoweredCall{{v}, {}, MUMBA_OK}; }

static Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(v));
}

static LoweredCall lowerRange(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type) {
  Type i64 = getInt64Type(b.getContext());
  SmallVector<Value> values;
  for (auto [arg, type] : llvm::zip(args, argTypes))
    values.push_back(castNumber(b, loc, arg.front(), type, i64));
  Value start = values.size() > 1 ? values[0] : i64Const(b, loc, 0);
  Value stop = values.size() > 1 ? values[1] : values[0];
  Value step = values.size() > 2 ? values[2] : i64Const(b, loc, 1);
  LoweredCall call{{start, stop, step}, {}, MUMBA_OK};
  if (values.size() > 2) {
    call.raiseIf = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step,
                                         i64Const(b, loc, 0));
    call.status = MUMBA_RANGE_STEP_ZERO;
  }
  return call;
}

static LoweredCall lowerLen(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type) {
  if (auto tuple = dyn_cast<TupleType>(argTypes[0]))
    return single(i64Const(b, loc, tuple.size()));
  if (isa<RangeType>(argTypes[0])) {
    // max(0, ceil((stop - start) / step)) covers both signs of step.
    ValueRange r = args[0];
    Value diff = arith::SubIOp::create(b, loc, r[1], r[0]);
    Value n = arith::CeilDivSIOp::create(b, loc, diff, r[2]);
    return single(arith::MaxSIOp::create(b, loc, n, i64Const(b, loc, 0)));
  }
  Value dim = memref::DimOp::create(b, loc, args[0].front(), 0);
  return single(
      arith::IndexCastOp::create(b, loc, b.getI64Type(), dim).getResult());
}

static LoweredCall lowerAbs(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value x = castNumber(b, loc, args[0].front(), argTypes[0], resultType);
  if (isa<FloatType>(resultType))
    return single(math::AbsFOp::create(b, loc, x));
  if (cast<IntegerType>(resultType).isUnsigned())
    return single(x);
  return single(math::AbsIOp::create(b, loc, x));
}

/// Python's min/max return the first extreme argument: `b < a ? b : a`,
/// which also keeps a NaN first argument as Python does.
template <bool isMax>
static LoweredCall lowerMinMax(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Value best = castNumber(b, loc, args[0].front(), argTypes[0], resultType);
  for (size_t i = 1; i < args.size(); ++i) {
    Value next = castNumber(b, loc, args[i].front(), argTypes[i], resultType);
    Value better;
    if (isa<FloatType>(resultType)) {
      better = arith::CmpFOp::create(
          b, loc, isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
          next, best);
    } else {
      bool isUnsigned = cast<IntegerType>(resultType).isUnsigned();
      arith::CmpIPredicate pred =
          isMax ? (isUnsigned ? arith::CmpIPredicate::ugt
                              : arith::CmpIPredicate::sgt)
                : (isUnsigned ? arith::CmpIPredicate::ult
                              : arith::CmpIPredicate::slt);
      better = arith::CmpIOp::create(b, loc, pred, next, best);
    }
    best = arith::SelectOp::create(b, loc, better, next, best);
  }
  return single(best);
}

/// int(), float(), bool(): a conversion to the result type.
static LoweredCall lowerConvert(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  return single(castNumber(b, loc, args[0].front(), argTypes[0], resultType));
}

template <typename OpT>
static LoweredCall lowerUnaryFloat(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  Value x = castNumber(b, loc, args[0].front(), argTypes[0], resultType);
  return single(OpT::create(b, loc, x));
}

template <typename OpT>
static LoweredCall lowerBinaryFloat(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  Value x = castNumber(b, loc, args[0].front(), argTypes[0], resultType);
  Value y = castNumber(b, loc, args[1].front(), argTypes[1], resultType);
  return single(OpT::create(b, loc, x, y));
}

/// math.floor and friends: round in float, return an int.
template <typename OpT>
static LoweredCall lowerRoundToInt(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type resultType) {
  if (!isa<FloatType>(argTypes[0]))
    return lowerConvert(b, loc, args, argTypes, resultType);
  Value rounded = OpT::create(b, loc, args[0].front());
  return single(castNumber(b, loc, rounded, argTypes[0], resultType));
}

/// math.hypot without overflow: scale by the larger magnitude.
static LoweredCall lowerHypot(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = math::AbsFOp::create(
      b, loc, castNumber(b, loc, args[0].front(), argTypes[0], resultType));
  Value y = math::AbsFOp::create(
      b, loc, castNumber(b, loc, args[1].front(), argTypes[1], resultType));
  Value big = arith::MaximumFOp::create(b, loc, x, y);
  Value small = arith::MinimumFOp::create(b, loc, x, y);
  Value zero = numberConstant(b, loc, resultType, 0);
  Value one = numberConstant(b, loc, resultType, 1);
  Value isZero =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, big, zero);
  Value ratio = arith::DivFOp::create(
      b, loc, small, arith::SelectOp::create(b, loc, isZero, one, big));
  Value root = math::SqrtOp::create(
      b, loc,
      arith::AddFOp::create(b, loc, one,
                            arith::MulFOp::create(b, loc, ratio, ratio)));
  Value result = arith::MulFOp::create(b, loc, big, root);
  // hypot(inf, nan) is inf in Python.
  Value inf = numberConstant(b, loc, resultType,
                             std::numeric_limits<double>::infinity());
  Value anyInf = arith::OrIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, inf),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, y, inf));
  return single(arith::SelectOp::create(b, loc, anyInf, inf, result));
}

enum class FloatClass { NaN, Inf, Finite };

template <FloatClass kind>
static LoweredCall lowerClassify(OpBuilder &b, Location loc,
                                 ArrayRef<ValueRange> args,
                                 ArrayRef<Type> argTypes, Type) {
  Value x = args[0].front();
  if (!isa<FloatType>(argTypes[0]))
    return single(arith::ConstantOp::create(
        b, loc, b.getI1Type(), b.getBoolAttr(kind == FloatClass::Finite)));
  if (kind == FloatClass::NaN)
    return single(
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x));
  Value inf = arith::ConstantOp::create(
      b, loc, x.getType(),
      b.getFloatAttr(x.getType(), std::numeric_limits<double>::infinity()));
  Value mag = math::AbsFOp::create(b, loc, x);
  // |x| == inf is Inf; |x| < inf is Finite (false for NaN).
  return single(arith::CmpFOp::create(b, loc,
                                      kind == FloatClass::Inf
                                          ? arith::CmpFPredicate::OEQ
                                          : arith::CmpFPredicate::OLT,
                                      mag, inf));
}

//===----------------------------------------------------------------------===//
// The registry
//===----------------------------------------------------------------------===//

#define MATH_UNARY(NAME, OP)                                                   \
  {"math." NAME, typeMathUnary, lowerUnaryFloat<math::OP>}, {                  \
    "numpy." NAME, typeNumpyUnary, lowerUnaryFloat<math::OP>                   \
  }

static constexpr StringLiteral kShapeParams[] = {"shape", "dtype"};
static constexpr StringLiteral kFullParams[] = {"shape", "fill_value", "dtype"};
static constexpr StringLiteral kLikeParams[] = {"a", "dtype"};
static constexpr StringLiteral kArangeParams[] = {"start", "stop", "step",
                                                  "dtype"};

static const CallTemplate kTemplates[] = {
    {"numpy.empty", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerEmpty,
     kShapeParams},
    {"numpy.zeros", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerZeros,
     kShapeParams},
    {"numpy.ones", mumba::nb::detail::typeEmpty, mumba::nb::detail::lowerOnes,
     kShapeParams},
    {"numpy.full", mumba::nb::detail::typeFull, mumba::nb::detail::lowerFull,
     kFullParams},
    {"numpy.empty_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerEmptyLike, kLikeParams},
    {"numpy.zeros_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerZerosLike, kLikeParams},
    {"numpy.ones_like", mumba::nb::detail::typeLike,
     mumba::nb::detail::lowerOnesLike, kLikeParams},
    {"numpy.arange", mumba::nb::detail::typeArange,
     mumba::nb::detail::lowerArange, kArangeParams},
    {"array.copy", mumba::nb::detail::typeCopy, mumba::nb::detail::lowerCopy},
    {"range", typeRange, lowerRange},
    {"len", typeLen, lowerLen},
    {"abs", typeAbs, lowerAbs},
    {"min", typeMinMax, lowerMinMax<false>},
    {"max", typeMinMax, lowerMinMax<true>},
    {"int", typeInt, lowerConvert},
    {"float", typeFloat, lowerConvert},
    {"bool", typeBool, lowerConvert},
    MATH_UNARY("sqrt", SqrtOp),
    MATH_UNARY("exp", ExpOp),
    MATH_UNARY("expm1", ExpM1Op),
    MATH_UNARY("log", LogOp),
    MATH_UNARY("log2", Log2Op),
    MATH_UNARY("log10", Log10Op),
    MATH_UNARY("log1p", Log1pOp),
    MATH_UNARY("sin", SinOp),
    MATH_UNARY("cos", CosOp),
    MATH_UNARY("tan", TanOp),
    MATH_UNARY("sinh", SinhOp),
    MATH_UNARY("cosh", CoshOp),
    MATH_UNARY("tanh", TanhOp),
    MATH_UNARY("fabs", AbsFOp),
    {"math.asin", typeMathUnary, lowerUnaryFloat<math::AsinOp>},
    {"math.acos", typeMathUnary, lowerUnaryFloat<math::AcosOp>},
    {"math.atan", typeMathUnary, lowerUnaryFloat<math::AtanOp>},
    {"math.erf", typeMathUnary, lowerUnaryFloat<math::ErfOp>},
    {"numpy.arcsin", typeNumpyUnary, lowerUnaryFloat<math::AsinOp>},
    {"numpy.arccos", typeNumpyUnary, lowerUnaryFloat<math::AcosOp>},
    {"numpy.arctan", typeNumpyUnary, lowerUnaryFloat<math::AtanOp>},
    {"numpy.floor", typeNumpyUnary, lowerUnaryFloat<math::FloorOp>},
    {"numpy.ceil", typeNumpyUnary, lowerUnaryFloat<math::CeilOp>},
    {"numpy.trunc", typeNumpyUnary, lowerUnaryFloat<math::TruncOp>},
    {"math.floor", typeMathToInt, lowerRoundToInt<math::FloorOp>},
    {"math.ceil", typeMathToInt, lowerRoundToInt<math::CeilOp>},
    {"math.trunc", typeMathToInt, lowerRoundToInt<math::TruncOp>},
    {"math.atan2", typeMathBinary, lowerBinaryFloat<math::Atan2Op>},
    {"math.pow", typeMathBinary, lowerBinaryFloat<math::PowFOp>},
    {"math.copysign", typeMathBinary, lowerBinaryFloat<math::CopySignOp>},
    {"math.hypot", typeMathBinary, lowerHypot},
    {"math.isnan", typePredicate, lowerClassify<FloatClass::NaN>},
    {"math.isinf", typePredicate, lowerClassify<FloatClass::Inf>},
    {"math.isfinite", typePredicate, lowerClassify<FloatClass::Finite>},
    {"numpy.isnan", typePredicate, lowerClassify<FloatClass::NaN>},
    {"numpy.isinf", typePredicate, lowerClassify<FloatClass::Inf>},
    {"numpy.isfinite", typePredicate, lowerClassify<FloatClass::Finite>},
    {"numpy.abs", typeAbs, lowerAbs},
    {"numpy.absolute", typeAbs, lowerAbs},
};

#undef MATH_UNARY

const CallTemplate *mumba::nb::lookupCallTemplate(StringRef name) {
  for (const CallTemplate &t : kTemplates)
    if (t.name == name)
      return &t;
  return nullptr;
}

std::optional<double> mumba::nb::lookupModuleConstant(StringRef name) {
  return llvm::StringSwitch<std::optional<double>>(name)
      .Cases({"math.pi", "numpy.pi"}, M_PI)
      .Cases({"math.e", "numpy.e"}, M_E)
      .Case("math.tau", 2 * M_PI)
      .Cases({"math.inf", "numpy.inf"}, std::numeric_limits<double>::infinity())
      .Cases({"math.nan", "numpy.nan"},
             std::numeric_limits<double>::quiet_NaN())
      .Default(std::nullopt);
}

FailureOr<SmallVector<int>>
mumba::nb::matchCallArguments(Operation *op, const CallTemplate &tmpl,
                              unsigned numPositional, ArrayAttr kwnames) {
  size_t numKeywords = kwnames ? kwnames.size() : 0;
  if (numKeywords && tmpl.params.empty())
    return op->emitError() << tmpl.name << "() takes no keyword arguments";
  SmallVector<int> slots(std::max<size_t>(numPositional, tmpl.params.size()),
                         -1);
  for (unsigned i = 0; i < numPositional; ++i)
    slots[i] = i;
  for (size_t k = 0; k < numKeywords; ++k) {
    StringRef name = cast<StringAttr>(kwnames[k]).getValue();
    const auto *it = llvm::find(tmpl.params, name);
    if (it == tmpl.params.end())
      return op->emitError()
             << tmpl.name << "() got an unexpected keyword argument '" << name
             << "'";
    size_t index = it - tmpl.params.begin();
    if (slots[index] != -1)
      return op->emitError() << tmpl.name << "() got multiple values for "
                             << "argument '" << name << "'";
    slots[index] = numPositional + k;
  }
  return slots;
}


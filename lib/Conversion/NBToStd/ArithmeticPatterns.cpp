//===- ArithmeticPatterns.cpp - Python operators on numbers ---------------===//
#include "ComplexLowering.h"
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include <limits>

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

static bool isUnsigned(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && intType.isUnsigned();
}

namespace {
/// Lowers one binary operator on operands already converted to `type`.
class BinaryLowering {
public:
  BinaryLowering(ConversionPatternRewriter &rewriter, Operation *op, Type type,
                 const NBToStdOptions &options)
      : b(rewriter), op(op), loc(op->getLoc()), type(type), options(options) {}

  /// `anyFloat`: an operand was a float, which Python's messages tell.
  Value lower(BinOpKind kind, Value lhs, Value rhs, bool anyFloat);

private:
  Value constant(double value) { return numberConstant(b, loc, type, value); }
  /// Applies the error model to a divisor: under Python's, raises `status`
  /// when it is zero; under NumPy's, integer divisions by zero give 0 (see
  /// zeroDivisor) and float ones follow IEEE. Returns the divisor to use.
  Value checkDivisor(Value divisor, MumbaStatus status);
  /// Under Python's error model, raises for 0.0 to a negative power.
  void checkZeroToNegativePower(Value lhs, Value rhs);
  Value lowerInt(BinOpKind kind, Value lhs, Value rhs);
  Value lowerFloat(BinOpKind kind, Value lhs, Value rhs);
  Value lowerComplex(BinOpKind kind, Value lhs, Value rhs);
  Value floatDivMod(Value lhs, Value rhs, bool wantDiv);

  ConversionPatternRewriter &b;
  Operation *op;
  Location loc;
  Type type;
  const NBToStdOptions &options;
  /// Under NumPy's error model, whether an integer divisor was zero.
  Value zeroDivisor;
};
} // namespace

Value BinaryLowering::checkDivisor(Value divisor, MumbaStatus status) {
  bool isFloat = isa<FloatType>(divisor.getType());
  if (!options.pythonErrorModel && isFloat)
    return divisor;
  // A divisor that cannot be zero needs no test, which in a loop would keep
  // it from vectorising. (Operand 1 is the nb divisor.)
  if (isFloat && isNonZeroFloat(op->getOperand(1)))
    return divisor;
  Value isZero =
      isa<FloatType>(divisor.getType())
          ? arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, divisor,
                                  numberConstant(b, loc, divisor.getType(), 0))
                .getResult()
          : arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, divisor,
                                  arith::ConstantOp::create(
                                      b, loc, divisor.getType(),
                                      b.getIntegerAttr(divisor.getType(), 0)))
                .getResult();
  if (options.pythonErrorModel) {
    raiseIf(b, loc, isZero, statusConstant(b, loc, status));
    return divisor;
  }
  zeroDivisor = isZero;
  Value one = arith::ConstantOp::create(b, loc, divisor.getType(),
                                        b.getIntegerAttr(divisor.getType(), 1));
  return arith::SelectOp::create(b, loc, isZero, one, divisor);
}

void BinaryLowering::checkZeroToNegativePower(Value lhs, Value rhs) {
  // Python's float power raises for 0.0 ** y, y < 0, except y = -inf
  // (which gives inf); IEEE's pow gives an infinity for all of them.
  if (isNonZeroFloat(op->getOperand(0)))
    return;
  auto cmp = [&](arith::CmpFPredicate pred, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, pred, x, y).getResult();
  };
  Value zero = constant(0);
  Value finiteNegative = arith::AndIOp::create(
      b, loc, cmp(arith::CmpFPredicate::OLT, rhs, zero),
      cmp(arith::CmpFPredicate::ONE, rhs,
          constant(-std::numeric_limits<double>::infinity())));
  Value zeroBase = cmp(arith::CmpFPredicate::OEQ, lhs, zero);
  raiseIf(b, loc, arith::AndIOp::create(b, loc, zeroBase, finiteNegative),
          statusConstant(b, loc, MUMBA_ZERO_NEGATIVE_POWER));
}

Value BinaryLowering::lowerInt(BinOpKind kind, Value lhs, Value rhs) {
  bool uns = isUnsigned(type);
  switch (kind) {
  case BinOpKind::Add:
    return arith::AddIOp::create(b, loc, lhs, rhs);
  case BinOpKind::Sub:
    return arith::SubIOp::create(b, loc, lhs, rhs);
  case BinOpKind::Mul:
    return arith::MulIOp::create(b, loc, lhs, rhs);
  case BinOpKind::BitAnd:
    return arith::AndIOp::create(b, loc, lhs, rhs);
  case BinOpKind::BitOr:
    return arith::OrIOp::create(b, loc, lhs, rhs);
  case BinOpKind::BitXor:
    return arith::XOrIOp::create(b, loc, lhs, rhs);
  case BinOpKind::Pow: {
    // 0 ** -n divides by zero, in Python and in the integer power helper.
    // (Array elements cannot raise; docs/arrays.md.)
    if (!uns && !options.arrayElements) {
      Value zero = constant(0);
      Value zeroToNegative = arith::AndIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lhs, zero),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rhs, zero));
      raiseIf(b, loc, zeroToNegative,
              statusConstant(b, loc, MUMBA_ZERO_NEGATIVE_POWER));
    }
    return math::IPowIOp::create(b, loc, lhs, rhs);
  }
  case BinOpKind::LShift:
  case BinOpKind::RShift: {
    // Python shifts by any count; LLVM's are poison from the bit width on.
    unsigned width = type.getIntOrFloatBitWidth();
    Value limit = constant(width - 1);
    Value tooFar = arith::CmpIOp::create(
        b, loc, uns ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt,
        rhs, limit);
    Value count = arith::SelectOp::create(b, loc, tooFar, limit, rhs);
    if (kind == BinOpKind::LShift) {
      Value shifted = arith::ShLIOp::create(b, loc, lhs, count);
      return arith::SelectOp::create(b, loc, tooFar, constant(0), shifted);
    }
    if (uns) {
      Value shifted = arith::ShRUIOp::create(b, loc, lhs, count);
      return arith::SelectOp::create(b, loc, tooFar, constant(0), shifted);
    }
    return arith::ShRSIOp::create(b, loc, lhs, count);
  }
  case BinOpKind::FloorDiv:
  case BinOpKind::Mod: {
    bool isDiv = kind == BinOpKind::FloorDiv;
    rhs = checkDivisor(rhs, isDiv ? MUMBA_ZERO_DIV_INT : MUMBA_ZERO_MOD_INT);
    if (uns)
      return isDiv ? arith::DivUIOp::create(b, loc, lhs, rhs).getResult()
                   : arith::RemUIOp::create(b, loc, lhs, rhs).getResult();
    // MIN // -1 overflows and traps in hardware; Python's result wraps to
    // MIN (and MIN % -1 is 0), which dividing by 1 gives.
    unsigned width = type.getIntOrFloatBitWidth();
    Value min = arith::ConstantOp::create(
        b, loc, lhs.getType(),
        b.getIntegerAttr(lhs.getType(), APInt::getSignedMinValue(width)));
    Value overflow = arith::AndIOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lhs, min),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs,
                              constant(-1)));
    Value divisor = arith::SelectOp::create(b, loc, overflow, constant(1), rhs);
    if (isDiv)
      return arith::FloorDivSIOp::create(b, loc, lhs, divisor);
    // The remainder takes the divisor's sign in Python.
    Value rem = arith::RemSIOp::create(b, loc, lhs, divisor);
    Value zero = constant(0);
    Value remNonZero =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
    Value signsDiffer = arith::XOrIOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, divisor,
                              zero));
    Value fix = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
    return arith::SelectOp::create(
        b, loc, fix, arith::AddIOp::create(b, loc, rem, divisor), rem);
  }
  case BinOpKind::TrueDiv:
    break;
  }
  llvm_unreachable("true division lowers in floating point");
}

/// CPython's float_divmod: the quotient rounded toward negative infinity
/// and the remainder with the divisor's sign.
Value BinaryLowering::floatDivMod(Value lhs, Value rhs, bool wantDiv) {
  Value zero = constant(0), one = constant(1), half = constant(0.5);
  Value mod = arith::RemFOp::create(b, loc, lhs, rhs);
  Value div = arith::DivFOp::create(
      b, loc, arith::SubFOp::create(b, loc, lhs, mod), rhs);
  Value modNonZero =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, mod, zero);
  Value signsDiffer = arith::XOrIOp::create(
      b, loc,
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, rhs, zero),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, mod, zero));
  Value fix = arith::AndIOp::create(b, loc, modNonZero, signsDiffer);
  Value fixedMod = arith::SelectOp::create(
      b, loc, fix, arith::AddFOp::create(b, loc, mod, rhs), mod);
  if (!wantDiv)
    return arith::SelectOp::create(b, loc, modNonZero, fixedMod,
                                   math::CopySignOp::create(b, loc, zero, rhs));
  div = arith::SelectOp::create(b, loc, fix,
                                arith::SubFOp::create(b, loc, div, one), div);
  Value floorDiv = math::FloorOp::create(b, loc, div);
  Value roundUp =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT,
                            arith::SubFOp::create(b, loc, div, floorDiv), half);
  floorDiv = arith::SelectOp::create(
      b, loc, roundUp, arith::AddFOp::create(b, loc, floorDiv, one), floorDiv);
  Value divNonZero =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, div, zero);
  Value signedZero = math::CopySignOp::create(
      b, loc, zero, arith::DivFOp::create(b, loc, lhs, rhs));
  return arith::SelectOp::create(b, loc, divNonZero, floorDiv, signedZero);
}

Value BinaryLowering::lowerFloat(BinOpKind kind, Value lhs, Value rhs) {
  switch (kind) {
  case BinOpKind::Add:
    return arith::AddFOp::create(b, loc, lhs, rhs);
  case BinOpKind::Sub:
    return arith::SubFOp::create(b, loc, lhs, rhs);
  case BinOpKind::Mul:
    return arith::MulFOp::create(b, loc, lhs, rhs);
  case BinOpKind::Pow:
    if (options.pythonErrorModel)
      checkZeroToNegativePower(lhs, rhs);
    return math::PowFOp::create(b, loc, lhs, rhs);
  case BinOpKind::TrueDiv:
    return arith::DivFOp::create(b, loc, lhs, rhs);
  case BinOpKind::FloorDiv: {
    rhs = checkDivisor(rhs, MUMBA_ZERO_FLOORDIV_FLOAT);
    Value quotient = floatDivMod(lhs, rhs, /*wantDiv=*/true);
    if (options.pythonErrorModel || isNonZeroFloat(op->getOperand(1)))
      return quotient;
    // NumPy's floor_divide by zero is the true quotient (±inf, nan for 0/0),
    // not the nan that the remainder-based formula makes.
    Value isZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, rhs,
                                         constant(0));
    return arith::SelectOp::create(
        b, loc, isZero, arith::DivFOp::create(b, loc, lhs, rhs), quotient);
  }
  case BinOpKind::Mod:
    rhs = checkDivisor(rhs, MUMBA_ZERO_MOD_FLOAT);
    return floatDivMod(lhs, rhs, /*wantDiv=*/false);
  default:
    llvm_unreachable("typing rejects bitwise operators on floats");
  }
}

Value BinaryLowering::lowerComplex(BinOpKind kind, Value lhs, Value rhs) {
  switch (kind) {
  case BinOpKind::Add:
  case BinOpKind::Sub: {
    ComplexParts x = complexParts(b, loc, lhs), y = complexParts(b, loc, rhs);
    bool add = kind == BinOpKind::Add;
    Value re = add ? arith::AddFOp::create(b, loc, x.re, y.re).getResult()
                   : arith::SubFOp::create(b, loc, x.re, y.re).getResult();
    Value im = add ? arith::AddFOp::create(b, loc, x.im, y.im).getResult()
                   : arith::SubFOp::create(b, loc, x.im, y.im).getResult();
    return makeComplex(b, loc, type, re, im);
  }
  case BinOpKind::Mul:
    return complexMul(b, loc, lhs, rhs);
  case BinOpKind::TrueDiv:
    return complexDiv(b, loc, lhs, rhs, options.pythonErrorModel);
  case BinOpKind::Pow:
    return complexPow(b, loc, lhs, rhs);
  default:
    llvm_unreachable("typing rejects //, % and bitwise operators on complex");
  }
}

Value BinaryLowering::lower(BinOpKind kind, Value lhs, Value rhs,
                            bool anyFloat) {
  if (isa<ComplexType>(type))
    return lowerComplex(kind, lhs, rhs);
  if (kind == BinOpKind::TrueDiv)
    rhs =
        checkDivisor(rhs, anyFloat ? MUMBA_ZERO_DIV_FLOAT : MUMBA_ZERO_TRUEDIV);
  if (isa<FloatType>(type))
    return lowerFloat(kind, lhs, rhs);
  Value result = lowerInt(kind, lhs, rhs);
  if (zeroDivisor)
    result = arith::SelectOp::create(b, loc, zeroDivisor, constant(0), result);
  return result;
}

namespace {
template <typename OpT>
struct BinaryOpLowering : public OpConversionPattern<OpT> {
  using OneToNOpAdaptor = typename OpConversionPattern<OpT>::OneToNOpAdaptor;
  BinaryOpLowering(const TypeConverter &converter, MLIRContext *ctx,
                   const NBToStdOptions &options)
      : OpConversionPattern<OpT>(converter, ctx), options(options) {}
  LogicalResult
  matchAndRewrite(OpT op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type lhsType = op.getLhs().getType(), rhsType = op.getRhs().getType();
    Type type = op.getType();
    Location loc = op.getLoc();
    if (isa<TupleType>(type)) {
      // Tuple concatenation: the elements of both, in order.
      SmallVector<Value> values(adaptor.getLhs());
      llvm::append_range(values, adaptor.getRhs());
      rewriter.replaceOpWithMultiple(op, {values});
      return success();
    }
    Value lhs =
        castNumber(rewriter, loc, single(adaptor.getLhs()), lhsType, type);
    Value rhs =
        castNumber(rewriter, loc, single(adaptor.getRhs()), rhsType, type);
    // Element-wise in an array expression: NumPy's semantics, which never
    // raise (x / 0 is inf, n // 0 is 0).
    NBToStdOptions elementOptions = options;
    bool inArray = isa<linalg::GenericOp, ArrayExprOp>(op->getParentOp());
    if (inArray) {
      elementOptions.pythonErrorModel = false;
      elementOptions.arrayElements = true;
    }
    BinaryLowering lowering(rewriter, op, type,
                            inArray ? elementOptions : options);
    Value result =
        lowering.lower(op.getKind(), lhs, rhs,
                       isa<FloatType>(lhsType) || isa<FloatType>(rhsType));
    rewriter.replaceOp(op, result);
    return success();
  }

  NBToStdOptions options;
};

/// Lowers Python comparisons of numbers, None, string literals and tuples
/// (element by element, lexicographic for ordering).
class ComparisonLowering {
public:
  ComparisonLowering(OpBuilder &b, Location loc, const TypeConverter &converter)
      : b(b), loc(loc), converter(converter) {}

  /// `lhs kind rhs` on the lowered values of nb types `lt` and `rt`.
  Value compare(CmpOpKind kind, Type lt, ValueRange lv, Type rt, ValueRange rv);

private:
  Value constant(bool value) {
    return arith::ConstantOp::create(b, loc, b.getI1Type(),
                                     b.getBoolAttr(value));
  }
  Value negate(Value v) {
    return arith::XOrIOp::create(b, loc, v, constant(true));
  }
  Value numbers(CmpOpKind kind, Type lt, Value l, Type rt, Value r);
  Value mixedSignInts(CmpOpKind kind, Type lt, Value l, Type rt, Value r);
  Value tuples(CmpOpKind kind, TupleType lt, ValueRange lv, TupleType rt,
               ValueRange rv);
  SmallVector<ValueRange> elements(TupleType type, ValueRange values);

  OpBuilder &b;
  Location loc;
  const TypeConverter &converter;
};
} // namespace

static arith::CmpIPredicate intPredicate(CmpOpKind kind, bool uns) {
  switch (kind) {
  case CmpOpKind::Eq:
  case CmpOpKind::Is:
    return arith::CmpIPredicate::eq;
  case CmpOpKind::Ne:
  case CmpOpKind::IsNot:
    return arith::CmpIPredicate::ne;
  case CmpOpKind::Lt:
    return uns ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
  case CmpOpKind::Le:
    return uns ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
  case CmpOpKind::Gt:
    return uns ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
  case CmpOpKind::Ge:
    return uns ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
  default:
    llvm_unreachable("membership is not a scalar comparison");
  }
}

static arith::CmpFPredicate floatPredicate(CmpOpKind kind) {
  switch (kind) {
  case CmpOpKind::Eq:
  case CmpOpKind::Is:
    return arith::CmpFPredicate::OEQ;
  case CmpOpKind::Ne:
  case CmpOpKind::IsNot:
    return arith::CmpFPredicate::UNE;
  case CmpOpKind::Lt:
    return arith::CmpFPredicate::OLT;
  case CmpOpKind::Le:
    return arith::CmpFPredicate::OLE;
  case CmpOpKind::Gt:
    return arith::CmpFPredicate::OGT;
  case CmpOpKind::Ge:
    return arith::CmpFPredicate::OGE;
  default:
    llvm_unreachable("membership is not a scalar comparison");
  }
}

/// Whether `kind` holds when the left operand is the greater one.
static bool holdsWhenGreater(CmpOpKind kind) {
  return kind == CmpOpKind::Gt || kind == CmpOpKind::Ge ||
         kind == CmpOpKind::Ne || kind == CmpOpKind::IsNot;
}

static CmpOpKind swapped(CmpOpKind kind) {
  switch (kind) {
  case CmpOpKind::Lt:
    return CmpOpKind::Gt;
  case CmpOpKind::Le:
    return CmpOpKind::Ge;
  case CmpOpKind::Gt:
    return CmpOpKind::Lt;
  case CmpOpKind::Ge:
    return CmpOpKind::Le;
  default:
    return kind;
  }
}

/// uint64 against a signed int, exactly (Python compares ints exactly,
/// where promotion would go through float64): a negative signed value is
/// less than any unsigned one, otherwise both compare as unsigned.
Value ComparisonLowering::mixedSignInts(CmpOpKind kind, Type lt, Value l,
                                        Type rt, Value r) {
  if (!isUnsigned(lt))
    return mixedSignInts(swapped(kind), rt, r, lt, l);
  Type i64 = b.getI64Type();
  Value s = r;
  if (rt.getIntOrFloatBitWidth() < 64)
    s = arith::ExtSIOp::create(b, loc, i64, s);
  Value zero = arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(0));
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, s, zero);
  Value asUnsigned =
      arith::CmpIOp::create(b, loc, intPredicate(kind, /*uns=*/true), l, s);
  // Here the unsigned left operand is the greater one.
  return arith::SelectOp::create(b, loc, negative,
                                 constant(holdsWhenGreater(kind)), asUnsigned);
}

Value ComparisonLowering::numbers(CmpOpKind kind, Type lt, Value l, Type rt,
                                  Value r) {
  Type type = promoteNumbers(lt, rt);
  if (isIntType(lt) && isIntType(rt) && isa<FloatType>(type))
    return mixedSignInts(kind, lt, l, rt, r);
  l = castNumber(b, loc, l, lt, type);
  r = castNumber(b, loc, r, rt, type);
  if (isa<ComplexType>(type)) {
    ComplexParts x = complexParts(b, loc, l), y = complexParts(b, loc, r);
    arith::CmpFPredicate pred = floatPredicate(kind);
    Value re = arith::CmpFOp::create(b, loc, pred, x.re, y.re);
    Value im = arith::CmpFOp::create(b, loc, pred, x.im, y.im);
    if (kind == CmpOpKind::Eq || kind == CmpOpKind::Is)
      return arith::AndIOp::create(b, loc, re, im);
    return arith::OrIOp::create(b, loc, re, im);
  }
  if (isa<FloatType>(type))
    return arith::CmpFOp::create(b, loc, floatPredicate(kind), l, r);
  return arith::CmpIOp::create(b, loc, intPredicate(kind, isUnsigned(type)), l,
                               r);
}

SmallVector<ValueRange> ComparisonLowering::elements(TupleType type,
                                                     ValueRange values) {
  SmallVector<ValueRange> result;
  unsigned offset = 0;
  for (Type element : type.getTypes()) {
    SmallVector<Type> converted;
    (void)converter.convertType(element, converted);
    result.push_back(values.slice(offset, converted.size()));
    offset += converted.size();
  }
  return result;
}

Value ComparisonLowering::tuples(CmpOpKind kind, TupleType lt, ValueRange lv,
                                 TupleType rt, ValueRange rv) {
  SmallVector<ValueRange> ls = elements(lt, lv), rs = elements(rt, rv);
  bool equality = kind == CmpOpKind::Eq || kind == CmpOpKind::Ne;
  if (equality) {
    Value equal = constant(lt.size() == rt.size());
    if (lt.size() == rt.size())
      for (unsigned i = 0; i < lt.size(); ++i)
        equal = arith::AndIOp::create(
            b, loc, equal,
            compare(CmpOpKind::Eq, lt.getType(i), ls[i], rt.getType(i), rs[i]));
    return kind == CmpOpKind::Eq ? equal : negate(equal);
  }
  // Lexicographic: the first elements that differ decide, else the lengths.
  size_t n = std::min(lt.size(), rt.size());
  bool tail;
  switch (kind) {
  case CmpOpKind::Lt:
    tail = lt.size() < rt.size();
    break;
  case CmpOpKind::Le:
    tail = lt.size() <= rt.size();
    break;
  case CmpOpKind::Gt:
    tail = lt.size() > rt.size();
    break;
  default:
    tail = lt.size() >= rt.size();
    break;
  }
  CmpOpKind strict = kind == CmpOpKind::Lt || kind == CmpOpKind::Le
                         ? CmpOpKind::Lt
                         : CmpOpKind::Gt;
  Value result = constant(tail);
  for (size_t i = n; i-- > 0;) {
    Value equal =
        compare(CmpOpKind::Eq, lt.getType(i), ls[i], rt.getType(i), rs[i]);
    Value decided = compare(strict, lt.getType(i), ls[i], rt.getType(i), rs[i]);
    result = arith::SelectOp::create(b, loc, equal, result, decided);
  }
  return result;
}

Value ComparisonLowering::compare(CmpOpKind kind, Type lt, ValueRange lv,
                                  Type rt, ValueRange rv) {
  if (kind == CmpOpKind::In || kind == CmpOpKind::NotIn) {
    auto tuple = cast<TupleType>(rt);
    SmallVector<ValueRange> items = elements(tuple, rv);
    Value found = constant(false);
    for (unsigned i = 0; i < tuple.size(); ++i)
      found = arith::OrIOp::create(
          b, loc, found,
          compare(CmpOpKind::Eq, lt, lv, tuple.getType(i), items[i]));
    return kind == CmpOpKind::In ? found : negate(found);
  }
  bool positive = kind == CmpOpKind::Eq || kind == CmpOpKind::Is ||
                  kind == CmpOpKind::Le || kind == CmpOpKind::Ge;
  // None is only ever equal (and identical) to None.
  if (isa<PyNoneType>(lt) || isa<PyNoneType>(rt))
    return constant((isa<PyNoneType>(lt) && isa<PyNoneType>(rt)) == positive);
  // String literals are known: compare their texts.
  if (auto ls = dyn_cast<StrType>(lt))
    return constant((ls.getValue() == cast<StrType>(rt).getValue()) ==
                    positive);
  if (auto ltuple = dyn_cast<TupleType>(lt))
    return tuples(kind, ltuple, lv, cast<TupleType>(rt), rv);
  return numbers(kind, lt, single(lv), rt, single(rv));
}

namespace {
struct CompareOpLowering : public OpConversionPattern<CompareOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CompareOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ComparisonLowering lowering(rewriter, op.getLoc(), *getTypeConverter());
    rewriter.replaceOp(op,
                       lowering.compare(op.getKind(), op.getLhs().getType(),
                                        adaptor.getLhs(), op.getRhs().getType(),
                                        adaptor.getRhs()));
    return success();
  }
};

struct UnaryOpLowering : public OpConversionPattern<UnaryOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(UnaryOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type from = op.getOperand().getType(), type = op.getType();
    if (op.getKind() == UnaryOpKind::Not) {
      Value truth;
      if (auto tuple = dyn_cast<TupleType>(from))
        truth = numberConstant(rewriter, loc, type, tuple.size() ? 1 : 0);
      else if (isa<PyNoneType>(from))
        truth = numberConstant(rewriter, loc, type, 0);
      else
        truth = truthOf(rewriter, loc, single(adaptor.getOperand()), from);
      Value one = numberConstant(rewriter, loc, type, 1);
      rewriter.replaceOpWithNewOp<arith::XOrIOp>(op, truth, one);
      return success();
    }
    Value x =
        castNumber(rewriter, loc, single(adaptor.getOperand()), from, type);
    switch (op.getKind()) {
    case UnaryOpKind::Pos:
      rewriter.replaceOp(op, x);
      break;
    case UnaryOpKind::Neg:
      if (isa<ComplexType>(type)) {
        ComplexParts p = complexParts(rewriter, loc, x);
        rewriter.replaceOp(
            op, makeComplex(rewriter, loc, type,
                            arith::NegFOp::create(rewriter, loc, p.re),
                            arith::NegFOp::create(rewriter, loc, p.im)));
      } else if (isa<FloatType>(type))
        rewriter.replaceOpWithNewOp<arith::NegFOp>(op, x);
      else
        rewriter.replaceOpWithNewOp<arith::SubIOp>(
            op, numberConstant(rewriter, loc, type, 0), x);
      break;
    case UnaryOpKind::Invert:
      rewriter.replaceOpWithNewOp<arith::XOrIOp>(
          op, x, numberConstant(rewriter, loc, type, -1));
      break;
    case UnaryOpKind::Not:
      llvm_unreachable("handled above");
    }
    return success();
  }
};

struct TruthOpLowering : public OpConversionPattern<TruthOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TruthOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getValue().getType();
    if (isa<PyNoneType, TupleType>(type)) {
      // None is false, a tuple true unless empty: known at compile time.
      auto tuple = dyn_cast<TupleType>(type);
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, rewriter.getI1Type(),
          rewriter.getBoolAttr(tuple && tuple.size() > 0));
      return success();
    }
    rewriter.replaceOp(
        op, truthOf(rewriter, op.getLoc(), single(adaptor.getValue()), type));
    return success();
  }
};
/// `x.real` and `x.imag` of a number; `a.dtype` (and `a.dtype.type`), a
/// compile-time value.
struct NumberAttrLowering : public OpConversionPattern<GetAttrOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetAttrOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getValue().getType();
    if (isa<DTypeType>(op.getType())) {
      rewriter.replaceOpWithMultiple(op, {ValueRange{}});
      return success();
    }
    if (!isNumberType(type))
      return failure();
    Location loc = op.getLoc();
    Value x = single(adaptor.getValue());
    bool real = op.getAttr() == "real";
    if (isa<ComplexType>(type)) {
      ComplexParts p = complexParts(rewriter, loc, x);
      rewriter.replaceOp(op, real ? p.re : p.im);
      return success();
    }
    rewriter.replaceOp(op,
                       real ? castNumber(rewriter, loc, x, type, op.getType())
                            : numberConstant(rewriter, loc, op.getType(), 0));
    return success();
  }
};
} // namespace

void mumba::detail::populateArithmeticPatterns(NBTypeConverter &converter,
                                               RewritePatternSet &patterns,
                                               const NBToStdOptions &options) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<BinaryOpLowering<BinOp>, BinaryOpLowering<InplaceBinOp>>(
      converter, ctx, options);
  patterns.add<CompareOpLowering, UnaryOpLowering, TruthOpLowering,
               NumberAttrLowering>(converter, ctx);
}

//===- ArithmeticPatterns.cpp - Python operators on numbers ---------------===//
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"

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
  BinaryLowering(ConversionPatternRewriter &rewriter, Operation *op,
                 const TypeConverter &converter, Type type,
                 const NBToStdOptions &options)
      : b(rewriter), op(op), loc(op->getLoc()), converter(converter),
        type(type), options(options) {}

  /// `anyFloat`: an operand was a float, which Python's messages tell.
  Value lower(BinOpKind kind, Value lhs, Value rhs, bool anyFloat);

private:
  Value constant(double value) { return numberConstant(b, loc, type, value); }
  /// Applies the error model to a divisor: under Python's, raises `status`
  /// when it is zero; under NumPy's, integer divisions by zero give 0 (see
  /// zeroDivisor) and float ones follow IEEE. Returns the divisor to use.
  Value checkDivisor(Value divisor, MumbaStatus status);
  Value lowerInt(BinOpKind kind, Value lhs, Value rhs);
  Value lowerFloat(BinOpKind kind, Value lhs, Value rhs);
  Value floatDivMod(Value lhs, Value rhs, bool wantDiv);

  ConversionPatternRewriter &b;
  Operation *op;
  Location loc;
  const TypeConverter &converter;
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
    if (!uns) {
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
    return math::PowFOp::create(b, loc, lhs, rhs);
  case BinOpKind::TrueDiv:
    return arith::DivFOp::create(b, loc, lhs, rhs);
  case BinOpKind::FloorDiv:
    rhs = checkDivisor(rhs, MUMBA_ZERO_FLOORDIV_FLOAT);
    return floatDivMod(lhs, rhs, /*wantDiv=*/true);
  case BinOpKind::Mod:
    rhs = checkDivisor(rhs, MUMBA_ZERO_MOD_FLOAT);
    return floatDivMod(lhs, rhs, /*wantDiv=*/false);
  default:
    llvm_unreachable("typing rejects bitwise operators on floats");
  }
}

Value BinaryLowering::lower(BinOpKind kind, Value lhs, Value rhs,
                            bool anyFloat) {
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
    Value lhs =
        castNumber(rewriter, loc, single(adaptor.getLhs()), lhsType, type);
    Value rhs =
        castNumber(rewriter, loc, single(adaptor.getRhs()), rhsType, type);
    BinaryLowering lowering(rewriter, op, *this->getTypeConverter(), type,
                            options);
    Value result =
        lowering.lower(op.getKind(), lhs, rhs,
                       isa<FloatType>(lhsType) || isa<FloatType>(rhsType));
    rewriter.replaceOp(op, result);
    return success();
  }

  NBToStdOptions options;
};

struct CompareOpLowering : public OpConversionPattern<CompareOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CompareOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type lhsType = op.getLhs().getType(), rhsType = op.getRhs().getType();
    CmpOpKind kind = op.getKind();
    bool positive = kind == CmpOpKind::Eq || kind == CmpOpKind::Is ||
                    kind == CmpOpKind::Le || kind == CmpOpKind::Ge;
    // None is only ever equal (and identical) to None.
    if (isa<PyNoneType>(lhsType) || isa<PyNoneType>(rhsType)) {
      bool same = isa<PyNoneType>(lhsType) && isa<PyNoneType>(rhsType);
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, rewriter.getI1Type(), rewriter.getBoolAttr(same == positive));
      return success();
    }
    Type type = promoteNumbers(lhsType, rhsType);
    Value lhs =
        castNumber(rewriter, loc, single(adaptor.getLhs()), lhsType, type);
    Value rhs =
        castNumber(rewriter, loc, single(adaptor.getRhs()), rhsType, type);
    Value result;
    if (isa<FloatType>(type)) {
      arith::CmpFPredicate pred;
      switch (kind) {
      case CmpOpKind::Eq:
      case CmpOpKind::Is:
        pred = arith::CmpFPredicate::OEQ;
        break;
      case CmpOpKind::Ne:
      case CmpOpKind::IsNot:
        pred = arith::CmpFPredicate::UNE;
        break;
      case CmpOpKind::Lt:
        pred = arith::CmpFPredicate::OLT;
        break;
      case CmpOpKind::Le:
        pred = arith::CmpFPredicate::OLE;
        break;
      case CmpOpKind::Gt:
        pred = arith::CmpFPredicate::OGT;
        break;
      case CmpOpKind::Ge:
        pred = arith::CmpFPredicate::OGE;
        break;
      default:
        return rewriter.notifyMatchFailure(op, "no membership on numbers");
      }
      result = arith::CmpFOp::create(rewriter, loc, pred, lhs, rhs);
    } else {
      bool uns = isUnsigned(type);
      arith::CmpIPredicate pred;
      switch (kind) {
      case CmpOpKind::Eq:
      case CmpOpKind::Is:
        pred = arith::CmpIPredicate::eq;
        break;
      case CmpOpKind::Ne:
      case CmpOpKind::IsNot:
        pred = arith::CmpIPredicate::ne;
        break;
      case CmpOpKind::Lt:
        pred = uns ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
        break;
      case CmpOpKind::Le:
        pred = uns ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
        break;
      case CmpOpKind::Gt:
        pred = uns ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
        break;
      case CmpOpKind::Ge:
        pred = uns ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
        break;
      default:
        return rewriter.notifyMatchFailure(op, "no membership on numbers");
      }
      result = arith::CmpIOp::create(rewriter, loc, pred, lhs, rhs);
    }
    rewriter.replaceOp(op, result);
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
      Value truth =
          isa<PyNoneType>(from)
              ? numberConstant(rewriter, loc, type, 0)
              : truthOf(rewriter, loc, single(adaptor.getOperand()), from);
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
      if (isa<FloatType>(type))
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
    if (isa<PyNoneType>(type)) {
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, rewriter.getI1Type(), rewriter.getBoolAttr(false));
      return success();
    }
    rewriter.replaceOp(
        op, truthOf(rewriter, op.getLoc(), single(adaptor.getValue()), type));
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
  patterns.add<CompareOpLowering, UnaryOpLowering, TruthOpLowering>(converter,
                                                                    ctx);
}

//===- ArrayTyping.cpp - NumPy's typing of element-wise operations --------===//
//
// NumPy 1.24 is the reference: the dtypes below are what its ufunc type
// resolution picks, checked against NumPy by python/tests/test_array_exprs.
//
//===----------------------------------------------------------------------===//
#include "mumba/Dialect/NB/IR/ArrayTyping.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include <cfloat>
#include <cmath>

using namespace mlir;
using namespace mumba::nb;

Type mumba::nb::getElementDtype(Type type) {
  if (auto array = dyn_cast<ArrayType>(type))
    return array.getDtype();
  return type;
}

/// NumPy's kinds, in the order value-based casting compares them.
static int kindOf(Type dtype) {
  if (isBoolType(dtype))
    return 0;
  if (isIntType(dtype))
    return 1;
  if (isa<FloatType>(dtype))
    return 2;
  return 3;
}

static Type signedInt(MLIRContext *ctx, unsigned width) {
  return IntegerType::get(ctx, width, IntegerType::Signed);
}

/// The smallest dtype that holds the integer literal `v`, as NumPy's
/// min_scalar_type; a positive one counts as signed beside a signed or
/// float array (NumPy's "small unsigned" rule).
static Type minIntType(MLIRContext *ctx, int64_t v, bool preferSigned) {
  if (v < 0 || preferSigned) {
    for (unsigned width : {8u, 16u, 32u})
      if (v >= -(int64_t(1) << (width - 1)) && v < (int64_t(1) << (width - 1)))
        return signedInt(ctx, width);
    return signedInt(ctx, 64);
  }
  for (unsigned width : {8u, 16u, 32u})
    if (uint64_t(v) < (uint64_t(1) << width))
      return IntegerType::get(ctx, width, IntegerType::Unsigned);
  return IntegerType::get(ctx, 64, IntegerType::Unsigned);
}

/// The dtype a scalar operand counts as beside an array of `arrayDtype` of
/// the same or a higher kind: its literal's smallest type, or (a variable)
/// the array's own.
static Type valueBasedDtype(Value scalar, Type arrayDtype) {
  MLIRContext *ctx = scalar.getContext();
  auto constant = scalar.getDefiningOp<ConstOp>();
  Attribute value = constant ? constant.getValue() : Attribute();
  if (auto attr = dyn_cast_or_null<IntegerAttr>(value);
      attr && isIntType(scalar.getType())) {
    bool preferSigned =
        !isIntType(arrayDtype) || cast<IntegerType>(arrayDtype).isSigned();
    int64_t v = attr.getValue().getSExtValue();
    if (cast<IntegerType>(scalar.getType()).isUnsigned() &&
        attr.getValue().isNegative())
      return IntegerType::get(ctx, 64, IntegerType::Unsigned);
    return minIntType(ctx, v, preferSigned);
  }
  if (auto attr = dyn_cast_or_null<FloatAttr>(value)) {
    double v = std::fabs(attr.getValueAsDouble());
    // NumPy checks the magnitude against each float's range.
    bool fits32 = std::isnan(v) || std::isinf(v) || v <= FLT_MAX;
    return fits32 ? Type(Float32Type::get(ctx)) : Type(Float64Type::get(ctx));
  }
  return arrayDtype;
}

Type mumba::nb::getArrayComputeDtype(Value lhsValue, Value rhsValue) {
  Type lhs = lhsValue.getType(), rhs = rhsValue.getType();
  Type ld = getElementDtype(lhs), rd = getElementDtype(rhs);
  if (!isNumberType(ld) || !isNumberType(rd))
    return {};
  bool lArray = isa<ArrayType>(lhs), rArray = isa<ArrayType>(rhs);
  if (lArray == rArray)
    return unifyTypes(ld, rd);
  Type arrayDtype = lArray ? ld : rd, scalarDtype = lArray ? rd : ld;
  Value scalar = lArray ? rhsValue : lhsValue;
  if (kindOf(scalarDtype) <= kindOf(arrayDtype))
    return unifyTypes(arrayDtype, valueBasedDtype(scalar, arrayDtype));
  // A Python complex meets a float array at the array's precision.
  if (isa<FloatType>(arrayDtype) && isComplexType(scalarDtype))
    return ComplexType::get(arrayDtype);
  return unifyTypes(arrayDtype, scalarDtype);
}

static Type i8(MLIRContext *ctx) { return signedInt(ctx, 8); }

Type mumba::nb::getArrayBinaryDtype(BinOpKind kind, Type dtype,
                                    std::string &why) {
  MLIRContext *ctx = dtype.getContext();
  bool isBool = isBoolType(dtype), isComplex = isComplexType(dtype);
  bool isFloat = isa<FloatType>(dtype);
  auto unsupported = [&](StringRef ufunc) {
    why = ("ufunc '" + ufunc +
           "' not supported for the input types, and the inputs could not be "
           "safely coerced to any supported types according to the casting "
           "rule ''safe''")
              .str();
    return Type();
  };
  switch (kind) {
  case BinOpKind::Add:
  case BinOpKind::Mul:
    return dtype;
  case BinOpKind::Sub:
    if (isBool) {
      why = "numpy boolean subtract, the `-` operator, is not supported, use "
            "the bitwise_xor, the `^` operator, or the logical_xor function "
            "instead.";
      return {};
    }
    return dtype;
  case BinOpKind::TrueDiv:
    return isFloat || isComplex ? dtype : Float64Type::get(ctx);
  case BinOpKind::FloorDiv:
  case BinOpKind::Mod:
    if (isComplex)
      return unsupported(kind == BinOpKind::Mod ? "remainder" : "floor_divide");
    return isBool ? i8(ctx) : dtype;
  case BinOpKind::Pow:
    return isBool ? i8(ctx) : dtype;
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (isFloat || isComplex)
      return unsupported(kind == BinOpKind::BitAnd  ? "bitwise_and"
                         : kind == BinOpKind::BitOr ? "bitwise_or"
                                                    : "bitwise_xor");
    return dtype;
  case BinOpKind::LShift:
  case BinOpKind::RShift:
    if (isFloat || isComplex)
      return unsupported(kind == BinOpKind::LShift ? "left_shift"
                                                   : "right_shift");
    return isBool ? i8(ctx) : dtype;
  }
  llvm_unreachable("unknown binary operator");
}

unsigned mumba::nb::getBroadcastRank(ArrayRef<Type> types) {
  unsigned rank = 0;
  for (Type type : types)
    if (auto array = dyn_cast<ArrayType>(type))
      rank = std::max(rank, array.getNdim());
  return rank;
}

/// Whether an operand can take part in an element-wise operation.
static bool isElementwiseOperand(Type type) {
  return isNumberType(getElementDtype(type));
}

Type mumba::nb::inferArrayBinary(BinOpKind kind, Value lhs, Value rhs,
                                 std::string &why) {
  if (!isElementwiseOperand(lhs.getType()) ||
      !isElementwiseOperand(rhs.getType()))
    return {};
  Type dtype = getArrayComputeDtype(lhs, rhs);
  Type result = dtype ? getArrayBinaryDtype(kind, dtype, why) : Type();
  if (!result)
    return {};
  return ArrayType::get(lhs.getContext(), result,
                        getBroadcastRank({lhs.getType(), rhs.getType()}),
                        ArrayLayout::C);
}

Type mumba::nb::inferArrayCompare(CmpOpKind kind, Value lhs, Value rhs,
                                  std::string &why) {
  if (!isElementwiseOperand(lhs.getType()) ||
      !isElementwiseOperand(rhs.getType()))
    return {};
  bool ordering = kind == CmpOpKind::Lt || kind == CmpOpKind::Le ||
                  kind == CmpOpKind::Gt || kind == CmpOpKind::Ge;
  if (!ordering && kind != CmpOpKind::Eq && kind != CmpOpKind::Ne)
    return {};
  Type dtype = getArrayComputeDtype(lhs, rhs);
  if (!dtype)
    return {};
  if (ordering && isComplexType(dtype)) {
    why = "ordering comparisons of complex arrays are not supported";
    return {};
  }
  MLIRContext *ctx = lhs.getContext();
  return ArrayType::get(ctx, IntegerType::get(ctx, 1),
                        getBroadcastRank({lhs.getType(), rhs.getType()}),
                        ArrayLayout::C);
}

Type mumba::nb::inferArrayUnary(UnaryOpKind kind, ArrayType type,
                                std::string &why) {
  Type dtype = type.getDtype();
  switch (kind) {
  case UnaryOpKind::Not:
    why = "The truth value of an array with more than one element is "
          "ambiguous. Use a.any() or a.all()";
    return {};
  case UnaryOpKind::Neg:
    if (isBoolType(dtype)) {
      why = "The numpy boolean negative, the `-` operator, is not supported, "
            "use the `~` operator or the logical_not function instead.";
      return {};
    }
    break;
  case UnaryOpKind::Pos:
    break;
  case UnaryOpKind::Invert:
    if (!isIntType(dtype) && !isBoolType(dtype)) {
      why = "ufunc 'invert' not supported for the input types, and the inputs "
            "could not be safely coerced to any supported types according to "
            "the casting rule ''safe''";
      return {};
    }
    break;
  }
  return ArrayType::get(type.getContext(), dtype, type.getNdim(),
                        ArrayLayout::C);
}

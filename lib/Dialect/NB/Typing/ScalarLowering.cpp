//===- ScalarLowering.cpp - Lowering helpers for Python numbers -----------===//
#include "mumba/Dialect/NB/Typing/ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

using namespace mlir;
using namespace mumba::nb;

Type mumba::nb::toStdScalarType(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    return IntegerType::get(type.getContext(), intType.getWidth());
  return type;
}

static bool isUnsignedOrBool(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && (intType.isUnsigned() || intType.getWidth() == 1);
}

Value mumba::nb::truthOf(OpBuilder &b, Location loc, Value value, Type type) {
  if (isBoolType(type))
    return value;
  if (isa<FloatType>(type)) {
    // NaN is true in Python: unordered-or-not-equal.
    Value zero = arith::ConstantOp::create(b, loc, value.getType(),
                                           b.getFloatAttr(value.getType(), 0));
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, value,
                                 zero);
  }
  Value zero = arith::ConstantOp::create(b, loc, value.getType(),
                                         b.getIntegerAttr(value.getType(), 0));
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, value, zero);
}

Value mumba::nb::castNumber(OpBuilder &b, Location loc, Value value, Type from,
                            Type to) {
  if (from == to)
    return value;
  Type stdTo = toStdScalarType(to);
  if (isBoolType(to))
    return truthOf(b, loc, value, from);
  bool fromFloat = isa<FloatType>(from), toFloat = isa<FloatType>(to);
  if (fromFloat && toFloat) {
    if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
      return arith::ExtFOp::create(b, loc, stdTo, value);
    return arith::TruncFOp::create(b, loc, stdTo, value);
  }
  if (fromFloat) {
    if (isUnsignedOrBool(to))
      return arith::FPToUIOp::create(b, loc, stdTo, value);
    return arith::FPToSIOp::create(b, loc, stdTo, value);
  }
  if (toFloat) {
    if (isUnsignedOrBool(from))
      return arith::UIToFPOp::create(b, loc, stdTo, value);
    return arith::SIToFPOp::create(b, loc, stdTo, value);
  }
  unsigned fromWidth = from.getIntOrFloatBitWidth();
  unsigned toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth == toWidth)
    return value;
  if (fromWidth > toWidth)
    return arith::TruncIOp::create(b, loc, stdTo, value);
  if (isUnsignedOrBool(from))
    return arith::ExtUIOp::create(b, loc, stdTo, value);
  return arith::ExtSIOp::create(b, loc, stdTo, value);
}

Value mumba::nb::numberConstant(OpBuilder &b, Location loc, Type type,
                                double value) {
  Type stdType = toStdScalarType(type);
  if (isa<FloatType>(stdType))
    return arith::ConstantOp::create(b, loc, stdType,
                                     b.getFloatAttr(stdType, value));
  return arith::ConstantOp::create(
      b, loc, stdType, b.getIntegerAttr(stdType, static_cast<int64_t>(value)));
}

//===- ScalarLowering.cpp - Lowering helpers for Python numbers -----------===//
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Status.h"
#include "mumba/Runtime/Symbols.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

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
  if (auto complex = dyn_cast<ComplexType>(type)) {
    Type part = complex.getElementType();
    Value re = complex::ReOp::create(b, loc, value);
    Value im = complex::ImOp::create(b, loc, value);
    return arith::OrIOp::create(b, loc, truthOf(b, loc, re, part),
                                truthOf(b, loc, im, part));
  }
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
  if (auto complexTo = dyn_cast<ComplexType>(to)) {
    Type part = complexTo.getElementType();
    Value re, im;
    if (auto complexFrom = dyn_cast<ComplexType>(from)) {
      Type fromPart = complexFrom.getElementType();
      re = castNumber(b, loc, complex::ReOp::create(b, loc, value), fromPart,
                      part);
      im = castNumber(b, loc, complex::ImOp::create(b, loc, value), fromPart,
                      part);
    } else {
      re = castNumber(b, loc, value, from, part);
      im = numberConstant(b, loc, part, 0);
    }
    return complex::CreateOp::create(b, loc, complexTo, re, im);
  }
  assert(!isa<ComplexType>(from) && "complex numbers convert only to bool "
                                    "and complex numbers");
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
  if (auto complex = dyn_cast<ComplexType>(type)) {
    Type part = complex.getElementType();
    return complex::CreateOp::create(b, loc, complex,
                                     numberConstant(b, loc, part, value),
                                     numberConstant(b, loc, part, 0));
  }
  if (isa<FloatType>(stdType))
    return arith::ConstantOp::create(b, loc, stdType,
                                     b.getFloatAttr(stdType, value));
  return arith::ConstantOp::create(
      b, loc, stdType, b.getIntegerAttr(stdType, static_cast<int64_t>(value)));
}

/// The module that the builder inserts into.
static ModuleOp enclosingModule(OpBuilder &b) {
  Operation *parent = b.getInsertionBlock()->getParentOp();
  if (auto module = dyn_cast<ModuleOp>(parent))
    return module;
  return parent->getParentOfType<ModuleOp>();
}

StringRef mumba::nb::declareExternalFunction(OpBuilder &b, Location loc,
                                             StringRef name,
                                             FunctionType type) {
  ModuleOp module = enclosingModule(b);
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing.getSymName();
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  auto decl = func::FuncOp::create(b, loc, name, type);
  decl.setPrivate();
  return decl.getSymName();
}

Value mumba::nb::callLibm(OpBuilder &b, Location loc, StringRef name,
                          ValueRange operands) {
  Type type = operands.front().getType();
  std::string symbol = name.str();
  if (type.isF32())
    symbol += "f";
  StringRef callee = declareExternalFunction(
      b, loc, symbol, b.getFunctionType(operands.getTypes(), {type}));
  return func::CallOp::create(b, loc, callee, TypeRange{type}, operands)
      .getResult(0);
}

Value mumba::nb::constantStringAddress(OpBuilder &b, Location loc,
                                       StringRef text) {
  ModuleOp module = enclosingModule(b);
  // Named after the text's hash; equal texts share the global.
  std::string name =
      "__mumba_text_" + llvm::utohexstr(llvm::xxh3_64bits(text), true);
  auto global = module.lookupSymbol<memref::GlobalOp>(name);
  if (!global) {
    SmallVector<APInt> bytes;
    for (char c : text)
      bytes.push_back(APInt(8, static_cast<uint8_t>(c)));
    bytes.push_back(APInt(8, 0));
    auto type =
        MemRefType::get({static_cast<int64_t>(bytes.size())}, b.getI8Type());
    auto init = DenseElementsAttr::get(
        RankedTensorType::get(type.getShape(), b.getI8Type()), bytes);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    global = memref::GlobalOp::create(b, loc, name, b.getStringAttr("private"),
                                      type, init, /*constant=*/true,
                                      /*alignment=*/nullptr);
  }
  Value memref = memref::GetGlobalOp::create(b, loc, global.getType(),
                                             global.getSymName());
  Value address =
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), address);
}

void mumba::nb::raiseException(OpBuilder &b, Location loc, Value cond,
                               StringRef excClass, StringRef message) {
  Type i64 = b.getI64Type();
  StringRef recorder = declareExternalFunction(
      b, loc, MUMBA_SYMBOL_RAISE_USER, b.getFunctionType({i64, i64}, {}));
  Value cls = constantStringAddress(b, loc, excClass);
  Value msg = constantStringAddress(b, loc, message);
  Value status = arith::ConstantOp::create(
      b, loc, b.getI32Type(), b.getI32IntegerAttr(MUMBA_USER_EXCEPTION));
  RaiseIfOp::create(b, loc, cond, status, ValueRange{cls, msg},
                    FlatSymbolRefAttr::get(b.getContext(), recorder));
}

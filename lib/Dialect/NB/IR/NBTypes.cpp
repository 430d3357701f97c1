//===- NBTypes.cpp - Types of the nb dialect ------------------------------===//
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mumba/Dialect/NB/IR/NBDialect.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mumba::nb;

#define GET_TYPEDEF_CLASSES
#include "mumba/Dialect/NB/IR/NBOpsTypes.cpp.inc"

void NBDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "mumba/Dialect/NB/IR/NBOpsTypes.cpp.inc"
      >();
}

/// `<f64, 2, C>`, or `<f64, 2, C, readonly>`.
Type ArrayType::parse(AsmParser &parser) {
  Type dtype;
  unsigned ndim;
  StringRef layoutName;
  if (parser.parseLess() || parser.parseType(dtype) || parser.parseComma() ||
      parser.parseInteger(ndim) || parser.parseComma() ||
      parser.parseKeyword(&layoutName))
    return {};
  std::optional<ArrayLayout> layout = symbolizeArrayLayout(layoutName);
  if (!layout) {
    parser.emitError(parser.getCurrentLocation(), "unknown array layout '")
        << layoutName << "', expected C, F or A";
    return {};
  }
  bool readonly = succeeded(parser.parseOptionalComma());
  if (readonly && parser.parseKeyword("readonly"))
    return {};
  if (parser.parseGreater())
    return {};
  return parser.getChecked<ArrayType>(parser.getContext(), dtype, ndim,
                                      *layout, readonly);
}

void ArrayType::print(AsmPrinter &printer) const {
  printer << "<" << getDtype() << ", " << getNdim() << ", "
          << stringifyArrayLayout(getLayout());
  if (getReadonly())
    printer << ", readonly";
  printer << ">";
}

LogicalResult ArrayType::verify(function_ref<InFlightDiagnostic()> emitError,
                                Type dtype, unsigned ndim, ArrayLayout layout,
                                bool readonly) {
  if (!isNumberType(dtype))
    return emitError() << "array dtype must be a number type, got " << dtype;
  if (ndim > 32)
    return emitError() << "array rank " << ndim << " exceeds NumPy's 32";
  return success();
}

bool mumba::nb::isBoolType(Type type) { return type.isInteger(1); }

bool mumba::nb::isIntType(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && intType.getWidth() > 1 &&
         llvm::is_contained({8u, 16u, 32u, 64u}, intType.getWidth()) &&
         !intType.isSignless();
}

bool mumba::nb::isNumberType(Type type) {
  return isBoolType(type) || isIntType(type) || type.isF32() || type.isF64();
}

IntegerType mumba::nb::getInt64Type(MLIRContext *ctx) {
  return IntegerType::get(ctx, 64, IntegerType::Signed);
}

Type mumba::nb::promoteNumbers(Type lhs, Type rhs) {
  if (!isNumberType(lhs) || !isNumberType(rhs))
    return {};
  MLIRContext *ctx = lhs.getContext();
  auto isFloat = [](Type t) { return isa<FloatType>(t); };
  if (isFloat(lhs) && isFloat(rhs))
    return lhs.getIntOrFloatBitWidth() >= rhs.getIntOrFloatBitWidth() ? lhs
                                                                      : rhs;
  if (isFloat(lhs) || isFloat(rhs)) {
    // NumPy: float32 holds ints of up to 16 bits exactly; wider ones need
    // float64.
    Type floatType = isFloat(lhs) ? lhs : rhs;
    Type intType = isFloat(lhs) ? rhs : lhs;
    if (floatType.isF32() && intType.getIntOrFloatBitWidth() > 16)
      return Float64Type::get(ctx);
    return floatType;
  }
  // Integer arithmetic happens in (at least) int64, as in Numba; mixing
  // uint64 with a signed int has no exact integer type and goes to float64.
  auto l = cast<IntegerType>(lhs), r = cast<IntegerType>(rhs);
  bool lu = l.isUnsigned() && l.getWidth() == 64;
  bool ru = r.isUnsigned() && r.getWidth() == 64;
  if (lu && ru)
    return l;
  if ((lu && !r.isUnsigned() && !isBoolType(r)) ||
      (ru && !l.isUnsigned() && !isBoolType(l)))
    return Float64Type::get(ctx);
  if (lu || ru)
    return lu ? l : r;
  if ((l.isUnsigned() || isBoolType(l)) && (r.isUnsigned() || isBoolType(r)) &&
      !(isBoolType(l) && isBoolType(r)))
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  return getInt64Type(ctx);
}

Type mumba::nb::unifyTypes(Type lhs, Type rhs) {
  if (isa<UnknownType>(lhs))
    return rhs;
  if (isa<UnknownType>(rhs) || lhs == rhs)
    return lhs;
  if (isNumberType(lhs) && isNumberType(rhs)) {
    // bool meets int as int; otherwise the arithmetic promotion.
    if (isBoolType(lhs) && isIntType(rhs))
      return rhs;
    if (isBoolType(rhs) && isIntType(lhs))
      return lhs;
    if (isIntType(lhs) && isIntType(rhs)) {
      auto l = cast<IntegerType>(lhs), r = cast<IntegerType>(rhs);
      if (l.getSignedness() == r.getSignedness())
        return l.getWidth() >= r.getWidth() ? lhs : rhs;
    }
    return promoteNumbers(lhs, rhs);
  }
  auto lt = dyn_cast<TupleType>(lhs), rt = dyn_cast<TupleType>(rhs);
  if (lt && rt && lt.size() == rt.size()) {
    SmallVector<Type> types;
    for (auto [l, r] : llvm::zip(lt.getTypes(), rt.getTypes())) {
      Type u = unifyTypes(l, r);
      if (!u)
        return {};
      types.push_back(u);
    }
    return TupleType::get(lhs.getContext(), types);
  }
  return {};
}

Type mumba::nb::lookupNumpyDType(MLIRContext *ctx, StringRef name) {
  auto sint = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Signed);
  };
  auto uint = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Unsigned);
  };
  return llvm::StringSwitch<Type>(name)
      .Cases({"float64", "double"}, Float64Type::get(ctx))
      .Cases({"float32", "single"}, Float32Type::get(ctx))
      .Cases({"int64", "intp"}, sint(64))
      .Case("int32", sint(32))
      .Case("int16", sint(16))
      .Case("int8", sint(8))
      .Cases({"uint64", "uintp"}, uint(64))
      .Case("uint32", uint(32))
      .Case("uint16", uint(16))
      .Case("uint8", uint(8))
      .Case("bool_", IntegerType::get(ctx, 1))
      .Default(Type());
}

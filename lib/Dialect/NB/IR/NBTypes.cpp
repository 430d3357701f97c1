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
  return parser.getChecked<ArrayType>(parser.getContext(), dtype, ndim, *layout,
                                      readonly);
}

void ArrayType::print(AsmPrinter &printer) const {
  printer << "<" << getDtype() << ", " << getNdim() << ", "
          << stringifyArrayLayout(getLayout());
  if (getReadonly())
    printer << ", readonly";
  printer << ">";
}

unsigned ArrayType::getItemSize() const {
  Type dtype = getDtype();
  unsigned factor = 1;
  if (auto complex = dyn_cast<ComplexType>(dtype)) {
    dtype = complex.getElementType();
    factor = 2;
  }
  return factor * std::max(1u, dtype.getIntOrFloatBitWidth() / 8);
}

LogicalResult ArrayType::verify(function_ref<InFlightDiagnostic()> emitError,
                                Type dtype, unsigned ndim, ArrayLayout layout,
                                bool readonly) {
  if (!isNumberType(dtype))
    return emitError() << "array dtype must be a number type, got " << dtype;
  if (ndim > kMaxArrayRank)
    return emitError() << "array rank " << ndim << " exceeds NumPy's "
                       << kMaxArrayRank;
  return success();
}

bool mumba::nb::isBoolType(Type type) { return type.isInteger(1); }

bool mumba::nb::isIntType(Type type) {
  auto intType = dyn_cast<IntegerType>(type);
  return intType && intType.getWidth() > 1 &&
         llvm::is_contained({8u, 16u, 32u, 64u}, intType.getWidth()) &&
         !intType.isSignless();
}

bool mumba::nb::isRealType(Type type) {
  return isBoolType(type) || isIntType(type) || type.isF32() || type.isF64();
}

bool mumba::nb::isComplexType(Type type) {
  auto complex = dyn_cast<ComplexType>(type);
  return complex &&
         (complex.getElementType().isF32() || complex.getElementType().isF64());
}

bool mumba::nb::isNumberType(Type type) {
  return isRealType(type) || isComplexType(type);
}

IntegerType mumba::nb::getInt64Type(MLIRContext *ctx) {
  return IntegerType::get(ctx, 64, IntegerType::Signed);
}

static bool isUnsignedInt(Type type) {
  return isIntType(type) && cast<IntegerType>(type).isUnsigned();
}

static bool isSignedInt(Type type) {
  return isIntType(type) && cast<IntegerType>(type).isSigned();
}

/// The float that holds every value of a real type exactly enough for
/// NumPy: float32 for bools, ints of up to 16 bits and float32, float64
/// otherwise.
static Type floatFor(Type type) {
  MLIRContext *ctx = type.getContext();
  if (type.isF32() || isBoolType(type) ||
      (isIntType(type) && type.getIntOrFloatBitWidth() <= 16))
    return Float32Type::get(ctx);
  return Float64Type::get(ctx);
}

/// The wider of two floats.
static Type widerFloat(Type lhs, Type rhs) {
  return lhs.getIntOrFloatBitWidth() >= rhs.getIntOrFloatBitWidth() ? lhs : rhs;
}

/// The real part's type of a complex type, or the type itself.
static Type realPart(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return complex.getElementType();
  return type;
}

Type mumba::nb::promoteNumbers(Type lhs, Type rhs) {
  if (!isNumberType(lhs) || !isNumberType(rhs))
    return {};
  MLIRContext *ctx = lhs.getContext();
  if (isComplexType(lhs) || isComplexType(rhs)) {
    // complex64 with float32 or small ints stays complex64.
    Type l = realPart(lhs), r = realPart(rhs);
    Type part = widerFloat(isa<FloatType>(l) ? l : floatFor(l),
                           isa<FloatType>(r) ? r : floatFor(r));
    return ComplexType::get(part);
  }
  auto isFloat = [](Type t) { return isa<FloatType>(t); };
  if (isFloat(lhs) && isFloat(rhs))
    return widerFloat(lhs, rhs);
  if (isFloat(lhs) || isFloat(rhs)) {
    // NumPy: float32 holds ints of up to 16 bits exactly; wider ones need
    // float64.
    Type floatType = isFloat(lhs) ? lhs : rhs;
    Type other = isFloat(lhs) ? rhs : lhs;
    return widerFloat(floatType, floatFor(other));
  }
  // Integer arithmetic happens in 64 bits, as in Numba; mixing uint64 with a
  // signed int has no exact integer type and goes to float64, as in NumPy.
  bool lu64 = isUnsignedInt(lhs) && lhs.getIntOrFloatBitWidth() == 64;
  bool ru64 = isUnsignedInt(rhs) && rhs.getIntOrFloatBitWidth() == 64;
  Type u64 = IntegerType::get(ctx, 64, IntegerType::Unsigned);
  if ((lu64 && isSignedInt(rhs)) || (ru64 && isSignedInt(lhs)))
    return Float64Type::get(ctx);
  if (lu64 || ru64)
    return u64;
  // Unsigned ints (and bools with them) stay unsigned; bool with bool is
  // int, as in Python.
  bool lUnsignedish = isUnsignedInt(lhs) || isBoolType(lhs);
  bool rUnsignedish = isUnsignedInt(rhs) || isBoolType(rhs);
  if (lUnsignedish && rUnsignedish && !(isBoolType(lhs) && isBoolType(rhs)))
    return u64;
  return getInt64Type(ctx);
}

/// NumPy's promote_types on two real numbers.
static Type promoteRealTypes(Type lhs, Type rhs) {
  MLIRContext *ctx = lhs.getContext();
  if (lhs == rhs)
    return lhs;
  if (isBoolType(lhs))
    return rhs;
  if (isBoolType(rhs))
    return lhs;
  bool lFloat = isa<FloatType>(lhs), rFloat = isa<FloatType>(rhs);
  if (lFloat || rFloat)
    return widerFloat(lFloat ? lhs : floatFor(lhs),
                      rFloat ? rhs : floatFor(rhs));
  auto l = cast<IntegerType>(lhs), r = cast<IntegerType>(rhs);
  if (l.getSignedness() == r.getSignedness())
    return l.getWidth() >= r.getWidth() ? lhs : rhs;
  IntegerType sgn = l.isSigned() ? l : r, uns = l.isSigned() ? r : l;
  if (uns.getWidth() < sgn.getWidth())
    return sgn;
  if (uns.getWidth() < 64)
    return IntegerType::get(ctx, uns.getWidth() * 2, IntegerType::Signed);
  return Float64Type::get(ctx);
}

Type mumba::nb::unifyTypes(Type lhs, Type rhs) {
  if (isa<UnknownType>(lhs))
    return rhs;
  if (isa<UnknownType>(rhs) || lhs == rhs)
    return lhs;
  if (isNumberType(lhs) && isNumberType(rhs)) {
    if (!isComplexType(lhs) && !isComplexType(rhs))
      return promoteRealTypes(lhs, rhs);
    Type l = isComplexType(lhs) ? realPart(lhs) : floatFor(lhs);
    Type r = isComplexType(rhs) ? realPart(rhs) : floatFor(rhs);
    return ComplexType::get(widerFloat(l, r));
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

Type mumba::nb::getIteratorType(Type iterable) {
  MLIRContext *ctx = iterable.getContext();
  if (auto range = dyn_cast<RangeType>(iterable))
    return RangeIterType::get(ctx, range.getElementType());
  if (auto array = dyn_cast<ArrayType>(iterable); array && array.getNdim() >= 1)
    return ArrayIterType::get(ctx, array);
  if (auto tuple = dyn_cast<TupleType>(iterable);
      tuple && llvm::all_equal(tuple.getTypes()))
    return TupleIterType::get(ctx, tuple);
  if (isa<EnumerateType, ZipType>(iterable))
    return iterable;
  return {};
}

Type mumba::nb::getIteratorElementType(Type iterator) {
  MLIRContext *ctx = iterator.getContext();
  if (auto range = dyn_cast<RangeIterType>(iterator))
    return range.getElementType();
  if (auto iter = dyn_cast<ArrayIterType>(iterator)) {
    // An n-d array yields its rows: (n-1)-d views.
    ArrayType array = iter.getArrayType();
    if (array.getNdim() == 1)
      return array.getDtype();
    return ArrayType::get(ctx, array.getDtype(), array.getNdim() - 1,
                          ArrayLayout::A, array.getReadonly());
  }
  if (auto tuple = dyn_cast<TupleIterType>(iterator))
    return tuple.getTupleType().size() ? tuple.getTupleType().getType(0)
                                       : Type(PyNoneType::get(ctx));
  if (auto e = dyn_cast<EnumerateType>(iterator)) {
    Type inner = getIteratorElementType(e.getIterator());
    if (!inner)
      return {};
    return TupleType::get(ctx, {getInt64Type(ctx), inner});
  }
  if (auto zip = dyn_cast<ZipType>(iterator)) {
    SmallVector<Type> types;
    for (Type inner : zip.getIterators()) {
      types.push_back(getIteratorElementType(inner));
      if (!types.back())
        return {};
    }
    return TupleType::get(ctx, types);
  }
  return {};
}

std::string mumba::nb::describeType(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  auto list = [&](TypeRange types) {
    llvm::interleaveComma(types, os, [&](Type t) { os << describeType(t); });
  };
  if (isBoolType(type)) {
    os << "bool";
  } else if (isIntType(type)) {
    os << (isUnsignedInt(type) ? "uint" : "int")
       << type.getIntOrFloatBitWidth();
  } else if (type.isF32() || type.isF64()) {
    os << "float" << type.getIntOrFloatBitWidth();
  } else if (isComplexType(type)) {
    os << "complex" << 2 * realPart(type).getIntOrFloatBitWidth();
  } else if (auto optional = dyn_cast<OptionalType>(type)) {
    os << "OptionalType(" << describeType(optional.getValueType()) << ")";
  } else if (auto array = dyn_cast<ArrayType>(type)) {
    os << "array(" << describeType(array.getDtype()) << ", " << array.getNdim()
       << "d, " << stringifyArrayLayout(array.getLayout())
       << (array.getReadonly() ? ", readonly" : "") << ")";
  } else if (auto tuple = dyn_cast<TupleType>(type)) {
    os << "tuple(";
    list(tuple.getTypes());
    os << ")";
  } else if (isa<PyNoneType>(type)) {
    os << "none";
  } else if (isa<StrType>(type)) {
    os << "str";
  } else if (isa<UnknownType>(type)) {
    os << "unknown";
  } else if (auto range = dyn_cast<RangeType>(type)) {
    os << "range(" << describeType(range.getElementType()) << ")";
  } else if (auto iter = dyn_cast<RangeIterType>(type)) {
    os << "range_iter(" << describeType(iter.getElementType()) << ")";
  } else if (auto iter = dyn_cast<ArrayIterType>(type)) {
    os << "array_iter(" << describeType(iter.getArrayType()) << ")";
  } else if (auto iter = dyn_cast<TupleIterType>(type)) {
    os << "tuple_iter(" << describeType(iter.getTupleType()) << ")";
  } else if (auto e = dyn_cast<EnumerateType>(type)) {
    os << "enumerate(" << describeType(e.getIterator()) << ")";
  } else if (auto zip = dyn_cast<ZipType>(type)) {
    os << "zip(";
    list(zip.getIterators());
    os << ")";
  } else if (auto pair = dyn_cast<PairType>(type)) {
    os << "pair(" << describeType(pair.getFirst()) << ", "
       << describeType(pair.getSecond()) << ")";
  } else if (auto module = dyn_cast<ModuleType>(type)) {
    os << "module(" << module.getName() << ")";
  } else if (auto function = dyn_cast<PyFunctionType>(type)) {
    os << "function(" << function.getName() << ")";
  } else if (auto dispatcher = dyn_cast<DispatcherType>(type)) {
    os << "jitted function(" << dispatcher.getCallee() << ")";
  } else if (auto dtype = dyn_cast<DTypeType>(type)) {
    os << "class(" << describeType(dtype.getDtype()) << ")";
  } else if (auto method = dyn_cast<BoundMethodType>(type)) {
    os << "method(" << method.getName() << " of "
       << describeType(method.getReceiver()) << ")";
  } else if (isa<SliceType>(type)) {
    os << "slice";
  } else if (isa<PyObjectType>(type)) {
    os << "pyobject";
  } else {
    os << type;
  }
  return text;
}

std::string mumba::nb::quoteType(Type type) {
  return "'" + describeType(type) + "'";
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
      .Cases({"bool_", "bool8"}, IntegerType::get(ctx, 1))
      .Cases({"complex128", "complex_", "cdouble"},
             ComplexType::get(Float64Type::get(ctx)))
      .Cases({"complex64", "csingle"}, ComplexType::get(Float32Type::get(ctx)))
      .Default(Type());
}

//===- BuiltinTyping.cpp - Builtin functions ------------------------------===//
//
// Typing of the builtins nopython code may call: range, len, reversed,
// enumerate, zip, abs, min, max, int, float, bool, complex, round, pow and
// isinstance, with Python's result types.
//
//===----------------------------------------------------------------------===//
#include "TypingHelpers.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::detail;

//===----------------------------------------------------------------------===//
// range, len, reversed
//===----------------------------------------------------------------------===//

static Type typeRange(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 3, isIntegerArg))
    return argumentError(op, args);
  return RangeType::get(op->getContext(), getInt64Type(op->getContext()));
}

static Type typeLen(Operation *op, ArrayRef<Type> args) {
  if (args.size() == 1 &&
      isa<ArrayType, TupleType, RangeType, StrType>(args[0]))
    return getInt64Type(op->getContext());
  return argumentError(op, args);
}

/// reversed(range) is a range; reversed(tuple) the reversed tuple: both
/// iterate as Python's reverse iterators do.
static Type typeReversed(Operation *op, ArrayRef<Type> args) {
  if (args.size() == 1 && isa<RangeType>(args[0]))
    return args[0];
  if (auto tuple = args.size() == 1 ? dyn_cast<TupleType>(args[0]) : nullptr;
      tuple && llvm::all_of(tuple.getTypes(), isNumberType)) {
    SmallVector<Type> types(llvm::reverse(tuple.getTypes()));
    return TupleType::get(op->getContext(), types);
  }
  return argumentError(op, args);
}

//===----------------------------------------------------------------------===//
// enumerate, zip
//===----------------------------------------------------------------------===//

static Type typeEnumerate(Operation *op, ArrayRef<Type> args) {
  Type iterator =
      args.size() >= 1 && args[0] ? getIteratorType(args[0]) : Type();
  if (!iterator || (args.size() > 1 && args[1] && !isIntegerArg(args[1])))
    return argumentError(op, args);
  return EnumerateType::get(op->getContext(), iterator);
}

static Type typeZip(Operation *op, ArrayRef<Type> args) {
  SmallVector<Type> iterators;
  for (Type arg : args) {
    iterators.push_back(getIteratorType(arg));
    if (!iterators.back())
      return argumentError(op, args);
  }
  if (iterators.empty())
    return argumentError(op, args);
  return ZipType::get(op->getContext(), iterators);
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

/// abs() keeps floats and ints, gives int64 for bools and the part type for
/// complex numbers.
static Type typeAbs(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 1, 1, isNumberArg))
    return argumentError(op, args);
  if (auto complex = dyn_cast<ComplexType>(args[0]))
    return complex.getElementType();
  // NumPy's abs keeps an integer's width (abs(np.int8(-128)) wraps to
  // -128); a bool counts as an int.
  return isBoolType(args[0]) ? promoteNumbers(args[0], args[0]) : args[0];
}

/// min/max of several real numbers, or of one tuple of them.
static Type typeMinMax(Operation *op, ArrayRef<Type> args) {
  SmallVector<Type> items;
  if (args.size() == 1 && isa<TupleType>(args[0]))
    llvm::append_range(items, cast<TupleType>(args[0]).getTypes());
  else if (args.size() >= 2)
    llvm::append_range(items, args);
  if (items.empty() ||
      !llvm::all_of(items, [](Type t) { return t && isRealType(t); }))
    return argumentError(op, args);
  Type result = items[0];
  for (Type item : ArrayRef(items).drop_front())
    result = unifyTypes(result, item);
  return result;
}

static constexpr CallTyper typeInt = typeFixed<1, 1, isRealArg, int64Result>;

static constexpr CallTyper typeFloat = typeFixed<1, 1, isRealArg, f64Type>;

static constexpr CallTyper typeBool = typeFixed<1, 1, isNumberArg, boolResult>;

/// complex(real=0, imag=0): always complex128, as Python's complex.
static Type typeComplex(Operation *op, ArrayRef<Type> args) {
  if (!argsMatch(args, 0, 2, isNumberArg) &&
      !(args.size() == 2 && !args[0] && args[1] && isNumberType(args[1])))
    return argumentError(op, args);
  return ComplexType::get(f64Type(op->getContext()));
}

/// round(x) is an int (half to even); round(x, n) keeps the type.
static Type typeRound(Operation *op, ArrayRef<Type> args) {
  bool withDigits = args.size() > 1 && args[1] && !isa<PyNoneType>(args[1]);
  if (args.empty() || !args[0] || !isRealType(args[0]) ||
      (withDigits && !isIntegerArg(args[1])))
    return argumentError(op, args);
  if (isa<FloatType>(args[0]))
    return withDigits ? args[0] : Type(getInt64Type(op->getContext()));
  return promoteNumbers(args[0], args[0]);
}

//===----------------------------------------------------------------------===//
// isinstance
//===----------------------------------------------------------------------===//

/// Whether a value of `type` is an instance of the class that `classinfo`
/// types, following Numba: int covers every integer type (and bool, as in
/// Python), float both float types; NumPy scalar types match exactly.
/// Empty when `classinfo` names no class.
std::optional<bool> mumba::nb::evaluateIsInstance(Type type, Type classinfo) {
  if (auto tuple = dyn_cast<TupleType>(classinfo)) {
    bool any = false;
    for (Type element : tuple.getTypes()) {
      std::optional<bool> result = evaluateIsInstance(type, element);
      if (!result)
        return std::nullopt;
      any |= *result;
    }
    return any;
  }
  if (auto dtype = dyn_cast<DTypeType>(classinfo))
    return type == dtype.getDtype();
  auto function = dyn_cast<PyFunctionType>(classinfo);
  if (!function)
    return std::nullopt;
  StringRef name = function.getName();
  if (name == "int")
    return isIntType(type) || isBoolType(type);
  if (name == "float")
    return isa<FloatType>(type);
  if (name == "bool")
    return isBoolType(type);
  if (name == "complex")
    return isComplexType(type);
  if (name == "tuple")
    return isa<TupleType>(type);
  return std::nullopt;
}

static Type typeIsInstance(Operation *op, ArrayRef<Type> args) {
  if (args.size() != 2 || !args[0] || !args[1] ||
      !evaluateIsInstance(args[0], args[1]))
    return argumentError(op, args);
  return IntegerType::get(op->getContext(), 1);
}

/// pow(base, exp, mod) of integers, with Python's sign rule for the result
/// (that of `mod`).
static constexpr CallTyper typeModPow =
    typeFixed<3, 3, isIntegerArg, int64Result>;

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static constexpr StringLiteral kComplexParams[] = {"real", "imag"};
static constexpr StringLiteral kRoundParams[] = {"number", "ndigits"};
static constexpr StringLiteral kPowParams[] = {"base", "exp", "mod"};
static constexpr StringLiteral kEnumerateParams[] = {"iterable", "start"};

static const CallTyping kTable[] = {
    {"range",
     typeRange,
     {},
     "(stop: int) or (start: int, stop: int[, step: int])"},
    {"len", typeLen, {}, "(obj: array, tuple, range or str)"},
    {"reversed", typeReversed, {}, "(seq: range or tuple of numbers)"},
    {"enumerate", typeEnumerate, kEnumerateParams,
     "(iterable: range, 1-d array, tuple, enumerate or zip, start: int = 0)"},
    {"zip",
     typeZip,
     {},
     "(iterable, ...: ranges, arrays, tuples, enumerate or zip objects)"},
    {"abs", typeAbs, {}, "(x: number)"},
    {"min",
     typeMinMax,
     {},
     "(a: real, b: real, ...) or (iterable: tuple of reals)"},
    {"max",
     typeMinMax,
     {},
     "(a: real, b: real, ...) or (iterable: tuple of reals)"},
    {"int", typeInt, {}, "(x: real)"},
    {"float", typeFloat, {}, "(x: real)"},
    {"bool", typeBool, {}, "(x: number)"},
    {"complex", typeComplex, kComplexParams,
     "(real: number = 0, imag: number = 0)"},
    {"pow", typeModPow, kPowParams,
     "(base: int, exp: int >= 0, mod: int != 0)"},
    {"round", typeRound, kRoundParams, "(number: real, ndigits: int = None)"},
    {"isinstance",
     typeIsInstance,
     {},
     "(obj, classinfo: int, float, bool, complex, tuple, a NumPy scalar type "
     "or a tuple of those)"},
};

ArrayRef<CallTyping> mumba::nb::detail::getBuiltinTyping() { return kTable; }

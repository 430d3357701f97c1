//===- NBTypeRules.cpp - Typing rules of nb operations --------------------===//
//
// Each op's TypeInferenceOpInterface::inferTypes: Python and NumPy semantics
// for operators, subscripts and iteration. Calls and module attributes defer
// to the TypingContext, whose rules live in the call-template registry.
// Messages name types as Numba does (`int64`, `array(float64, 1d, C)`) and
// operators as Python writes them.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mumba/Dialect/NB/IR/ArrayTyping.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba::nb;

static Type f64(MLIRContext *ctx) { return Float64Type::get(ctx); }
static Type i1(MLIRContext *ctx) { return IntegerType::get(ctx, 1); }

/// `+`, `//`, `<<`: how Python spells an operator.
static StringRef symbolOf(BinOpKind kind) {
  switch (kind) {
  case BinOpKind::Add:
    return "+";
  case BinOpKind::Sub:
    return "-";
  case BinOpKind::Mul:
    return "*";
  case BinOpKind::TrueDiv:
    return "/";
  case BinOpKind::FloorDiv:
    return "//";
  case BinOpKind::Mod:
    return "%";
  case BinOpKind::Pow:
    return "**";
  case BinOpKind::LShift:
    return "<<";
  case BinOpKind::RShift:
    return ">>";
  case BinOpKind::BitAnd:
    return "&";
  case BinOpKind::BitOr:
    return "|";
  case BinOpKind::BitXor:
    return "^";
  }
  llvm_unreachable("unknown binary operator");
}

static StringRef symbolOf(CmpOpKind kind) {
  switch (kind) {
  case CmpOpKind::Eq:
    return "==";
  case CmpOpKind::Ne:
    return "!=";
  case CmpOpKind::Lt:
    return "<";
  case CmpOpKind::Le:
    return "<=";
  case CmpOpKind::Gt:
    return ">";
  case CmpOpKind::Ge:
    return ">=";
  case CmpOpKind::Is:
    return "is";
  case CmpOpKind::IsNot:
    return "is not";
  case CmpOpKind::In:
    return "in";
  case CmpOpKind::NotIn:
    return "not in";
  }
  llvm_unreachable("unknown comparison");
}

static StringRef symbolOf(UnaryOpKind kind) {
  switch (kind) {
  case UnaryOpKind::Neg:
    return "-";
  case UnaryOpKind::Pos:
    return "+";
  case UnaryOpKind::Not:
    return "not";
  case UnaryOpKind::Invert:
    return "~";
  }
  llvm_unreachable("unknown unary operator");
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// The result type of `lhs kind rhs` on numbers, or null.
static Type inferBinary(BinOpKind kind, Type lhs, Type rhs) {
  MLIRContext *ctx = lhs.getContext();
  Type promoted = promoteNumbers(lhs, rhs);
  if (!promoted)
    return {};
  bool isComplex = isComplexType(promoted);
  switch (kind) {
  case BinOpKind::TrueDiv:
    return isa<FloatType>(promoted) || isComplex ? promoted : f64(ctx);
  case BinOpKind::FloorDiv:
  case BinOpKind::Mod:
    // Python: "can't take floor or mod of complex number".
    return isComplex ? Type() : promoted;
  case BinOpKind::LShift:
  case BinOpKind::RShift:
    return isa<FloatType>(promoted) || isComplex ? Type() : promoted;
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (isBoolType(lhs) && isBoolType(rhs))
      return lhs;
    return isa<FloatType>(promoted) || isComplex ? Type() : promoted;
  default:
    return promoted;
  }
}

/// Tuples concatenate with `+`.
static Type inferTupleBinary(BinOpKind kind, Type lhs, Type rhs) {
  auto l = dyn_cast<TupleType>(lhs), r = dyn_cast<TupleType>(rhs);
  if (kind != BinOpKind::Add || !l || !r)
    return {};
  SmallVector<Type> types(l.getTypes());
  llvm::append_range(types, r.getTypes());
  return TupleType::get(lhs.getContext(), types);
}

/// Whether `value` is a non-negative integer literal (`nb.const` of type
/// int64).
static bool isNonNegativeIntLiteral(Value value) {
  auto constant = value.getDefiningOp<ConstOp>();
  auto attr =
      constant ? dyn_cast<IntegerAttr>(constant.getValue()) : IntegerAttr();
  return attr && !attr.getType().isInteger(1) &&
         !attr.getType().isUnsignedInteger() && !attr.getValue().isNegative();
}

/// Whether `value` is a negative integer literal.
static bool isNegativeIntLiteral(Value value) {
  auto constant = value.getDefiningOp<ConstOp>();
  auto attr =
      constant ? dyn_cast<IntegerAttr>(constant.getValue()) : IntegerAttr();
  return attr && !attr.getType().isInteger(1) &&
         !attr.getType().isUnsignedInteger() && attr.getValue().isNegative();
}

static bool isUInt64(Type type) {
  return isIntType(type) && cast<IntegerType>(type).isUnsigned() &&
         type.getIntOrFloatBitWidth() == 64;
}

/// `lhs kind rhs` with an array on either side: element-wise, as NumPy.
/// In place (`a += b`), the result is stored back into `lhs`, which keeps
/// its type; NumPy refuses a result of a higher kind ("same_kind").
static LogicalResult inferArrayBinaryOp(Operation *op, BinOpKind kind,
                                        Value lhs, Value rhs, bool inplace,
                                        SmallVectorImpl<Type> &resultTypes) {
  std::string why;
  Type result = inferArrayBinary(kind, lhs, rhs, why);
  auto target = dyn_cast<ArrayType>(lhs.getType());
  if (result && inplace && !target)
    result = {};
  if (result && inplace) {
    Type from = cast<ArrayType>(result).getDtype(), to = target.getDtype();
    auto numpyKind = [](Type t) {
      return isBoolType(t) ? 0 : isIntType(t) ? 1 : isa<FloatType>(t) ? 2 : 3;
    };
    if (numpyKind(from) > numpyKind(to))
      return op->emitError()
             << "cannot store the " << describeType(from) << " result of "
             << symbolOf(kind) << "= in " << quoteType(target)
             << " (NumPy's same_kind casting)";
    result = target;
  }
  if (!result) {
    InFlightDiagnostic diag = op->emitError()
                              << "invalid operand types for " << symbolOf(kind)
                              << ": " << quoteType(lhs.getType()) << " and "
                              << quoteType(rhs.getType());
    if (!why.empty())
      diag << " (" << why << ")";
    return diag;
  }
  resultTypes.push_back(result);
  return success();
}

static LogicalResult inferBinaryOp(Operation *op, BinOpKind kind, Value lhs,
                                   Value rhs,
                                   SmallVectorImpl<Type> &resultTypes,
                                   bool inplace = false) {
  Type lt = lhs.getType(), rt = rhs.getType();
  if (isa<ArrayType>(lt) || isa<ArrayType>(rt))
    return inferArrayBinaryOp(op, kind, lhs, rhs, inplace, resultTypes);
  // A literal that fits meets uint64 as a uint64 (`u + 1` stays exact)
  // rather than making float64 as int64 would.
  if (isUInt64(lt) && isNonNegativeIntLiteral(rhs))
    rt = lt;
  else if (isUInt64(rt) && isNonNegativeIntLiteral(lhs))
    lt = rt;
  Type result = inferBinary(kind, lt, rt);
  // `n ** -2` is a float in Python; with a literal exponent the sign is
  // known. (A variable exponent keeps Numba's int result.)
  if (kind == BinOpKind::Pow && result && isa<IntegerType>(result) &&
      isNegativeIntLiteral(rhs))
    result = f64(op->getContext());
  if (!result)
    result = inferTupleBinary(kind, lt, rt);
  if (!result)
    return op->emitError() << "invalid operand types for " << symbolOf(kind)
                           << ": " << quoteType(lt) << " and " << quoteType(rt);
  resultTypes.push_back(result);
  return success();
}

LogicalResult BinOp::inferTypes(TypingContext &,
                                SmallVectorImpl<Type> &resultTypes) {
  return inferBinaryOp(*this, getKind(), getLhs(), getRhs(), resultTypes);
}

LogicalResult InplaceBinOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  return inferBinaryOp(*this, getKind(), getLhs(), getRhs(), resultTypes,
                       /*inplace=*/true);
}

/// Whether values of `lhs` and `rhs` can be compared with `kind`: numbers
/// (ordering only for real ones), tuples element by element, string
/// literals for equality, and None for equality and identity with anything.
static bool isComparable(CmpOpKind kind, Type lhs, Type rhs) {
  bool equality = kind == CmpOpKind::Eq || kind == CmpOpKind::Ne;
  if (kind == CmpOpKind::Is || kind == CmpOpKind::IsNot)
    return isa<PyNoneType>(lhs) || isa<PyNoneType>(rhs) ||
           (isNumberType(lhs) && isNumberType(rhs));
  if (kind == CmpOpKind::In || kind == CmpOpKind::NotIn) {
    auto tuple = dyn_cast<TupleType>(rhs);
    return tuple && llvm::all_of(tuple.getTypes(), [&](Type element) {
             return isComparable(CmpOpKind::Eq, lhs, element);
           });
  }
  if (equality && (isa<PyNoneType>(lhs) || isa<PyNoneType>(rhs)))
    return true;
  if (equality && isa<StrType>(lhs) && isa<StrType>(rhs))
    return true;
  if (isNumberType(lhs) && isNumberType(rhs))
    return equality || (isRealType(lhs) && isRealType(rhs));
  auto lt = dyn_cast<TupleType>(lhs), rt = dyn_cast<TupleType>(rhs);
  if (!lt || !rt)
    return false;
  // Equality of tuples of different lengths is simply false; ordering
  // compares the common prefix.
  for (auto [l, r] : llvm::zip(lt.getTypes(), rt.getTypes()))
    if (!isComparable(kind, l, r) || !isComparable(CmpOpKind::Eq, l, r))
      return false;
  return true;
}

LogicalResult CompareOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type lhs = getLhs().getType(), rhs = getRhs().getType();
  CmpOpKind kind = getKind();
  bool elementwise = kind != CmpOpKind::In && kind != CmpOpKind::NotIn &&
                     kind != CmpOpKind::Is && kind != CmpOpKind::IsNot;
  if (elementwise && (isa<ArrayType>(lhs) || isa<ArrayType>(rhs))) {
    std::string why;
    if (Type result = inferArrayCompare(kind, getLhs(), getRhs(), why)) {
      resultTypes.push_back(result);
      return success();
    }
    InFlightDiagnostic diag = emitError()
                              << "'" << symbolOf(kind) << "' is not supported "
                              << "between " << quoteType(lhs) << " and "
                              << quoteType(rhs);
    if (!why.empty())
      diag << " (" << why << ")";
    return diag;
  }
  if (!isComparable(kind, lhs, rhs)) {
    if ((kind == CmpOpKind::In || kind == CmpOpKind::NotIn) &&
        isa<TupleType>(rhs))
      return emitError() << "'" << symbolOf(kind) << "' is not supported "
                         << "between " << quoteType(lhs) << " and "
                         << quoteType(rhs) << ": an element does not compare "
                         << "with " << quoteType(lhs);
    if (kind == CmpOpKind::In || kind == CmpOpKind::NotIn)
      return emitError() << "unsupported: '" << symbolOf(kind) << "' with "
                         << quoteType(lhs) << " and " << quoteType(rhs)
                         << " (membership tests only look into tuples)";
    return emitError() << "'" << symbolOf(kind) << "' is not supported between "
                       << quoteType(lhs) << " and " << quoteType(rhs);
  }
  resultTypes.push_back(i1(getContext()));
  return success();
}

LogicalResult UnaryOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  Type type = getOperand().getType();
  MLIRContext *ctx = getContext();
  if (auto array = dyn_cast<ArrayType>(type)) {
    std::string why;
    if (Type result = inferArrayUnary(getKind(), array, why)) {
      resultTypes.push_back(result);
      return success();
    }
    if (getKind() == UnaryOpKind::Not)
      return emitError() << "cannot take 'not' of " << quoteType(type) << ": "
                         << why;
    return emitError() << "bad operand type for unary " << symbolOf(getKind())
                       << ": " << quoteType(type) << " (" << why << ")";
  }
  if (getKind() == UnaryOpKind::Not) {
    if (!isNumberType(type) && !isa<PyNoneType, TupleType>(type))
      return emitError() << "cannot take 'not' of " << quoteType(type);
    resultTypes.push_back(i1(ctx));
    return success();
  }
  if (!isNumberType(type) || (getKind() == UnaryOpKind::Invert &&
                              !isIntType(type) && !isBoolType(type)))
    return emitError() << "bad operand type for unary " << symbolOf(getKind())
                       << ": " << quoteType(type);
  // Numbers keep their type, as NumPy's scalars do (~np.uint8(5) is
  // uint8(250)); a bool is an int in Python (-True is -1, int64).
  resultTypes.push_back(isBoolType(type) ? promoteNumbers(type, type) : type);
  return success();
}

LogicalResult TruthOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  if (!isNumberType(type) && !isa<PyNoneType, TupleType>(type)) {
    if (isa<ArrayType>(type))
      return emitError() << "cannot use an array " << quoteType(type)
                         << " as a condition: its truth value is ambiguous"
                            " (use a.any() or a.all() in Python, or test an "
                            "element)";
    return emitError() << "cannot use a value of type " << quoteType(type)
                       << " as a condition";
  }
  resultTypes.push_back(i1(getContext()));
  return success();
}

/// Reals convert to reals and to complex numbers, complex numbers to
/// complex numbers; tuples element by element.
bool mumba::nb::isCastableType(Type from, Type to) {
  if (from == to)
    return true;
  // Into an optional result: None, or a value of a castable type.
  if (auto optional = dyn_cast<OptionalType>(to)) {
    if (isa<PyNoneType>(from))
      return true;
    if (auto inner = dyn_cast<OptionalType>(from))
      from = inner.getValueType();
    return isCastableType(from, optional.getValueType());
  }
  if (isNumberType(from) && isNumberType(to))
    return !isComplexType(from) || isComplexType(to);
  auto fromTuple = dyn_cast<TupleType>(from), toTuple = dyn_cast<TupleType>(to);
  return fromTuple && toTuple && fromTuple.size() == toTuple.size() &&
         llvm::all_of(llvm::zip(fromTuple.getTypes(), toTuple.getTypes()),
                      [](auto pair) {
                        return isCastableType(std::get<0>(pair),
                                              std::get<1>(pair));
                      });
}

LogicalResult CastOp::inferTypes(TypingContext &,
                                 SmallVectorImpl<Type> &resultTypes) {
  Type from = getValue().getType(), to = getResult().getType();
  if (!isCastableType(from, to) && !isa<UnknownType>(to))
    return emitError() << "cannot cast " << quoteType(from) << " to "
                       << quoteType(to);
  resultTypes.push_back(to);
  return success();
}

//===----------------------------------------------------------------------===//
// Leaf expressions
//===----------------------------------------------------------------------===//

LogicalResult UndefOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  // Undefined values take the type of what they merge with; the driver sets
  // it at block arguments.
  resultTypes.push_back(getResult().getType());
  return success();
}

LogicalResult ArgOp::inferTypes(TypingContext &,
                                SmallVectorImpl<Type> &resultTypes) {
  auto func = (*this)->getParentOfType<FunctionOpInterface>();
  resultTypes.push_back(func.getArgumentTypes()[getIndex()]);
  return success();
}

LogicalResult ConstOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  MLIRContext *ctx = getContext();
  Attribute value = getValue();
  if (isa<UnitAttr>(value)) {
    resultTypes.push_back(PyNoneType::get(ctx));
  } else if (isa<FloatAttr>(value)) {
    resultTypes.push_back(f64(ctx));
  } else if (auto intAttr = dyn_cast<IntegerAttr>(value)) {
    Type type = intAttr.getType();
    if (type.isInteger(1))
      resultTypes.push_back(i1(ctx));
    else if (type.isUnsignedInteger())
      resultTypes.push_back(IntegerType::get(ctx, 64, IntegerType::Unsigned));
    else
      resultTypes.push_back(getInt64Type(ctx));
  } else {
    resultTypes.push_back(
        StrType::get(ctx, cast<StringAttr>(value).getValue()));
  }
  return success();
}

LogicalResult GlobalOp::inferTypes(TypingContext &,
                                   SmallVectorImpl<Type> &resultTypes) {
  MLIRContext *ctx = getContext();
  if (auto symbol = dyn_cast<FlatSymbolRefAttr>(getValue())) {
    resultTypes.push_back(DispatcherType::get(ctx, symbol.getValue()));
    return success();
  }
  StringRef name = cast<StringAttr>(getValue()).getValue();
  if (name == "math" || name == "numpy" || name == "cmath")
    resultTypes.push_back(ModuleType::get(ctx, name));
  else if (Type dtype = name.starts_with("numpy.")
                            ? lookupNumpyDType(ctx, name.drop_front(6))
                            : Type())
    resultTypes.push_back(DTypeType::get(ctx, dtype));
  else
    resultTypes.push_back(PyFunctionType::get(ctx, name));
  return success();
}

//===----------------------------------------------------------------------===//
// Attributes and items
//===----------------------------------------------------------------------===//

/// `x.real` and `x.imag` of a number: the parts of a complex number; for a
/// real number the number itself and a zero of its type.
static Type inferNumberAttr(Type type, StringRef attr) {
  if (attr != "real" && attr != "imag")
    return {};
  if (auto complex = dyn_cast<ComplexType>(type))
    return complex.getElementType();
  // Python's True.real is the int 1.
  if (isBoolType(type))
    return getInt64Type(type.getContext());
  return type;
}

LogicalResult GetAttrOp::inferTypes(TypingContext &ctx,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  StringRef attr = getAttr();
  MLIRContext *context = getContext();
  if (auto module = dyn_cast<ModuleType>(type)) {
    FailureOr<Type> result = ctx.inferModuleAttr(*this, module, attr);
    if (failed(result))
      return failure();
    resultTypes.push_back(*result);
    return success();
  }
  if (isNumberType(type))
    if (Type result = inferNumberAttr(type, attr)) {
      resultTypes.push_back(result);
      return success();
    }
  if (auto dtype = dyn_cast<DTypeType>(type); dtype && attr == "type") {
    // `a.dtype.type` is the scalar type, which also converts.
    resultTypes.push_back(dtype);
    return success();
  }
  if (auto array = dyn_cast<ArrayType>(type)) {
    Type i64 = getInt64Type(context);
    if (attr == "shape" || attr == "strides") {
      resultTypes.push_back(
          TupleType::get(context, SmallVector<Type>(array.getNdim(), i64)));
      return success();
    }
    if (attr == "ndim" || attr == "size" || attr == "itemsize" ||
        attr == "nbytes") {
      resultTypes.push_back(i64);
      return success();
    }
    if (attr == "dtype") {
      resultTypes.push_back(DTypeType::get(context, array.getDtype()));
      return success();
    }
    if (attr == "copy") {
      resultTypes.push_back(BoundMethodType::get(context, attr, array));
      return success();
    }
  }
  return emitError() << "unknown attribute '" << attr << "' of "
                     << quoteType(type);
}

/// Index operands of arrays and tuples must be integers (or bools).
static bool isIndexType(Type type) {
  return isIntType(type) || isBoolType(type);
}

LogicalResult BuildSliceOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  for (Value bound : getOperands())
    if (!isIndexType(bound.getType()) && !isa<PyNoneType>(bound.getType()))
      return emitError() << "slice bounds are integers or None, got "
                         << quoteType(bound.getType());
  resultTypes.push_back(SliceType::get(getContext()));
  return success();
}

/// The view `array[indices]` gives: one dimension per slice and per
/// dimension not indexed. Views have any strides (layout A).
static ArrayType viewType(ArrayType array, ValueRange indices) {
  unsigned rank = array.getNdim() - indices.size();
  for (Value index : indices)
    rank += isa<SliceType>(index.getType()) ? 1 : 0;
  return ArrayType::get(array.getContext(), array.getDtype(), rank,
                        ArrayLayout::A, array.getReadonly());
}

/// A number, or a tuple of them (nested).
static bool isNumbersOnly(Type type) {
  if (auto tuple = dyn_cast<TupleType>(type))
    return llvm::all_of(tuple.getTypes(), isNumbersOnly);
  return isNumberType(type);
}

LogicalResult GetItemOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  auto array = dyn_cast<ArrayType>(type);
  for (Value index : getIndices())
    if (!isIndexType(index.getType()) &&
        !(array && isa<SliceType>(index.getType())))
      return emitError() << "invalid index of type "
                         << quoteType(index.getType()) << " into "
                         << quoteType(type) << " (indices are integers)";
  if (array) {
    if (getIndices().size() > array.getNdim())
      return emitError() << "too many indices for the " << array.getNdim()
                         << "-d array " << quoteType(type) << ": "
                         << getIndices().size();
    bool anySlice =
        llvm::any_of(getIndices().getTypes(), llvm::IsaPred<SliceType>);
    if (getIndices().size() == array.getNdim() && !anySlice)
      resultTypes.push_back(array.getDtype());
    else
      resultTypes.push_back(viewType(array, getIndices()));
    return success();
  }
  if (auto tuple = dyn_cast<TupleType>(type)) {
    if (getIndices().size() == 1 && tuple.size() > 0 &&
        llvm::all_equal(tuple.getTypes())) {
      // The element is chosen at run time among lowered scalars.
      if (!isNumbersOnly(tuple.getType(0)))
        return emitError() << "cannot index the tuple " << quoteType(type)
                           << " with a non-constant index (only tuples of "
                              "numbers can be)";
      resultTypes.push_back(tuple.getType(0));
      return success();
    }
    return emitError() << "cannot index the heterogeneous tuple "
                       << quoteType(type)
                       << " with a non-constant index (its element types "
                          "differ)";
  }
  return emitError() << "cannot index a value of type " << quoteType(type);
}

LogicalResult StaticGetItemOp::inferTypes(TypingContext &,
                                          SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  if (auto tuple = dyn_cast<TupleType>(type)) {
    int64_t size = tuple.size(), index = getIndex();
    if (index < -size || index >= size)
      return emitError() << "tuple index " << index << " out of range for "
                         << quoteType(type);
    resultTypes.push_back(tuple.getType(index < 0 ? index + size : index));
    return success();
  }
  if (auto array = dyn_cast<ArrayType>(type)) {
    if (array.getNdim() == 0)
      return emitError() << "cannot index the 0-d array " << quoteType(type)
                         << " with an integer";
    // a[k] of an n-d array is an (n-1)-d view.
    if (array.getNdim() > 1)
      resultTypes.push_back(ArrayType::get(getContext(), array.getDtype(),
                                           array.getNdim() - 1, ArrayLayout::A,
                                           array.getReadonly()));
    else
      resultTypes.push_back(array.getDtype());
    return success();
  }
  return emitError() << "cannot index a value of type " << quoteType(type);
}

LogicalResult SetItemOp::inferTypes(TypingContext &, SmallVectorImpl<Type> &) {
  auto array = dyn_cast<ArrayType>(getTarget().getType());
  if (!array) {
    if (isa<TupleType>(getTarget().getType()))
      return emitError() << "cannot assign to an item of "
                         << quoteType(getTarget().getType())
                         << ": tuples are immutable";
    return emitError() << "cannot assign to an item of "
                       << quoteType(getTarget().getType());
  }
  if (array.getReadonly())
    return emitError() << "cannot assign into the read-only array "
                       << quoteType(array)
                       << " (its NumPy flag writeable is False)";
  if (getIndices().size() != array.getNdim())
    return emitError() << "unsupported: assigning into a " << array.getNdim()
                       << "-d array " << quoteType(array) << " with "
                       << getIndices().size() << " indices";
  for (Value index : getIndices())
    if (!isIndexType(index.getType()))
      return emitError() << "invalid index of type "
                         << quoteType(index.getType()) << " into "
                         << quoteType(array) << " (indices are integers)";
  Type value = getValue().getType();
  // A complex value goes only into a complex array (NumPy would drop the
  // imaginary part with a warning).
  bool fits = isRealType(value) ||
              (isNumberType(value) && isa<ComplexType>(array.getDtype()));
  if (!fits)
    return emitError() << "cannot store a value of type " << quoteType(value)
                       << " into " << quoteType(array);
  return success();
}

//===----------------------------------------------------------------------===//
// Calls and containers
//===----------------------------------------------------------------------===//

LogicalResult CallOp::inferTypes(TypingContext &ctx,
                                 SmallVectorImpl<Type> &resultTypes) {
  SmallVector<Type> operands(getArgs().getTypes());
  llvm::append_range(operands, getKwargs().getTypes());
  FailureOr<Type> result =
      ctx.inferCall(*this, getCallee().getType(), operands);
  if (failed(result))
    return failure();
  resultTypes.push_back(*result);
  return success();
}

LogicalResult BuildTupleOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  resultTypes.push_back(TupleType::get(
      getContext(), SmallVector<Type>(getElements().getTypes())));
  return success();
}

LogicalResult BuildListOp::inferTypes(TypingContext &,
                                      SmallVectorImpl<Type> &) {
  return emitError("unsupported: lists in nopython mode (use a tuple or a "
                   "NumPy array)");
}

//===----------------------------------------------------------------------===//
// Iteration
//===----------------------------------------------------------------------===//

LogicalResult GetIterOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  if (Type iterator = getIteratorType(type)) {
    resultTypes.push_back(iterator);
    return success();
  }
  // Arrays of one dimension or more iterate; a 0-d one has nothing to
  // iterate over, as NumPy says.
  if (isa<ArrayType>(type))
    return emitError() << "iteration over a 0-d array " << quoteType(type);
  if (isa<TupleType>(type))
    return emitError() << "unsupported: iterating over the heterogeneous "
                          "tuple "
                       << quoteType(type)
                       << " (the loop variable would change type)";
  return emitError() << "unsupported: iterating over " << quoteType(type);
}

LogicalResult IterNextOp::inferTypes(TypingContext &,
                                     SmallVectorImpl<Type> &resultTypes) {
  if (Type element = getIteratorElementType(getIterator().getType())) {
    resultTypes.push_back(
        PairType::get(getContext(), element, i1(getContext())));
    return success();
  }
  return emitError() << "cannot advance a value of type "
                     << quoteType(getIterator().getType());
}

LogicalResult PairFirstOp::inferTypes(TypingContext &,
                                      SmallVectorImpl<Type> &resultTypes) {
  auto pair = dyn_cast<PairType>(getPair().getType());
  if (!pair)
    return emitError() << "expects a pair, got "
                       << quoteType(getPair().getType());
  resultTypes.push_back(pair.getFirst());
  return success();
}

LogicalResult PairSecondOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  auto pair = dyn_cast<PairType>(getPair().getType());
  if (!pair)
    return emitError() << "expects a pair, got "
                       << quoteType(getPair().getType());
  resultTypes.push_back(pair.getSecond());
  return success();
}

LogicalResult ExhaustIterOp::inferTypes(TypingContext &,
                                        SmallVectorImpl<Type> &resultTypes) {
  auto tuple = dyn_cast<TupleType>(getValue().getType());
  if (!tuple)
    return emitError() << "unsupported: unpacking a value of type "
                       << quoteType(getValue().getType())
                       << " (only tuples unpack)";
  if (tuple.size() != getCount())
    return emitError() << "cannot unpack " << quoteType(tuple) << " of "
                       << tuple.size() << " values into " << getCount()
                       << " targets";
  resultTypes.push_back(tuple);
  return success();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// What `print` can show: numbers, None, string literals and tuples of them.
static bool isPrintable(Type type) {
  if (isNumberType(type) || isa<PyNoneType, StrType>(type))
    return true;
  auto tuple = dyn_cast<TupleType>(type);
  return tuple && llvm::all_of(tuple.getTypes(), isPrintable);
}

LogicalResult PrintOp::inferTypes(TypingContext &, SmallVectorImpl<Type> &) {
  for (Value value : getValues())
    if (!isPrintable(value.getType()))
      return emitError() << "unsupported: printing a value of type "
                         << quoteType(value.getType())
                         << " (print takes numbers, None, string literals "
                            "and tuples of them)";
  return success();
}

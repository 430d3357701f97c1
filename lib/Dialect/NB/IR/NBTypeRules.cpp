//===- NBTypeRules.cpp - Typing rules of nb operations --------------------===//
//
// Each op's TypeInferenceOpInterface::inferTypes: Python and NumPy semantics
// for operators, subscripts and iteration. Calls and module attributes defer
// to the TypingContext, whose rules live in the call-template registry.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba::nb;

static Type f64(MLIRContext *ctx) { return Float64Type::get(ctx); }
static Type i1(MLIRContext *ctx) { return IntegerType::get(ctx, 1); }

static LogicalResult binaryTypeError(Operation *op, StringRef kind, Type lhs,
                                     Type rhs) {
  return op->emitError() << "invalid operand types for " << kind << ": " << lhs
                         << " and " << rhs;
}

/// The result type of `lhs kind rhs` on numbers, or null.
static Type inferBinary(BinOpKind kind, Type lhs, Type rhs) {
  MLIRContext *ctx = lhs.getContext();
  Type promoted = promoteNumbers(lhs, rhs);
  if (!promoted)
    return {};
  switch (kind) {
  case BinOpKind::TrueDiv:
    return isa<FloatType>(promoted) ? promoted : f64(ctx);
  case BinOpKind::LShift:
  case BinOpKind::RShift:
    return isa<FloatType>(promoted) ? Type() : promoted;
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (isBoolType(lhs) && isBoolType(rhs))
      return lhs;
    return isa<FloatType>(promoted) ? Type() : promoted;
  default:
    return promoted;
  }
}

static LogicalResult inferBinaryOp(Operation *op, BinOpKind kind, Type lhs,
                                   Type rhs,
                                   SmallVectorImpl<Type> &resultTypes) {
  Type result = inferBinary(kind, lhs, rhs);
  if (!result)
    return binaryTypeError(op, stringifyBinOpKind(kind), lhs, rhs);
  resultTypes.push_back(result);
  return success();
}

LogicalResult BinOp::inferTypes(TypingContext &,
                                SmallVectorImpl<Type> &resultTypes) {
  return inferBinaryOp(*this, getKind(), getLhs().getType(), getRhs().getType(),
                       resultTypes);
}

LogicalResult InplaceBinOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  return inferBinaryOp(*this, getKind(), getLhs().getType(), getRhs().getType(),
                       resultTypes);
}

LogicalResult CompareOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type lhs = getLhs().getType(), rhs = getRhs().getType();
  CmpOpKind kind = getKind();
  bool identity = kind == CmpOpKind::Is || kind == CmpOpKind::IsNot;
  bool ok = false;
  if (identity)
    ok = isa<PyNoneType>(lhs) || isa<PyNoneType>(rhs) ||
         (isNumberType(lhs) && isNumberType(rhs));
  else if (kind != CmpOpKind::In && kind != CmpOpKind::NotIn)
    ok = static_cast<bool>(promoteNumbers(lhs, rhs)) ||
         (isa<PyNoneType>(lhs) && isa<PyNoneType>(rhs) &&
          (kind == CmpOpKind::Eq || kind == CmpOpKind::Ne));
  if (!ok)
    return binaryTypeError(*this, stringifyCmpOpKind(kind), lhs, rhs);
  resultTypes.push_back(i1(getContext()));
  return success();
}

LogicalResult UnaryOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  Type type = getOperand().getType();
  MLIRContext *ctx = getContext();
  if (getKind() == UnaryOpKind::Not) {
    if (!isNumberType(type) && !isa<PyNoneType>(type))
      return emitError() << "cannot take 'not' of " << type;
    resultTypes.push_back(i1(ctx));
    return success();
  }
  if (!isNumberType(type) ||
      (getKind() == UnaryOpKind::Invert && isa<FloatType>(type)))
    return emitError() << "bad operand type for unary "
                       << stringifyUnaryOpKind(getKind()) << ": " << type;
  // Like binary arithmetic, unary arithmetic on bools and small ints gives
  // int64.
  resultTypes.push_back(isa<FloatType>(type) ? type
                                             : promoteNumbers(type, type));
  return success();
}

LogicalResult TruthOp::inferTypes(TypingContext &,
                                  SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  if (!isNumberType(type) && !isa<PyNoneType>(type))
    return emitError() << "cannot use a value of type " << type
                       << " as a condition";
  resultTypes.push_back(i1(getContext()));
  return success();
}

/// Numbers convert to numbers; tuples element by element.
static bool isCastable(Type from, Type to) {
  if (from == to || (isNumberType(from) && isNumberType(to)))
    return true;
  auto fromTuple = dyn_cast<TupleType>(from), toTuple = dyn_cast<TupleType>(to);
  return fromTuple && toTuple && fromTuple.size() == toTuple.size() &&
         llvm::all_of(llvm::zip(fromTuple.getTypes(), toTuple.getTypes()),
                      [](auto pair) {
                        return isCastable(std::get<0>(pair),
                                          std::get<1>(pair));
                      });
}

LogicalResult CastOp::inferTypes(TypingContext &,
                                 SmallVectorImpl<Type> &resultTypes) {
  Type from = getValue().getType(), to = getResult().getType();
  if (!isCastable(from, to) && !isa<UnknownType>(to))
    return emitError() << "cannot cast " << from << " to " << to;
  resultTypes.push_back(to);
  return success();
}

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
    resultTypes.push_back(intAttr.getType().isInteger(1) ? i1(ctx)
                                                         : getInt64Type(ctx));
  } else {
    return emitError() << "unsupported constant " << value
                       << ": strings are not supported in nopython mode";
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
  if (name == "math" || name == "numpy")
    resultTypes.push_back(ModuleType::get(ctx, name));
  else if (Type dtype = name.starts_with("numpy.")
                            ? lookupNumpyDType(ctx, name.drop_front(6))
                            : Type())
    resultTypes.push_back(DTypeType::get(ctx, dtype));
  else
    resultTypes.push_back(PyFunctionType::get(ctx, name));
  return success();
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
    if (attr == "copy") {
      resultTypes.push_back(BoundMethodType::get(context, attr, array));
      return success();
    }
  }
  return emitError() << "unknown attribute '" << attr << "' of " << type;
}

/// Index operands of arrays and tuples must be integers (or bools).
static bool isIndexType(Type type) {
  return isIntType(type) || isBoolType(type);
}

LogicalResult GetItemOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  for (Value index : getIndices())
    if (!isIndexType(index.getType()))
      return emitError() << "unsupported index of type " << index.getType()
                         << " into " << type;
  if (auto array = dyn_cast<ArrayType>(type)) {
    if (getIndices().size() != array.getNdim())
      return emitError() << "unsupported: indexing a " << array.getNdim()
                         << "-d array " << type << " with "
                         << getIndices().size()
                         << " indices (array views are not supported yet)";
    resultTypes.push_back(array.getDtype());
    return success();
  }
  if (auto tuple = dyn_cast<TupleType>(type)) {
    if (getIndices().size() == 1 && tuple.size() > 0 &&
        llvm::all_equal(tuple.getTypes())) {
      resultTypes.push_back(tuple.getType(0));
      return success();
    }
    return emitError() << "cannot index the heterogeneous tuple " << type
                       << " with a non-constant index";
  }
  return emitError() << "cannot index a value of type " << type;
}

LogicalResult StaticGetItemOp::inferTypes(TypingContext &,
                                          SmallVectorImpl<Type> &resultTypes) {
  Type type = getValue().getType();
  if (auto tuple = dyn_cast<TupleType>(type)) {
    int64_t size = tuple.size(), index = getIndex();
    if (index < -size || index >= size)
      return emitError() << "tuple index " << index << " out of range for "
                         << type;
    resultTypes.push_back(tuple.getType(index < 0 ? index + size : index));
    return success();
  }
  if (auto array = dyn_cast<ArrayType>(type)) {
    if (array.getNdim() != 1)
      return emitError() << "unsupported: indexing a " << array.getNdim()
                         << "-d array " << type
                         << " with 1 index (array views are not supported "
                            "yet)";
    resultTypes.push_back(array.getDtype());
    return success();
  }
  return emitError() << "cannot index a value of type " << type;
}

LogicalResult SetItemOp::inferTypes(TypingContext &, SmallVectorImpl<Type> &) {
  auto array = dyn_cast<ArrayType>(getTarget().getType());
  if (!array)
    return emitError() << "cannot assign to an item of "
                       << getTarget().getType();
  if (array.getReadonly())
    return emitError() << "cannot assign into the read-only array " << array
                       << " (its NumPy flag writeable is False)";
  if (getIndices().size() != array.getNdim())
    return emitError() << "unsupported: assigning into a " << array.getNdim()
                       << "-d array " << array << " with "
                       << getIndices().size() << " indices";
  for (Value index : getIndices())
    if (!isIndexType(index.getType()))
      return emitError() << "unsupported index of type " << index.getType()
                         << " into " << array;
  if (!isNumberType(getValue().getType()))
    return emitError() << "cannot store a value of type "
                       << getValue().getType() << " into " << array;
  return success();
}

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
  return emitError("unsupported: lists in nopython mode");
}

LogicalResult GetIterOp::inferTypes(TypingContext &,
                                    SmallVectorImpl<Type> &resultTypes) {
  if (auto range = dyn_cast<RangeType>(getValue().getType())) {
    resultTypes.push_back(
        RangeIterType::get(getContext(), range.getElementType()));
    return success();
  }
  if (auto array = dyn_cast<ArrayType>(getValue().getType());
      array && array.getNdim() == 1) {
    resultTypes.push_back(ArrayIterType::get(getContext(), array));
    return success();
  }
  return emitError() << "unsupported: iterating over " << getValue().getType();
}

LogicalResult IterNextOp::inferTypes(TypingContext &,
                                     SmallVectorImpl<Type> &resultTypes) {
  if (auto iter = dyn_cast<RangeIterType>(getIterator().getType())) {
    resultTypes.push_back(
        PairType::get(getContext(), iter.getElementType(), i1(getContext())));
    return success();
  }
  if (auto iter = dyn_cast<ArrayIterType>(getIterator().getType())) {
    resultTypes.push_back(PairType::get(
        getContext(), iter.getArrayType().getDtype(), i1(getContext())));
    return success();
  }
  return emitError() << "cannot advance a value of type "
                     << getIterator().getType();
}

LogicalResult PairFirstOp::inferTypes(TypingContext &,
                                      SmallVectorImpl<Type> &resultTypes) {
  auto pair = dyn_cast<PairType>(getPair().getType());
  if (!pair)
    return emitError() << "expects a pair, got " << getPair().getType();
  resultTypes.push_back(pair.getFirst());
  return success();
}

LogicalResult PairSecondOp::inferTypes(TypingContext &,
                                       SmallVectorImpl<Type> &resultTypes) {
  auto pair = dyn_cast<PairType>(getPair().getType());
  if (!pair)
    return emitError() << "expects a pair, got " << getPair().getType();
  resultTypes.push_back(pair.getSecond());
  return success();
}

LogicalResult ExhaustIterOp::inferTypes(TypingContext &,
                                        SmallVectorImpl<Type> &resultTypes) {
  auto tuple = dyn_cast<TupleType>(getValue().getType());
  if (!tuple)
    return emitError() << "unsupported: unpacking a value of type "
                       << getValue().getType();
  if (tuple.size() != getCount())
    return emitError() << "cannot unpack " << tuple << " into " << getCount()
                       << " values";
  resultTypes.push_back(tuple);
  return success();
}

LogicalResult PrintOp::inferTypes(TypingContext &, SmallVectorImpl<Type> &) {
  return emitError("unsupported: print in nopython mode");
}

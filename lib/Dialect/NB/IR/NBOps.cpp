//===- NBOps.cpp - Operations of the nb dialect ---------------------------===//
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mumba::nb;

#define GET_OP_CLASSES
#include "mumba/Dialect/NB/IR/NBOps.cpp.inc"

LogicalResult VarOp::verify() {
  if (getName().empty())
    return emitOpError("needs a non-empty variable name");
  return success();
}

LogicalResult ArgOp::verify() {
  auto func = (*this)->getParentOfType<FunctionOpInterface>();
  if (!func)
    return emitOpError("must be inside a function");
  int64_t index = getIndex();
  if (index < 0 || index >= static_cast<int64_t>(func.getNumArguments()))
    return emitOpError("argument index ")
           << index << " is out of range for a function of "
           << func.getNumArguments() << " arguments";
  return success();
}

LogicalResult ConstOp::verify() {
  Attribute value = getValue();
  if (isa<UnitAttr, StringAttr, FloatAttr>(value))
    return success();
  if (auto intAttr = dyn_cast<IntegerAttr>(value))
    if (!intAttr.getType().isIndex())
      return success();
  return emitOpError("value must be an integer, float, bool, unit (None) or "
                     "string attribute, got ")
         << value;
}

LogicalResult GlobalOp::verify() {
  if (auto name = dyn_cast<StringAttr>(getValue()); name && name.empty())
    return emitOpError("needs a non-empty global name");
  return success();
}

LogicalResult CallOp::verify() {
  size_t numNames = getKwnames() ? getKwnames()->size() : 0;
  if (numNames != getKwargs().size())
    return emitOpError("has ")
           << getKwargs().size() << " keyword arguments but " << numNames
           << " keyword names";
  return success();
}

LogicalResult RaiseOp::verify() {
  if (static_cast<bool>(getException()) == static_cast<bool>(getExcClass()))
    return emitOpError("raises either an exception value or an exception "
                       "class with a message, not both or neither");
  if ((getMessage() || getExcArgs()) && !getExcClass())
    return emitOpError("has a message or arguments but no exception class");
  if (getMessage() && getExcArgs())
    return emitOpError("has both a message and arguments; give one");
  return success();
}

LogicalResult ReturnOp::verify() {
  auto func = (*this)->getParentOfType<FunctionOpInterface>();
  if (!func)
    return emitOpError("must be inside a function");
  ArrayRef<Type> results = func.getResultTypes();
  if (results.size() != 1)
    return emitOpError("expects its function to have one result, got ")
           << results.size();
  Type expected = results.front();
  if (!isa<UnknownType>(expected) && expected != getValue().getType())
    return emitOpError("returns ")
           << getValue().getType() << " from a function that returns "
           << expected;
  return success();
}

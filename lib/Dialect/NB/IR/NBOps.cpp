//===- NBOps.cpp - Operations of the nb dialect ---------------------------===//
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/IR/ArrayTyping.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace mumba::nb;

#define GET_OP_CLASSES
#include "mumba/Dialect/NB/IR/NBOps.cpp.inc"

namespace {
/// The context of a rule that needs none: operators and constant
/// subscripts never ask it, so any question is a bug in the rule.
struct NoTypingContext final : TypingContext {
  FailureOr<Type> inferCall(CallOp op, Type, ArrayRef<Type>) override {
    return op.emitOpError("typing rule asked to type a call while verifying");
  }
  FailureOr<Type> inferModuleAttr(Operation *op, ModuleType,
                                  StringRef) override {
    return op->emitOpError(
        "typing rule asked to type a module attribute while verifying");
  }
};
} // namespace

/// Once every operand and result of `op` is typed, its typing rule must
/// accept the operands (else the rule's own error) and give exactly the
/// result types `op` has. Untyped IR (what the frontend makes) passes: the
/// rule runs when nb-infer-types types it.
static LogicalResult verifyAgainstTypingRule(Operation *op) {
  if (llvm::any_of(op->getOperandTypes(), llvm::IsaPred<UnknownType>) ||
      llvm::any_of(op->getResultTypes(), llvm::IsaPred<UnknownType>))
    return success();
  NoTypingContext ctx;
  SmallVector<Type> expected;
  if (failed(cast<TypeInferenceOpInterface>(op).inferTypes(ctx, expected)))
    return failure();
  if (TypeRange(expected) == op->getResultTypes())
    return success();
  InFlightDiagnostic diag = op->emitOpError("has result type");
  diag << (op->getNumResults() == 1 ? " " : "s ");
  llvm::interleaveComma(op->getResultTypes(), diag);
  diag << " but its typing rule gives ";
  llvm::interleaveComma(expected, diag);
  return diag << " for these operands";
}

LogicalResult BinOp::verify() { return verifyAgainstTypingRule(*this); }
LogicalResult InplaceBinOp::verify() { return verifyAgainstTypingRule(*this); }
LogicalResult CompareOp::verify() { return verifyAgainstTypingRule(*this); }
LogicalResult UnaryOp::verify() { return verifyAgainstTypingRule(*this); }
LogicalResult TruthOp::verify() { return verifyAgainstTypingRule(*this); }
LogicalResult StaticGetItemOp::verify() {
  return verifyAgainstTypingRule(*this);
}

LogicalResult VarOp::verify() {
  if (getName().empty())
    return emitOpError("needs a non-empty variable name");
  return success();
}

LogicalResult ArgOp::verify() {
  auto func = cast<func::FuncOp>((*this)->getParentOp());
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
  auto func = cast<func::FuncOp>((*this)->getParentOp());
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

//===----------------------------------------------------------------------===//
// Array expressions
//===----------------------------------------------------------------------===//

LogicalResult ArrayExprOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getInputs().size())
    return emitOpError("has ") << getInputs().size() << " inputs but its body "
                               << body.getNumArguments() << " arguments";
  bool anyArray = false;
  for (auto [input, arg] : llvm::zip(getInputs(), body.getArguments())) {
    Type type = input.getType();
    anyArray |= isa<ArrayType>(type);
    Type element = getElementDtype(type);
    if (!isNumberType(element))
      return emitOpError("input of type ")
             << type << " is neither a number nor an array of numbers";
    if (arg.getType() != element)
      return emitOpError("body argument of type ")
             << arg.getType() << " for an input of type " << type;
  }
  if (!anyArray)
    return emitOpError("has no array input");
  ArrayType result = getResult().getType();
  SmallVector<Type> types(getInputs().getTypes());
  if (result.getNdim() != getBroadcastRank(types))
    return emitOpError("result rank ")
           << result.getNdim() << " is not the broadcast rank "
           << getBroadcastRank(types) << " of its inputs";
  auto yield = cast<YieldOp>(body.getTerminator());
  if (yield.getValue().getType() != result.getDtype())
    return emitOpError("yields ")
           << yield.getValue().getType() << " for a result of dtype "
           << result.getDtype();
  return success();
}

LogicalResult CopyToOp::verify() {
  Type source = getSource().getType();
  if (!isNumberType(getElementDtype(source)))
    return emitOpError("source of type ")
           << source << " is neither a number nor an array of numbers";
  if (auto array = dyn_cast<ArrayType>(source);
      array && array.getNdim() > getDest().getType().getNdim())
    return emitOpError("cannot broadcast a ")
           << array.getNdim() << "-d source into a "
           << getDest().getType().getNdim() << "-d destination";
  if (getDest().getType().getReadonly())
    return emitOpError("stores into a read-only array");
  return success();
}

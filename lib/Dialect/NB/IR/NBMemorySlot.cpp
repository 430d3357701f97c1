//===- NBMemorySlot.cpp - mem2reg for nb.var slots ------------------------===//
//
// Variables are memory slots to MLIR's mem2reg: nb.var allocates, nb.load_var
// and nb.store_var access. This is all nb-reconstruct-ssa needs.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/Builders.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba::nb;

SmallVector<MemorySlot> VarOp::getPromotableSlots() {
  return {MemorySlot{getSlot(), UnknownType::get(getContext())}};
}

Value VarOp::getDefaultValue(const MemorySlot &slot, OpBuilder &builder) {
  // Named after the variable, so that inference can say which variable is
  // read before any assignment.
  return UndefOp::create(builder, NameLoc::get(getNameAttr(), getLoc()),
                         slot.elemType);
}

void VarOp::handleBlockArgument(const MemorySlot &, BlockArgument argument,
                                OpBuilder &) {
  // Named after the variable, so that inference can say which variable
  // fails to unify.
  argument.setLoc(NameLoc::get(getNameAttr(), getLoc()));
}

std::optional<PromotableAllocationOpInterface>
VarOp::handlePromotionComplete(const MemorySlot &, Value defaultValue,
                               OpBuilder &) {
  if (defaultValue && defaultValue.use_empty())
    defaultValue.getDefiningOp()->erase();
  erase();
  return std::nullopt;
}

bool LoadVarOp::loadsFrom(const MemorySlot &slot) {
  return getSlot() == slot.ptr;
}

bool LoadVarOp::storesTo(const MemorySlot &) { return false; }

Value LoadVarOp::getStored(const MemorySlot &, OpBuilder &, Value,
                           const DataLayout &) {
  llvm_unreachable("nb.load_var does not store");
}

bool LoadVarOp::canUsesBeRemoved(
    const MemorySlot &slot, const SmallPtrSetImpl<OpOperand *> &blockingUses,
    SmallVectorImpl<OpOperand *> &, const DataLayout &) {
  return blockingUses.size() == 1 && (*blockingUses.begin())->get() == slot.ptr;
}

DeletionKind LoadVarOp::removeBlockingUses(const MemorySlot &,
                                           const SmallPtrSetImpl<OpOperand *> &,
                                           OpBuilder &,
                                           Value reachingDefinition,
                                           const DataLayout &) {
  getResult().replaceAllUsesWith(reachingDefinition);
  return DeletionKind::Delete;
}

bool StoreVarOp::loadsFrom(const MemorySlot &) { return false; }

bool StoreVarOp::storesTo(const MemorySlot &slot) {
  return getSlot() == slot.ptr;
}

Value StoreVarOp::getStored(const MemorySlot &, OpBuilder &, Value,
                            const DataLayout &) {
  return getValue();
}

bool StoreVarOp::canUsesBeRemoved(
    const MemorySlot &slot, const SmallPtrSetImpl<OpOperand *> &blockingUses,
    SmallVectorImpl<OpOperand *> &, const DataLayout &) {
  // The slot may be stored to, but must not be stored as a value.
  return blockingUses.size() == 1 &&
         (*blockingUses.begin())->get() == slot.ptr && getValue() != slot.ptr;
}

DeletionKind
StoreVarOp::removeBlockingUses(const MemorySlot &,
                               const SmallPtrSetImpl<OpOperand *> &,
                               OpBuilder &, Value, const DataLayout &) {
  return DeletionKind::Delete;
}

//===- ReconstructSSA.cpp - nb.var slots to SSA values --------------------===//
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "mlir/Transforms/Mem2Reg.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"

namespace mumba::nb {
#define GEN_PASS_DEF_NBRECONSTRUCTSSAPASS
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"
} // namespace mumba::nb

using namespace mlir;
using namespace mumba::nb;

namespace {
struct ReconstructSSAPass
    : public mumba::nb::impl::NBReconstructSSAPassBase<ReconstructSSAPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // mem2reg leaves a slot that nothing reads or writes alone: drop it.
    SmallVector<PromotableAllocationOpInterface> slots;
    func.walk([&](VarOp var) {
      if (var->use_empty())
        var.erase();
      else
        slots.push_back(var);
    });
    if (slots.empty())
      return;

    OpBuilder builder(func.getContext());
    DominanceInfo dominance(func);
    DataLayout layout = DataLayout::closest(func);
    (void)tryToPromoteMemorySlots(slots, builder, layout, dominance);

    // Anything left means a slot escaped (stored as a value, say).
    WalkResult result = func.walk([&](VarOp var) {
      var.emitOpError("could not be promoted to SSA values");
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace

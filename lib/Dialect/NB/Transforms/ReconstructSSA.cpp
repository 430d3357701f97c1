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
    SmallVector<PromotableAllocationOpInterface> slots;
    func.walk([&](VarOp var) { slots.push_back(var); });
    if (slots.empty())
      return;

    OpBuilder builder(func.getContext());
    DominanceInfo dominance(func);
    DataLayout layout = DataLayout::closest(func);
    if (failed(tryToPromoteMemorySlots(slots, builder, layout, dominance)))
      return;

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

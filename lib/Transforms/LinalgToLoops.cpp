//===- LinalgToLoops.cpp - The mumba-linalg-to-loops pass -----------------===//
//
// Upstream's convert-linalg-to-loops runs a greedy rewrite of the whole
// function, canonicalising and folding code it does not lower; that
// reorders the control flow of every compiled function, array work or not.
// This pass lowers the linalg ops alone, each to its scf.for nest.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBALINALGTOLOOPSPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {
struct MumbaLinalgToLoopsPass
    : public mumba::impl::MumbaLinalgToLoopsPassBase<MumbaLinalgToLoopsPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      rewriter.setInsertionPoint(op);
      if (failed(linalg::linalgOpToLoops(rewriter, op))) {
        op->emitOpError("could not be lowered to loops");
        return signalPassFailure();
      }
      rewriter.eraseOp(op);
    }
  }
};
} // namespace

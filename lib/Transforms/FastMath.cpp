//===- FastMath.cpp - Fast-math flags for @njit(fastmath=True) ------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAFASTMATHPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {
struct FastMathPass : public mumba::impl::MumbaFastMathPassBase<FastMathPass> {
  void runOnOperation() override {
    auto fast = arith::FastMathFlagsAttr::get(&getContext(),
                                              arith::FastMathFlags::fast);
    // The interface names the attribute, so arith and math ops alike.
    getOperation().walk([&](arith::ArithFastMathInterface op) {
      op->setAttr(op.getFastMathAttrName(), fast);
    });
  }
};
} // namespace

//===- OpenMPRuntime.cpp - What Mumba's OpenMP regions ask at run time ----===//
//
// After upstream's convert-scf-to-openmp: every omp.parallel gets its
// thread count from Mumba's runtime (mumba.set_num_threads and
// MUMBA_NUM_THREADS) when it starts, and reductions start each thread from
// the exact identity of their operation where upstream picks another
// value: -0.0 for float sums (0.0 + -0.0 is 0.0) and infinities for float
// min and max (upstream's largest finite floats would win over infinite
// values). The loop bodies lose the single-block memref.alloca_scope that
// upstream wraps them in.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mumba/Runtime/Symbols.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAOPENMPRUNTIMEPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// The exact starting value of a float reduction whose combiner is
/// `combiner`, replacing upstream's `current`; null to keep it.
static FloatAttr exactInit(Region &combiner, FloatAttr current) {
  bool isAdd = false, isMinMax = false;
  combiner.walk([&](Operation *op) {
    isAdd |= isa<arith::AddFOp, LLVM::FAddOp>(op);
    isMinMax |= isa<arith::CmpFOp, LLVM::FCmpOp>(op);
  });
  APFloat value = current.getValue();
  if (isAdd && value.isZero())
    return FloatAttr::get(current.getType(),
                          APFloat::getZero(value.getSemantics(), true));
  if (isMinMax && value.isFinite() && !value.isZero())
    return FloatAttr::get(
        current.getType(),
        APFloat::getInf(value.getSemantics(), value.isNegative()));
  return nullptr;
}

struct OpenMPRuntimePass
    : public mumba::impl::MumbaOpenMPRuntimePassBase<OpenMPRuntimePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(&getContext());
    SmallVector<omp::ParallelOp> regions;
    module.walk([&](omp::ParallelOp op) {
      if (!op.getNumThreads())
        regions.push_back(op);
    });
    if (!regions.empty() &&
        !module.lookupSymbol(MUMBA_SYMBOL_GET_NUM_THREADS)) {
      b.setInsertionPointToStart(module.getBody());
      auto decl =
          func::FuncOp::create(b, module.getLoc(), MUMBA_SYMBOL_GET_NUM_THREADS,
                               b.getFunctionType({}, {b.getI32Type()}));
      decl.setPrivate();
    }
    for (omp::ParallelOp region : regions) {
      b.setInsertionPoint(region);
      Value count =
          func::CallOp::create(b, region.getLoc(), MUMBA_SYMBOL_GET_NUM_THREADS,
                               TypeRange{b.getI32Type()}, ValueRange{})
              .getResult(0);
      region.getNumThreadsMutable().assign(count);
    }

    // Upstream wraps each loop body in a memref.alloca_scope, whose region
    // must stay one block, yet the body's scf ops become branches later.
    // The scope is only a stack save and restore around the body: made
    // explicit, or dropped when the body allocates nothing on the stack.
    SmallVector<memref::AllocaScopeOp> scopes;
    module.walk([&](memref::AllocaScopeOp scope) {
      if (isa<omp::LoopNestOp>(scope->getParentOp()))
        scopes.push_back(scope);
    });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      if (scope.getNumResults() != 0)
        continue;
      Location loc = scope.getLoc();
      bool allocates =
          scope.getBodyRegion()
              .walk([](memref::AllocaOp) { return WalkResult::interrupt(); })
              .wasInterrupted();
      Block *body = &scope.getBodyRegion().front();
      rewriter.setInsertionPoint(scope);
      Value saved;
      if (allocates)
        saved = LLVM::StackSaveOp::create(
            rewriter, loc, LLVM::LLVMPointerType::get(&getContext()));
      rewriter.eraseOp(body->getTerminator());
      rewriter.inlineBlockBefore(body, scope);
      if (allocates)
        LLVM::StackRestoreOp::create(rewriter, loc, saved);
      rewriter.eraseOp(scope);
    }

    module.walk([&](omp::DeclareReductionOp decl) {
      decl.getInitializerRegion().walk([&](LLVM::ConstantOp constant) {
        auto current = dyn_cast<FloatAttr>(constant.getValue());
        if (!current)
          return;
        if (FloatAttr init = exactInit(decl.getReductionRegion(), current))
          constant.setValueAttr(init);
      });
    });
  }
};

} // namespace

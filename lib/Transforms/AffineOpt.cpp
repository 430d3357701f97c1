//===- AffineOpt.cpp - Upstream affine optimisations, where legal ---------===//
//
// Upstream's affine LICM, fusion and super-vectoriser reason about accesses
// to one memref value at a time: two memref arguments are taken to be
// disjoint. NumPy arrays passed to a jitted function may overlap, so this
// pass runs them only on functions where that cannot matter.
//
//===----------------------------------------------------------------------===//
#include "mlir/Analysis/AliasAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Pass/PassManager.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAAFFINEOPTPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// Whether no memref that `func` writes may alias another memref it
/// accesses, and no op has memory effects the affine passes cannot see.
static bool hasIndependentMemrefs(func::FuncOp func, AliasAnalysis &aliases) {
  SetVector<Value> written, accessed;
  WalkResult result = func.walk([&](Operation *op) {
    // Loops and conditionals have the effects of their bodies, which the
    // walk visits too.
    if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() ||
        op == func.getOperation())
      return WalkResult::advance();
    auto effects = dyn_cast<MemoryEffectOpInterface>(op);
    if (!effects) {
      // Calls and ops without an effect model: anything may happen.
      return WalkResult::interrupt();
    }
    SmallVector<MemoryEffects::EffectInstance> instances;
    effects.getEffects(instances);
    for (const MemoryEffects::EffectInstance &effect : instances) {
      Value value = effect.getValue();
      if (!value) {
        // An effect on no particular value: only allocations are harmless.
        if (isa<MemoryEffects::Allocate, MemoryEffects::Free>(
                effect.getEffect()))
          continue;
        return WalkResult::interrupt();
      }
      if (!isa<BaseMemRefType>(value.getType()))
        continue;
      accessed.insert(value);
      if (isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
        written.insert(value);
    }
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return false;
  for (Value w : written)
    for (Value a : accessed)
      if (w != a && !aliases.alias(w, a).isNo())
        return false;
  return true;
}

/// Whether upstream's affine LICM could hoist a load out of a loop that may
/// not run: a read whose indices do not depend on a loop whose trip count
/// is not known to be positive.
static bool mayHoistFromEmptyLoop(func::FuncOp func) {
  WalkResult result = func.walk([&](affine::AffineForOp loop) {
    std::optional<uint64_t> trips = affine::getConstantTripCount(loop);
    if (trips && *trips > 0)
      return WalkResult::advance();
    WalkResult inner = loop.getBody()->walk([&](Operation *op) {
      auto read = dyn_cast<affine::AffineReadOpInterface>(op);
      if (!read)
        return WalkResult::advance();
      bool invariant = llvm::none_of(read.getMapOperands(), [&](Value v) {
        return loop->isAncestor(v.getParentBlock()->getParentOp());
      });
      return invariant ? WalkResult::interrupt() : WalkResult::advance();
    });
    return inner.wasInterrupted() ? WalkResult::interrupt()
                                  : WalkResult::advance();
  });
  return result.wasInterrupted();
}

/// Whether a loop body holds an op with regions other than an affine loop or
/// condition: upstream's affine LICM hoists such an op (an scf.if on an
/// invariant condition, say) by its operands alone, even when its regions
/// use the loop's induction variable or iteration arguments.
static bool hasOpaqueRegionsInLoops(func::FuncOp func) {
  WalkResult result = func.walk([&](affine::AffineForOp loop) {
    for (Operation &op : loop.getBody()->getOperations())
      if (op.getNumRegions() != 0 &&
          !isa<affine::AffineForOp, affine::AffineIfOp>(op))
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

struct AffineOptPass
    : public mumba::impl::MumbaAffineOptPassBase<AffineOptPass> {
  using MumbaAffineOptPassBase::MumbaAffineOptPassBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    bool independent =
        hasIndependentMemrefs(func, getAnalysis<AliasAnalysis>());
    OpPassManager pm(func::FuncOp::getOperationName());
    if (licm && independent && !mayHoistFromEmptyLoop(func) &&
        !hasOpaqueRegionsInLoops(func))
      pm.addPass(affine::createAffineLoopInvariantCodeMotionPass());
    if (fusion && independent)
      pm.addPass(affine::createLoopFusionPass());
    // After fusion, which leaves a store and a load of the same element
    // next to each other.
    if (scalrep)
      pm.addPass(affine::createAffineScalarReplacementPass());
    if (vectorSize > 0 && independent) {
      affine::AffineVectorizeOptions options;
      options.vectorSizes = {static_cast<int64_t>(vectorSize)};
      options.vectorizeReductions = vectorizeReductions;
      pm.addPass(affine::createAffineVectorize(options));
    }
    if (pm.size() == 0)
      return;
    if (failed(runPipeline(pm, func)))
      signalPassFailure();
  }
};

} // namespace

//===- DeallocateBuffers.cpp - Free temporaries, return ownership ---------===//
#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Pass/PassManager.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBADEALLOCATEBUFFERSPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

/// Whether any function allocates or returns a memref: otherwise the
/// pipeline has nothing to do and is skipped, which keeps compiles of
/// scalar code fast.
static bool needsDeallocation(ModuleOp module) {
  WalkResult result = module.walk([](Operation *op) {
    if (isa<memref::AllocOp>(op))
      return WalkResult::interrupt();
    if (auto func = dyn_cast<func::FuncOp>(op))
      if (llvm::any_of(func.getResultTypes(), llvm::IsaPred<MemRefType>))
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

namespace {
struct DeallocateBuffersPass
    : public mumba::impl::MumbaDeallocateBuffersPassBase<
          DeallocateBuffersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!needsDeallocation(module))
      return;
    SmallVector<func::FuncOp> entries;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal()) {
        entries.push_back(func);
        func.setPrivate();
      }
    OpPassManager pm(ModuleOp::getOperationName());
    // Deallocation follows ownership through structured control flow only:
    // lift the loops first.
    pm.addNestedPass<func::FuncOp>(createLiftControlFlowToSCFPass());
    bufferization::BufferDeallocationPipelineOptions options;
    options.privateFunctionDynamicOwnership = true;
    bufferization::buildBufferDeallocationPipeline(pm, options);
    LogicalResult result = runPipeline(pm, module);
    for (func::FuncOp func : entries)
      func.setPublic();
    if (failed(result))
      signalPassFailure();
  }
};
} // namespace

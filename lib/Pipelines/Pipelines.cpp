//===- Pipelines.cpp - Mumba's pass pipelines -----------------------------===//
#include "mumba/Pipelines/Pipelines.h"
#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ComplexToStandard/ComplexToStandard.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVMPass.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Transforms/Passes.h"
#include "mumba/Conversion/Passes.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"
#include "mumba/Transforms/Passes.h"

using namespace mlir;

void mumba::buildNBToSSAPipeline(OpPassManager &pm,
                                 const CPUPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(nb::createNBReconstructSSAPass());
}

void mumba::buildTypingPipeline(OpPassManager &pm,
                                const CPUPipelineOptions &options) {
  pm.addPass(nb::createNBInferTypesPass());
}

void mumba::buildNBToStdPipeline(OpPassManager &pm,
                                 const CPUPipelineOptions &options) {
  // Operators on arrays become one nb.arrayexpr per fused tree.
  pm.addNestedPass<func::FuncOp>(nb::createNBFuseArrayExprsPass());
  ConvertNBToStdPassOptions lowering;
  lowering.errorModel = options.errorModel;
  lowering.boundscheck = options.boundscheck;
  pm.addPass(createConvertNBToStdPass(lowering));
  // Array expressions are linalg.generic ops on memrefs: plain loops from
  // here on, for the affine stage and LLVM's vectorizer.
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // The cursors of range and array iterators live in stack slots; as SSA
  // values they let the loops be lifted to scf and raised to affine.
  pm.addNestedPass<func::FuncOp>(createMem2Reg());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createMumbaDeallocateBuffersPass());
}

void mumba::buildAffinePipeline(OpPassManager &pm,
                                const CPUPipelineOptions &options) {
  // Index checks that loop ranges decide go first: a raising branch left in
  // a loop would keep it from being counted.
  pm.addNestedPass<func::FuncOp>(createMumbaFoldIndexChecksPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createLiftControlFlowToSCFPass());
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createMumbaUpliftWhileToForPass());
  // Loop bounds computed in an outer body become affine symbols.
  pm.addPass(createLoopInvariantCodeMotionPass());
  pm.addNestedPass<func::FuncOp>(createMumbaRaiseToAffinePass());
  if (options.fastmath)
    pm.addNestedPass<func::FuncOp>(createMumbaFastMathPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.optLevel == 0)
    return;
  MumbaAffineOptPassOptions affineOpt;
  if (options.vectorize) {
    affineOpt.vectorSize = options.affineVectorSize;
    affineOpt.vectorizeReductions = options.fastmath;
  }
  pm.addNestedPass<func::FuncOp>(createMumbaAffineOptPass(affineOpt));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mumba::buildStdToLLVMPipeline(OpPassManager &pm,
                                   const CPUPipelineOptions &options) {
  if (options.cEntry || !options.cEntries.empty()) {
    MumbaExportCEntryPassOptions exports;
    exports.entries = llvm::to_vector(options.cEntries);
    pm.addPass(createMumbaExportCEntryPass(exports));
  }
  pm.addPass(createLowerAffinePass());
  if (options.vectorize && options.affineVectorSize > 0)
    pm.addPass(createConvertVectorToSCFPass());
  // Ops without a direct LLVM counterpart first: integer powers become
  // helper functions, floordiv/ceildiv become plain divisions.
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertComplexToStandardPass());
  pm.addPass(createConvertMathToFuncs());
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // Expanding views' metadata computes offsets with affine.apply.
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertMathToLLVMPass());
  // What LLVM has no intrinsic for (tan, atan2, ...) calls libm.
  pm.addPass(createConvertMathToLibmPass());
  if (options.vectorize && options.affineVectorSize > 0)
    pm.addPass(createConvertVectorToLLVMPass());
  // Arrays live in memory from Mumba's runtime, which NumPy can own.
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mumba::buildMumbaCPUPipeline(OpPassManager &pm,
                                  const CPUPipelineOptions &options) {
  for (const PipelineStage &stage : getCPUPipelineStages())
    stage.build(pm, options);
}

ArrayRef<mumba::PipelineStage> mumba::getCPUPipelineStages() {
  static const PipelineStage stages[] = {
      {"nb-ssa", buildNBToSSAPipeline}, {"nb-typed", buildTypingPipeline},
      {"std", buildNBToStdPipeline},    {"affine", buildAffinePipeline},
      {"llvm", buildStdToLLVMPipeline},
  };
  return stages;
}

void mumba::registerMumbaPipelines() {
  PassPipelineRegistration<CPUPipelineOptions>(
      "mumba-cpu-pipeline",
      "Compiles untyped nb to the llvm dialect for the CPU, as @njit does",
      buildMumbaCPUPipeline);
  PassPipelineRegistration<CPUPipelineOptions>(
      "mumba-std-to-llvm", "Lowers Mumba's std stage to the llvm dialect",
      buildStdToLLVMPipeline);
}

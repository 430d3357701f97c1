//===- Pipelines.h - Mumba's pass pipelines ---------------------*- C++ -*-===//
//
// The stages of compilation, each a pipeline of its own so that the Python
// package can print the module between them, and their composition
// `mumba-cpu-pipeline`, which mumba-opt runs the same way.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PIPELINES_PIPELINES_H
#define MUMBA_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"

namespace mumba {

/// A named stage of compilation: "nb-ssa", "nb-typed", "std", "llvm".
struct PipelineStage {
  llvm::StringLiteral name;
  void (*build)(mlir::OpPassManager &pm);
};

/// The stages after the frontend's "nb" output, in order.
llvm::ArrayRef<PipelineStage> getCPUPipelineStages();

/// nb variables to SSA values.
void buildNBToSSAPipeline(mlir::OpPassManager &pm);
/// Type inference and monomorphisation.
void buildTypingPipeline(mlir::OpPassManager &pm);
/// Typed nb to arith/math/memref/cf/func, cleaned up.
void buildNBToStdPipeline(mlir::OpPassManager &pm);
/// Upstream dialects to the llvm dialect.
void buildStdToLLVMPipeline(mlir::OpPassManager &pm);
/// Every stage in order: untyped nb to the llvm dialect.
void buildMumbaCPUPipeline(mlir::OpPassManager &pm);

/// Registers `mumba-cpu-pipeline` and one pipeline per stage.
void registerMumbaPipelines();

} // namespace mumba

#endif // MUMBA_PIPELINES_PIPELINES_H

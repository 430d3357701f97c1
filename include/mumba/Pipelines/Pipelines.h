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
#include "mlir/Pass/PassOptions.h"
#include "mumba/Conversion/NBToStd/ErrorModel.h"
#include "llvm/ADT/StringRef.h"

namespace mumba {

/// The options of `mumba-cpu-pipeline`, which `@njit(...)` sets.
struct CPUPipelineOptions
    : public mlir::PassPipelineOptions<CPUPipelineOptions> {
  Option<unsigned> optLevel{*this, "opt-level",
                            llvm::cl::desc("LLVM optimisation level (0-3)"),
                            llvm::cl::init(3)};
  Option<bool> vectorize{*this, "vectorize", llvm::cl::desc("Vectorise loops"),
                         llvm::cl::init(true)};
  Option<bool> fastmath{*this, "fastmath",
                        llvm::cl::desc("Allow reassociating float math"),
                        llvm::cl::init(false)};
  Option<ErrorModel> errorModel{
      *this, "error-model",
      llvm::cl::desc("What division by zero does (Numba's error_model)"),
      llvm::cl::init(ErrorModel::Python),
      llvm::cl::values(
          clEnumValN(ErrorModel::Python, "python", "raise ZeroDivisionError"),
          clEnumValN(ErrorModel::NumPy, "numpy",
                     "IEEE floats; integer division by zero gives 0"))};
  Option<bool> boundscheck{*this, "boundscheck",
                           llvm::cl::desc("Raise IndexError on out-of-bounds "
                                          "array indices"),
                           llvm::cl::init(false)};
  Option<std::string> targetCPU{*this, "target-cpu",
                                llvm::cl::desc("CPU to compile for (host)"),
                                llvm::cl::init("")};
  Option<std::string> targetFeatures{
      *this, "target-features",
      llvm::cl::desc("CPU features to compile for (host)"), llvm::cl::init("")};
  Option<unsigned> affineVectorSize{
      *this, "affine-vector-size",
      llvm::cl::desc("With vectorize, also run the affine super-vectorizer "
                     "with vectors of this many elements (0: LLVM's loop "
                     "and SLP vectorizers only)"),
      llvm::cl::init(0)};
  Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("parallel=True: prange loops (which the frontend marks) "
                     "run on several threads"),
      llvm::cl::init(false)};
  Option<bool> cEntry{
      *this, "c-entry",
      llvm::cl::desc("Add a plain C entry point to every public function "
                     "(ahead-of-time compilation)"),
      llvm::cl::init(false)};
  ListOption<std::string> cEntries{
      *this, "c-entries",
      llvm::cl::desc("Add plain C entry points to these functions: "
                     "'symbol' or 'symbol=name'")};
};

/// A named stage of compilation: "nb-ssa", "nb-typed", "std", "scf",
/// "affine", "omp", "llvm".
struct PipelineStage {
  llvm::StringLiteral name;
  void (*build)(mlir::OpPassManager &pm, const CPUPipelineOptions &options);
};

/// The stages after the frontend's "nb" output, in order.
llvm::ArrayRef<PipelineStage> getCPUPipelineStages();

/// nb variables to SSA values.
void buildNBToSSAPipeline(mlir::OpPassManager &pm,
                          const CPUPipelineOptions &options);
/// Type inference and monomorphisation.
void buildTypingPipeline(mlir::OpPassManager &pm,
                         const CPUPipelineOptions &options);
/// Typed nb to arith/math/memref/cf/func, cleaned up.
void buildNBToStdPipeline(mlir::OpPassManager &pm,
                          const CPUPipelineOptions &options);
/// Loops to scf.while and scf.for; prange loops to scf.parallel.
void buildSCFPipeline(mlir::OpPassManager &pm,
                      const CPUPipelineOptions &options);
/// Loops to affine.for, array accesses to affine loads and stores, affine
/// optimisations; fast-math flags when asked.
void buildAffinePipeline(mlir::OpPassManager &pm,
                         const CPUPipelineOptions &options);
/// Affine to scf; scf.parallel to OpenMP regions that ask the runtime for
/// their thread count.
void buildOpenMPPipeline(mlir::OpPassManager &pm,
                         const CPUPipelineOptions &options);
/// Upstream dialects to the llvm dialect (and C entry points when asked).
void buildStdToLLVMPipeline(mlir::OpPassManager &pm,
                            const CPUPipelineOptions &options);
/// Every stage in order: untyped nb to the llvm dialect.
void buildMumbaCPUPipeline(mlir::OpPassManager &pm,
                           const CPUPipelineOptions &options);

/// Registers `mumba-cpu-pipeline` (every stage) and `mumba-std-to-llvm`
/// (the last stage alone, for the std-level tests).
void registerMumbaPipelines();

} // namespace mumba

#endif // MUMBA_PIPELINES_PIPELINES_H

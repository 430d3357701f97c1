//===- CompilationSession.h - One compilation's context ---------*- C++ -*-===//
//
// Private to lib/JIT: what every entry point of the compiler library sets up
// the same way (compile, object emission, describeTypes, runPipeline): a
// context with Mumba's dialects, every diagnostic collected with its
// Python location, and the one mapping from CompileOptions to the pipeline.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_JIT_COMPILATIONSESSION_H
#define MUMBA_LIB_JIT_COMPILATIONSESSION_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/Pipelines/Pipelines.h"

namespace mumba {

class CompilationSession {
public:
  /// Diagnostics emitted in this session go to `diagnostics`, notes
  /// attached to their error after it.
  explicit CompilationSession(std::vector<Diagnostic> &diagnostics);

  mlir::MLIRContext &getContext() { return context; }

  /// Parses `source` (named `bufferName` in messages); null after a
  /// diagnostic.
  mlir::OwningOpRef<mlir::ModuleOp> parse(const std::string &source,
                                          llvm::StringRef bufferName);

  /// Runs `stage` of the CPU pipeline on `module`.
  mlir::LogicalResult runStage(const PipelineStage &stage,
                               mlir::ModuleOp module,
                               const CPUPipelineOptions &options);

private:
  mlir::DialectRegistry registry;
  mlir::MLIRContext context;
  mlir::ScopedDiagnosticHandler handler;
};

/// Sets the pipeline options that `options` ask for (the one mapping from
/// `@njit`'s options to the pipeline's).
void applyCompileOptions(CPUPipelineOptions &pipelineOptions,
                         const CompileOptions &options);

/// The module as MLIR prints it.
std::string printModule(mlir::ModuleOp module);

} // namespace mumba

#endif // MUMBA_LIB_JIT_COMPILATIONSESSION_H

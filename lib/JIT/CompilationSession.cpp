//===- CompilationSession.cpp - One compilation's context -----------------===//
#include "CompilationSession.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mumba/Registration.h"

using namespace mlir;
using namespace mumba;

/// Appends `diag` and its notes to `out`, with their Python locations.
static void collect(mlir::Diagnostic &diag, std::vector<mumba::Diagnostic> &out,
                    const char *severityOverride = nullptr) {
  mumba::Diagnostic d;
  switch (diag.getSeverity()) {
  case DiagnosticSeverity::Error:
    d.severity = "error";
    break;
  case DiagnosticSeverity::Warning:
    d.severity = "warning";
    break;
  case DiagnosticSeverity::Note:
    d.severity = "note";
    break;
  case DiagnosticSeverity::Remark:
    d.severity = "remark";
    break;
  }
  if (severityOverride)
    d.severity = severityOverride;
  d.message = diag.str();
  if (auto fileLoc = diag.getLocation()->findInstanceOf<FileLineColLoc>()) {
    d.file = fileLoc.getFilename().str();
    d.line = fileLoc.getLine();
    d.column = fileLoc.getColumn();
  }
  out.push_back(std::move(d));
  for (mlir::Diagnostic &note : diag.getNotes())
    collect(note, out, "note");
}

static DialectRegistry &withMumbaDialects(DialectRegistry &registry) {
  registerDialects(registry);
  return registry;
}

CompilationSession::CompilationSession(std::vector<Diagnostic> &diagnostics)
    : context(withMumbaDialects(registry), MLIRContext::Threading::DISABLED),
      handler(&context, [&diagnostics](mlir::Diagnostic &diag) {
        collect(diag, diagnostics);
        return success();
      }) {
  context.loadAllAvailableDialects();
  // Messages name the Python source; the op's MLIR text helps nobody there.
  context.printOpOnDiagnostic(false);
}

OwningOpRef<ModuleOp> CompilationSession::parse(const std::string &source,
                                                StringRef bufferName) {
  return parseSourceString<ModuleOp>(source, &context, bufferName);
}

LogicalResult CompilationSession::runStage(const PipelineStage &stage,
                                           ModuleOp module,
                                           const CPUPipelineOptions &options) {
  PassManager pm(&context);
  stage.build(pm, options);
  return pm.run(module);
}

void mumba::applyCompileOptions(CPUPipelineOptions &pipelineOptions,
                                const CompileOptions &options) {
  pipelineOptions.optLevel = options.optLevel;
  pipelineOptions.vectorize = options.vectorize;
  pipelineOptions.fastmath = options.fastmath;
  pipelineOptions.errorModel = options.errorModel;
  pipelineOptions.boundscheck = options.boundscheck;
  pipelineOptions.parallel = options.parallel;
  pipelineOptions.targetCPU = options.targetCPU;
  pipelineOptions.targetFeatures = options.targetFeatures;
}

std::string mumba::printModule(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  return text;
}

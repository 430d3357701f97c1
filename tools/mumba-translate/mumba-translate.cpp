//===- mumba-translate.cpp - Mumba's translation driver -------------------===//
//
// Translates a module in the llvm dialect (the output of
// `mumba-opt --mumba-cpu-pipeline`) to LLVM IR, optimised LLVM IR, assembly
// or an object file, for the host or a chosen target triple and CPU.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "mumba/JIT/LLVMBackend.h"
#include "mumba/Registration.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;

namespace {
/// The command-line options of the code-generating translations.
struct CodegenOptions {
  llvm::cl::OptionCategory category{"Mumba code generation options"};
  llvm::cl::opt<std::string> triple{
      "target-triple", llvm::cl::desc("Target triple (default: the host's)"),
      llvm::cl::init(""), llvm::cl::cat(category)};
  llvm::cl::opt<std::string> cpu{
      "target-cpu",
      llvm::cl::desc("Target CPU, such as znver5 or x86-64-v3 (default: the "
                     "host's, or the triple's generic CPU)"),
      llvm::cl::init(""), llvm::cl::cat(category)};
  llvm::cl::opt<std::string> features{
      "target-features",
      llvm::cl::desc("Target features, such as +avx2,-avx512f (default: the "
                     "CPU's)"),
      llvm::cl::init(""), llvm::cl::cat(category)};
  llvm::cl::opt<unsigned> optLevel{
      "O", llvm::cl::desc("LLVM optimisation level (0-3, default 3)"),
      llvm::cl::init(3), llvm::cl::Prefix, llvm::cl::cat(category)};
  llvm::cl::opt<bool> vectorize{
      "vectorize",
      llvm::cl::desc("Run LLVM's loop and SLP vectorizers (default on)"),
      llvm::cl::init(true), llvm::cl::cat(category)};

  mumba::TargetSpec spec() const {
    mumba::TargetSpec spec;
    spec.triple = triple;
    spec.cpu = cpu;
    spec.features = features;
    spec.optLevel = optLevel;
    spec.vectorize = vectorize;
    // Object files go into shared libraries.
    spec.pic = true;
    return spec;
  }
};

enum class Output { OptimizedIR, Assembly, Object };

/// Translates, optimises for the target and writes `output`.
LogicalResult generate(Operation *op, llvm::raw_ostream &os,
                       const CodegenOptions &options, Output output) {
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> module = translateModuleToLLVMIR(op, context);
  if (!module)
    return failure();
  mumba::TargetSpec spec = options.spec();
  auto machine = mumba::createTargetMachine(spec);
  if (!machine)
    return op->emitError() << llvm::toString(machine.takeError());
  if (llvm::Error error = mumba::optimizeModule(*module, **machine, spec))
    return op->emitError() << llvm::toString(std::move(error));
  if (output == Output::OptimizedIR) {
    module->print(os, /*AAW=*/nullptr);
    return success();
  }
  auto code = mumba::emitMachineCode(*module, **machine,
                                     output == Output::Object
                                         ? llvm::CodeGenFileType::ObjectFile
                                         : llvm::CodeGenFileType::AssemblyFile);
  if (!code)
    return op->emitError() << llvm::toString(code.takeError());
  os << *code;
  return success();
}
} // namespace

int main(int argc, char **argv) {
  CodegenOptions options;
  auto dialects = [](DialectRegistry &registry) {
    mumba::registerDialects(registry);
  };
  TranslateFromMLIRRegistration toLLVMIR(
      "mlir-to-llvmir", "Translates the llvm dialect to LLVM IR",
      [](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
        llvm::LLVMContext context;
        std::unique_ptr<llvm::Module> module =
            translateModuleToLLVMIR(op, context);
        if (!module)
          return failure();
        module->print(os, /*AAW=*/nullptr);
        return success();
      },
      dialects);
  TranslateFromMLIRRegistration toOptimizedIR(
      "mlir-to-optimized-llvmir",
      "Translates the llvm dialect to LLVM IR optimised for the target",
      [&](Operation *op, llvm::raw_ostream &os) {
        return generate(op, os, options, Output::OptimizedIR);
      },
      dialects);
  TranslateFromMLIRRegistration toAssembly(
      "mlir-to-assembly", "Compiles the llvm dialect to target assembly",
      [&](Operation *op, llvm::raw_ostream &os) {
        return generate(op, os, options, Output::Assembly);
      },
      dialects);
  TranslateFromMLIRRegistration toObject(
      "mlir-to-object",
      "Compiles the llvm dialect to a (position-independent) object file",
      [&](Operation *op, llvm::raw_ostream &os) {
        return generate(op, os, options, Output::Object);
      },
      dialects);
  return failed(mlirTranslateMain(argc, argv, "Mumba translation driver"));
}

//===- LLVMBackend.cpp - LLVM optimisation and code generation ------------===//
#include "mumba/JIT/LLVMBackend.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include <mutex>

using namespace llvm;

void mumba::initializeLLVMTargets(bool allTargets) {
  static std::once_flag native, all;
  std::call_once(native, [] {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
  });
  if (allTargets)
    std::call_once(all, [] {
      InitializeAllTargetInfos();
      InitializeAllTargets();
      InitializeAllTargetMCs();
      InitializeAllAsmPrinters();
    });
}

CodeGenOptLevel mumba::getCodeGenOptLevel(unsigned optLevel) {
  switch (optLevel) {
  case 0:
    return CodeGenOptLevel::None;
  case 1:
    return CodeGenOptLevel::Less;
  case 2:
    return CodeGenOptLevel::Default;
  default:
    return CodeGenOptLevel::Aggressive;
  }
}

Expected<orc::JITTargetMachineBuilder>
mumba::createTargetMachineBuilder(const TargetSpec &spec) {
  initializeLLVMTargets(/*allTargets=*/!spec.triple.empty());
  std::optional<orc::JITTargetMachineBuilder> builder;
  if (spec.triple.empty()) {
    auto host = orc::JITTargetMachineBuilder::detectHost();
    if (!host)
      return host.takeError();
    builder.emplace(std::move(*host));
    // Another CPU than the host's brings its own features.
    if (!spec.cpu.empty())
      builder->setFeatures("");
  } else {
    builder.emplace(Triple(spec.triple));
  }
  if (!spec.cpu.empty())
    builder->setCPU(spec.cpu);
  if (!spec.features.empty())
    builder->setFeatures(spec.features);
  builder->setCodeGenOptLevel(getCodeGenOptLevel(spec.optLevel));
  if (spec.pic)
    builder->setRelocationModel(Reloc::PIC_);
  // Object files for a shared library: no emulated thread-locals.
  builder->getOptions().EmulatedTLS = false;
  return std::move(*builder);
}

Expected<std::unique_ptr<TargetMachine>>
mumba::createTargetMachine(const TargetSpec &spec) {
  auto builder = createTargetMachineBuilder(spec);
  if (!builder)
    return builder.takeError();
  return builder->createTargetMachine();
}

Error mumba::optimizeModule(Module &module, TargetMachine &machine,
                            const TargetSpec &spec) {
  module.setTargetTriple(machine.getTargetTriple());
  module.setDataLayout(machine.createDataLayout());

  PipelineTuningOptions tuning;
  tuning.LoopUnrolling = spec.optLevel > 0;
  tuning.LoopInterleaving = spec.vectorize;
  tuning.LoopVectorization = spec.vectorize;
  tuning.SLPVectorization = spec.vectorize;

  LoopAnalysisManager loops;
  FunctionAnalysisManager functions;
  CGSCCAnalysisManager sccs;
  ModuleAnalysisManager modules;
  PassBuilder builder(&machine, tuning);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);

  OptimizationLevel level = OptimizationLevel::O3;
  switch (spec.optLevel) {
  case 0:
    level = OptimizationLevel::O0;
    break;
  case 1:
    level = OptimizationLevel::O1;
    break;
  case 2:
    level = OptimizationLevel::O2;
    break;
  default:
    break;
  }
  ModulePassManager passes = level == OptimizationLevel::O0
                                 ? builder.buildO0DefaultPipeline(level)
                                 : builder.buildPerModuleDefaultPipeline(level);
  passes.run(module, modules);
  return Error::success();
}

Expected<std::string> mumba::emitMachineCode(Module &module,
                                             TargetMachine &machine,
                                             CodeGenFileType type) {
  SmallVector<char, 0> code;
  raw_svector_ostream stream(code);
  legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, stream, nullptr, type))
    return createStringError(inconvertibleErrorCode(),
                             "the target cannot emit this kind of file");
  passes.run(module);
  return std::string(code.begin(), code.end());
}

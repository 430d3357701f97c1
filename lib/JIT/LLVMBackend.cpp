//===- LLVMBackend.cpp - LLVM optimisation and code generation ------------===//
#include "mumba/JIT/LLVMBackend.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
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

Error mumba::checkTargetSpec(const TargetSpec &spec) {
  if (spec.cpu.empty() && spec.features.empty())
    return Error::success();
  initializeLLVMTargets(/*allTargets=*/!spec.triple.empty());
  Triple triple(spec.triple.empty() ? sys::getProcessTriple() : spec.triple);
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return createStringError(error);
  std::unique_ptr<MCSubtargetInfo> generic(
      target->createMCSubtargetInfo(triple, "", ""));
  if (!spec.cpu.empty() && !generic->isCPUStringValid(spec.cpu)) {
    std::string known;
    for (const SubtargetSubTypeKV &cpu : generic->getAllProcessorDescriptions())
      known += (known.empty() ? "" : ", ") + std::string(cpu.Key);
    return createStringError("unknown target CPU '" + spec.cpu + "' for " +
                             triple.str() + "; known CPUs: " + known);
  }
  SmallVector<StringRef> features;
  StringRef(spec.features).split(features, ',', -1, /*KeepEmpty=*/false);
  ArrayRef<SubtargetFeatureKV> known = generic->getAllProcessorFeatures();
  for (StringRef feature : features) {
    feature = feature.trim();
    if (!feature.consume_front("+") && !feature.consume_front("-"))
      return createStringError("target feature '" + feature.str() +
                               "' must start with '+' or '-'");
    if (llvm::none_of(known, [&](const SubtargetFeatureKV &kv) {
          return feature == kv.Key;
        }))
      return createStringError("unknown target feature '" + feature.str() +
                               "' for " + triple.str());
  }
  // x86 aborts the process when 64-bit code is asked of a CPU (or feature
  // set) without it: i386, or -64bit.
  if (triple.isX86() && triple.isArch64Bit()) {
    std::string cpu = spec.cpu;
    if (cpu.empty() && spec.triple.empty())
      cpu = sys::getHostCPUName().str();
    std::unique_ptr<MCSubtargetInfo> chosen(
        target->createMCSubtargetInfo(triple, cpu, spec.features));
    if (!chosen->checkFeatures("+64bit"))
      return createStringError(
          "target CPU '" + (cpu.empty() ? std::string("generic") : cpu) + "'" +
          (spec.features.empty() ? "" : " with '" + spec.features + "'") +
          " cannot run 64-bit code, which " + triple.str() + " needs");
  }
  return Error::success();
}

Expected<orc::JITTargetMachineBuilder>
mumba::createTargetMachineBuilder(const TargetSpec &spec) {
  if (Error error = checkTargetSpec(spec))
    return std::move(error);
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

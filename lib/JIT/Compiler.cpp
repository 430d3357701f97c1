//===- Compiler.cpp - Compile nb text to native code ----------------------===//
#include "mumba/JIT/Compiler.h"
#include "CompilationSession.h"
#include "Engine.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/JIT/LLVMBackend.h"
#include "mumba/Pipelines/Pipelines.h"
#include "mumba/Registration.h"
#include "mumba/Runtime/Linalg.h"
#include "mumba/Runtime/Cmath.h"
#include "mumba/Runtime/Math.h"
#include "mumba/Runtime/Memory.h"
#include "mumba/Runtime/Print.h"
#include "mumba/Runtime/Random.h"
#include "mumba/Runtime/Status.h"
#include "mumba/Runtime/Symbols.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"
#include <cstdlib>
#include <mutex>

using namespace mlir;
using namespace mumba;

llvm::orc::SymbolMap
mumba::runtimeSymbols(llvm::orc::MangleAndInterner &interner) {
  llvm::orc::SymbolMap symbols;
  auto add = [&](llvm::StringRef name, auto *function) {
    symbols[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(function),
                               llvm::JITSymbolFlags::Exported};
  };
#define MUMBA_ADD_SYMBOL(name, function) add(name, &function);
  MUMBA_RUNTIME_SYMBOLS(MUMBA_ADD_SYMBOL)
#undef MUMBA_ADD_SYMBOL
  return symbols;
}

CompiledFunction::CompiledFunction() = default;
CompiledFunction::~CompiledFunction() = default;

/// Whether the environment variable `name` is set to something other than
/// "" or "0", as the Python side reads MUMBA_* flags.
static bool envFlag(const char *name) {
  const char *value = std::getenv(name);
  return value && *value && llvm::StringRef(value) != "0";
}

TargetSpec mumba::jitTarget(const CompileOptions &options) {
  TargetSpec spec;
  spec.cpu = options.targetCPU;
  spec.features = options.targetFeatures;
  spec.optLevel = options.optLevel;
  spec.vectorize = options.vectorize;
  return spec;
}

static ValueSpec describe(Type type) {
  ValueSpec spec;
  llvm::raw_string_ostream os(spec.name);
  type.print(os);
  auto scalarKind = [](Type t) {
    if (t.isInteger(1))
      return ValueSpec::Kind::Bool;
    if (auto i = dyn_cast<IntegerType>(t))
      return i.isUnsigned() ? ValueSpec::Kind::UInt : ValueSpec::Kind::SInt;
    if (isa<FloatType>(t))
      return ValueSpec::Kind::Float;
    return ValueSpec::Kind::None;
  };
  if (auto array = dyn_cast<nb::ArrayType>(type)) {
    spec.kind = ValueSpec::Kind::Array;
    Type dtype = array.getDtype();
    if (auto complex = dyn_cast<ComplexType>(dtype)) {
      // `bits` is the element's whole width: both parts.
      spec.elementKind = ValueSpec::Kind::Complex;
      spec.bits = 2 * complex.getElementType().getIntOrFloatBitWidth();
    } else {
      spec.elementKind = scalarKind(dtype);
      spec.bits = dtype.getIntOrFloatBitWidth();
    }
    spec.ndim = array.getNdim();
    spec.layout = nb::stringifyArrayLayout(array.getLayout())[0];
    return spec;
  }
  if (auto optional = dyn_cast<nb::OptionalType>(type)) {
    spec.kind = ValueSpec::Kind::Optional;
    spec.elements.push_back(describe(optional.getValueType()));
    return spec;
  }
  if (auto complex = dyn_cast<ComplexType>(type)) {
    spec.kind = ValueSpec::Kind::Complex;
    spec.bits = complex.getElementType().getIntOrFloatBitWidth();
    return spec;
  }
  if (auto tuple = dyn_cast<TupleType>(type)) {
    spec.kind = ValueSpec::Kind::Tuple;
    for (Type element : tuple.getTypes())
      spec.elements.push_back(describe(element));
    return spec;
  }
  spec.kind = scalarKind(type);
  if (spec.kind != ValueSpec::Kind::None)
    spec.bits = type.getIntOrFloatBitWidth();
  return spec;
}

std::unique_ptr<CompiledFunction>
CompiledFunction::compile(const std::string &source, const std::string &entry,
                          const CompileOptions &options,
                          std::vector<mumba::Diagnostic> &diagnostics) {
  initializeLLVMTargets();
  CompilationSession session(diagnostics);
  OwningOpRef<ModuleOp> module = session.parse(source, "nb");
  if (!module)
    return nullptr;
  CPUPipelineOptions pipelineOptions;
  applyCompileOptions(pipelineOptions, options);

  std::unique_ptr<CompiledFunction> fn(new CompiledFunction());
  fn->entryName = entry;
  fn->options = options;
  fn->stages.emplace_back("nb", printModule(*module));
  for (const PipelineStage &stage : getCPUPipelineStages()) {
    if (failed(session.runStage(stage, *module, pipelineOptions)))
      return nullptr;
    if (stage.name == "nb-typed") {
      auto func = module->lookupSymbol<func::FuncOp>(entry);
      if (!func) {
        emitError(module->getLoc()) << "no entry function '" << entry << "'";
        return nullptr;
      }
      for (Type type : func.getArgumentTypes())
        fn->args.push_back(describe(type));
      Type resultType = func.getResultTypes().front();
      fn->result = describe(resultType);
      // Numbers, arrays, and flat tuples of them.
      auto isLeaf = [](const ValueSpec &spec) {
        return spec.kind != ValueSpec::Kind::Tuple &&
               spec.kind != ValueSpec::Kind::None;
      };
      bool supported = isLeaf(fn->result) || isa<nb::PyNoneType>(resultType) ||
                       (fn->result.kind == ValueSpec::Kind::Tuple &&
                        fn->result.elements.size() <= 16 &&
                        llvm::all_of(fn->result.elements, isLeaf));
      if (!supported) {
        func.emitError() << "unsupported: returning a value of type "
                         << resultType
                         << " (numbers, arrays, flat tuples of them and None "
                            "are returned so far)";
        return nullptr;
      }
    }
    fn->stages.emplace_back(stage.name.str(), printModule(*module));
  }

  TargetSpec spec = jitTarget(options);
  auto tm = createTargetMachine(spec);
  if (!tm) {
    emitError(module->getLoc()) << llvm::toString(tm.takeError());
    return nullptr;
  }
  ExecutionEngineOptions engineOptions;
  // LLVM's pipeline for the same TargetMachine the JIT generates code with;
  // the optimised module is kept as bitcode for inspect_llvm/inspect_asm.
  llvm::TargetMachine *machine = tm->get();
  std::string *bitcode = &fn->optimizedBitcode;
  auto transformer = [machine, &spec, bitcode](llvm::Module *m) -> llvm::Error {
    if (llvm::Error error = optimizeModule(*m, *machine, spec))
      return error;
    llvm::raw_string_ostream os(*bitcode);
    llvm::WriteBitcodeToFile(*m, os);
    return llvm::Error::success();
  };
  engineOptions.transformer = transformer;
  engineOptions.jitCodeGenOptLevel = getCodeGenOptLevel(options.optLevel);
  // Profiler and debugger registration cost a jitdump file per process (in
  // ~/.debug/jit) and noise where that is not writable: opt-in only.
  engineOptions.enablePerfNotificationListener = envFlag("MUMBA_JIT_PERF");
  engineOptions.enableGDBNotificationListener = envFlag("MUMBA_JIT_GDB");
  auto engine = ExecutionEngine::create(*module, engineOptions, std::move(*tm));
  if (!engine) {
    emitError(module->getLoc())
        << "JIT compilation failed: " << llvm::toString(engine.takeError());
    return nullptr;
  }
  // The runtime is linked into this library, not exported by the process:
  // tell the JIT where its functions are.
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    return runtimeSymbols(interner);
  });
  auto packed = (*engine)->lookupPacked(entry);
  if (!packed) {
    emitError(module->getLoc()) << llvm::toString(packed.takeError());
    return nullptr;
  }
  fn->entry = *packed;
  fn->engine = std::make_unique<Engine>();
  fn->engine->engine = std::move(*engine);
  return fn;
}

/// The optimised module back from its bitcode.
static llvm::Expected<std::unique_ptr<llvm::Module>>
readModule(const std::string &bitcode, llvm::LLVMContext &context) {
  return llvm::parseBitcodeFile(
      llvm::MemoryBufferRef(bitcode, "mumba-optimized"), context);
}

bool CompiledFunction::getLLVMIR(std::string &text, std::string &error) const {
  if (llvmIR.empty()) {
    llvm::LLVMContext context;
    auto module = readModule(optimizedBitcode, context);
    if (!module) {
      error = llvm::toString(module.takeError());
      return false;
    }
    llvm::raw_string_ostream os(llvmIR);
    (*module)->print(os, /*AAW=*/nullptr);
  }
  text = llvmIR;
  return true;
}

bool CompiledFunction::getAssembly(std::string &text,
                                   std::string &error) const {
  if (assembly.empty()) {
    llvm::LLVMContext context;
    auto module = readModule(optimizedBitcode, context);
    if (!module) {
      error = llvm::toString(module.takeError());
      return false;
    }
    auto machine = createTargetMachine(jitTarget(options));
    if (!machine) {
      error = llvm::toString(machine.takeError());
      return false;
    }
    auto code = emitMachineCode(**module, **machine,
                                llvm::CodeGenFileType::AssemblyFile);
    if (!code) {
      error = llvm::toString(code.takeError());
      return false;
    }
    assembly = std::move(*code);
  }
  text = assembly;
  return true;
}

bool CompiledFunction::emitObject(
    const std::string &name, const ObjectTarget &target, std::string &object,
    std::vector<mumba::Diagnostic> &diagnostics) const {
  // The module as it enters the llvm-dialect stage, lowered again with a C
  // entry point.
  ArrayRef<PipelineStage> pipeline = getCPUPipelineStages();
  auto last = llvm::find_if(pipeline, [](const PipelineStage &stage) {
    return stage.name == "llvm";
  });
  assert(last != pipeline.begin() && last != pipeline.end() &&
         "the pipeline ends in the llvm stage");
  StringRef before = std::prev(last)->name;
  auto stage = llvm::find_if(
      stages, [&](const auto &entry) { return entry.first == before; });
  assert(stage != stages.end() && "every stage is recorded");

  CompilationSession session(diagnostics);
  OwningOpRef<ModuleOp> module = session.parse(stage->second, before);
  if (!module)
    return false;
  CPUPipelineOptions pipelineOptions;
  applyCompileOptions(pipelineOptions, options);
  std::string export_ = entryName + "=" + name;
  pipelineOptions.cEntries = ArrayRef<std::string>(export_);
  if (failed(session.runStage(*last, *module, pipelineOptions)))
    return false;

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmContext, name);
  if (!llvmModule) {
    emitError(module->getLoc()) << "cannot translate to LLVM IR";
    return false;
  }
  TargetSpec spec;
  spec.triple = target.triple;
  spec.cpu = target.cpu;
  spec.features = target.features;
  spec.optLevel = options.optLevel;
  spec.vectorize = options.vectorize;
  spec.pic = true;
  auto machine = createTargetMachine(spec);
  if (!machine) {
    emitError(module->getLoc()) << llvm::toString(machine.takeError());
    return false;
  }
  if (llvm::Error error = optimizeModule(*llvmModule, **machine, spec)) {
    emitError(module->getLoc()) << llvm::toString(std::move(error));
    return false;
  }
  auto code = emitMachineCode(*llvmModule, **machine,
                              llvm::CodeGenFileType::ObjectFile);
  if (!code) {
    emitError(module->getLoc()) << llvm::toString(code.takeError());
    return false;
  }
  object = std::move(*code);
  return true;
}

bool mumba::runPipeline(const std::string &source, const std::string &pipeline,
                        std::string &output,
                        std::vector<mumba::Diagnostic> &diagnostics) {
  static std::once_flag once;
  std::call_once(once, [] { registerPasses(); });
  CompilationSession session(diagnostics);
  OwningOpRef<ModuleOp> module = session.parse(source, "input");
  if (!module)
    return false;
  PassManager pm(&session.getContext());
  if (failed(parsePassPipeline(pipeline, pm))) {
    emitError(module->getLoc()) << "cannot parse pipeline '" << pipeline << "'";
    return false;
  }
  if (failed(pm.run(*module)))
    return false;
  output = printModule(*module);
  return true;
}

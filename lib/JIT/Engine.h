//===- Engine.h - What keeps compiled code alive ----------------*- C++ -*-===//
//
// Private to lib/JIT: the JIT that owns a specialisation's machine code
// (MLIR's ExecutionEngine for code compiled in this process, an ORC LLJIT
// for object code loaded from the cache) and the runtime functions that
// code calls.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_JIT_ENGINE_H
#define MUMBA_LIB_JIT_ENGINE_H

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/JIT/LLVMBackend.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"

namespace mumba {

struct CompiledFunction::Engine {
  /// Code compiled in this process.
  std::unique_ptr<mlir::ExecutionEngine> engine;
  /// Object code loaded from a cache entry.
  std::unique_ptr<llvm::orc::LLJIT> jit;
};

/// Mumba's runtime functions, which compiled code calls by name: the
/// runtime is linked into the Python extension, not exported by the
/// process, so the JIT is told where they are.
llvm::orc::SymbolMap runtimeSymbols(llvm::orc::MangleAndInterner &interner);

/// Loads libomp into the process (once), for code with OpenMP regions;
/// false with the reason in `error` when it cannot.
bool loadOpenMPLibrary(std::string &error);

/// Where that library is (shared libraries made ahead of time link it).
const char *getOpenMPLibraryPath();

/// The machine the JIT compiles for: the host, or the CPU and features the
/// options name.
TargetSpec jitTarget(const CompileOptions &options);

} // namespace mumba

#endif // MUMBA_LIB_JIT_ENGINE_H

//===- LLVMBackend.h - LLVM optimisation and code generation ----*- C++ -*-===//
//
// What happens after the llvm dialect, shared by the JIT, ahead-of-time
// compilation and mumba-translate: a TargetMachine for the host or a chosen
// triple and CPU, LLVM's optimisation pipeline with the loop and SLP
// vectorizers switched on or off, and assembly or object code.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_JIT_LLVMBACKEND_H
#define MUMBA_JIT_LLVMBACKEND_H

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace mumba {

/// The machine to compile for and how hard to optimise.
struct TargetSpec {
  /// Target triple; empty: the host's.
  std::string triple;
  /// CPU name (`znver5`, `x86-64-v3`, ...); empty: the host's (or the
  /// triple's generic CPU when a triple is given).
  std::string cpu;
  /// Subtarget features (`+avx2,-avx512f`); empty: the host's when the CPU
  /// is the host's, else those of the CPU.
  std::string features;
  /// LLVM optimisation level, 0 to 3.
  unsigned optLevel = 3;
  /// Run LLVM's loop and SLP vectorizers.
  bool vectorize = true;
  /// Position-independent code, as a shared library needs.
  bool pic = false;
};

/// Makes the native target (and, for a foreign triple, every target)
/// available; safe to call many times.
void initializeLLVMTargets(bool allTargets = false);

/// Fails, saying why, unless `spec`'s CPU and features are ones its target
/// knows and can generate code with. LLVM only warns of an unknown name and
/// aborts the process on some combinations (i386 on x86-64), so every
/// TargetMachine is made after this check.
llvm::Error checkTargetSpec(const TargetSpec &spec);

/// How to make a TargetMachine for `spec` (what an ORC JIT is given); checks
/// it first (checkTargetSpec).
llvm::Expected<llvm::orc::JITTargetMachineBuilder>
createTargetMachineBuilder(const TargetSpec &spec);

/// A TargetMachine for `spec`.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetSpec &spec);

/// The code generation level for an optimisation level.
llvm::CodeGenOptLevel getCodeGenOptLevel(unsigned optLevel);

/// Sets the module's triple and data layout to the machine's, then runs
/// LLVM's default pipeline at `spec.optLevel`, with the vectorizers as
/// `spec.vectorize` says.
llvm::Error optimizeModule(llvm::Module &module, llvm::TargetMachine &machine,
                           const TargetSpec &spec);

/// Assembly text or object code for an optimised module.
llvm::Expected<std::string> emitMachineCode(llvm::Module &module,
                                            llvm::TargetMachine &machine,
                                            llvm::CodeGenFileType type);

} // namespace mumba

#endif // MUMBA_JIT_LLVMBACKEND_H

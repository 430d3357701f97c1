//===- Compiler.h - Compile nb text to native code --------------*- C++ -*-===//
//
// The library entry of the Python package: parse the frontend's nb module,
// run the CPU pipeline stage by stage, JIT-compile the result. The header is
// free of MLIR and LLVM so that the pybind11 layer, built with RTTI and
// exceptions, can include it.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_JIT_COMPILER_H
#define MUMBA_JIT_COMPILER_H

#include "mumba/Conversion/NBToStd/ErrorModel.h"
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mumba {

/// The machine shape of an argument or result after type inference.
struct ValueSpec {
  /// Complex: `bits` is the width of each part (32 for complex64).
  enum class Kind : uint8_t {
    None,
    Bool,
    SInt,
    UInt,
    Float,
    Array,
    Tuple,
    Complex,
    /// A number or None: `elements[0]` is the number's spec.
    Optional
  };
  Kind kind = Kind::None;
  /// Bits of the scalar, or of the array's element.
  unsigned bits = 0;
  /// The element kind of an array (Bool, SInt, UInt or Float).
  Kind elementKind = Kind::None;
  unsigned ndim = 0;
  /// 'C', 'F' or 'A'.
  char layout = 'C';
  /// The elements of a tuple of scalars.
  std::vector<ValueSpec> elements;
  /// The MLIR spelling, such as "si64" or "!nb.array<f64, 1, C>".
  std::string name;
};

/// A compiler message at a Python source location.
struct Diagnostic {
  std::string severity;
  std::string message;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

/// What `@njit(...)` asks of the compiler.
struct CompileOptions {
  /// LLVM optimisation level, 0 to 3.
  unsigned optLevel = 3;
  /// Let LLVM reassociate float arithmetic (fast-math flags).
  bool fastmath = false;
  /// Check every array index and raise IndexError when out of bounds.
  bool boundscheck = false;
  /// What division by zero does.
  ErrorModel errorModel = ErrorModel::Python;
  /// parallel=True (prange loops are marked by the frontend itself).
  bool parallel = false;
  /// Vectorise loops (affine super-vectorizer and LLVM's vectorizers).
  bool vectorize = true;
  /// The CPU and its features to compile for; empty means the host's.
  std::string targetCPU;
  std::string targetFeatures;
};

/// The machine that ahead-of-time code is for; empty strings mean the
/// host's triple, CPU and features.
struct ObjectTarget {
  std::string triple;
  std::string cpu;
  std::string features;
};

/// A JIT-compiled specialisation of one entry function.
class CompiledFunction {
public:
  /// Compiles `entry` of the untyped nb module `source`; on failure returns
  /// null with the reasons in `diagnostics`.
  static std::unique_ptr<CompiledFunction>
  compile(const std::string &source, const std::string &entry,
          const CompileOptions &options, std::vector<Diagnostic> &diagnostics);

  /// Loads a cache entry that `serialize` wrote: checks its format, its
  /// checksum, that it was written for `key` and for this machine, then
  /// links its object code into a fresh JIT. Returns null with the reason
  /// in `error` for a corrupt, truncated or stale entry; never compiles.
  static std::unique_ptr<CompiledFunction>
  load(const std::string &blob, const std::string &key, std::string &error);

  /// The machine code is compiled for when no target CPU is named: the
  /// host's triple, CPU name and features, as one line.
  static std::string hostDescription();

  ~CompiledFunction();

  const std::vector<ValueSpec> &getArgs() const { return args; }
  const ValueSpec &getResult() const { return result; }
  /// The module printed after each stage: "nb", then the pipeline's stages
  /// ("nb-ssa", "nb-typed", "std", "scf", "affine", "omp", "llvm";
  /// describeCompiler() lists them).
  const std::vector<std::pair<std::string, std::string>> &getStages() const {
    return stages;
  }

  /// The LLVM IR the JIT compiled, after LLVM's optimisations; made on the
  /// first request. False with the reason in `error` on failure.
  bool getLLVMIR(std::string &text, std::string &error) const;
  /// The machine code of that IR as assembly, from a TargetMachine set up
  /// as the JIT's; made on the first request.
  bool getAssembly(std::string &text, std::string &error) const;
  /// Ahead-of-time object code of this specialisation for `target`, with a
  /// plain C entry point named `name` (see mumba-export-c-entry) and every
  /// other symbol internal, so that several link into one library.
  bool emitObject(const std::string &name, const ObjectTarget &target,
                  std::string &object,
                  std::vector<Diagnostic> &diagnostics) const;

  /// This specialisation as a cache entry for `key`: a versioned header and
  /// checksum, the argument and result shapes, the stage texts, the
  /// optimised LLVM module and object code for the JIT's own target
  /// machine. False with the reason in `error` on failure.
  bool serialize(const std::string &key, std::string &blob,
                 std::string &error) const;

  /// Calls the packed entry: one pointer per lowered scalar argument (an
  /// array is its memref descriptor's fields), then one to the result
  /// buffer, which receives the i32 status and the result after it.
  void invoke(void **packedArgs) const { entry(packedArgs); }

private:
  CompiledFunction();
  struct Engine;
  std::unique_ptr<Engine> engine;
  void (*entry)(void **) = nullptr;
  std::vector<ValueSpec> args;
  ValueSpec result;
  std::vector<std::pair<std::string, std::string>> stages;
  /// What compiled it: the entry symbol and the options.
  std::string entryName;
  CompileOptions options;
  /// The optimised LLVM module as bitcode, kept for inspection.
  std::string optimizedBitcode;
  mutable std::string llvmIR, assembly;
};

/// For `inspect_types`: compiles the untyped nb module `source` up to the
/// typed stage, with every value an assignment stores named after its
/// variable, and lists each function's ops with their source positions:
/// lines `func\t<symbol>\t<type>`, `op\t<line>\t<column>\t<op text>` and
/// `var\t<name>\t<type>` (a variable merged at a block argument).
bool describeTypes(const std::string &source, const CompileOptions &options,
                   std::string &output, std::vector<Diagnostic> &diagnostics);

/// The names and limits that the compiler owns and the Python package
/// needs too (it keeps copies only where import speed needs them; tests
/// compare them with these).
struct CompilerFacts {
  /// The stages `getStages` prints, in order.
  std::vector<std::string> stages;
  /// Every runtime function compiled code calls (mumba/Runtime/Symbols.h).
  std::vector<std::string> runtimeSymbols;
  /// The keys of the typing and the lowering registries of calls, sorted.
  std::vector<std::string> typedCalls, loweredCalls;
  /// The highest array rank the nb dialect accepts (NumPy's).
  unsigned maxArrayRank = 0;
  /// The OpenMP runtime (libomp) that parallel loops call.
  std::string openMPLibrary;
};
CompilerFacts describeCompiler();

/// Runs a textual pass pipeline on an MLIR module text (for tests and
/// tools); returns the printed result or fills `diagnostics`.
bool runPipeline(const std::string &source, const std::string &pipeline,
                 std::string &output, std::vector<Diagnostic> &diagnostics);

} // namespace mumba

#endif // MUMBA_JIT_COMPILER_H

//===- UFuncLoop.h - NumPy inner loops that call compiled kernels -*- C++
//-*-===//
//
// A Mumba ufunc's loop is a jitted kernel over 1-D (gufunc: 1 + core rank)
// arrays of layout A. NumPy calls the loop function below with its data
// pointers, the loop length (and core sizes) and byte steps; the loop turns
// them into memref descriptors and calls the kernel's packed entry. Steps
// that are not whole elements, and misaligned data, go through an aligned
// buffer; a parallel loop splits the outer dimension over threads.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PYTHON_SRC_UFUNCLOOP_H
#define MUMBA_PYTHON_SRC_UFUNCLOOP_H

#include "mumba/JIT/Compiler.h"
#include <cstdint>
#include <vector>

namespace mumba::python {

/// How one operand (input or output) reaches the kernel.
struct LoopOperand {
  int64_t itemSize = 0;
  /// The kernel's dimensions after the outer one: for each, the index of a
  /// core dimension in NumPy's `dimensions` (counting from the one after
  /// the loop length), or -1 for a dimension of one element, which a "()"
  /// operand declared as an array gets.
  std::vector<int> core;
};

/// One loop of a ufunc: a kernel for one type signature.
struct UFuncLoop {
  const CompiledFunction *kernel = nullptr;
  /// Inputs, then the last `numOutputs` operands, outputs.
  std::vector<LoopOperand> operands;
  size_t numOutputs = 1;
  /// Threads the outer dimension may be split over; 1 runs it serially.
  unsigned threads = 1;
};

/// The most descriptor fields a loop's kernel may take (checked when the
/// ufunc is made).
inline constexpr size_t kMaxLoopSlots = 512;

/// Fields of the kernel's packed arguments for `loop`.
size_t loopSlots(const UFuncLoop &loop);

/// NumPy's PyUFuncGenericFunction: `data` is the UFuncLoop. A kernel that
/// fails stops the loop and sets the Python exception its status stands
/// for (taking the GIL), which NumPy raises.
void runUFuncLoop(char **args, const intptr_t *dimensions,
                  const intptr_t *steps, void *data);

} // namespace mumba::python

#endif // MUMBA_PYTHON_SRC_UFUNCLOOP_H

//===- CompiledCall.h - Calling compiled code from Python -------*- C++ -*-===//
//
// Python values in, native call, Python values out: numbers by value, NumPy
// arrays as memref descriptors over their own buffers (no copies), a
// non-zero status as the Python exception it stands for.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PYTHON_SRC_COMPILEDCALL_H
#define MUMBA_PYTHON_SRC_COMPILEDCALL_H

#include "CompiledResult.h"
#include "mumba/JIT/Compiler.h"
#include <pybind11/pybind11.h>

namespace mumba::python {

/// One compiled specialisation, callable from Python.
class PyCompiled {
public:
  /// With `nogil`, calls release the GIL while the compiled code runs.
  PyCompiled(std::unique_ptr<CompiledFunction> fn, bool nogil);

  /// Calls with `nargs` positional arguments. With `checked`, every
  /// argument is checked against the specialisation's types (a direct call
  /// from Python); the dispatcher has already matched them and skips that.
  pybind11::object call(PyObject *const *args, size_t nargs,
                        bool checked) const;

  const CompiledFunction &function() const { return *fn; }
  pybind11::dict stages() const;
  pybind11::list argTypes() const;
  std::string returnType() const { return fn->getResult().name; }

  /// The Python parameter names, for messages about arguments that do not
  /// convert; the dispatcher sets them (empty: arguments by position).
  std::vector<std::string> argNames;

private:
  std::unique_ptr<CompiledFunction> fn;
  ResultBoxer results;
  size_t numSlots = 0, numPointers = 0;
  bool nogil = false;
};

/// Sets the Python exception a non-zero status stands for, with the
/// message (and, for a recorded exception, the builtin class name) read on
/// the thread whose compiled code failed. Needs the GIL.
void setStatusError(int32_t status, const char *message,
                    const char *recordedClass);

/// The dtype kind character NumPy uses for an element kind ('f', 'i', ...).
char dtypeKind(const ValueSpec &spec);

} // namespace mumba::python

#endif // MUMBA_PYTHON_SRC_COMPILEDCALL_H

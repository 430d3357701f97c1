//===- CompiledAPI.h - The compiler extension's C API -----------*- C++ -*-===//
//
// What mumba._mumba exports, in a capsule, to mumba._dispatch: calling a
// compiled specialisation without going through Python.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PYTHON_SRC_COMPILEDAPI_H
#define MUMBA_PYTHON_SRC_COMPILEDAPI_H

#include <Python.h>

namespace mumba::python {

inline constexpr const char *kCompiledAPIName = "mumba._mumba._C_API";

struct CompiledAPI {
  /// The specialisation behind a mumba._mumba.Compiled object, or null
  /// with a Python error set.
  void *(*unwrap)(PyObject *compiled);
  /// Calls it with arguments already matched to its types; a new
  /// reference, or null with the Python exception set.
  PyObject *(*call)(void *compiled, PyObject *const *args, Py_ssize_t nargs);
};

} // namespace mumba::python

#endif // MUMBA_PYTHON_SRC_COMPILEDAPI_H

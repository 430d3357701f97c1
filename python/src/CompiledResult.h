//===- CompiledResult.h - Compiled results as Python objects ----*- C++ -*-===//
//
// The result struct a specialisation writes (the i32 status, then its
// values) read back as the Python object it stands for. Where each value
// lies is worked out once per specialisation, so a call only reads fields
// at known offsets and makes the Python objects.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PYTHON_SRC_COMPILEDRESULT_H
#define MUMBA_PYTHON_SRC_COMPILEDRESULT_H

#include "mumba/JIT/Compiler.h"
#include <pybind11/pybind11.h>
#include <string>
#include <vector>

namespace mumba::python {

/// The layout of one specialisation's result struct and how to box it.
class ResultBoxer {
public:
  explicit ResultBoxer(const ValueSpec &spec);

  /// The Python result from the struct at `buffer`: a new reference, or
  /// null with a Python exception set. `args` are the call's arguments,
  /// one of which a returned array may view.
  PyObject *box(const unsigned char *buffer, PyObject *const *args,
                size_t nargs) const;

private:
  /// One value of the Python result: the result itself or a tuple element.
  struct Part {
    ValueSpec::Kind kind; // of the number, for an Optional
    unsigned bits;
    bool optional;
    size_t offset;
    /// An Optional's presence flag; an array's ownership flag.
    size_t flag;
    /// Arrays only.
    unsigned ndim;
    Py_ssize_t itemSize;
    pybind11::object dtype;
  };

  PyObject *boxPart(const Part &part, const unsigned char *buffer,
                    PyObject *const *args, size_t nargs) const;
  PyObject *boxArray(const Part &part, const unsigned char *buffer,
                     PyObject *const *args, size_t nargs) const;
  /// Frees the memory of owned arrays from `first` on, which a failure
  /// leaves unboxed.
  void freeOwned(size_t first, const unsigned char *buffer) const;

  std::vector<Part> parts;
  bool none = false, tuple = false;
  /// A value the call path cannot box (a nested tuple, say): every call
  /// raises TypeError naming it.
  std::string unsupported;
};

} // namespace mumba::python

#endif // MUMBA_PYTHON_SRC_COMPILEDRESULT_H

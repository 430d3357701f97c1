//===- UFunc.h - Mumba kernels as NumPy ufuncs ------------------*- C++ -*-===//
//
// mumba._mumba.make_ufunc: a real numpy.ufunc (or generalized ufunc) whose
// loops are compiled kernels, one per type signature. NumPy does the rest:
// type resolution, broadcasting, out=, where=, casting, reduce, accumulate,
// reduceat, outer, at.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_PYTHON_SRC_UFUNC_H
#define MUMBA_PYTHON_SRC_UFUNC_H

#include <pybind11/pybind11.h>

namespace mumba::python {

/// Adds make_ufunc and ufunc_info to the extension module.
void defineUFuncs(pybind11::module_ &m);

} // namespace mumba::python

#endif // MUMBA_PYTHON_SRC_UFUNC_H

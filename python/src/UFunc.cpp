//===- UFunc.cpp - Mumba kernels as NumPy ufuncs --------------------------===//
//
// The only file of the extension that includes NumPy's C headers: it owns
// NumPy's API tables (imported on the first make_ufunc, when NumPy is
// loaded anyway).
//
//===----------------------------------------------------------------------===//
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include "UFunc.h"
#include "CompiledCall.h"
#include "UFuncLoop.h"
#include <memory>
#include <numpy/arrayobject.h>
#include <numpy/ufuncobject.h>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace mumba;
using namespace mumba::python;

namespace {

constexpr const char *kCapsuleName = "mumba._mumba.UFuncData";

/// What a ufunc points to and NumPy does not copy: the loop tables, the
/// name and doc strings, and the kernels. Owned by a capsule that the
/// ufunc holds in its `obj` field (released when the ufunc is).
struct UFuncData {
  std::string name, doc, signature;
  std::vector<PyUFuncGenericFunction> functions;
  std::vector<void *> data;
  std::vector<char> types;
  std::vector<std::unique_ptr<UFuncLoop>> loops;
  std::vector<py::object> kernels;
  /// What Python needs to pickle the ufunc (see mumba/ufunc.py).
  py::object info;
};

bool numpyImported = false;

void importNumPy() {
  if (numpyImported)
    return;
  if (_import_array() < 0 || _import_umath() < 0)
    throw py::error_already_set();
  numpyImported = true;
}

void destroyData(PyObject *capsule) {
  delete static_cast<UFuncData *>(PyCapsule_GetPointer(capsule, kCapsuleName));
}

/// The kernel's operand `k` must be an array of the outer dimension plus
/// the core ones.
void checkKernel(const PyCompiled &kernel, size_t nargs,
                 const std::vector<LoopOperand> &operands) {
  const std::vector<ValueSpec> &specs = kernel.function().getArgs();
  if (specs.size() != nargs)
    throw py::value_error("a ufunc kernel takes one array per operand");
  for (size_t k = 0; k < nargs; ++k)
    if (specs[k].kind != ValueSpec::Kind::Array ||
        specs[k].ndim != 1 + operands[k].core.size())
      throw py::value_error("ufunc kernel operand " + std::to_string(k) +
                            " is " + specs[k].name + ", not an array of " +
                            std::to_string(1 + operands[k].core.size()) +
                            " dimension(s)");
}

py::object makeUFunc(const std::string &name, const std::string &doc, int nin,
                     int nout, const py::list &loops,
                     const py::object &identity, const py::object &signature,
                     unsigned threads, const py::object &info) {
  importNumPy();
  if (nin < 1 || nout < 1 || nin + nout > NPY_MAXARGS)
    throw py::value_error("a ufunc needs inputs and outputs, at most " +
                          std::to_string(NPY_MAXARGS) + " in all");
  size_t nargs = nin + nout;
  auto data = std::make_unique<UFuncData>();
  data->name = name;
  data->doc = doc;
  data->info = info;
  for (py::handle item : loops) {
    auto entry = py::reinterpret_borrow<py::tuple>(item);
    auto typeNums = py::reinterpret_borrow<py::sequence>(entry[0]);
    py::object kernelObject = entry[1];
    auto cores = py::reinterpret_borrow<py::sequence>(entry[2]);
    if (typeNums.size() != nargs || cores.size() != nargs)
      throw py::value_error("a ufunc loop needs one type and one core per "
                            "operand");
    auto loop = std::make_unique<UFuncLoop>();
    loop->numOutputs = nout;
    loop->threads = std::max(1u, threads);
    for (size_t k = 0; k < nargs; ++k) {
      int typeNum = typeNums[k].cast<int>();
      PyArray_Descr *descr = PyArray_DescrFromType(typeNum);
      if (!descr)
        throw py::error_already_set();
      LoopOperand operand;
      operand.itemSize = descr->elsize;
      Py_DECREF(descr);
      for (py::handle index : py::reinterpret_borrow<py::sequence>(cores[k]))
        operand.core.push_back(index.cast<int>());
      loop->operands.push_back(std::move(operand));
      data->types.push_back(static_cast<char>(typeNum));
    }
    auto &kernel = kernelObject.cast<const PyCompiled &>();
    checkKernel(kernel, nargs, loop->operands);
    if (loopSlots(*loop) > kMaxLoopSlots)
      throw py::value_error("a ufunc loop with this many operands and core "
                            "dimensions is not supported");
    loop->kernel = &kernel.function();
    data->functions.push_back(runUFuncLoop);
    data->data.push_back(loop.get());
    data->loops.push_back(std::move(loop));
    data->kernels.push_back(kernelObject);
  }
  if (data->loops.empty())
    throw py::value_error("a ufunc needs at least one loop");

  int identityKind = PyUFunc_IdentityValue;
  PyObject *identityValue = identity.ptr();
  if (identity.is_none()) {
    identityKind = PyUFunc_None;
    identityValue = nullptr;
  } else if (py::isinstance<py::str>(identity) &&
             identity.cast<std::string>() == "reorderable") {
    identityKind = PyUFunc_ReorderableNone;
    identityValue = nullptr;
  }
  const char *coreSignature = nullptr;
  if (!signature.is_none()) {
    data->signature = signature.cast<std::string>();
    coreSignature = data->signature.c_str();
  }
  PyObject *ufunc = PyUFunc_FromFuncAndDataAndSignatureAndIdentity(
      data->functions.data(), data->data.data(), data->types.data(),
      static_cast<int>(data->loops.size()), nin, nout, identityKind,
      data->name.c_str(), data->doc.c_str(), 0, coreSignature, identityValue);
  if (!ufunc)
    throw py::error_already_set();
  PyObject *capsule = PyCapsule_New(data.get(), kCapsuleName, destroyData);
  if (!capsule) {
    Py_DECREF(ufunc);
    throw py::error_already_set();
  }
  data.release();
  // NumPy releases `obj` with the ufunc (frompyfunc keeps its function
  // there too).
  reinterpret_cast<PyUFuncObject *>(ufunc)->obj = capsule;
  return py::reinterpret_steal<py::object>(ufunc);
}

py::object ufuncInfo(const py::object &object) {
  importNumPy();
  if (!PyObject_TypeCheck(object.ptr(), &PyUFunc_Type))
    return py::none();
  PyObject *holder = reinterpret_cast<PyUFuncObject *>(object.ptr())->obj;
  if (!holder || !PyCapsule_IsValid(holder, kCapsuleName))
    return py::none();
  return static_cast<UFuncData *>(PyCapsule_GetPointer(holder, kCapsuleName))
      ->info;
}

} // namespace

void mumba::python::defineUFuncs(py::module_ &m) {
  m.def("make_ufunc", &makeUFunc, py::arg("name"), py::arg("doc"),
        py::arg("nin"), py::arg("nout"), py::arg("loops"), py::arg("identity"),
        py::arg("signature"), py::arg("threads"), py::arg("info"),
        "A numpy.ufunc (a gufunc when `signature` is given) over compiled "
        "kernels: `loops` holds (NumPy type numbers, kernel, core dimension "
        "indices per operand) per loop; `identity` is None, 'reorderable' or "
        "a value; `info` is kept for ufunc_info.");
  m.def("ufunc_info", &ufuncInfo, py::arg("ufunc"),
        "The `info` a ufunc made by make_ufunc carries; None for any other "
        "object.");
}

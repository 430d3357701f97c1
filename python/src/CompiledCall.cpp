//===- CompiledCall.cpp - Calling compiled code from Python ---------------===//
#include "CompiledCall.h"
#include "mumba/Runtime/Status.h"
#include <cstring>
#include <pybind11/numpy.h>

namespace py = pybind11;
using namespace mumba;
using namespace mumba::python;

namespace {
/// Enough for any argument list the dispatcher passes without a heap
/// allocation; longer ones use the heap.
constexpr size_t kInlineSlots = 64;
/// The result struct: status, up to 16 results (arrays of up to 32
/// dimensions take 520 bytes each), ownership flags.
constexpr size_t kResultBytes = 16 * 8 * (3 + 2 * 32) + 64;

/// 8-byte slots an argument takes: an array one per descriptor field, a
/// complex128 two (its two doubles, passed as one struct).
size_t slotsOf(const ValueSpec &spec) {
  if (spec.kind == ValueSpec::Kind::Array)
    return 3 + 2 * spec.ndim;
  return spec.kind == ValueSpec::Kind::Complex && spec.bits == 64 ? 2 : 1;
}

/// Arguments of the packed entry: one per descriptor field, else one.
size_t pointersOf(const ValueSpec &spec) {
  return spec.kind == ValueSpec::Kind::Array ? 3 + 2 * spec.ndim : 1;
}

[[noreturn]] void typeError(size_t index, const ValueSpec &spec,
                            const char *what) {
  throw py::type_error("argument " + std::to_string(index) + " " + what + " " +
                       spec.name);
}

/// NumPy's complex64 scalar type, looked up at the first complex argument
/// that is not a Python complex (so NumPy is imported by then).
PyTypeObject *complex64Type = nullptr;

/// A numpy.complex64 read in place: its two floats follow the object
/// header (NumPy's PyCFloatScalarObject). PyComplex_AsCComplex would call
/// its __complex__ method, which cost more than the rest of the call.
bool readComplex64(PyObject *arg, Py_complex &value) {
  if (PyComplex_CheckExact(arg))
    return false;
  if (!complex64Type) {
    auto &api = py::detail::npy_api::get();
    PyObject *descr =
        api.PyArray_DescrFromType_(py::detail::npy_api::NPY_CFLOAT_);
    if (!descr)
      throw py::error_already_set();
    complex64Type = reinterpret_cast<PyTypeObject *>(
        py::detail::array_descriptor_proxy(descr)->typeobj);
    Py_DECREF(descr); // a builtin descriptor: NumPy keeps it and its type
  }
  if (Py_TYPE(arg) != complex64Type)
    return false;
  struct CFloatScalar {
    PyObject_HEAD float real, imag;
  };
  auto *scalar = reinterpret_cast<CFloatScalar *>(arg);
  value.real = scalar->real;
  value.imag = scalar->imag;
  return true;
}

/// NumPy's bool scalar type, found like complex64Type.
PyTypeObject *numpyBoolType = nullptr;

bool isNumpyBool(PyObject *arg) {
  if (PyLong_CheckExact(arg) || PyBool_Check(arg))
    return false;
  if (!numpyBoolType) {
    auto &api = py::detail::npy_api::get();
    PyObject *descr =
        api.PyArray_DescrFromType_(py::detail::npy_api::NPY_BOOL_);
    if (!descr)
      throw py::error_already_set();
    numpyBoolType = reinterpret_cast<PyTypeObject *>(
        py::detail::array_descriptor_proxy(descr)->typeobj);
    Py_DECREF(descr);
  }
  return Py_TYPE(arg) == numpyBoolType;
}

/// Whether an integer read as 64 bits (unsigned ones as their bits) is in
/// the range of the narrower integer type `spec`.
bool fitsIn(const ValueSpec &spec, long long value) {
  if (spec.bits >= 64)
    return true;
  if (spec.kind == ValueSpec::Kind::UInt)
    return static_cast<unsigned long long>(value) < (1ull << spec.bits);
  long long limit = 1ll << (spec.bits - 1);
  return value >= -limit && value < limit;
}

/// An int argument that does not fit its type: Python's OverflowError,
/// naming the parameter and the type (Python's own message, "int too big
/// to convert", names neither).
[[noreturn]] void overflowError(const ValueSpec &spec, PyObject *arg,
                                size_t index,
                                const std::vector<std::string> &names) {
  py::error_already_set original; // Python's error, fetched
  std::string who =
      index < names.size() ? "'" + names[index] + "'" : std::to_string(index);
  std::string type = (spec.kind == ValueSpec::Kind::UInt ? "uint" : "int") +
                     std::to_string(spec.bits);
  std::string text = "argument " + who + ": " + std::string(py::str(arg)) +
                     " does not fit in " + type + " (" +
                     std::string(py::str(original.value())) + ")";
  PyErr_SetString(PyExc_OverflowError, text.c_str());
  throw py::error_already_set();
}

void packScalar(const ValueSpec &spec, PyObject *arg, int64_t *slot,
                size_t index, const std::vector<std::string> &names) {
  switch (spec.kind) {
  case ValueSpec::Kind::Float: {
    double value = PyFloat_AsDouble(arg);
    if (value == -1.0 && PyErr_Occurred())
      throw py::error_already_set();
    if (spec.bits == 32) {
      float f = static_cast<float>(value);
      std::memcpy(slot, &f, sizeof(f));
    } else {
      std::memcpy(slot, &value, sizeof(value));
    }
    return;
  }
  case ValueSpec::Kind::Complex: {
    Py_complex value;
    if (!readComplex64(arg, value)) {
      value = PyComplex_AsCComplex(arg);
      if (value.real == -1.0 && PyErr_Occurred())
        throw py::error_already_set();
    }
    if (spec.bits == 32) {
      float parts[2] = {static_cast<float>(value.real),
                        static_cast<float>(value.imag)};
      std::memcpy(slot, parts, sizeof(parts));
    } else {
      double parts[2] = {value.real, value.imag};
      std::memcpy(slot, parts, sizeof(parts));
    }
    return;
  }
  case ValueSpec::Kind::Bool: {
    int truth = PyObject_IsTrue(arg);
    if (truth < 0)
      throw py::error_already_set();
    *slot = truth;
    return;
  }
  case ValueSpec::Kind::SInt:
  case ValueSpec::Kind::UInt: {
    long long value;
    if (isNumpyBool(arg)) {
      // An explicit signature takes a bool for an int (its __index__ is
      // deprecated).
      *slot = PyObject_IsTrue(arg);
      return;
    }
    if (PyLong_CheckExact(arg)) {
      value = spec.kind == ValueSpec::Kind::UInt
                  ? static_cast<long long>(PyLong_AsUnsignedLongLong(arg))
                  : PyLong_AsLongLong(arg);
    } else {
      py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(arg));
      if (!index)
        throw py::error_already_set();
      value =
          spec.kind == ValueSpec::Kind::UInt
              ? static_cast<long long>(PyLong_AsUnsignedLongLong(index.ptr()))
              : PyLong_AsLongLong(index.ptr());
    }
    if (value == -1 && PyErr_Occurred()) {
      if (PyErr_ExceptionMatches(PyExc_OverflowError))
        overflowError(spec, arg, index, names);
      throw py::error_already_set();
    }
    if (!fitsIn(spec, value)) {
      // An int passed for a narrower declared int: Numba converts it when
      // it fits (the message is NumPy's for a value that does not).
      bool uns = spec.kind == ValueSpec::Kind::UInt;
      std::string text =
          "integer " +
          (uns ? std::to_string(static_cast<unsigned long long>(value))
               : std::to_string(value)) +
          " out of bounds for " + (uns ? "uint" : "int") +
          std::to_string(spec.bits);
      PyErr_SetString(PyExc_OverflowError, text.c_str());
      throw py::error_already_set();
    }
    *slot = value;
    return;
  }
  default:
    throw py::type_error("cannot pass an argument of type " + spec.name);
  }
}

/// An array's memref descriptor, read straight from NumPy's struct.
int64_t *packArray(const ValueSpec &spec, PyObject *arg, size_t index,
                   int64_t *slot, bool checked) {
  if (checked && !py::detail::npy_api::get().PyArray_Check_(arg))
    typeError(index, spec, "must be a NumPy array of type");
  auto *array = py::detail::array_proxy(arg);
  auto *descr = py::detail::array_descriptor_proxy(array->descr);
  int64_t itemSize = descr->elsize;
  if (checked) {
    if (array->nd != static_cast<int>(spec.ndim) ||
        descr->kind != dtypeKind(spec) || itemSize * 8 != spec.bits)
      typeError(index, spec, "does not match");
    if (spec.layout == 'C' &&
        !(array->flags & py::detail::npy_api::NPY_ARRAY_C_CONTIGUOUS_))
      typeError(index, spec, "is not C-contiguous as required by");
  }
  auto data = reinterpret_cast<int64_t>(array->data);
  *slot++ = data;
  *slot++ = data;
  *slot++ = 0;
  for (unsigned d = 0; d < spec.ndim; ++d)
    *slot++ = array->dimensions[d];
  for (unsigned d = 0; d < spec.ndim; ++d) {
    int64_t stride = array->strides[d];
    if (stride % itemSize != 0)
      typeError(index, spec, "has strides that are not whole elements for");
    *slot++ = stride / itemSize;
  }
  return slot;
}

[[noreturn]] void raiseStatus(int32_t status) {
  setStatusError(status, mumbaStatusMessage(status),
                 mumbaStatusException(status) == MUMBA_EXC_RECORDED ||
                         mumbaStatusException(status) == MUMBA_EXC_RECORDED_ARGS
                     ? mumbaRecordedExceptionClass()
                     : "");
  throw py::error_already_set();
}

} // namespace

/// The attribute `name` of module `module` if it is an exception class
/// (a new reference), else null with no error set.
static PyObject *exceptionClass(const char *module, const char *name) {
  PyObject *mod = PyImport_ImportModule(module);
  PyObject *cls = mod ? PyObject_GetAttrString(mod, name) : nullptr;
  Py_XDECREF(mod);
  if (!cls || !PyExceptionClass_Check(cls)) {
    Py_XDECREF(cls);
    PyErr_Clear();
    return nullptr;
  }
  return cls;
}

/// Raises builtin `className(*literal_eval(args))`, as CPython constructs
/// it (OSError(2, ...) is a FileNotFoundError); false with no error set
/// where the class or the literal is not usable.
static bool raiseWithArgs(const char *className, const char *args) {
  PyObject *cls = exceptionClass("builtins", className);
  PyObject *ast = cls ? PyImport_ImportModule("ast") : nullptr;
  PyObject *tuple =
      ast ? PyObject_CallMethod(ast, "literal_eval", "s", args) : nullptr;
  PyObject *exc = tuple && PyTuple_Check(tuple)
                      ? PyObject_Call(cls, tuple, nullptr)
                      : nullptr;
  if (exc)
    PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exc)), exc);
  else
    PyErr_Clear();
  Py_XDECREF(exc);
  Py_XDECREF(tuple);
  Py_XDECREF(ast);
  Py_XDECREF(cls);
  return exc != nullptr;
}

void mumba::python::setStatusError(int32_t status, const char *message,
                                   const char *recordedClass) {
  PyObject *type = PyExc_RuntimeError;
  PyObject *found = nullptr;
  switch (mumbaStatusException(status)) {
  case MUMBA_EXC_ZERO_DIVISION:
    type = PyExc_ZeroDivisionError;
    break;
  case MUMBA_EXC_VALUE:
    type = PyExc_ValueError;
    break;
  case MUMBA_EXC_INDEX:
    type = PyExc_IndexError;
    break;
  case MUMBA_EXC_RECURSION:
    type = PyExc_RecursionError;
    break;
  case MUMBA_EXC_RECORDED:
    // A builtin exception class, checked by the frontend.
    found = exceptionClass("builtins", recordedClass);
    break;
  case MUMBA_EXC_RECORDED_ARGS:
    // A raise statement: the arguments as CPython would pass them (none for
    // a bare `raise KeyError`), from the literal the frontend wrote.
    if (raiseWithArgs(recordedClass, message))
      return;
    found = exceptionClass("builtins", recordedClass);
    break;
  case MUMBA_EXC_LINALG:
    found = exceptionClass("numpy.linalg", "LinAlgError");
    break;
  case MUMBA_EXC_NONE:
    break;
  }
  PyErr_SetString(found ? found : type, message);
  Py_XDECREF(found);
}

char mumba::python::dtypeKind(const ValueSpec &spec) {
  switch (spec.elementKind) {
  case ValueSpec::Kind::Float:
    return 'f';
  case ValueSpec::Kind::SInt:
    return 'i';
  case ValueSpec::Kind::UInt:
    return 'u';
  case ValueSpec::Kind::Complex:
    return 'c';
  default:
    return 'b';
  }
}

PyCompiled::PyCompiled(std::unique_ptr<CompiledFunction> fn, bool nogil)
    : fn(std::move(fn)), results(this->fn->getResult()), nogil(nogil) {
  for (const ValueSpec &spec : this->fn->getArgs()) {
    numSlots += slotsOf(spec);
    numPointers += pointersOf(spec);
  }
}

py::object PyCompiled::call(PyObject *const *args, size_t nargs,
                            bool checked) const {
  const std::vector<ValueSpec> &specs = fn->getArgs();
  if (nargs != specs.size())
    throw py::type_error("expected " + std::to_string(specs.size()) +
                         " arguments, got " + std::to_string(nargs));
  int64_t inlineSlots[kInlineSlots];
  void *inlinePointers[kInlineSlots + 1];
  std::vector<int64_t> heapSlots;
  std::vector<void *> heapPointers;
  int64_t *slots = inlineSlots;
  void **pointers = inlinePointers;
  if (numSlots > kInlineSlots || numPointers > kInlineSlots) {
    heapSlots.resize(numSlots);
    heapPointers.resize(numPointers + 1);
    slots = heapSlots.data();
    pointers = heapPointers.data();
  }
  alignas(16) unsigned char result[kResultBytes];
  std::memset(result, 0, 8);

  int64_t *slot = slots;
  void **pointer = pointers;
  for (size_t i = 0; i < nargs; ++i) {
    const ValueSpec &spec = specs[i];
    int64_t *first = slot;
    if (spec.kind == ValueSpec::Kind::Array) {
      slot = packArray(spec, args[i], i, slot, checked);
      for (int64_t *field = first; field != slot; ++field)
        *pointer++ = field;
      continue;
    }
    packScalar(spec, args[i], slot, i, argNames);
    slot += slotsOf(spec);
    *pointer++ = first;
  }
  *pointer = result;
  if (nogil) {
    // The arguments stay alive: the caller holds references to them.
    py::gil_scoped_release release;
    fn->invoke(pointers);
  } else {
    fn->invoke(pointers);
  }

  int32_t status;
  std::memcpy(&status, result, sizeof(status));
  if (status != MUMBA_OK)
    raiseStatus(status);
  PyObject *value = results.box(result, args, nargs);
  if (!value)
    throw py::error_already_set();
  return py::reinterpret_steal<py::object>(value);
}

py::dict PyCompiled::stages() const {
  py::dict dict;
  for (const auto &[name, text] : fn->getStages())
    dict[py::str(name)] = text;
  return dict;
}

py::list PyCompiled::argTypes() const {
  py::list list;
  for (const ValueSpec &spec : fn->getArgs())
    list.append(spec.name);
  return list;
}

//===- CompiledResult.cpp - Compiled results as Python objects ------------===//
//
// Straight CPython and NumPy C API calls: at ~50 ns a call, a heap
// allocation or a pybind11 wrapper per result is a measurable part of it.
//
//===----------------------------------------------------------------------===//
#include "CompiledResult.h"
#include "CompiledCall.h"
#include "mumba/Runtime/Memory.h"
#include <cstring>
#include <pybind11/numpy.h>

namespace py = pybind11;
using namespace mumba;
using namespace mumba::python;

namespace {
using Kind = ValueSpec::Kind;
using NpyAPI = py::detail::npy_api;

/// Bytes of one scalar, or of each part of a complex.
size_t partBytes(unsigned bits) { return bits <= 8 ? 1 : bits / 8; }

bool isBoxable(Kind kind) {
  switch (kind) {
  case Kind::Bool:
  case Kind::SInt:
  case Kind::UInt:
  case Kind::Float:
  case Kind::Complex:
  case Kind::Array:
    return true;
  default:
    return false;
  }
}

PyObject *boxScalar(Kind kind, unsigned bits, const unsigned char *p) {
  switch (kind) {
  case Kind::Bool:
    return PyBool_FromLong(*p & 1);
  case Kind::SInt:
    switch (bits) {
    case 8:
      return PyLong_FromLong(*reinterpret_cast<const int8_t *>(p));
    case 16: {
      int16_t v;
      std::memcpy(&v, p, sizeof(v));
      return PyLong_FromLong(v);
    }
    case 32: {
      int32_t v;
      std::memcpy(&v, p, sizeof(v));
      return PyLong_FromLong(v);
    }
    default: {
      int64_t v;
      std::memcpy(&v, p, sizeof(v));
      return PyLong_FromLongLong(v);
    }
    }
  case Kind::UInt: {
    uint64_t v = 0; // little-endian: the low bytes are the value
    std::memcpy(&v, p, partBytes(bits));
    return PyLong_FromUnsignedLongLong(v);
  }
  case Kind::Float:
    if (bits == 32) {
      float v;
      std::memcpy(&v, p, sizeof(v));
      return PyFloat_FromDouble(v);
    } else {
      double v;
      std::memcpy(&v, p, sizeof(v));
      return PyFloat_FromDouble(v);
    }
  case Kind::Complex:
    if (bits == 32) {
      float v[2];
      std::memcpy(v, p, sizeof(v));
      return PyComplex_FromDoubles(v[0], v[1]);
    } else {
      double v[2];
      std::memcpy(v, p, sizeof(v));
      return PyComplex_FromDoubles(v[0], v[1]);
    }
  default:
    PyErr_SetString(PyExc_SystemError, "not a scalar result");
    return nullptr;
  }
}

void freeCapsule(PyObject *capsule) {
  mumbaFree(PyCapsule_GetPointer(capsule, nullptr));
}

void *allocatedOf(const unsigned char *descriptor) {
  void *allocated;
  std::memcpy(&allocated, descriptor, sizeof(allocated));
  return allocated;
}
} // namespace

/// The results follow the i32 status in an LLVM struct with natural
/// alignment: numbers and arrays (memref descriptors {allocated ptr,
/// aligned ptr, offset, sizes[n], strides[n]}) in order, an Optional as its
/// number then an i1 presence flag, and after them one i1 per array saying
/// whether the caller now owns its memory.
ResultBoxer::ResultBoxer(const ValueSpec &spec) {
  if (spec.kind == Kind::None) {
    none = true;
    return;
  }
  tuple = spec.kind == Kind::Tuple;
  std::vector<const ValueSpec *> elements;
  if (tuple)
    for (const ValueSpec &element : spec.elements)
      elements.push_back(&element);
  else
    elements.push_back(&spec);

  size_t offset = 4;
  auto place = [&](size_t size, size_t align) {
    offset = (offset + align - 1) / align * align;
    size_t at = offset;
    offset += size;
    return at;
  };
  for (const ValueSpec *element : elements) {
    bool optional = element->kind == Kind::Optional;
    const ValueSpec &value = optional ? element->elements.front() : *element;
    // Arrays: NumPy's limit of 32 dimensions bounds the descriptor copy.
    if (!isBoxable(value.kind) ||
        (value.kind == Kind::Array && (optional || value.ndim > 32))) {
      unsupported = value.name.empty() ? element->name : value.name;
      return;
    }
    Part part{value.kind, value.bits, optional, 0, 0, 0, 0, py::object()};
    if (value.kind == Kind::Array) {
      part.ndim = value.ndim;
      part.itemSize = static_cast<Py_ssize_t>(partBytes(value.bits));
      part.dtype = py::dtype(std::string(1, dtypeKind(value)) +
                             std::to_string(part.itemSize));
      part.offset = place(8 * (3 + 2 * value.ndim), 8);
    } else {
      size_t bytes = partBytes(value.bits);
      part.offset = place(bytes * (value.kind == Kind::Complex ? 2 : 1), bytes);
      if (optional)
        part.flag = place(1, 1);
    }
    parts.push_back(std::move(part));
  }
  for (Part &part : parts)
    if (part.kind == Kind::Array)
      part.flag = place(1, 1);
}

PyObject *ResultBoxer::box(const unsigned char *buffer, PyObject *const *args,
                           size_t nargs) const {
  if (none)
    Py_RETURN_NONE;
  if (!unsupported.empty()) [[unlikely]] {
    PyErr_Format(PyExc_TypeError, "cannot return a value of type %s",
                 unsupported.c_str());
    return nullptr;
  }
  if (!tuple)
    return boxPart(parts.front(), buffer, args, nargs);
  PyObject *result = PyTuple_New(static_cast<Py_ssize_t>(parts.size()));
  if (!result) {
    freeOwned(0, buffer);
    return nullptr;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    PyObject *item = boxPart(parts[i], buffer, args, nargs);
    if (!item) {
      freeOwned(i + 1, buffer);
      Py_DECREF(result);
      return nullptr;
    }
    PyTuple_SET_ITEM(result, static_cast<Py_ssize_t>(i), item);
  }
  return result;
}

PyObject *ResultBoxer::boxPart(const Part &part, const unsigned char *buffer,
                               PyObject *const *args, size_t nargs) const {
  if (part.kind == Kind::Array)
    return boxArray(part, buffer, args, nargs);
  if (part.optional && !(buffer[part.flag] & 1))
    Py_RETURN_NONE;
  return boxScalar(part.kind, part.bits, buffer + part.offset);
}

/// Memory compiled code allocated passes to NumPy as is (a capsule frees
/// it with the array); memory it does not own is an argument's, and the
/// result is a view whose base is that argument, as the docs promise.
PyObject *ResultBoxer::boxArray(const Part &part, const unsigned char *buffer,
                                PyObject *const *args, size_t nargs) const {
  int64_t fields[3 + 2 * 32];
  std::memcpy(fields, buffer + part.offset, 8 * (3 + 2 * part.ndim));
  auto *allocated = reinterpret_cast<void *>(fields[0]);
  char *data = reinterpret_cast<char *>(fields[1]) + fields[2] * part.itemSize;
  Py_intptr_t shape[32], strides[32];
  for (unsigned d = 0; d < part.ndim; ++d) {
    shape[d] = fields[3 + d];
    strides[d] = fields[3 + part.ndim + d] * part.itemSize;
  }
  NpyAPI &api = NpyAPI::get();
  auto newArray = [&](int flags) {
    Py_INCREF(part.dtype.ptr()); // NewFromDescr steals it
    return api.PyArray_NewFromDescr_(api.PyArray_Type_, part.dtype.ptr(),
                                     static_cast<int>(part.ndim), shape,
                                     strides, data, flags, nullptr);
  };

  PyObject *base = nullptr;
  int flags = NpyAPI::NPY_ARRAY_WRITEABLE_;
  if (buffer[part.flag] & 1) {
    base = PyCapsule_New(allocated, nullptr, freeCapsule);
    if (!base) {
      mumbaFree(allocated);
      return nullptr;
    }
  } else {
    for (size_t i = 0; i < nargs && !base; ++i) {
      if (!api.PyArray_Check_(args[i]))
        continue;
      auto *arg = py::detail::array_proxy(args[i]);
      if (arg->data != allocated)
        continue;
      base = args[i];
      Py_INCREF(base);
      // A view of a read-only argument stays read-only.
      flags = arg->flags & NpyAPI::NPY_ARRAY_WRITEABLE_;
    }
    if (!base) {
      // Not ours and not an argument's: copy, the only safe choice.
      PyObject *view = newArray(0);
      if (!view)
        return nullptr;
      PyObject *copy = api.PyArray_NewCopy_(view, /*NPY_ANYORDER=*/-1);
      Py_DECREF(view);
      return copy;
    }
  }
  PyObject *array = newArray(flags);
  if (!array) {
    Py_DECREF(base); // a capsule frees the memory with it
    return nullptr;
  }
  if (api.PyArray_SetBaseObject_(array, base) < 0) { // steals `base`
    Py_DECREF(array);
    return nullptr;
  }
  return array;
}

void ResultBoxer::freeOwned(size_t first, const unsigned char *buffer) const {
  for (size_t i = first; i < parts.size(); ++i)
    if (parts[i].kind == Kind::Array && (buffer[parts[i].flag] & 1))
      mumbaFree(allocatedOf(buffer + parts[i].offset));
}

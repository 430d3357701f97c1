//===- CompiledCall.cpp - Calling compiled code from Python ---------------===//
#include "CompiledCall.h"
#include "mumba/Runtime/Memory.h"
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
  throw py::type_error("argument " + std::to_string(index) + " " + what +
                       " " + spec.name);
}

void packScalar(const ValueSpec &spec, PyObject *arg, int64_t *slot) {
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
    Py_complex value = PyComplex_AsCComplex(arg);
    if (value.real == -1.0 && PyErr_Occurred())
      throw py::error_already_set();
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
    if (PyLong_CheckExact(arg)) {
      value = spec.kind == ValueSpec::Kind::UInt
                  ? static_cast<long long>(PyLong_AsUnsignedLongLong(arg))
                  : PyLong_AsLongLong(arg);
    } else {
      py::object index =
          py::reinterpret_steal<py::object>(PyNumber_Index(arg));
      if (!index)
        throw py::error_already_set();
      value = spec.kind == ValueSpec::Kind::UInt
                  ? static_cast<long long>(
                        PyLong_AsUnsignedLongLong(index.ptr()))
                  : PyLong_AsLongLong(index.ptr());
    }
    if (value == -1 && PyErr_Occurred())
      throw py::error_already_set();
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
  PyObject *type = PyExc_RuntimeError;
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
  case MUMBA_EXC_RECORDED: {
    // A builtin exception class, checked by the frontend.
    py::object cls = py::module_::import("builtins")
                         .attr(mumbaRecordedExceptionClass());
    PyErr_SetString(cls.ptr(), mumbaStatusMessage(status));
    throw py::error_already_set();
  }
  case MUMBA_EXC_LINALG: {
    py::object cls = py::module_::import("numpy.linalg").attr("LinAlgError");
    PyErr_SetString(cls.ptr(), mumbaStatusMessage(status));
    throw py::error_already_set();
  }
  case MUMBA_EXC_NONE:
    break;
  }
  PyErr_SetString(type, mumbaStatusMessage(status));
  throw py::error_already_set();
}

py::object unpackScalar(const ValueSpec &spec, const unsigned char *p) {
  switch (spec.kind) {
  case ValueSpec::Kind::Complex:
    if (spec.bits == 32) {
      float parts[2];
      std::memcpy(parts, p, sizeof(parts));
      return py::reinterpret_steal<py::object>(
          PyComplex_FromDoubles(parts[0], parts[1]));
    } else {
      double parts[2];
      std::memcpy(parts, p, sizeof(parts));
      return py::reinterpret_steal<py::object>(
          PyComplex_FromDoubles(parts[0], parts[1]));
    }
  case ValueSpec::Kind::Bool:
    return py::bool_((*p & 1) != 0);
  case ValueSpec::Kind::Float:
    if (spec.bits == 32) {
      float f;
      std::memcpy(&f, p, sizeof(f));
      return py::float_(f);
    } else {
      double d;
      std::memcpy(&d, p, sizeof(d));
      return py::float_(d);
    }
  case ValueSpec::Kind::SInt: {
    int64_t v = 0;
    switch (spec.bits) {
    case 8:
      v = *reinterpret_cast<const int8_t *>(p);
      break;
    case 16: {
      int16_t x;
      std::memcpy(&x, p, 2);
      v = x;
      break;
    }
    case 32: {
      int32_t x;
      std::memcpy(&x, p, 4);
      v = x;
      break;
    }
    default:
      std::memcpy(&v, p, 8);
    }
    return py::int_(v);
  }
  case ValueSpec::Kind::UInt: {
    uint64_t v = 0;
    std::memcpy(&v, p, spec.bits / 8);
    return py::int_(v);
  }
  default:
    throw py::type_error("cannot return a value of type " + spec.name);
  }
}

/// A returned array as NumPy sees it. Memory compiled code allocated
/// passes to NumPy as is (a capsule frees it with the array); memory it
/// does not own is an argument's, which stays the array's base.
py::object unpackArray(const ValueSpec &spec, const unsigned char *descriptor,
                       bool owned, PyObject *const *args, size_t nargs) {
  int64_t fields[3 + 2 * 32];
  std::memcpy(fields, descriptor, 8 * (3 + 2 * spec.ndim));
  auto *allocated = reinterpret_cast<void *>(fields[0]);
  auto *aligned = reinterpret_cast<char *>(fields[1]);
  py::ssize_t itemSize = spec.bits <= 8 ? 1 : spec.bits / 8;
  char *data = aligned + fields[2] * itemSize;
  std::vector<py::ssize_t> shape, strides;
  for (unsigned d = 0; d < spec.ndim; ++d) {
    shape.push_back(fields[3 + d]);
    strides.push_back(fields[3 + spec.ndim + d] * itemSize);
  }
  py::dtype dtype(std::string(1, dtypeKind(spec)) + std::to_string(itemSize));
  if (owned) {
    py::capsule base(allocated, [](void *ptr) { mumbaFree(ptr); });
    return py::array(dtype, shape, strides, data, base);
  }
  for (size_t i = 0; i < nargs; ++i)
    if (py::detail::npy_api::get().PyArray_Check_(args[i]) &&
        py::detail::array_proxy(args[i])->data == allocated)
      return py::array(dtype, shape, strides, data, py::handle(args[i]));
  // Not ours and not an argument's: copy, the only safe choice.
  return py::array(dtype, shape, strides, data);
}

/// The results follow the i32 status in an LLVM struct with natural
/// alignment: numbers and arrays (memref descriptors {allocated ptr,
/// aligned ptr, offset, sizes[n], strides[n]}) in order, then one i1 per
/// array saying whether the caller now owns its memory.
py::object unpackResult(const ValueSpec &spec, const unsigned char *buffer,
                        PyObject *const *args, size_t nargs) {
  if (spec.kind == ValueSpec::Kind::None)
    return py::none();
  std::vector<const ValueSpec *> elements;
  if (spec.kind == ValueSpec::Kind::Tuple)
    for (const ValueSpec &element : spec.elements)
      elements.push_back(&element);
  else
    elements.push_back(&spec);

  // The struct's fields: an optional is its value, then an i1 flag.
  static const ValueSpec flagSpec = [] {
    ValueSpec flag;
    flag.kind = ValueSpec::Kind::Bool;
    flag.bits = 1;
    return flag;
  }();
  std::vector<const ValueSpec *> fields;
  for (const ValueSpec *element : elements) {
    if (element->kind == ValueSpec::Kind::Optional) {
      fields.push_back(&element->elements.front());
      fields.push_back(&flagSpec);
    } else {
      fields.push_back(element);
    }
  }
  size_t offset = 4;
  std::vector<size_t> offsets;
  for (const ValueSpec *field : fields) {
    bool isArray = field->kind == ValueSpec::Kind::Array;
    bool isComplex = field->kind == ValueSpec::Kind::Complex;
    size_t part = field->bits <= 8 ? 1 : field->bits / 8;
    size_t size =
        isArray ? 8 * (3 + 2 * field->ndim) : part * (isComplex ? 2 : 1);
    size_t align = isArray ? 8 : part;
    offset = (offset + align - 1) / align * align;
    offsets.push_back(offset);
    offset += size;
  }
  // Then one ownership flag per returned array.
  std::vector<py::object> values;
  for (size_t f = 0; f < fields.size(); ++f) {
    if (fields[f]->kind != ValueSpec::Kind::Array) {
      values.push_back(unpackScalar(*fields[f], buffer + offsets[f]));
      continue;
    }
    bool owned = buffer[offset++] & 1;
    values.push_back(
        unpackArray(*fields[f], buffer + offsets[f], owned, args, nargs));
  }
  std::vector<py::object> results;
  size_t f = 0;
  for (const ValueSpec *element : elements) {
    if (element->kind == ValueSpec::Kind::Optional) {
      bool present = values[f + 1].cast<bool>();
      results.push_back(present ? std::move(values[f]) : py::none());
      f += 2;
    } else {
      results.push_back(std::move(values[f++]));
    }
  }
  if (spec.kind != ValueSpec::Kind::Tuple)
    return std::move(results.front());
  py::tuple tuple(results.size());
  for (size_t i = 0; i < results.size(); ++i)
    tuple[i] = std::move(results[i]);
  return std::move(tuple);
}
} // namespace

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
    : fn(std::move(fn)), nogil(nogil) {
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
    packScalar(spec, args[i], slot);
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
  return unpackResult(fn->getResult(), result, args, nargs);
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

//===- MumbaModule.cpp - The mumba._mumba extension -----------------------===//
//
// A thin pybind11 layer over the compiler library: compile nb text, call the
// compiled code with Python numbers and NumPy arrays (no copies), and turn
// compiler diagnostics and runtime statuses into Python exceptions.
//
//===----------------------------------------------------------------------===//
#include "mumba/JIT/Compiler.h"
#include "mumba/Runtime/Memory.h"
#include "mumba/Runtime/Status.h"
#include <cstring>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;
using mumba::CompiledFunction;
using mumba::ValueSpec;

namespace {

/// Raises mumba._mumba.CompileError carrying the diagnostics as tuples
/// (severity, message, file, line, column).
[[noreturn]] void
raiseCompileError(const std::vector<mumba::Diagnostic> &diagnostics) {
  py::list list;
  std::string summary;
  for (const mumba::Diagnostic &d : diagnostics) {
    list.append(
        py::make_tuple(d.severity, d.message, d.file, d.line, d.column));
    if (summary.empty() && d.severity == "error")
      summary = d.message;
  }
  if (summary.empty())
    summary = "compilation failed";
  py::object cls = py::module_::import("mumba._mumba").attr("CompileError");
  py::object exc = cls(summary);
  exc.attr("diagnostics") = list;
  PyErr_SetObject(cls.ptr(), exc.ptr());
  throw py::error_already_set();
}

/// Lowered scalars per argument: an array is its memref descriptor
/// (allocated and aligned pointers, offset, sizes, strides).
size_t slotsOf(const ValueSpec &spec) {
  return spec.kind == ValueSpec::Kind::Array ? 3 + 2 * spec.ndim : 1;
}

char dtypeKind(const ValueSpec &spec) {
  switch (spec.elementKind) {
  case ValueSpec::Kind::Float:
    return 'f';
  case ValueSpec::Kind::SInt:
    return 'i';
  case ValueSpec::Kind::UInt:
    return 'u';
  default:
    return 'b';
  }
}

class PyCompiled {
public:
  explicit PyCompiled(std::unique_ptr<CompiledFunction> fn)
      : fn(std::move(fn)) {
    for (const ValueSpec &spec : this->fn->getArgs())
      numSlots += slotsOf(spec);
  }

  py::object call(const py::args &args) const {
    const std::vector<ValueSpec> &specs = fn->getArgs();
    if (args.size() != specs.size())
      throw py::type_error("expected " + std::to_string(specs.size()) +
                           " arguments, got " + std::to_string(args.size()));
    std::vector<int64_t> slots(numSlots, 0);
    std::vector<void *> pointers(numSlots + 1);
    for (size_t i = 0; i < numSlots; ++i)
      pointers[i] = &slots[i];
    alignas(16) unsigned char result[resultBytes] = {0};
    pointers[numSlots] = result;

    size_t slot = 0;
    for (size_t i = 0; i < specs.size(); ++i) {
      const ValueSpec &spec = specs[i];
      py::handle arg = args[i];
      if (spec.kind == ValueSpec::Kind::Array)
        slot = packArray(spec, arg, i, slots, slot);
      else
        packScalar(spec, arg, &slots[slot++]);
    }
    fn->invoke(pointers.data());

    int32_t status;
    std::memcpy(&status, result, sizeof(status));
    if (status != MUMBA_OK)
      raiseStatus(status);
    return unpackResult(fn->getResult(), result, args);
  }

  py::dict stages() const {
    py::dict dict;
    for (const auto &[name, text] : fn->getStages())
      dict[py::str(name)] = text;
    return dict;
  }

  py::list argTypes() const {
    py::list list;
    for (const ValueSpec &spec : fn->getArgs())
      list.append(spec.name);
    return list;
  }

  std::string returnType() const { return fn->getResult().name; }

private:
  static void packScalar(const ValueSpec &spec, py::handle arg, int64_t *slot) {
    switch (spec.kind) {
    case ValueSpec::Kind::Float: {
      double value = PyFloat_AsDouble(arg.ptr());
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
    case ValueSpec::Kind::Bool: {
      int truth = PyObject_IsTrue(arg.ptr());
      if (truth < 0)
        throw py::error_already_set();
      *slot = truth;
      return;
    }
    case ValueSpec::Kind::SInt:
    case ValueSpec::Kind::UInt: {
      py::object index =
          py::reinterpret_steal<py::object>(PyNumber_Index(arg.ptr()));
      if (!index)
        throw py::error_already_set();
      long long value =
          spec.kind == ValueSpec::Kind::UInt
              ? static_cast<long long>(PyLong_AsUnsignedLongLong(index.ptr()))
              : PyLong_AsLongLong(index.ptr());
      if (PyErr_Occurred())
        throw py::error_already_set();
      *slot = value;
      return;
    }
    default:
      throw py::type_error("cannot pass an argument of type " + spec.name);
    }
  }

  static size_t packArray(const ValueSpec &spec, py::handle arg, size_t index,
                          std::vector<int64_t> &slots, size_t slot) {
    if (!py::isinstance<py::array>(arg))
      throw py::type_error("argument " + std::to_string(index) +
                           " must be a NumPy array of type " + spec.name);
    auto array = py::reinterpret_borrow<py::array>(arg);
    if (array.ndim() != static_cast<py::ssize_t>(spec.ndim) ||
        array.dtype().kind() != dtypeKind(spec) ||
        array.itemsize() * 8 != static_cast<py::ssize_t>(spec.bits))
      throw py::type_error("argument " + std::to_string(index) +
                           " does not match " + spec.name);
    if (spec.layout == 'C' && !(array.flags() & py::array::c_style))
      throw py::type_error("argument " + std::to_string(index) +
                           " is not C-contiguous as " + spec.name +
                           " requires");
    auto data = reinterpret_cast<int64_t>(array.data());
    slots[slot++] = data;
    slots[slot++] = data;
    slots[slot++] = 0;
    for (unsigned d = 0; d < spec.ndim; ++d)
      slots[slot++] = array.shape(d);
    for (unsigned d = 0; d < spec.ndim; ++d) {
      py::ssize_t stride = array.strides(d);
      if (stride % array.itemsize() != 0)
        throw py::type_error("argument " + std::to_string(index) +
                             " has strides that are not a multiple of its "
                             "item size");
      slots[slot++] = stride / array.itemsize();
    }
    return slot;
  }

  [[noreturn]] static void raiseStatus(int32_t status) {
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
    case MUMBA_EXC_NONE:
      break;
    }
    PyErr_SetString(type, mumbaStatusMessage(status));
    throw py::error_already_set();
  }

  /// The results follow the i32 status in an LLVM struct with natural
  /// alignment: numbers, then arrays as memref descriptors {allocated ptr,
  /// aligned ptr, offset, sizes[n], strides[n]}, then one i1 per array
  /// saying whether the caller owns its memory.
  py::object unpackResult(const ValueSpec &spec, const unsigned char *buffer,
                          const py::args &args) const {
    if (spec.kind == ValueSpec::Kind::None)
      return py::none();
    std::vector<const ValueSpec *> leaves;
    if (spec.kind == ValueSpec::Kind::Tuple)
      for (const ValueSpec &element : spec.elements)
        leaves.push_back(&element);
    else
      leaves.push_back(&spec);

    size_t offset = 4;
    std::vector<size_t> offsets;
    for (const ValueSpec *leaf : leaves) {
      size_t size = leaf->kind == ValueSpec::Kind::Array
                        ? 8 * (3 + 2 * leaf->ndim)
                        : (leaf->bits <= 8 ? 1 : leaf->bits / 8);
      size_t align = leaf->kind == ValueSpec::Kind::Array ? 8 : size;
      offset = (offset + align - 1) / align * align;
      offsets.push_back(offset);
      offset += size;
    }
    std::vector<py::object> values;
    for (size_t i = 0; i < leaves.size(); ++i) {
      if (leaves[i]->kind != ValueSpec::Kind::Array) {
        size_t at = offsets[i];
        values.push_back(unpackScalar(*leaves[i], buffer, at));
        continue;
      }
      bool owned = buffer[offset++] & 1;
      values.push_back(unpackArray(*leaves[i], buffer + offsets[i], owned, args));
    }
    if (spec.kind != ValueSpec::Kind::Tuple)
      return std::move(values.front());
    py::tuple tuple(values.size());
    for (size_t i = 0; i < values.size(); ++i)
      tuple[i] = std::move(values[i]);
    return std::move(tuple);
  }

  /// A returned array as NumPy sees it. Memory compiled code allocated
  /// passes to NumPy as is (a capsule frees it with the array); memory it
  /// does not own is an argument's, which stays the array's base.
  static py::object unpackArray(const ValueSpec &spec,
                                const unsigned char *descriptor, bool owned,
                                const py::args &args) {
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
    py::dtype dtype(std::string(1, dtypeKind(spec)) +
                    std::to_string(itemSize));
    if (owned) {
      py::capsule base(allocated, [](void *ptr) { mumbaFree(ptr); });
      return py::array(dtype, shape, strides, data, base);
    }
    for (py::handle arg : args)
      if (py::isinstance<py::array>(arg) &&
          py::reinterpret_borrow<py::array>(arg).data() == allocated)
        return py::array(dtype, shape, strides, data, arg);
    // Not ours and not an argument's: copy, the only safe choice.
    return py::array(dtype, shape, strides, data);
  }

  static py::object unpackScalar(const ValueSpec &spec,
                                 const unsigned char *buffer, size_t &offset) {
    size_t size = spec.bits <= 8 ? 1 : spec.bits / 8;
    offset = (offset + size - 1) / size * size;
    const unsigned char *p = buffer + offset;
    offset += size;
    switch (spec.kind) {
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
      switch (size) {
      case 1:
        v = *reinterpret_cast<const int8_t *>(p);
        break;
      case 2: {
        int16_t x;
        std::memcpy(&x, p, 2);
        v = x;
        break;
      }
      case 4: {
        int32_t x;
        std::memcpy(&x, p, 4);
        v = x;
        break;
      }
      default:
        std::memcpy(&v, p, 8);
        break;
      }
      return py::int_(v);
    }
    case ValueSpec::Kind::UInt: {
      uint64_t v = 0;
      std::memcpy(&v, p, size);
      return py::int_(v);
    }
    default:
      throw py::type_error("cannot return a value of type " + spec.name);
    }
  }

  std::unique_ptr<CompiledFunction> fn;
  size_t numSlots = 0;
  static constexpr size_t resultBytes = 512;
};

} // namespace

PYBIND11_MODULE(_mumba, m) {
  m.doc() = "Mumba's compiler library: nb text in, native code out";
  py::object base = py::module_::import("builtins").attr("Exception");
  m.attr("CompileError") =
      py::module_::import("builtins")
          .attr("type")("CompileError", py::make_tuple(base),
                        py::dict(py::arg("__module__") = "mumba._mumba",
                                 py::arg("diagnostics") = py::list()));

  py::class_<PyCompiled>(m, "Compiled")
      .def("__call__", &PyCompiled::call)
      .def_property_readonly("stages", &PyCompiled::stages)
      .def_property_readonly("arg_types", &PyCompiled::argTypes)
      .def_property_readonly("return_type", &PyCompiled::returnType);

  m.def(
      "compile",
      [](const std::string &text, const std::string &entry, unsigned optLevel,
         bool fastmath, bool boundscheck, const std::string &errorModel,
         bool vectorize, const std::string &targetCPU,
         const std::string &targetFeatures) {
        if (errorModel != "python" && errorModel != "numpy")
          throw py::value_error("error_model must be 'python' or 'numpy'");
        std::vector<mumba::Diagnostic> diagnostics;
        mumba::CompileOptions options;
        options.optLevel = optLevel;
        options.fastmath = fastmath;
        options.boundscheck = boundscheck;
        options.errorModel = errorModel;
        options.vectorize = vectorize;
        options.targetCPU = targetCPU;
        options.targetFeatures = targetFeatures;
        auto fn = CompiledFunction::compile(text, entry, options, diagnostics);
        if (!fn)
          raiseCompileError(diagnostics);
        return PyCompiled(std::move(fn));
      },
      py::arg("text"), py::arg("entry"), py::kw_only(),
      py::arg("opt_level") = 3, py::arg("fastmath") = false,
      py::arg("boundscheck") = false, py::arg("error_model") = "python",
      py::arg("vectorize") = true, py::arg("target_cpu") = "",
      py::arg("target_features") = "",
      "Compiles the entry function of an untyped nb module.");

  m.def(
      "live_allocations", [] { return mumbaLiveAllocations(); },
      "How many arrays compiled code allocated that are not yet freed.");

  m.def(
      "run_pipeline",
      [](const std::string &text, const std::string &pipeline) {
        std::vector<mumba::Diagnostic> diagnostics;
        std::string output;
        if (!mumba::runPipeline(text, pipeline, output, diagnostics))
          raiseCompileError(diagnostics);
        return output;
      },
      py::arg("text"), py::arg("pipeline"),
      "Runs a textual pass pipeline on an MLIR module, as mumba-opt does.");
}

//===- MumbaModule.cpp - The mumba._mumba extension -----------------------===//
//
// A thin pybind11 layer over the compiler library: compile nb text, call the
// compiled code with Python numbers and NumPy arrays (no copies), and turn
// compiler diagnostics and runtime statuses into Python exceptions.
//
//===----------------------------------------------------------------------===//
#include "CompiledAPI.h"
#include "CompiledCall.h"
#include "UFunc.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/JIT/LLVMBackend.h"
#include "mumba/Runtime/Memory.h"
#include "mumba/Runtime/Parallel.h"
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;
using mumba::CompiledFunction;
using mumba::python::PyCompiled;

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

void *unwrapCompiled(PyObject *object) {
  try {
    return py::cast<PyCompiled *>(py::handle(object));
  } catch (const py::cast_error &) {
    PyErr_SetString(PyExc_TypeError, "expected a mumba._mumba.Compiled");
    return nullptr;
  }
}

PyObject *callCompiled(void *compiled, PyObject *const *args,
                       Py_ssize_t nargs) {
  try {
    return static_cast<PyCompiled *>(compiled)
        ->call(args, nargs, /*checked=*/false)
        .release()
        .ptr();
  } catch (py::error_already_set &e) {
    e.restore();
  } catch (const py::builtin_exception &e) {
    e.set_error();
  } catch (const std::exception &e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

const mumba::python::CompiledAPI compiledAPI = {unwrapCompiled, callCompiled};

} // namespace

/// The error model an `error_model=` argument names; ValueError otherwise.
static mumba::ErrorModel errorModelArg(const std::string &name) {
  std::optional<mumba::ErrorModel> model = mumba::parseErrorModel(name);
  if (!model)
    throw py::value_error("error_model must be 'python' or 'numpy', not '" +
                          name + "'");
  return *model;
}

PYBIND11_MODULE(_mumba, m) {
  m.doc() = "Mumba's compiler library: nb text in, native code out";
  py::object base = py::module_::import("builtins").attr("Exception");
  m.attr("CompileError") =
      py::module_::import("builtins")
          .attr("type")("CompileError", py::make_tuple(base),
                        py::dict(py::arg("__module__") = "mumba._mumba",
                                 py::arg("diagnostics") = py::list()));

  py::class_<PyCompiled>(m, "Compiled")
      .def("__call__",
           [](const PyCompiled &self, const py::args &args) {
             return self.call(&PyTuple_GET_ITEM(args.ptr(), 0), args.size(),
                              /*checked=*/true);
           })
      .def_property_readonly("stages", &PyCompiled::stages)
      .def_property_readonly("arg_types", &PyCompiled::argTypes)
      .def_property_readonly("return_type", &PyCompiled::returnType)
      .def_readwrite("arg_names", &PyCompiled::argNames)
      .def(
          "llvm_ir",
          [](const PyCompiled &self) {
            std::string text, error;
            if (!self.function().getLLVMIR(text, error))
              throw std::runtime_error(error);
            return text;
          },
          "The LLVM IR the JIT compiled, after LLVM's optimisations.")
      .def(
          "asm",
          [](const PyCompiled &self) {
            std::string text, error;
            if (!self.function().getAssembly(text, error))
              throw std::runtime_error(error);
            return text;
          },
          "The assembly of the machine code the JIT made.")
      .def(
          "object_code",
          [](const PyCompiled &self, const std::string &name,
             const std::string &triple, const std::string &cpu,
             const std::string &features) {
            std::string object;
            std::vector<mumba::Diagnostic> diagnostics;
            if (!self.function().emitObject(name, {triple, cpu, features},
                                            object, diagnostics))
              raiseCompileError(diagnostics);
            return py::bytes(object);
          },
          py::arg("name"), py::kw_only(), py::arg("triple") = "",
          py::arg("cpu") = "", py::arg("features") = "",
          "Object code for a shared library: a C entry point `name`, for "
          "the given target (the host's by default).")
      .def(
          "serialize",
          [](const PyCompiled &self, const std::string &key) {
            std::string blob, error;
            if (!self.function().serialize(key, blob, error))
              throw std::runtime_error(error);
            return py::bytes(blob);
          },
          py::arg("key"),
          "This specialisation as a cache entry for `key` (see load).");

  m.def(
      "compile",
      [](const std::string &text, const std::string &entry, unsigned optLevel,
         bool fastmath, bool boundscheck, const std::string &errorModel,
         bool vectorize, const std::string &targetCPU,
         const std::string &targetFeatures, bool nogil, bool parallel) {
        std::vector<mumba::Diagnostic> diagnostics;
        mumba::CompileOptions options;
        options.optLevel = optLevel;
        options.fastmath = fastmath;
        options.boundscheck = boundscheck;
        options.parallel = parallel;
        options.errorModel = errorModelArg(errorModel);
        options.vectorize = vectorize;
        options.targetCPU = targetCPU;
        options.targetFeatures = targetFeatures;
        auto fn = CompiledFunction::compile(text, entry, options, diagnostics);
        if (!fn)
          raiseCompileError(diagnostics);
        return PyCompiled(std::move(fn), nogil);
      },
      py::arg("text"), py::arg("entry"), py::kw_only(),
      py::arg("opt_level") = 3, py::arg("fastmath") = false,
      py::arg("boundscheck") = false, py::arg("error_model") = "python",
      py::arg("vectorize") = true, py::arg("target_cpu") = "",
      py::arg("target_features") = "", py::arg("nogil") = false,
      py::arg("parallel") = false,
      "Compiles the entry function of an untyped nb module.");

  m.def(
      "set_num_threads", [](int count) { mumbaSetNumThreads(count); },
      py::arg("count"),
      "Sets how many threads the parallel loops this thread starts use "
      "(0: the default).");
  m.def(
      "get_num_threads", [] { return mumbaGetNumThreads(); },
      "How many threads the parallel loops this thread starts use.");
  m.def(
      "set_default_num_threads",
      [](int count) { mumbaSetDefaultNumThreads(count); }, py::arg("count"),
      "Sets the thread count of threads that did not set their own.");

  m.attr("CacheError") =
      py::module_::import("builtins")
          .attr("type")("CacheError", py::make_tuple(base),
                        py::dict(py::arg("__module__") = "mumba._mumba"));

  m.def(
      "load",
      [](const py::bytes &blob, const std::string &key, bool nogil) {
        std::string error;
        auto fn = CompiledFunction::load(std::string(blob), key, error);
        if (!fn) {
          py::object cls =
              py::module_::import("mumba._mumba").attr("CacheError");
          PyErr_SetString(cls.ptr(), error.c_str());
          throw py::error_already_set();
        }
        return PyCompiled(std::move(fn), nogil);
      },
      py::arg("blob"), py::arg("key"), py::kw_only(), py::arg("nogil") = false,
      "Loads a cache entry that Compiled.serialize(key) wrote; raises "
      "CacheError (with the reason) for a corrupt, truncated or stale one.");

  m.def(
      "check_target",
      [](const std::string &cpu, const std::string &features,
         const std::string &triple) {
        mumba::TargetSpec spec;
        spec.triple = triple;
        spec.cpu = cpu;
        spec.features = features;
        if (llvm::Error error = mumba::checkTargetSpec(spec))
          throw py::value_error(llvm::toString(std::move(error)));
      },
      py::arg("cpu"), py::arg("features"), py::arg("triple") = "",
      "Raises ValueError unless the target (the host's by default) knows "
      "this CPU and these features and can run the code.");

  m.def(
      "host_cpu", [] { return CompiledFunction::hostDescription(); },
      "The host's triple, CPU and features, as code is compiled for them.");

  m.def(
      "describe_types",
      [](const std::string &text, unsigned optLevel, bool fastmath,
         bool boundscheck, const std::string &errorModel) {
        mumba::CompileOptions options;
        options.optLevel = optLevel;
        options.fastmath = fastmath;
        options.boundscheck = boundscheck;
        options.errorModel = errorModelArg(errorModel);
        std::vector<mumba::Diagnostic> diagnostics;
        std::string output;
        if (!mumba::describeTypes(text, options, output, diagnostics))
          raiseCompileError(diagnostics);
        return output;
      },
      py::arg("text"), py::kw_only(), py::arg("opt_level") = 3,
      py::arg("fastmath") = false, py::arg("boundscheck") = false,
      py::arg("error_model") = "python",
      "The typed ops of an untyped nb module, line by line, values named "
      "after variables (for inspect_types).");

  // For mumba._dispatch: calls without Python in between.
  m.attr("_C_API") =
      py::capsule(const_cast<mumba::python::CompiledAPI *>(&compiledAPI),
                  mumba::python::kCompiledAPIName);

  m.def(
      "compiler_facts",
      [] {
        mumba::CompilerFacts facts = mumba::describeCompiler();
        py::dict d;
        d["stages"] = py::tuple(py::cast(facts.stages));
        d["runtime_symbols"] = py::tuple(py::cast(facts.runtimeSymbols));
        d["typed_calls"] = py::tuple(py::cast(facts.typedCalls));
        d["lowered_calls"] = py::tuple(py::cast(facts.loweredCalls));
        d["max_array_rank"] = facts.maxArrayRank;
        d["openmp_library"] = facts.openMPLibrary;
        return d;
      },
      "The names and limits the compiler owns: stages, runtime symbols, the "
      "keys of the typing and lowering registries, the highest array rank.");

  mumba::python::defineUFuncs(m);

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

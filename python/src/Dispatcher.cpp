//===- Dispatcher.cpp - The mumba._dispatch extension ---------------------===//
//
// The per-call path of every @njit function, in C with CPython's API only:
// from the positional arguments compute a type key (the Python type of a
// scalar; dtype, byte order, rank, layout and writability of an array),
// find the specialisation compiled for it and call it through the compiler
// extension's C API. Python code runs only on a miss (to compile) and for
// keyword arguments (to bind them). It is a module of its own so that
// `import mumba` stays fast: the compiler extension, with LLVM and MLIR,
// loads at the first compile.
//
//===----------------------------------------------------------------------===//
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "CompiledAPI.h"
#include <cstddef>
#include <cstdint>
#include <new>
#include <unordered_map>

namespace {

/// Calls with more positional arguments take the Python path each time.
constexpr Py_ssize_t kMaxKeyedArgs = 16;

struct Key {
  Py_ssize_t size = 0;
  uint64_t parts[kMaxKeyedArgs];
  bool operator==(const Key &other) const {
    // A loop the compiler inlines: keys are a few words, and a call to
    // memcmp costs more than comparing them.
    if (size != other.size)
      return false;
    for (Py_ssize_t i = 0; i < size; ++i)
      if (parts[i] != other.parts[i])
        return false;
    return true;
  }
};

struct KeyHash {
  size_t operator()(const Key &key) const {
    uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(key.size);
    for (Py_ssize_t i = 0; i < key.size; ++i)
      h = (h ^ key.parts[i]) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

struct Overload {
  PyObject *object; // the Compiled object (or Python function), kept alive
  void *compiled;   // its C++ object; null for a Python function
};

using OverloadMap = std::unordered_map<Key, Overload, KeyHash>;

struct DispatcherObject {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  OverloadMap *overloads;
  Py_ssize_t argcount;
  /// The entry the last call found: most call sites pass the same types
  /// every time, and comparing one key is cheaper than hashing it and
  /// dividing by the bucket count. Entries stay put until cleared.
  const OverloadMap::value_type *last;
};

/// The compiler extension's C API, imported at the first compile.
const mumba::python::CompiledAPI *api = nullptr;

/// The fields of NumPy's array and descriptor structs that the key needs
/// (NumPy's public C layout, stable across 1.x).
struct ArrayHead {
  PyObject_HEAD
  char *data;
  int nd;
  Py_ssize_t *dimensions;
  Py_ssize_t *strides;
  PyObject *base;
  PyObject *descr;
  int flags;
};
struct DescrHead {
  PyObject_HEAD
  PyObject *typeobj;
  char kind;
  char type;
  char byteorder;
  char flags;
  int type_num;
};
constexpr int kCContiguous = 0x0001, kFContiguous = 0x0002,
              kWriteable = 0x0400;

/// NumPy's ndarray type, found once NumPy is imported (by whoever passes
/// an array); this module never imports NumPy itself, which would slow
/// `import mumba`.
PyTypeObject *ndarrayType = nullptr;

void findNdarray() {
  PyObject *name = PyUnicode_FromString("numpy");
  PyObject *numpy = name ? PyImport_GetModule(name) : nullptr;
  Py_XDECREF(name);
  if (!numpy) {
    PyErr_Clear();
    return;
  }
  PyObject *ndarray = PyObject_GetAttrString(numpy, "ndarray");
  Py_DECREF(numpy);
  if (ndarray && PyType_Check(ndarray))
    ndarrayType = reinterpret_cast<PyTypeObject *>(ndarray); // kept
  else
    Py_XDECREF(ndarray);
  PyErr_Clear();
}

bool isArray(PyObject *obj) {
  return ndarrayType && PyObject_TypeCheck(obj, ndarrayType);
}

uint64_t keyOf(PyObject *arg) {
  PyTypeObject *type = Py_TYPE(arg);
  // Python's numbers first: no subtype check for the commonest arguments.
  if (type == &PyLong_Type || type == &PyFloat_Type || type == &PyBool_Type ||
      type == &PyComplex_Type || !isArray(arg))
    return reinterpret_cast<uint64_t>(type);
  auto *array = reinterpret_cast<ArrayHead *>(arg);
  auto *descr = reinterpret_cast<DescrHead *>(array->descr);
  unsigned layout = (array->flags & kCContiguous)   ? 0
                    : (array->flags & kFContiguous) ? 1
                                                    : 2;
  // Bit 63 tells arrays from type pointers (user-space addresses).
  return (1ull << 63) | (static_cast<uint64_t>(descr->type_num) << 24) |
         (static_cast<uint64_t>(static_cast<unsigned char>(descr->byteorder))
          << 16) |
         (static_cast<uint64_t>(array->nd & 0xff) << 8) | (layout << 4) |
         ((array->flags & kWriteable) ? 1 : 0);
}

PyObject *callOverload(const Overload &overload, PyObject *const *args,
                       Py_ssize_t nargs) {
  // Object mode: types that did not compile run a Python function.
  if (!overload.compiled) [[unlikely]]
    return PyObject_Vectorcall(overload.object, args, nargs, nullptr);
  return api->call(overload.compiled, args, nargs);
}

/// The Python path: bind keyword arguments and defaults, then call again.
PyObject *callWithKeywords(PyObject *self, PyObject *args, PyObject *kwargs) {
  PyObject *method = PyObject_GetAttrString(self, "_call_with_keywords");
  if (!method)
    return nullptr;
  PyObject *result = PyObject_Call(method, args, kwargs);
  Py_DECREF(method);
  return result;
}

/// The arguments as a tuple, for Python: a new reference.
PyObject *tupleOf(PyObject *const *items, Py_ssize_t nargs, PyObject *args) {
  if (args) {
    Py_INCREF(args);
    return args;
  }
  PyObject *tuple = PyTuple_New(nargs);
  if (!tuple)
    return nullptr;
  for (Py_ssize_t i = 0; i < nargs; ++i) {
    Py_INCREF(items[i]);
    PyTuple_SET_ITEM(tuple, i, items[i]);
  }
  return tuple;
}

/// Calls with every parameter given positionally, in order: `items`, and
/// `args` their tuple where the caller has one (else it is made on a miss).
PyObject *dispatch(PyObject *self, PyObject *const *items, Py_ssize_t nargs,
                   PyObject *args) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  if (!ndarrayType)
    findNdarray();

  Key key;
  bool keyed = nargs <= kMaxKeyedArgs;
  if (keyed) {
    key.size = nargs;
    for (Py_ssize_t i = 0; i < nargs; ++i)
      key.parts[i] = keyOf(items[i]);
    if (dispatcher->last && dispatcher->last->first == key) [[likely]]
      return callOverload(dispatcher->last->second, items, nargs);
    auto it = dispatcher->overloads->find(key);
    if (it != dispatcher->overloads->end()) {
      dispatcher->last = &*it;
      return callOverload(it->second, items, nargs);
    }
  }

  // A miss: Python types the arguments and compiles (or finds) the
  // specialisation, or gives a plain Python function to run instead
  // (object mode), which is keyed the same way.
  PyObject *tuple = tupleOf(items, nargs, args);
  if (!tuple)
    return nullptr;
  PyObject *compiled = PyObject_CallMethod(self, "_compile_for", "(O)", tuple);
  Py_DECREF(tuple);
  if (!compiled)
    return nullptr;
  if (PyFunction_Check(compiled)) {
    Overload overload{compiled, nullptr};
    if (!keyed) {
      PyObject *result = callOverload(overload, items, nargs);
      Py_DECREF(compiled);
      return result;
    }
    auto [it, inserted] = dispatcher->overloads->emplace(key, overload);
    if (!inserted)
      Py_DECREF(compiled);
    return callOverload(it->second, items, nargs);
  }
  if (!api) {
    api = static_cast<const mumba::python::CompiledAPI *>(
        PyCapsule_Import(mumba::python::kCompiledAPIName, 0));
    if (!api) {
      Py_DECREF(compiled);
      return nullptr;
    }
  }
  void *native = api->unwrap(compiled);
  if (!native) {
    Py_DECREF(compiled);
    return nullptr;
  }
  Overload overload{compiled, native};
  if (keyed) {
    auto [it, inserted] = dispatcher->overloads->emplace(key, overload);
    if (!inserted)
      Py_DECREF(compiled); // the same specialisation under an equal key
    return callOverload(it->second, items, nargs);
  }
  PyObject *result = callOverload(overload, items, nargs);
  Py_DECREF(compiled);
  return result;
}

PyObject *dispatchBound(PyObject *self, PyObject *args) {
  return dispatch(self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args),
                  args);
}

PyObject *dispatcherCall(PyObject *self, PyObject *args, PyObject *kwargs) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  if ((kwargs && PyDict_GET_SIZE(kwargs) != 0) ||
      PyTuple_GET_SIZE(args) != dispatcher->argcount)
    return callWithKeywords(self, args, kwargs);
  return dispatchBound(self, args);
}

/// The call of `f(x, y)` from Python code: the arguments as they lie on
/// the caller's stack, with no tuple made for them.
PyObject *dispatcherVectorcall(PyObject *self, PyObject *const *args,
                               size_t nargsf, PyObject *kwnames) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
  if ((!kwnames || PyTuple_GET_SIZE(kwnames) == 0) &&
      nargs == dispatcher->argcount) [[likely]]
    return dispatch(self, args, nargs, nullptr);
  PyObject *method = PyObject_GetAttrString(self, "_call_with_keywords");
  if (!method)
    return nullptr;
  PyObject *result = PyObject_Vectorcall(method, args, nargs, kwnames);
  Py_DECREF(method);
  return result;
}

int dispatcherInit(PyObject *self, PyObject *args, PyObject *kwargs) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  static const char *keywords[] = {"argcount", nullptr};
  Py_ssize_t argcount = -1;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|n",
                                   const_cast<char **>(keywords), &argcount))
    return -1;
  dispatcher->argcount = argcount;
  return 0;
}

PyObject *dispatcherNew(PyTypeObject *type, PyObject *, PyObject *) {
  PyObject *self = type->tp_alloc(type, 0);
  if (!self)
    return nullptr;
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  dispatcher->overloads = new (std::nothrow) OverloadMap();
  dispatcher->argcount = -1;
  dispatcher->last = nullptr;
  dispatcher->vectorcall = dispatcherVectorcall;
#if PY_VERSION_HEX < 0x030C0000
  // Before 3.12 a Python subclass (mumba.Dispatcher) inherits the
  // vectorcall offset but not the flag: set it, unless the subclass has a
  // __call__ of its own. (3.12 would also drop it if __call__ were
  // reassigned later; nothing does that.)
  if (type->tp_call == dispatcherCall)
    type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
#endif
  if (!dispatcher->overloads) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return self;
}

void dispatcherDealloc(PyObject *self) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  PyTypeObject *type = Py_TYPE(self);
  if (type->tp_flags & Py_TPFLAGS_HAVE_GC)
    PyObject_GC_UnTrack(self);
  if (dispatcher->overloads) {
    for (auto &entry : *dispatcher->overloads)
      Py_DECREF(entry.second.object);
    delete dispatcher->overloads;
    dispatcher->overloads = nullptr;
  }
  // A Python subclass's type reference is dropped by CPython's
  // subtype_dealloc, which calls this for a static base type.
  type->tp_free(self);
}

PyObject *dispatcherClear(PyObject *self, PyObject *) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  for (auto &entry : *dispatcher->overloads)
    Py_DECREF(entry.second.object);
  dispatcher->overloads->clear();
  dispatcher->last = nullptr;
  Py_RETURN_NONE;
}

PyObject *dispatcherCount(PyObject *self, PyObject *) {
  auto *dispatcher = reinterpret_cast<DispatcherObject *>(self);
  return PyLong_FromSize_t(dispatcher->overloads->size());
}

PyMethodDef dispatcherMethods[] = {
    {"_call_bound", dispatchBound, METH_VARARGS,
     "Calls with every parameter given positionally (after binding)."},
    {"_clear_native_cache", dispatcherClear, METH_NOARGS,
     "Forget the type-key cache (specialisations stay compiled)."},
    {"_native_cache_size", dispatcherCount, METH_NOARGS,
     "How many type keys the native cache holds."},
    {nullptr, nullptr, 0, nullptr}};

PyTypeObject dispatcherType = {
    PyVarObject_HEAD_INIT(nullptr, 0) "mumba._dispatch.DispatcherBase",
};

PyModuleDef moduleDef = {PyModuleDef_HEAD_INIT, "_dispatch",
                         "The native call path of jitted functions.", -1,
                         nullptr};

} // namespace

PyMODINIT_FUNC PyInit__dispatch() {
  dispatcherType.tp_basicsize = sizeof(DispatcherObject);
  dispatcherType.tp_flags =
      Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL;
  dispatcherType.tp_vectorcall_offset = offsetof(DispatcherObject, vectorcall);
  dispatcherType.tp_doc = "Base of mumba.Dispatcher: the native call path.";
  dispatcherType.tp_new = dispatcherNew;
  dispatcherType.tp_init = dispatcherInit;
  dispatcherType.tp_dealloc = dispatcherDealloc;
  dispatcherType.tp_call = dispatcherCall;
  dispatcherType.tp_methods = dispatcherMethods;
  if (PyType_Ready(&dispatcherType) < 0)
    return nullptr;
  PyObject *module = PyModule_Create(&moduleDef);
  if (!module)
    return nullptr;
  Py_INCREF(&dispatcherType);
  if (PyModule_AddObject(module, "DispatcherBase",
                         reinterpret_cast<PyObject *>(&dispatcherType)) < 0) {
    Py_DECREF(&dispatcherType);
    Py_DECREF(module);
    return nullptr;
  }
  return module;
}

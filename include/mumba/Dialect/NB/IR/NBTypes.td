//===- NBTypes.td - Types of the nb dialect ----------------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBTYPES_TD
#define MUMBA_DIALECT_NB_IR_NBTYPES_TD

include "mumba/Dialect/NB/IR/NBDialect.td"
include "mumba/Dialect/NB/IR/NBEnums.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class NB_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<NB_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def NB_UnknownType : NB_Type<"Unknown", "unknown"> {
  let summary = "the type of a value before type inference";
  let description = [{
    Every value the frontend emits has this type; `nb-infer-types` replaces
    it. No value of this type survives a successful inference.
  }];
}

def NB_NoneType : NB_Type<"PyNone", "none"> {
  let summary = "Python's None";
  let description = [{
    The type of `None`, and the return type of a function that returns
    nothing. It lowers to no value at all.
  }];
}

def NB_StrType : NB_Type<"Str", "str"> {
  let summary = "a string literal, known at compile time";
  let description = [{
    `!nb.str<"x =">` is the type of the constant `"x ="`. Nopython code has
    no run-time strings: a string literal can be printed or compared to
    another literal, and lowers to no value at all.

    ```mlir
    %s = nb.const("x =") : !nb.str<"x =">
    nb.print(%s, %x) : !nb.str<"x =">, f64
    ```
  }];
  let parameters = (ins StringRefParameter<"the text">:$value);
  let assemblyFormat = "`<` $value `>`";
}

def NB_VarType : NB_Type<"Var", "var"> {
  let summary = "a reference to a named variable slot";
  let description = [{
    The result of `nb.var`; only `nb.load_var` and `nb.store_var` use it.
    `nb-reconstruct-ssa` removes every value of this type.
  }];
}

def NB_ArrayType : NB_Type<"Array", "array"> {
  let summary = "a NumPy array of a given dtype, rank and layout";
  let description = [{
    `!nb.array<f64, 2, C>` is a two-dimensional C-contiguous float64 array.
    The layout is `C` (row-major, unit inner stride), `F` (column-major) or
    `A` (any strides, such as `a[::2]` or `a.T`). It lowers to a memref with
    an identity layout for `C` and a fully dynamic strided layout otherwise.
    A read-only array (`!nb.array<f64, 1, C, readonly>`, NumPy's
    `writeable=False`) may be read but not assigned to.
  }];
  let parameters = (ins "::mlir::Type":$dtype, "unsigned":$ndim,
                        EnumParameter<NB_ArrayLayout>:$layout,
                        DefaultValuedParameter<"bool", "false">:$readonly);
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::Type":$dtype,
                                        "unsigned":$ndim,
                                        "ArrayLayout":$layout), [{
      return $_get(dtype.getContext(), dtype, ndim, layout, false);
    }]>,
    TypeBuilder<(ins "::mlir::Type":$dtype, "unsigned":$ndim,
                     "ArrayLayout":$layout), [{
      return $_get($_ctxt, dtype, ndim, layout, false);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Bytes per element, as NumPy's itemsize (a bool takes one).
    unsigned getItemSize() const;
  }];
}

def NB_RangeType : NB_Type<"Range", "range"> {
  let summary = "the value of `range(start, stop, step)`";
  let description = [{
    `!nb.range<si64>` holds start, stop and step; it lowers to three integers.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def NB_RangeIterType : NB_Type<"RangeIter", "range_iter"> {
  let summary = "an iterator over a range";
  let description = [{
    The result of `nb.getiter` on a range: a mutable cursor plus the stop and
    step of the range.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def NB_ArrayIterType : NB_Type<"ArrayIter", "array_iter"> {
  let summary = "an iterator over the elements of a 1-D array";
  let description = [{
    The result of `nb.getiter` on `!nb.array<f64, 1, C>`: a cursor into the
    array, as `for x in a` walks it.
  }];
  let parameters = (ins "ArrayType":$arrayType);
  let assemblyFormat = "`<` qualified($arrayType) `>`";
}

def NB_TupleIterType : NB_Type<"TupleIter", "tuple_iter"> {
  let summary = "an iterator over a homogeneous tuple";
  let description = [{
    The result of `nb.getiter` on `tuple<si64, si64, si64>`: a cursor plus
    the tuple's elements, as `for x in (a, b, c)` walks them.

    ```mlir
    %it = nb.getiter %t : tuple<si64, si64> -> !nb.tuple_iter<tuple<si64, si64>>
    ```
  }];
  let parameters = (ins "::mlir::TupleType":$tupleType);
  let assemblyFormat = "`<` $tupleType `>`";
}

def NB_EnumerateType : NB_Type<"Enumerate", "enumerate"> {
  let summary = "the value of `enumerate(iterable, start)`";
  let description = [{
    An iterator (Python's enumerate object is its own iterator) that counts
    from `start` and wraps the iterator of the iterable: iterating it yields
    `tuple<si64, T>`. It lowers to a counter slot and the inner iterator's
    values.

    ```mlir
    %e = nb.call %enumerate(%a) : (!nb.function<"enumerate">, !nb.array<f64, 1, C>)
        -> !nb.enumerate<!nb.array_iter<!nb.array<f64, 1, C>>>
    ```
  }];
  let parameters = (ins "::mlir::Type":$iterator);
  let assemblyFormat = "`<` $iterator `>`";
}

def NB_ZipType : NB_Type<"Zip", "zip"> {
  let summary = "the value of `zip(a, b, ...)`";
  let description = [{
    An iterator over several iterators at once, yielding a tuple of their
    values until the shortest ends. It lowers to the inner iterators' values.

    ```mlir
    !nb.zip<!nb.range_iter<si64>, !nb.array_iter<!nb.array<f64, 1, C>>>
    ```
  }];
  let parameters = (ins ArrayRefParameter<"::mlir::Type">:$iterators);
  let assemblyFormat = "`<` $iterators `>`";
}

def NB_PairType : NB_Type<"Pair", "pair"> {
  let summary = "the result of `nb.iternext`: a value and whether it is valid";
  let description = [{
    `!nb.pair<si64, i1>`: `nb.pair_first` reads the value, `nb.pair_second`
    whether the iterator produced one.
  }];
  let parameters = (ins "::mlir::Type":$first, "::mlir::Type":$second);
  let assemblyFormat = "`<` $first `,` $second `>`";
}

def NB_ModuleType : NB_Type<"Module", "module"> {
  let summary = "a Python module resolved at compile time";
  let description = [{ `!nb.module<"math">`; attributes of it are functions. }];
  let parameters = (ins StringRefParameter<"the module's name">:$name);
  let assemblyFormat = "`<` $name `>`";
}

def NB_FunctionType : NB_Type<"PyFunction", "function"> {
  let summary = "a global function with a typing template";
  let description = [{
    `!nb.function<"math.sqrt">` names a function from the call-template
    registry (builtins, `math`, a NumPy subset).
  }];
  let parameters = (ins StringRefParameter<"the qualified name">:$name);
  let assemblyFormat = "`<` $name `>`";
}

def NB_DispatcherType : NB_Type<"Dispatcher", "dispatcher"> {
  let summary = "another jitted function, specialised per argument types";
  let description = [{
    `!nb.dispatcher<"g">` refers to the untyped template function `@g` in the
    same module; each call specialises it for the argument types.
  }];
  let parameters = (ins StringRefParameter<"the template's symbol">:$callee);
  let assemblyFormat = "`<` $callee `>`";
}

def NB_DTypeType : NB_Type<"DType", "dtype"> {
  let summary = "a NumPy scalar type used as a dtype or a conversion";
  let description = [{
    The value of `np.float32` or `np.int64`: passed as `dtype=` to array
    constructors, or called to convert a number (`np.float32(x)`). Known at
    compile time, so it lowers to nothing.
  }];
  let parameters = (ins "::mlir::Type":$dtype);
  let assemblyFormat = "`<` $dtype `>`";
}

def NB_BoundMethodType : NB_Type<"BoundMethod", "bound_method"> {
  let summary = "a method bound to its receiver, such as `a.copy`";
  let description = [{
    `!nb.bound_method<"copy", !nb.array<f64, 1, C>>` is the value of
    `a.copy`; calling it calls the template `array.copy` with `a` first. It
    lowers to the receiver's values.
  }];
  let parameters = (ins StringRefParameter<"the method's name">:$name,
                        "::mlir::Type":$receiver);
  let assemblyFormat = "`<` $name `,` $receiver `>`";
}

def NB_OptionalType : NB_Type<"Optional", "optional"> {
  let summary = "a function result that is a value or None";
  let description = [{
    `!nb.optional<si64>` is the result type of a function that returns an
    int64 on some paths and None on others, as Numba's `OptionalType`. Only
    results are optional: a variable that may be None is a typing error.
    It lowers to the value and an `i1` that says whether there is one.
  }];
  let parameters = (ins "::mlir::Type":$valueType);
  let assemblyFormat = "`<` $valueType `>`";
}

def NB_SliceType : NB_Type<"Slice", "slice"> {
  let summary = "a Python slice object";
  let description = [{ The value of `start:stop:step` in a subscript. }];
}

def NB_PyObjectType : NB_Type<"PyObject", "pyobject"> {
  let summary = "an arbitrary Python object (object mode)";
  let description = [{ A value that object mode handles through the C API. }];
}

#endif // MUMBA_DIALECT_NB_IR_NBTYPES_TD

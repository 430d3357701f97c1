//===- NBOps.td - Operations of the nb dialect -------------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBOPS_TD
#define MUMBA_DIALECT_NB_IR_NBOPS_TD

include "mumba/Dialect/NB/IR/NBDialect.td"
include "mumba/Dialect/NB/IR/NBTypes.td"
include "mumba/Dialect/NB/IR/NBEnums.td"
include "mumba/Dialect/NB/IR/NBInterfaces.td"
include "mlir/Interfaces/MemorySlotInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

class NB_Op<string mnemonic, list<Trait> traits = []>
    : Op<NB_Dialect, mnemonic, traits>;

// An op whose result types come from its typing rule.
class NB_TypedOp<string mnemonic, list<Trait> traits = []>
    : NB_Op<mnemonic, !listconcat(traits,
        [DeclareOpInterfaceMethods<NB_TypeInferenceOpInterface>])>;

// A typed op whose rule needs no context (operators, constant subscripts):
// once its operands are typed, its verifier runs the rule and requires the
// result types it gives, so typed IR that no inference would produce (a
// truediv of bools typed bool, a tuple index past the end) is rejected at
// parse time instead of reaching a lowering that assumes the rule held.
class NB_RuleCheckedOp<string mnemonic, list<Trait> traits = []>
    : NB_TypedOp<mnemonic, traits> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

def NB_VarOp : NB_Op<"var", [
    DeclareOpInterfaceMethods<PromotableAllocationOpInterface>]> {
  let summary = "a named variable slot (Numba's ir.Var)";
  let description = [{
    Declares a local variable of the Python function. The frontend stores to
    and loads from it with `nb.store_var` / `nb.load_var`; redefinitions are
    just more stores. `nb-reconstruct-ssa` promotes every slot to SSA values
    and block arguments and erases it.

    ```mlir
    %x = nb.var "x"
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs NB_VarType:$slot);
  let assemblyFormat = "$name attr-dict";
  let hasVerifier = 1;
}

def NB_LoadVarOp : NB_Op<"load_var", [
    DeclareOpInterfaceMethods<PromotableMemOpInterface>,
    MemoryEffects<[MemRead]>]> {
  let summary = "reads a variable";
  let description = [{
    ```mlir
    %v = nb.load_var %x : !nb.unknown
    ```
  }];
  let arguments = (ins NB_VarType:$slot);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$slot attr-dict `:` type($result)";
}

def NB_StoreVarOp : NB_Op<"store_var", [
    DeclareOpInterfaceMethods<PromotableMemOpInterface>,
    MemoryEffects<[MemWrite]>]> {
  let summary = "assigns a variable";
  let description = [{
    ```mlir
    nb.store_var %v to %x : !nb.unknown
    ```
  }];
  let arguments = (ins AnyType:$value, NB_VarType:$slot);
  let assemblyFormat = "$value `to` $slot attr-dict `:` type($value)";
}

def NB_UndefOp : NB_TypedOp<"undef", [Pure]> {
  let summary = "the value of a variable read before any assignment";
  let description = [{
    Created by `nb-reconstruct-ssa` as the reaching definition of a variable
    on paths where Python would raise UnboundLocalError. Inference gives it
    the type of whatever it merges with; it lowers to `ub.poison`.

    ```mlir
    %u = nb.undef : !nb.unknown
    ```
  }];
  let results = (outs AnyType:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Leaf expressions
//===----------------------------------------------------------------------===//

def NB_ArgOp : NB_TypedOp<"arg", [Pure, HasParent<"::mlir::func::FuncOp">]> {
  let summary = "reads an argument of the function (Numba's `arg`)";
  let description = [{
    Reads argument `index` (named `name` in the source). Its type is the
    function's argument type; it lowers to the entry block argument.

    ```mlir
    %a = nb.arg 0 "a" : !nb.unknown
    ```
  }];
  let arguments = (ins I64Attr:$index, StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$index $name attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def NB_ConstOp : NB_TypedOp<"const", [Pure]> {
  let summary = "a Python literal (Numba's `const`)";
  let description = [{
    An `int` (as an i64 attribute, or a ui64 one for literals from 2**63 to
    2**64 - 1), `float` (f64), `bool` (`true`/`false`), `None` (`unit`) or a
    string. Its type follows Python and Numba: int64 (uint64 for the large
    literals), float64, bool, none, `!nb.str<"...">`.

    ```mlir
    %c = nb.const(3) : !nb.unknown
    %f = nb.const(2.500000e+00) : !nb.unknown
    %n = nb.const(unit) : !nb.unknown
    %u = nb.const(18446744073709551615 : ui64) : !nb.unknown
    ```
  }];
  let arguments = (ins AnyAttr:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "`(` $value `)` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def NB_GlobalOp : NB_TypedOp<"global", [Pure]> {
  let summary = "a global name resolved at compile time (Numba's `global`)";
  let description = [{
    A string names a module (`"math"`, `"numpy"`) or a function of the call
    template registry (`"range"`, `"math.sqrt"`); a symbol reference names
    another jitted function whose untyped template is in the module.

    ```mlir
    %m = nb.global("math") : !nb.unknown
    %g = nb.global(@helper) : !nb.unknown
    ```
  }];
  let arguments = (ins AnyAttrOf<[StrAttr, FlatSymbolRefAttr]>:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "`(` $value `)` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

class NB_BinaryOp<string mnemonic> : NB_RuleCheckedOp<mnemonic> {
  let arguments = (ins NB_BinOpKind:$kind, AnyType:$lhs, AnyType:$rhs);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
}

def NB_BinOp : NB_BinaryOp<"binop"> {
  let summary = "a Python binary operator (Numba's `binop`)";
  let description = [{
    Python semantics: `truediv` is true division, `floordiv` and `mod` round
    toward negative infinity, int and float mix to float, bool arithmetic is
    int. Division by zero raises, so the op is not `Pure`.

    ```mlir
    %r = nb.binop floordiv %a, %b : (si64, si64) -> si64
    ```
  }];
}

def NB_InplaceBinOp : NB_BinaryOp<"inplace_binop"> {
  let summary = "an augmented assignment operator (Numba's `inplace_binop`)";
  let description = [{
    `x += y`. On numbers it means the same as `nb.binop`; it stays a separate
    op because on mutable containers Python updates the left operand.

    ```mlir
    %r = nb.inplace_binop add %t, %x : (f64, f64) -> f64
    ```
  }];
}

def NB_CompareOp : NB_RuleCheckedOp<"compare"> {
  let summary = "a Python comparison";
  let description = [{
    One comparison of a possibly chained Python comparison; the frontend
    splits `a < b < c` into two with short-circuit control flow.

    ```mlir
    %r = nb.compare lt %a, %b : (si64, f64) -> i1
    ```
  }];
  let arguments = (ins NB_CmpOpKind:$kind, AnyType:$lhs, AnyType:$rhs);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
}

def NB_UnaryOp : NB_RuleCheckedOp<"unary"> {
  let summary = "a Python unary operator (`-x`, `+x`, `not x`, `~x`)";
  let description = [{
    ```mlir
    %r = nb.unary neg %a : si64 -> si64
    ```
  }];
  let arguments = (ins NB_UnaryOpKind:$kind, AnyType:$operand);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $operand attr-dict `:` type($operand) `->` type($result)";
}

def NB_TruthOp : NB_RuleCheckedOp<"truth"> {
  let summary = "Python truthiness, for branches";
  let description = [{
    `bool(x)` as the condition of `cf.cond_br`: non-zero numbers are true.

    ```mlir
    %c = nb.truth %v : si64
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs I1:$result);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def NB_CastOp : NB_TypedOp<"cast"> {
  let summary = "a conversion between types (Numba's `cast`)";
  let description = [{
    Inserted by `nb-infer-types` where a value meets a wider type: an int
    flowing into a float block argument, a return value of a function whose
    other returns are float.

    ```mlir
    %f = nb.cast %i : si64 to f64
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$value attr-dict `:` type($value) `to` type($result)";
}

//===----------------------------------------------------------------------===//
// Attributes, items and calls
//===----------------------------------------------------------------------===//

def NB_GetAttrOp : NB_TypedOp<"getattr"> {
  let summary = "attribute access `value.attr` (Numba's `getattr`)";
  let description = [{
    ```mlir
    %s = nb.getattr %a, "shape" : !nb.array<f64, 2, C> -> tuple<si64, si64>
    ```
  }];
  let arguments = (ins AnyType:$value, StrAttr:$attr);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `,` $attr attr-dict `:` type($value) `->` type($result)";
}

def NB_GetItemOp : NB_TypedOp<"getitem"> {
  let summary = "subscript `value[i, j]` (Numba's `getitem`)";
  let description = [{
    Each index of a multi-dimensional subscript is its own operand. Negative
    indices count from the end, as in Python.

    ```mlir
    %v = nb.getitem %a[%i, %j] : (!nb.array<f64, 2, C>, si64, si64) -> f64
    ```
  }];
  let arguments = (ins AnyType:$value, Variadic<AnyType>:$indices);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `[` $indices `]` attr-dict `:` functional-type(operands, results)";
}

def NB_StaticGetItemOp : NB_RuleCheckedOp<"static_getitem"> {
  let summary = "subscript by a constant integer (Numba's `static_getitem`)";
  let description = [{
    ```mlir
    %n = nb.static_getitem %shape[1] : tuple<si64, si64> -> si64
    ```
  }];
  let arguments = (ins AnyType:$value, I64Attr:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `[` $index `]` attr-dict `:` type($value) `->` type($result)";
}

def NB_SetItemOp : NB_TypedOp<"setitem"> {
  let summary = "item assignment `target[i, j] = value` (Numba's `setitem`)";
  let description = [{
    The value is converted to the array's dtype, as NumPy assignment does.

    ```mlir
    nb.setitem %a[%i], %v : (!nb.array<f64, 1, C>, si64, f64) -> ()
    ```
  }];
  let arguments = (ins AnyType:$target, Variadic<AnyType>:$indices,
                       AnyType:$value);
  let assemblyFormat = "$target `[` $indices `]` `,` $value attr-dict `:` "
                       "functional-type(operands, results)";
}

def NB_CallOp : NB_TypedOp<"call", [AttrSizedOperandSegments]> {
  let summary = "a call (Numba's `call`), positional and keyword arguments";
  let description = [{
    The callee is a value: a `!nb.function` from the template registry or a
    `!nb.dispatcher` naming another jitted function.

    ```mlir
    %r = nb.call %f(%x) : (!nb.function<"math.sqrt">, f64) -> f64
    %s = nb.call %g(%x) kw(%y) {kwnames = ["scale"]}
        : (!nb.dispatcher<"g">, f64, f64) -> f64
    ```
  }];
  let arguments = (ins AnyType:$callee, Variadic<AnyType>:$args,
                       Variadic<AnyType>:$kwargs,
                       OptionalAttr<StrArrayAttr>:$kwnames);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$callee `(` $args `)` (`kw` `(` $kwargs^ `)`)? "
                       "attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def NB_BuildTupleOp : NB_TypedOp<"build_tuple", [Pure]> {
  let summary = "a tuple display `(a, b)` (Numba's `build_tuple`)";
  let description = [{
    ```mlir
    %t = nb.build_tuple(%a, %b) : (si64, f64) -> tuple<si64, f64>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "`(` $elements `)` attr-dict `:` functional-type(operands, results)";
}

def NB_BuildSliceOp : NB_TypedOp<"build_slice", [Pure]> {
  let summary = "a slice `start:stop:step` in a subscript";
  let description = [{
    Each bound is an integer or None (`nb.const(unit)`) for a missing one.
    `a[1:n, j]` indexes with a slice and an integer and gives a view.

    ```mlir
    %s = nb.build_slice(%start, %stop, %step) : (si64, !nb.none, !nb.none) -> !nb.slice
    ```
  }];
  let arguments = (ins AnyType:$start, AnyType:$stop, AnyType:$step);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "`(` $start `,` $stop `,` $step `)` attr-dict `:` functional-type(operands, results)";
}

def NB_BuildListOp : NB_TypedOp<"build_list"> {
  let summary = "a list display `[a, b]` (Numba's `build_list`)";
  let description = [{
    ```mlir
    %l = nb.build_list(%a, %b) : (!nb.unknown, !nb.unknown) -> !nb.unknown
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "`(` $elements `)` attr-dict `:` functional-type(operands, results)";
}

//===----------------------------------------------------------------------===//
// Iteration
//===----------------------------------------------------------------------===//

def NB_GetIterOp : NB_TypedOp<"getiter"> {
  let summary = "`iter(value)`, the start of a for loop (Numba's `getiter`)";
  let description = [{
    ```mlir
    %it = nb.getiter %r : !nb.range<si64> -> !nb.range_iter<si64>
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$value attr-dict `:` type($value) `->` type($result)";
}

def NB_IterNextOp : NB_TypedOp<"iternext"> {
  let summary = "advances an iterator (Numba's `iternext`)";
  let description = [{
    Produces the next value and whether there was one, and moves the
    iterator on.

    ```mlir
    %p = nb.iternext %it : !nb.range_iter<si64> -> !nb.pair<si64, i1>
    ```

    `parallel` marks the header of a `for i in prange(...)` loop under
    `parallel=True` (a range iterator): its iterations may run on several
    threads at once (docs/parallel.md).

    ```mlir
    %p = nb.iternext %it {parallel} : !nb.range_iter<si64> -> !nb.pair<si64, i1>
    ```
  }];
  let arguments = (ins AnyType:$iterator, UnitAttr:$parallel);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$iterator attr-dict `:` type($iterator) `->` type($result)";
}

def NB_PairFirstOp : NB_TypedOp<"pair_first", [Pure]> {
  let summary = "the value of an `nb.iternext` pair";
  let description = [{
    ```mlir
    %i = nb.pair_first %p : !nb.pair<si64, i1> -> si64
    ```
  }];
  let arguments = (ins AnyType:$pair);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$pair attr-dict `:` type($pair) `->` type($result)";
}

def NB_PairSecondOp : NB_TypedOp<"pair_second", [Pure]> {
  let summary = "whether an `nb.iternext` pair holds a value";
  let description = [{
    ```mlir
    %ok = nb.pair_second %p : !nb.pair<si64, i1> -> i1
    ```
  }];
  let arguments = (ins AnyType:$pair);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$pair attr-dict `:` type($pair) `->` type($result)";
}

def NB_ExhaustIterOp : NB_TypedOp<"exhaust_iter"> {
  let summary = "checks that an iterable has exactly `count` items";
  let description = [{
    Tuple unpacking `a, b = t` of a value that is not a tuple display.

    ```mlir
    %t2 = nb.exhaust_iter %t, 2 : tuple<si64, f64> -> tuple<si64, f64>
    ```
  }];
  let arguments = (ins AnyType:$value, I64Attr:$count);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `,` $count attr-dict `:` type($value) `->` type($result)";
}

//===----------------------------------------------------------------------===//
// Statements and terminators
//===----------------------------------------------------------------------===//

def NB_PrintOp : NB_TypedOp<"print"> {
  let summary = "the `print` statement (Numba's `Print`)";
  let description = [{
    Prints its values as Python's `print` does: numbers, bools, None, string
    literals and tuples of them, separated by `sep` (default a space) and
    followed by `end` (default a newline). It lowers to calls of the
    runtime's `mumbaPrint`.

    ```mlir
    nb.print(%a, %b) : !nb.unknown, !nb.unknown
    nb.print(%s, %x) {sep = ", ", end = ""} : !nb.str<"x">, f64
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values, OptionalAttr<StrAttr>:$sep,
                       OptionalAttr<StrAttr>:$end);
  let assemblyFormat = "`(` $values `)` attr-dict (`:` type($values)^)?";
}

def NB_ReturnOp : NB_Op<"return", [HasParent<"::mlir::func::FuncOp">,
                                   Terminator, ReturnLike]> {
  let summary = "returns from the function (Numba's `Return`)";
  let description = [{
    Every Python function returns one value; `None` when it says nothing.
    Once the function's result type is known, the operand must have it.

    ```mlir
    nb.return %v : f64
    ```
  }];
  let arguments = (ins AnyType:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
  let hasVerifier = 1;
}

def NB_RaiseIfOp : NB_Op<"raise_if"> {
  let summary = "leaves the function with a status when a condition holds";
  let description = [{
    Used inside `convert-nb-to-std` only: where Python would raise, a
    pattern emits this op; once every op is converted, the pass splits the
    block and branches to a new block that calls `recorder` (if any) with
    the `details` and returns `status` as the function's first result, with
    placeholders for the others. Keeping block surgery out of the patterns
    keeps the conversion simple.

    ```mlir
    nb.raise_if %is_zero, %c1_i32
    nb.raise_if %out_of_bounds, %c8_i32 record @mumbaRaiseIndexError(%i, %axis, %n) : i64, i64, i64
    ```
  }];
  let arguments = (ins I1:$condition, I32:$status, Variadic<AnyType>:$details,
                       OptionalAttr<FlatSymbolRefAttr>:$recorder);
  let assemblyFormat = "$condition `,` $status (`record` $recorder^ `(` "
                       "$details `)` `:` type($details))? attr-dict";
}

def NB_RaiseOp : NB_Op<"raise", [Terminator]> {
  let summary = "raises an exception (Numba's `Raise`)";
  let description = [{
    In nopython code the exception is known at compile time: a builtin
    exception class and either its arguments, as the Python literal of a
    tuple (`raise KeyError` has `()`, `raise ValueError("bad", 2)` has
    `('bad', 2)`, a failed `assert x, "m"` has `('m',)`), which the
    dispatcher evaluates to build exactly the exception Python would; or
    one message (the exception's only argument), as the lowering's own
    raises give. Object mode raises an exception value instead.

    ```mlir
    nb.raise {exc_class = "KeyError", exc_args = "()"}
    nb.raise {exc_class = "ValueError", message = "bad"}
    nb.raise %exc : !nb.pyobject
    ```
  }];
  let arguments = (ins Optional<AnyType>:$exception,
                       OptionalAttr<StrAttr>:$exc_class,
                       OptionalAttr<StrAttr>:$message,
                       OptionalAttr<StrAttr>:$exc_args);
  let assemblyFormat = "($exception^ `:` type($exception))? attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Array expressions
//===----------------------------------------------------------------------===//

def NB_ArrayExprOp : NB_Op<"arrayexpr", [SingleBlock,
    RecursiveMemoryEffects]> {
  let summary = "a fused tree of element-wise array operations (Numba's "
                "`arrayexpr`)";
  let description = [{
    Made by `nb-fuse-array-exprs` from operators and ufuncs on arrays whose
    intermediate results are used once: one op computes the whole tree, its
    body the scalar computation of one element. The body has one argument
    per input, the input's dtype for an array and the scalar itself
    otherwise, and yields the element of the result. Inputs broadcast
    against each other as NumPy's do; the result is a new C-contiguous
    array of the broadcast shape, which `convert-nb-to-std` computes with
    one `linalg.generic` and no temporaries.

    ```mlir
    %r = nb.arrayexpr(%a, %b, %s) : (!nb.array<f64, 2, C>, !nb.array<f64, 1, A>, f64) -> !nb.array<f64, 2, C> {
    ^bb0(%x: f64, %y: f64, %z: f64):
      %0 = nb.binop mul %x, %y : (f64, f64) -> f64
      %1 = nb.binop add %0, %z : (f64, f64) -> f64
      nb.yield %1 : f64
    }
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$inputs);
  let results = (outs NB_ArrayType:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    `(` $inputs `)` attr-dict `:` functional-type($inputs, $result) $body
  }];
  let hasVerifier = 1;
}

def NB_YieldOp : NB_Op<"yield", [Pure, Terminator,
    HasParent<"ArrayExprOp">]> {
  let summary = "the element an nb.arrayexpr body computes";
  let description = [{
    ```mlir
    nb.yield %1 : f64
    ```
  }];
  let arguments = (ins AnyType:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def NB_CopyToOp : NB_Op<"copyto"> {
  let summary = "stores an array or a scalar into an array, element by "
                "element (`np.copyto`)";
  let description = [{
    What slice assignment (`a[1:-1] = expr`, `m[:, 0] = v`, `a[...] = 0`)
    and in-place operators on arrays (`a += b`) become: `source` broadcasts
    to the shape of `dest` (a ValueError where it does not) and converts to
    its dtype. A source that may share memory with `dest` is read in full
    before `dest` is written, as NumPy does.

    ```mlir
    nb.copyto %view, %r : !nb.array<f64, 1, A>, !nb.array<f64, 1, C>
    ```
  }];
  let arguments = (ins NB_ArrayType:$dest, AnyType:$source);
  let assemblyFormat = "$dest `,` $source attr-dict `:` qualified(type($dest)) "
                       "`,` type($source)";
  let hasVerifier = 1;
}

#endif // MUMBA_DIALECT_NB_IR_NBOPS_TD

//===- Passes.td - Passes on the nb dialect ----------------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_TRANSFORMS_PASSES_TD
#define MUMBA_DIALECT_NB_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NBReconstructSSAPass : Pass<"nb-reconstruct-ssa", "::mlir::func::FuncOp"> {
  let summary = "Promotes nb.var slots to SSA values and block arguments";
  let description = [{
    The frontend writes every Python variable through an `nb.var` slot, as
    Numba IR names variables. This pass promotes all slots of a function at
    once (dominance frontiers computed once, merge blocks at each slot's
    iterated frontier, one renaming walk down the dominator tree, unread
    merges dropped): loads become the reaching stored value, merges become
    block arguments (named after the variable through a `NameLoc`, by the
    slot's MemorySlot hooks), and reads before any assignment become
    `nb.undef`.

    ```mlir
    // before
    %x = nb.var "x"
    nb.store_var %0 to %x : !nb.unknown
    %1 = nb.load_var %x : !nb.unknown
    // after: uses of %1 use %0
    ```
  }];
  let dependentDialects = ["::mumba::nb::NBDialect"];
}

def NBInferTypesPass : Pass<"nb-infer-types", "::mlir::ModuleOp"> {
  let summary = "Types every nb value from the argument types of the entry functions";
  let description = [{
    Functions whose arguments are all typed are roots; functions with
    `!nb.unknown` arguments are templates of other jitted functions, which
    each call specialises for its argument types (monomorphisation) and which
    are erased at the end. Inference is a forward data-flow to a fixed point:
    each op's typing rule (`TypeInferenceOpInterface`) computes result types
    from operand types, block arguments take the unification of their
    incoming values (`t = 0` then `t += a[i]` makes `t` float64), and the
    function's result type is the unification of its returns. `nb.cast` is
    inserted where a value meets a wider type. A value that cannot be typed
    stops the pass with an error at its Python source location naming the
    types involved.
  }];
  let dependentDialects = ["::mumba::nb::NBDialect"];
}

def NBFuseArrayExprsPass
    : Pass<"nb-fuse-array-exprs", "::mlir::func::FuncOp"> {
  let summary = "Groups trees of element-wise array operations into nb.arrayexpr";
  let description = [{
    As Numba's `RewriteArrayExprs`: every operator on arrays (`a * b + 2.0`,
    `-a`, `a < 0`) becomes part of an `nb.arrayexpr`, whose scalar body
    computes one element, so that the lowering makes one loop nest and no
    temporaries. An operation joins the expression that uses its result when
    that is its only use, in the same block, with nothing in between that may
    write memory (a store, a call, print). In the body each operand is
    converted to the dtype NumPy computes in, and the scalar result to the
    dtype NumPy gives (int32 arithmetic wraps at 32 bits, bool `+` is `or`).
    An in-place operator on an array (`a += b`) becomes the expression of
    `a + b` stored back with `nb.copyto`.

    ```mlir
    %0 = nb.binop mul %a, %b : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C>
    %1 = nb.binop add %0, %c : (!nb.array<f64, 1, C>, f64) -> !nb.array<f64, 1, C>
    // becomes
    %1 = nb.arrayexpr(%a, %b, %c) : (...) -> !nb.array<f64, 1, C> {
    ^bb0(%x: f64, %y: f64, %z: f64):
      %0 = nb.binop mul %x, %y : (f64, f64) -> f64
      %1 = nb.binop add %0, %z : (f64, f64) -> f64
      nb.yield %1 : f64
    }
    ```
  }];
  let dependentDialects = ["::mumba::nb::NBDialect"];
}

#endif // MUMBA_DIALECT_NB_TRANSFORMS_PASSES_TD

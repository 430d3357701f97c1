//===- Passes.td - Mumba's passes on upstream dialects -----*- tablegen -*-===//
#ifndef MUMBA_TRANSFORMS_PASSES_TD
#define MUMBA_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def MumbaUpliftWhileToForPass
    : Pass<"mumba-uplift-while-to-for", "::mlir::func::FuncOp"> {
  let summary = "Turns counted scf.while loops into scf.for";
  let description = [{
    `lift-cf-to-scf` makes every loop an `scf.while`. A `for i in range(...)`
    loop with a constant positive step comes out with the comparison and the
    increment of its cursor both in the `before` region, the incremented
    cursor passed on through `scf.condition`:

    ```mlir
    %r:2 = scf.while (%i = %c0) : (i64) -> (i64, i64) {
      %more = arith.cmpi slt, %i, %n : i64
      %next = arith.addi %i, %c1 : i64
      scf.condition(%more) %next, %i : i64, i64
    } do {
    ^bb0(%next: i64, %i: i64):
      ...
      scf.yield %next : i64
    }
    ```

    This pass first sinks such pure computations on forwarded arguments
    from `scf.condition` into the `after` region (and after the loop, for
    the results), so that the `before` region holds the comparison alone;
    then upstream's while-to-for uplifting recognises the loop:

    ```mlir
    scf.for %i = %c0 to %n step %c1 : i64 { ... }
    ```

    Pure computations that do not depend on the loop (the size of an
    iterated array, read in every loop header) are hoisted out first.

    Loops that test something else (a `while` on data, an early `return`
    inside the body, a step whose sign is known only at run time) stay
    `scf.while`.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"
  ];
}

def MumbaFoldIndexChecksPass
    : Pass<"mumba-fold-index-checks", "::mlir::func::FuncOp"> {
  let summary = "Folds index checks that a counted loop makes redundant";
  let description = [{
    Python's indexing costs two checks: the negative-index wrap-around
    `select(i < 0, i + size, i)` and, with `boundscheck=True`, the test
    `i >= size` that raises IndexError. Inside a counted loop in cf form,

    ```mlir
    ^head(%i: i64):            // entered with a constant >= 0,
      %more = arith.cmpi slt, %i, %n : i64   // re-entered with %i + c, c > 0
      cf.cond_br %more, ^body, ^exit
    ^body:                     // only from ^head: 0 <= lb <= %i < %n
    ```

    an index `%i + c` is non-negative when `lb + c >= 0`, and below a size
    `%d` when `%n + c <= %d` (`%n` the size itself, or the size minus a
    constant, as in `range(1, len(a) - 1)`). Those checks become constants;
    canonicalisation then drops the selects, and the raising branches with
    them, so that the loop has a single exit and can become `scf.for` and
    `affine.for`. Checks this cannot decide stay.

    ```mlir
    %k = arith.index_cast %i : i64 to index
    %neg = arith.cmpi slt, %k, %c0 : index     // -> false
    %w = arith.select %neg, %kd, %k : index
    %oob = arith.cmpi uge, %w, %dim : index    // -> false (%n is %dim)
    cf.cond_br %oob, ^raise, ^load
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def MumbaRaiseToAffinePass
    : Pass<"mumba-raise-to-affine", "::mlir::func::FuncOp"> {
  let summary = "Raises scf.for loops and their memref accesses to affine";
  let description = [{
    An `scf.for` whose bounds are affine in the induction variables of the
    enclosing affine loops and in values defined outside every loop (affine
    symbols), and whose step is a positive constant, becomes an `affine.for`
    over `index` (an `i64` loop of Python's `range` keeps its `i64` value
    through an `arith.index_cast`). Inside affine loops, `memref.load` and
    `memref.store` whose indices are affine become `affine.load` and
    `affine.store`.

    Index arithmetic is followed through `arith.addi`, `arith.subi`,
    `arith.muli` by a constant and `arith.index_cast` between `i64` and
    `index` (both 64 bits wide, so the arithmetic is the same). Python's
    negative-index wrap-around, `select(i < 0, i + dim, i)`, is dropped
    where the index is provably non-negative, as `a[i - 1]` is for
    `i in range(1, n)`; an index not known to be non-negative keeps its
    wrap and its access stays a `memref.load`.

    ```mlir
    scf.for %i = %c1 to %n step %c1 : i64 {
      %j = arith.subi %i, %c1 : i64
      %k = arith.index_cast %j : i64 to index
      %neg = arith.cmpi slt, %k, %c0 : index
      %w = arith.addi %k, %dim : index
      %idx = arith.select %neg, %w, %k : index
      %v = memref.load %a[%idx] : memref<?xf64>
    }
    // becomes
    affine.for %i = 1 to %sym {
      %v = affine.load %a[%i - 1] : memref<?xf64>
    }
    ```

    Loops with data-dependent bounds or steps, and accesses through
    indirect or non-affine indices, stay as they are.
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect"
  ];
}

def MumbaAffineOptPass : Pass<"mumba-affine-opt", "::mlir::func::FuncOp"> {
  let summary = "Affine LICM, scalar replacement, fusion and vectorisation "
                "where they are legal";
  let description = [{
    Runs upstream's affine loop-invariant code motion, scalar replacement,
    loop fusion and (optionally) super-vectorisation on a function, each
    where it is legal for Python code:

    - Scalar replacement (`affine-scalrep`) asks an alias analysis, so it
      always runs.
    - The others see only accesses to the same memref value, yet NumPy
      arguments may overlap (`f(a, a)`, or views of one buffer). They run on
      a function only when no memref it writes may alias another memref it
      accesses (upstream's local alias analysis: distinct allocations do not
      alias; two arguments may).
    - Loop-invariant code motion also hoists loads out of loops that may not
      run at all; it runs only when every loop that could lose such a load
      has a trip count known to be positive.

    Upstream's fusion weighs a fusion by trip counts, so it fuses loops whose
    trip counts are constants:

    ```mlir
    affine.for %i = 0 to 1024 {
      %x = affine.load %a[%i] : memref<?xf64>
      affine.store %x, %t[%i] : memref<1024xf64>
    }
    affine.for %i = 0 to 1024 {
      %y = affine.load %t[%i] : memref<1024xf64>
      affine.store %y, %b[%i] : memref<1024xf64>
    }
    // one loop when %a cannot overlap %b: %t and %b are allocated here
    ```
  }];
  let options = [
    Option<"licm", "licm", "bool", "true",
           "Hoist loop-invariant code out of affine loops">,
    Option<"scalrep", "scalrep", "bool", "true",
           "Forward stores to loads and drop redundant loads">,
    Option<"fusion", "fusion", "bool", "true", "Fuse affine loop nests">,
    Option<"vectorSize", "vector-size", "unsigned", "0",
           "Super-vectorise innermost loops to vectors of this many "
           "elements (0: leave it to LLVM's vectorisers)">,
    Option<"vectorizeReductions", "vectorize-reductions", "bool", "false",
           "With vector-size, vectorise reductions too (reassociates; "
           "fastmath only)">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect", "::mlir::vector::VectorDialect"
  ];
}

def MumbaFastMathPass : Pass<"mumba-fastmath", "::mlir::func::FuncOp"> {
  let summary = "Sets fast-math flags on floating-point arithmetic";
  let description = [{
    `@njit(fastmath=True)`: every op with fast-math flags (`arith` and
    `math` floating-point ops) gets `fastmath<fast>`, which the lowering to
    the llvm dialect carries into LLVM IR. LLVM may then reassociate, so a
    float reduction such as `t += a[i]` vectorises; without it, floats keep
    Python's evaluation order, as Numba does.

    ```mlir
    %s = arith.addf %t, %x : f64
    // becomes
    %s = arith.addf %t, %x fastmath<fast> : f64
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def MumbaExportCEntryPass : Pass<"mumba-export-c-entry", "::mlir::ModuleOp"> {
  let summary = "Adds plain C entry points for ahead-of-time compilation";
  let description = [{
    For every function named in `entries` (all public functions with a body
    when empty), adds a function with a plain C calling convention under the
    export name, and makes every other function private, so that object
    files of several specialisations link into one library.

    An entry `symbol` keeps the name `symbol` for its C entry point and its
    body is renamed `__mumba_symbol`; `symbol=name` exports it as `name`.
    The C entry point takes scalars by value and each array as a pointer to
    its memref descriptor, then, unless the function returns None, a
    pointer to the result (a struct of the elements for a tuple); it
    returns the `i32` status:

    ```c
    typedef struct { double *allocated, *aligned; int64_t offset;
                     int64_t sizes[1], strides[1]; } mumba_memref_1d;
    int32_t mean(const mumba_memref_1d *a, double *result);
    ```

    ```mlir
    func.func @mean(%arg0: memref<?xf64>) -> (i32, f64)
    // gains
    func.func @mean(%a: !llvm.ptr, %result: !llvm.ptr) -> i32 {
      %d = llvm.load %a : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64,
                                       array<1 x i64>, array<1 x i64>)>
      %m = builtin.unrealized_conversion_cast %d : ... to memref<?xf64>
      %s, %r = call @__mumba_mean(%m) : (memref<?xf64>) -> (i32, f64)
      llvm.store %r, %result : f64, !llvm.ptr
      return %s : i32
    }
    ```
  }];
  let options = [
    ListOption<"entries", "entries", "std::string",
               "Functions to export: `symbol` or `symbol=name`">,
  ];
  let dependentDialects = [
    "::mlir::func::FuncDialect", "::mlir::LLVM::LLVMDialect"
  ];
}

def MumbaDeallocateBuffersPass
    : Pass<"mumba-deallocate-buffers", "::mlir::ModuleOp"> {
  let summary = "Frees temporary arrays; hands returned ones to the caller";
  let description = [{
    Lifts the control flow of modules that allocate or return arrays to scf
    (ownership is tracked through structured control flow only), then runs
    MLIR's ownership-based buffer deallocation pipeline with dynamic
    ownership for every function: arrays created in
    compiled code and not returned are freed where their last use is, and
    each memref a function returns comes with an `i1` saying whether the
    caller now owns it. Entry functions are treated like private ones during
    the pipeline, so they too return ownership flags instead of asserting:
    the dispatcher gives an owned array to NumPy without a copy, and
    recognises a returned argument (not owned) as the same memory.

    ```mlir
    func.func @f(%n: index) -> (i32, memref<?xf64>)
    // becomes
    func.func @f(%n: index) -> (i32, memref<?xf64>, i1)
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::ub::UBDialect"
  ];
}

def MumbaLinalgToLoopsPass
    : Pass<"mumba-linalg-to-loops", "::mlir::func::FuncOp"> {
  let summary = "Lowers linalg ops on memrefs to scf.for nests, and nothing else";
  let description = [{
    What array expressions become after convert-nb-to-std (one
    `linalg.generic` each) turns into plain loops for the affine stage.
    Unlike upstream `convert-linalg-to-loops`, the rest of the function is
    left as it is: no canonicalisation, no folding.

    ```mlir
    linalg.generic {...} ins(%a : memref<?xf64>) outs(%r : memref<?xf64>) {...}
    // becomes
    scf.for %i = %c0 to %n step %c1 { ... }
    ```
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::memref::MemRefDialect"];
}

def MumbaParallelLoopExitsPass
    : Pass<"mumba-parallel-loop-exits", "::mlir::func::FuncOp"> {
  let summary = "Turns the raises in prange loop bodies into a shared status";
  let description = [{
    A `for i in prange(...)` loop reaches the std stage as a cf loop whose
    header compares its cursor in an `arith.cmpi` marked `mumba.parallel`.
    Its iterations will run on several threads, where no raise can return
    from the function. Every exit of the loop's body that returns (a raise
    path: its recorder call, then `return %status, ...`) becomes:

    - a call `mumbaParallelRaise(record, %status)`, which keeps the first
      status raised and that thread's message, then a branch to the header
      (the next iteration);
    - at the start of each iteration, an atomic load of the record's status
      that skips the body once some iteration raised;
    - after the loop, `mumbaParallelStatus(record)` (which hands the message
      to the calling thread) and a return of the status when it is set.

    The record is a `memref<137xi64>` on the stack of the function, zeroed
    before the loop. The loop is then left only through its header, so that
    it can be counted and parallelised.

    ```mlir
    ^body:
      cf.cond_br %zero, ^raise, ^ok
    ^raise:
      return %c1_i32, %poison : i32, f64
    // becomes
    ^raise:
      call @mumbaParallelRaise(%record, %c1_i32) : (i64, i32) -> ()
      cf.br ^header(%s : f64)
    ```

    A body that leaves the loop any other way (`break`, `return`) is an
    error; the frontend rejects those first.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect"
  ];
}

def MumbaParallelizeLoopsPass
    : Pass<"mumba-parallelize-loops", "::mlir::func::FuncOp"> {
  let summary = "Turns prange loops into scf.parallel with scf.reduce";
  let description = [{
    An `scf.for` marked `mumba.parallel` (a prange loop, after
    mumba-uplift-while-to-for) becomes an `scf.parallel` over `index`.

    Each iteration argument must be a reduction: every use of it in the body
    is one combining op of a single kind (`arith.addf`/`addi`, `subf`/`subi`
    with it on the left, `mulf`/`muli`, `ori`, `andi`, `xori`, Python's
    `min`/`max` as `select(cmp(x, s), x, s)` or the arith min/max ops), an
    `scf.if` or inner `scf.for` that carries it on, or the loop's yield. Any
    other is an error naming the variable: its threads would race.

    The body computes its iteration's contribution with the operation's
    identity in place of the argument (`-0.0` for float sums, `+inf` for a
    float min, ...); `scf.reduce` combines contributions and the initial
    value in the forms convert-scf-to-openmp recognises. Booleans reduce as
    `i8`.

    ```mlir
    %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %zero) -> (f64) : i64 {
      %x = ...
      %t = arith.addf %s, %x : f64
      scf.yield %t : f64
    } {mumba.parallel}
    // becomes
    %r = scf.parallel (%j) = (%lb) to (%ub) step (%st) init (%zero) -> f64 {
      %i = arith.index_cast %j : index to i64
      %x = ...
      %t = arith.addf %cst_neg0, %x : f64
      scf.reduce(%t : f64) {
      ^bb0(%a: f64, %b: f64):
        %c = arith.addf %a, %b : f64
        scf.reduce.return %c : f64
      }
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect"
  ];
}

def MumbaOpenMPRuntimePass : Pass<"mumba-openmp-runtime", "::mlir::ModuleOp"> {
  let summary = "Asks Mumba's runtime for the thread count of OpenMP regions";
  let description = [{
    Runs after convert-scf-to-openmp. Every `omp.parallel` without a
    `num_threads` gets one from `mumbaGetNumThreads()` at the point it
    starts (`mumba.set_num_threads`, `MUMBA_NUM_THREADS`). The reduction
    declarations that upstream initialises with a value that is not the
    identity of their operation get the exact one: `-0.0` for float sums,
    `+inf`/`-inf` for float min and max (upstream's largest finite floats
    would win over infinities). The `memref.alloca_scope` upstream wraps
    each loop body in (a region of one block, which the body's scf ops
    cannot stay in once they become branches) is replaced by an explicit
    stack save and restore, or dropped when the body allocates no stack.

    ```mlir
    omp.parallel { ... }
    // becomes
    %n = call @mumbaGetNumThreads() : () -> i32
    omp.parallel num_threads(%n : i32) { ... }
    ```
  }];
  let dependentDialects = [
    "::mlir::func::FuncDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect", "::mlir::omp::OpenMPDialect"
  ];
}

#endif // MUMBA_TRANSFORMS_PASSES_TD

//===- Passes.td - Mumba conversion passes -----------------*- tablegen -*-===//
#ifndef MUMBA_CONVERSION_PASSES_TD
#define MUMBA_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNBToStdPass : Pass<"convert-nb-to-std", "::mlir::ModuleOp"> {
  let summary = "Lowers typed nb to arith, math, memref, cf, func and ub";
  let description = [{
    Typed nb ops become upstream ops with Python semantics: `//` and `%`
    round toward negative infinity, `/` is true division, negative indices
    wrap. Arrays become memrefs (identity layout for C-contiguous arrays),
    tuples and ranges become several values (1:N conversion), and values
    known at compile time (modules, functions, None) become none.

    Every function gets an `i32` status as its first result. Where Python
    would raise (division by zero, a zero range step) the lowered code
    branches to a block that returns the status code; calls to other jitted
    functions check their callee's status and pass it on.

    ```mlir
    %q = nb.binop floordiv %a, %b : (si64, si64) -> si64
    // becomes: cf.cond_br %b_is_zero, ^raise, ^ok ... arith.floordivsi
    ```
  }];
  let options = [
    Option<"errorModel", "error-model", "std::string", "\"python\"",
           "'python': division by zero raises ZeroDivisionError; 'numpy': "
           "float division follows IEEE and integer division by zero gives "
           "0, as in Numba">,
    Option<"boundscheck", "boundscheck", "bool", "false",
           "Check array indices and raise IndexError when out of bounds">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect", "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::ub::UBDialect"
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

#endif // MUMBA_CONVERSION_PASSES_TD

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
    Option<"errorModel", "error-model", "::mumba::ErrorModel",
           "::mumba::ErrorModel::Python",
           "What division by zero does (Numba's error_model)",
           [{::llvm::cl::values(
               clEnumValN(::mumba::ErrorModel::Python, "python",
                          "raise ZeroDivisionError"),
               clEnumValN(::mumba::ErrorModel::NumPy, "numpy",
                          "IEEE floats; integer division by zero gives 0"))}]>,
    Option<"boundscheck", "boundscheck", "bool", "false",
           "Check array indices and raise IndexError when out of bounds">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::ub::UBDialect"
  ];
}

#endif // MUMBA_CONVERSION_PASSES_TD

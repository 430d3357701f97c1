//===- NBDialect.td - The Numba IR dialect -----------------*- tablegen -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBDIALECT_TD
#define MUMBA_DIALECT_NB_IR_NBDIALECT_TD

include "mlir/IR/OpBase.td"

def NB_Dialect : Dialect {
  let name = "nb";
  let summary = "The Numba IR dialect: Python functions as Numba models them";
  let description = [{
    The `nb` dialect keeps the shape of Numba IR: a control-flow graph whose
    statements assign expressions (`binop`, `call`, `getitem`, `getiter`, ...)
    to named variables. The Python frontend emits it untyped: every value has
    type `!nb.unknown` and variables live in `nb.var` slots. The
    `nb-reconstruct-ssa` pass turns the slots into SSA values, and
    `nb-infer-types` gives each value a concrete type: builtin scalars where
    they fit (`i1` for bool, `si64`, `f64`, ...) and nb types otherwise
    (`!nb.array<f64, 2, C>`, `!nb.range<si64>`, ...).

    ```mlir
    func.func @add1(%arg0: si64) -> !nb.unknown {
      %x = nb.var "x"
      %0 = nb.arg 0 "x" : !nb.unknown
      nb.store_var %0 to %x : !nb.unknown
      %1 = nb.load_var %x : !nb.unknown
      %2 = nb.const(1) : !nb.unknown
      %3 = nb.binop add %1, %2 : (!nb.unknown, !nb.unknown) -> !nb.unknown
      nb.return %3 : !nb.unknown
    }
    ```
  }];
  let cppNamespace = "::mumba::nb";
  // Complex numbers are builtin `complex<f64>` values that lower to the
  // complex dialect's ops.
  let dependentDialects = ["::mlir::complex::ComplexDialect"];
  let useDefaultTypePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
}

#endif // MUMBA_DIALECT_NB_IR_NBDIALECT_TD

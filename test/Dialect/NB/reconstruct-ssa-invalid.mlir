// RUN: mumba-opt %s -split-input-file -nb-reconstruct-ssa -verify-diagnostics

// A slot stored as a value escapes and cannot become SSA values.
func.func @escaping_slot() -> !nb.unknown {
  // expected-error @+1 {{'nb.var' op could not be promoted to SSA values}}
  %x = nb.var "x"
  %y = nb.var "y"
  nb.store_var %x to %y : !nb.var
  %0 = nb.const(1) : !nb.unknown
  nb.return %0 : !nb.unknown
}

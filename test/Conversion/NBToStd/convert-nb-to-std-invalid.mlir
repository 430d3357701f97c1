// RUN: mumba-opt %s -split-input-file -convert-nb-to-std -verify-diagnostics

// What convert-nb-to-std cannot lower: nb that nb-infer-types would have
// rejected or left alone. Untyped values are reported up front; otherwise
// the conversion reports the first op it cannot legalize.

// An argument type that was never inferred.
// expected-error @+1 {{'func.func' op has untyped arguments or results; run nb-infer-types before convert-nb-to-std}}
func.func @untyped_argument(%a: !nb.unknown) -> si64 {
  %0 = nb.const(1) : si64
  nb.return %0 : si64
}

// -----

// Object mode only: nopython code has no exceptions to raise.
func.func @raise(%e: !nb.pyobject) -> !nb.none {
  // expected-error @+1 {{failed to legalize operation 'nb.raise' that was explicitly marked illegal}}
  nb.raise %e : !nb.pyobject
}

// -----

func.func @list(%a: si64) -> si64 {
  // expected-error @+1 {{'nb.build_list' op has an untyped value; run nb-infer-types before convert-nb-to-std}}
  %0 = nb.build_list(%a, %a) : (si64, si64) -> !nb.unknown
  nb.return %a : si64
}

// -----

// A variable slot that nb-reconstruct-ssa did not promote.
func.func @slot(%a: si64) -> si64 {
  // expected-error @+1 {{failed to legalize operation 'nb.var' that was explicitly marked illegal}}
  %x = nb.var "x"
  nb.return %a : si64
}

// -----

// An op whose result was never typed.
func.func @untyped_result(%a: si64) -> si64 {
  // expected-error @+1 {{'nb.binop' op has an untyped value; run nb-infer-types before convert-nb-to-std}}
  %0 = nb.binop add %a, %a : (si64, si64) -> !nb.unknown
  nb.return %a : si64
}

// -----

// A function result that was never typed.
// expected-error @+1 {{'func.func' op has untyped arguments or results; run nb-infer-types before convert-nb-to-std}}
func.func @untyped_return(%a: si64) -> !nb.unknown {
  nb.return %a : si64
}

// RUN: mumba-opt %s -split-input-file -convert-nb-to-std -verify-diagnostics

// Before lowering, convert-nb-to-std types every typed op again by its rule
// and every registered call by its typing entry (TypeRecheck.cpp): a
// lowering reads its arguments by position and trusted that the entry had
// accepted them, so each of these crashed it.

func.func @abs_without_arguments() -> f64 {
  %g = nb.global("abs") : !nb.function<"abs">
  // expected-error @+1 {{invalid arguments to abs(): got (); it accepts (x: number)}}
  %1 = nb.call %g() : (!nb.function<"abs">) -> f64
  nb.return %1 : f64
}

// -----

func.func @isinstance_with_one_argument(%arg0: f64) -> i1 {
  %0 = nb.arg 0 "x" : f64
  %g = nb.global("isinstance") : !nb.function<"isinstance">
  // expected-error @+1 {{invalid arguments to isinstance(): got (float64)}}
  %1 = nb.call %g(%0) : (!nb.function<"isinstance">, f64) -> i1
  nb.return %1 : i1
}

// -----

func.func @numpy_exp_without_arguments() -> f64 {
  %np = nb.global("numpy") : !nb.module<"numpy">
  %g = nb.getattr %np, "exp" : !nb.module<"numpy"> -> !nb.function<"numpy.exp">
  // expected-error @+1 {{invalid arguments to numpy.exp(): got (); it accepts (x: number)}}
  %1 = nb.call %g() : (!nb.function<"numpy.exp">) -> f64
  nb.return %1 : f64
}

// -----

// Arguments the entry accepts, but not the result type it gives.
func.func @sqrt_typed_int(%arg0: f64) -> si64 {
  %0 = nb.arg 0 "x" : f64
  %m = nb.global("math") : !nb.module<"math">
  %g = nb.getattr %m, "sqrt" : !nb.module<"math"> -> !nb.function<"math.sqrt">
  // expected-error @+1 {{'nb.call' op has result type 'si64' but its typing rule gives 'f64' for these operands}}
  %1 = nb.call %g(%0) : (!nb.function<"math.sqrt">, f64) -> si64
  nb.return %1 : si64
}

// -----

func.func @unknown_keyword(%arg0: f64) -> f64 {
  %0 = nb.arg 0 "x" : f64
  %g = nb.global("abs") : !nb.function<"abs">
  // expected-error @+1 {{abs() takes no keyword arguments}}
  %1 = nb.call %g(%0) kw(%0) {kwnames = ["y"]} : (!nb.function<"abs">, f64, f64) -> f64
  nb.return %1 : f64
}

// -----

func.func @dtype_call_without_arguments() -> f32 {
  %np = nb.global("numpy") : !nb.module<"numpy">
  %g = nb.getattr %np, "float32" : !nb.module<"numpy"> -> !nb.dtype<f32>
  // expected-error @+1 {{invalid arguments to numpy.float32(): got (); it accepts (x: real)}}
  %1 = nb.call %g() : (!nb.dtype<f32>) -> f32
  nb.return %1 : f32
}

// -----

// A module attribute typed as something it is not.
func.func @pi_typed_int() -> si64 {
  %m = nb.global("math") : !nb.module<"math">
  // expected-error @+1 {{'nb.getattr' op has result type 'si64' but its typing rule gives 'f64' for these operands}}
  %1 = nb.getattr %m, "pi" : !nb.module<"math"> -> si64
  nb.return %1 : si64
}

// -----

// A call of a jitted function whose signature it does not match.
func.func private @callee(si64) -> si64
func.func @bad_dispatch(%arg0: f64) -> si64 {
  %0 = nb.arg 0 "x" : f64
  %g = nb.global(@callee) : !nb.dispatcher<"callee">
  // expected-error @+1 {{call does not match the signature of 'callee'}}
  %1 = nb.call %g(%0) : (!nb.dispatcher<"callee">, f64) -> si64
  nb.return %1 : si64
}

// -----

// Found by test/fuzz: operators on arrays reach the operator patterns, which
// handle numbers, when nb-fuse-array-exprs has not made them nb.arrayexpr.
func.func @unfused_array_floordiv(%arg0: !nb.array<si64, 3, C>) -> !nb.array<si64, 3, C> {
  %0 = nb.arg 0 "a" : !nb.array<si64, 3, C>
  // expected-error @+1 {{'nb.binop' op on arrays is lowered as part of an nb.arrayexpr; run nb-fuse-array-exprs before convert-nb-to-std}}
  %1 = nb.binop floordiv %0, %0 : (!nb.array<si64, 3, C>, !nb.array<si64, 3, C>) -> !nb.array<si64, 3, C>
  nb.return %1 : !nb.array<si64, 3, C>
}

// -----

func.func @unfused_array_compare(%arg0: !nb.array<f32, 1, C>) -> !nb.array<i1, 1, C> {
  %0 = nb.arg 0 "a" : !nb.array<f32, 1, C>
  // expected-error @+1 {{'nb.compare' op on arrays is lowered as part of an nb.arrayexpr}}
  %1 = nb.compare lt %0, %0 : (!nb.array<f32, 1, C>, !nb.array<f32, 1, C>) -> !nb.array<i1, 1, C>
  nb.return %1 : !nb.array<i1, 1, C>
}

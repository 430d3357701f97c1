// RUN: mumba-opt %s -split-input-file -convert-nb-to-std | FileCheck %s

// r2 = x*x + y*y + 1e-3 is at least 1e-3, and so is r2 * sqrt(r2) above
// zero: no zero test, so a loop around it can vectorise.
// CHECK-LABEL: func.func @softened
// CHECK-NOT: nb.raise_if
// CHECK-NOT: cf.cond_br
// CHECK: arith.divf
func.func @softened(%x: f64, %y: f64) -> f64 {
  %xx = nb.binop mul %x, %x : (f64, f64) -> f64
  %yy = nb.binop mul %y, %y : (f64, f64) -> f64
  %s = nb.binop add %xx, %yy : (f64, f64) -> f64
  %eps = nb.const(1.000000e-03) : f64
  %r2 = nb.binop add %s, %eps : (f64, f64) -> f64
  %sqrt = nb.global("math.sqrt") : !nb.function<"math.sqrt">
  %r = nb.call %sqrt(%r2) : (!nb.function<"math.sqrt">, f64) -> f64
  %d = nb.binop mul %r2, %r : (f64, f64) -> f64
  %one = nb.const(1.000000e+00) : f64
  %q = nb.binop truediv %one, %d : (f64, f64) -> f64
  nb.return %q : f64
}

// -----

// 1 + k * abs(x) with k > 0 is at least 1.
// CHECK-LABEL: func.func @one_plus_abs
// CHECK-NOT: cf.cond_br
// CHECK: arith.divf
func.func @one_plus_abs(%x: f64) -> f64 {
  %abs = nb.global("abs") : !nb.function<"abs">
  %a = nb.call %abs(%x) : (!nb.function<"abs">, f64) -> f64
  %k = nb.const(2.316419e-01) : f64
  %ka = nb.binop mul %k, %a : (f64, f64) -> f64
  %one = nb.const(1.000000e+00) : f64
  %d = nb.binop add %one, %ka : (f64, f64) -> f64
  %q = nb.binop truediv %one, %d : (f64, f64) -> f64
  nb.return %q : f64
}

// -----

// A square alone may be zero: the test stays.
// CHECK-LABEL: func.func @square
// CHECK: %[[ZERO:.*]] = arith.cmpf oeq
// CHECK: cf.cond_br %[[ZERO]]
func.func @square(%x: f64) -> f64 {
  %xx = nb.binop mul %x, %x : (f64, f64) -> f64
  %one = nb.const(1.000000e+00) : f64
  %q = nb.binop truediv %one, %xx : (f64, f64) -> f64
  nb.return %q : f64
}

// -----

// A negative constant proves nothing (its sum with a square may be zero).
// CHECK-LABEL: func.func @negative_shift
// CHECK: cf.cond_br
func.func @negative_shift(%x: f64) -> f64 {
  %xx = nb.binop mul %x, %x : (f64, f64) -> f64
  %c = nb.const(-1.000000e+00) : f64
  %d = nb.binop add %xx, %c : (f64, f64) -> f64
  %q = nb.binop truediv %c, %d : (f64, f64) -> f64
  nb.return %q : f64
}

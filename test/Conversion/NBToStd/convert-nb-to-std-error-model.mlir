// RUN: mumba-opt %s "-convert-nb-to-std=error-model=numpy" -split-input-file | FileCheck %s
// RUN: not mumba-opt %s "-convert-nb-to-std=error-model=ieee" 2>&1 | FileCheck %s --check-prefix=BAD

// The option is an enum: any other model is refused when the pipeline is
// parsed, before anything is converted.
// BAD: for the --error-model option: Cannot find option named 'ieee'!

// error_model="numpy", as in Numba: nothing raises ZeroDivisionError. Float
// division follows IEEE (inf, nan); integer division and modulo by zero
// give 0, dividing by 1 instead so that nothing traps.

// CHECK-LABEL: func.func @floordiv_int
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, i64)
// CHECK-NOT: cf.cond_br
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]], %[[ONE]], %[[B]] : i64
// CHECK: %[[Q:.*]] = arith.floordivsi %[[A]], %{{.*}} : i64
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[R:.*]] = arith.select %[[ISZERO]], %[[ZERO]], %[[Q]] : i64
// CHECK: return %{{.*}}, %[[R]] : i32, i64
func.func @floordiv_int(%arg0: si64, %arg1: si64) -> si64 {
  %0 = nb.binop floordiv %arg0, %arg1 : (si64, si64) -> si64
  nb.return %0 : si64
}

// -----

// CHECK-LABEL: func.func @mod_unsigned
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, i64)
// CHECK-NOT: cf.cond_br
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]], %{{.*}}, %[[B]] : i64
// CHECK: %[[REM:.*]] = arith.remui %[[A]], %[[SAFE]] : i64
// CHECK: %[[R:.*]] = arith.select %[[ISZERO]], %{{.*}}, %[[REM]] : i64
// CHECK: return %{{.*}}, %[[R]] : i32, i64
func.func @mod_unsigned(%arg0: ui64, %arg1: ui64) -> ui64 {
  %0 = nb.binop mod %arg0, %arg1 : (ui64, ui64) -> ui64
  nb.return %0 : ui64
}

// -----

// CHECK-LABEL: func.func @truediv
// CHECK-SAME: (%[[X:[^:]*]]: f64, %[[I:[^:]*]]: i64) -> (i32, f64)
// CHECK-NEXT: %[[Y:.*]] = arith.sitofp %[[I]] : i64 to f64
// CHECK-NEXT: %[[Q:.*]] = arith.divf %[[X]], %[[Y]] : f64
// CHECK-NEXT: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OK]], %[[Q]] : i32, f64
func.func @truediv(%arg0: f64, %arg1: si64) -> f64 {
  %0 = nb.binop truediv %arg0, %arg1 : (f64, si64) -> f64
  nb.return %0 : f64
}

// -----

// Float floor division by zero is NumPy's floor_divide: the true quotient
// (inf, -inf, nan for 0/0), not the nan of the remainder-based formula.
// CHECK-LABEL: func.func @floordiv_float
// CHECK-SAME: (%[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64) -> (i32, f64)
// CHECK-NOT: cf.cond_br
// CHECK-NOT: arith.constant 5 : i32
// CHECK: arith.remf
// CHECK: math.copysign
// CHECK-NEXT: %[[FLOOR:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f64
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[ISZERO:.*]] = arith.cmpf oeq, %[[B]], %[[ZERO]] : f64
// CHECK: %[[Q:.*]] = arith.divf %[[A]], %[[B]] : f64
// CHECK: %[[R:.*]] = arith.select %[[ISZERO]], %[[Q]], %[[FLOOR]] : f64
// CHECK: return %{{.*}}, %[[R]] : i32, f64
func.func @floordiv_float(%arg0: f64, %arg1: f64) -> f64 {
  %0 = nb.binop floordiv %arg0, %arg1 : (f64, f64) -> f64
  nb.return %0 : f64
}

// -----

// 0.0 ** -1 is IEEE's inf: no test of the base.
// CHECK-LABEL: func.func @float_pow
// CHECK-SAME: (%[[X:[^:]*]]: f64, %[[N:[^:]*]]: i64) -> (i32, f64)
// CHECK-NOT: cf.cond_br
// CHECK: %[[Y:.*]] = arith.sitofp %[[N]] : i64 to f64
// CHECK-NEXT: %[[P:.*]] = math.powf %[[X]], %[[Y]] : f64
// CHECK-NEXT: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OK]], %[[P]] : i32, f64
func.func @float_pow(%arg0: f64, %arg1: si64) -> f64 {
  %0 = nb.binop pow %arg0, %arg1 : (f64, si64) -> f64
  nb.return %0 : f64
}

// -----

// range() still raises ValueError for a zero step: that is no arithmetic
// error.
// CHECK-LABEL: func.func @range_step
// CHECK: %[[STATUS:.*]] = arith.constant 7 : i32
// CHECK: cf.cond_br
// CHECK: return %[[STATUS]]
func.func @range_step(%a: si64, %b: si64, %s: si64) -> si64 {
  %range = nb.global("range") : !nb.function<"range">
  %r = nb.call %range(%a, %b, %s) : (!nb.function<"range">, si64, si64, si64) -> !nb.range<si64>
  %len = nb.global("len") : !nb.function<"len">
  %n = nb.call %len(%r) : (!nb.function<"len">, !nb.range<si64>) -> si64
  nb.return %n : si64
}

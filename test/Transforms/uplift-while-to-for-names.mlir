// RUN: mumba-opt %s --mumba-uplift-while-to-for -mlir-print-debuginfo -mlir-print-local-scope -mlir-print-op-generic | FileCheck %s

// The uplifted prange loop is at its comparison's location, and its
// iteration argument keeps the NameLoc of the variable (for the race
// diagnostics of mumba-parallelize-loops).
// CHECK-LABEL: sym_name = "prange_sum"
// CHECK: ^bb0(%{{.*}}: i64 {{.*}}, %{{.*}}: f64 loc("t"("input.py":2:5))):
// CHECK: }) {mumba.parallel} : (i64, i64, i64, f64) -> f64 loc("input.py":3:5)
func.func @prange_sum(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %r:3 = "scf.while"(%zero, %c0) ({
  ^bb0(%t: f64 loc("t"("input.py":2:5)), %i: i64):
    %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64 loc("input.py":3:5)
    %next = arith.addi %i, %c1 : i64
    scf.condition(%more) %next, %t, %i : i64, f64, i64
  }, {
  ^bb0(%next: i64, %t: f64, %i: i64):
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %s = arith.addf %t, %v : f64
    scf.yield %s, %next : f64, i64
  }) : (f64, i64) -> (i64, f64, i64)
  return %r#1 : f64
}

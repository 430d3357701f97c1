// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// The header of a prange loop (`nb.iternext {parallel}` on a range): both
// comparisons of the cursor with the stop, one per sign of the step, carry
// the `mumba.parallel` mark; canonicalisation keeps the one the step picks.
// CHECK-LABEL: func.func @prange_header
// CHECK: %[[I:.*]] = memref.load %{{.*}}[] : memref<i64>
// CHECK: arith.cmpi slt, %[[I]], %{{.*}} {mumba.parallel} : i64
// CHECK: arith.cmpi sgt, %[[I]], %{{.*}} {mumba.parallel} : i64
func.func @prange_header(%n: si64) -> i1 {
  %f = nb.global("range") : !nb.function<"range">
  %r = nb.call %f(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %it = nb.getiter %r : !nb.range<si64> -> !nb.range_iter<si64>
  %p = nb.iternext %it {parallel} : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %ok = nb.pair_second %p : !nb.pair<si64, i1> -> i1
  nb.return %ok : i1
}

// Without the attribute nothing is marked.
// CHECK-LABEL: func.func @range_header
// CHECK-NOT: mumba.parallel
// CHECK: return
func.func @range_header(%n: si64) -> i1 {
  %f = nb.global("range") : !nb.function<"range">
  %r = nb.call %f(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %it = nb.getiter %r : !nb.range<si64> -> !nb.range_iter<si64>
  %p = nb.iternext %it : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %ok = nb.pair_second %p : !nb.pair<si64, i1> -> i1
  nb.return %ok : i1
}

// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// An optional result is its value and a flag: true with a value, false
// (and a placeholder) for None.
// CHECK-LABEL: func.func @optional_result
// CHECK-SAME: -> (i32, i64, i1)
// CHECK: ^bb1:
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: return %{{.*}}, %{{.*}}, %[[TRUE]] : i32, i64, i1
// CHECK: ^bb2:
// CHECK: %[[P:.*]] = ub.poison : i64
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: return %{{.*}}, %[[P]], %[[FALSE]] : i32, i64, i1
func.func @optional_result(%c: i1, %a: si64) -> !nb.optional<si64> {
  %none = nb.const(unit) : !nb.none
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = nb.cast %a : si64 to !nb.optional<si64>
  nb.return %x : !nb.optional<si64>
^bb2:
  %y = nb.cast %none : !nb.none to !nb.optional<si64>
  nb.return %y : !nb.optional<si64>
}

// RUN: mumba-opt %s -nb-infer-types -convert-nb-to-std | FileCheck %s

// pow(a, b, m) calls the runtime with operands made harmless when it will
// raise (status 13) right after.
// CHECK: func.func private @mumbaModPow(i64, i64, i64) -> i64
// CHECK-LABEL: func.func @modpow
// CHECK: %[[BAD:.*]] = arith.ori
// CHECK: %[[EXP:.*]] = arith.select %[[BAD]], %{{.*}}, %{{.*}} : i64
// CHECK: %[[MOD:.*]] = arith.select %[[BAD]], %{{.*}}, %{{.*}} : i64
// CHECK: %[[R:.*]] = call @mumbaModPow(%{{.*}}, %[[EXP]], %[[MOD]]) : (i64, i64, i64) -> i64
// CHECK: %[[S:.*]] = arith.constant 13 : i32
// CHECK: cf.cond_br %[[BAD]]
func.func @modpow(%arg0: si64, %arg1: si64, %arg2: si64) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %b = nb.arg 1 "b" : !nb.unknown
  %m = nb.arg 2 "m" : !nb.unknown
  %pow = nb.global("pow") : !nb.unknown
  %r = nb.call %pow(%a, %b, %m) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %r : !nb.unknown
}

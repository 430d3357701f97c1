// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// A function that calls itself checks the stack on entry and returns the
// runtime's status (RecursionError) when it is nearly full; a function that
// does not recurse pays nothing.
// CHECK: func.func private @mumbaCheckStack() -> i32
// CHECK-LABEL: func.func @countdown
// CHECK: %[[S:.*]] = call @mumbaCheckStack() : () -> i32
// CHECK: %[[FULL:.*]] = arith.cmpi ne, %[[S]], %{{.*}} : i32
// CHECK: cf.cond_br %[[FULL]], ^[[RAISE:bb[0-9]+]], ^{{bb[0-9]+}}
// CHECK: ^[[RAISE]]:
// CHECK: return %[[S]], %{{.*}} : i32, i64
// CHECK-LABEL: func.func @leaf
// CHECK-NOT: mumbaCheckStack
// CHECK: return
func.func @countdown(%n: si64) -> si64 {
  %zero = nb.const(0) : si64
  %done = nb.compare eq %n, %zero : (si64, si64) -> i1
  %t = nb.truth %done : i1
  cf.cond_br %t, ^base, ^step
^base:
  nb.return %zero : si64
^step:
  %one = nb.const(1) : si64
  %m = nb.binop sub %n, %one : (si64, si64) -> si64
  %f = nb.global(@countdown) : !nb.dispatcher<"countdown">
  %r = nb.call %f(%m) : (!nb.dispatcher<"countdown">, si64) -> si64
  nb.return %r : si64
}

func.func @leaf(%n: si64) -> si64 {
  nb.return %n : si64
}

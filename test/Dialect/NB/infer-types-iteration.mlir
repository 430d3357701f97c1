// RUN: mumba-opt %s -nb-infer-types | FileCheck %s

// Typing of iteration: tuples, enumerate, zip, reversed.

// A homogeneous tuple iterates with a cursor; its elements come out one by
// one.
// CHECK-LABEL: func.func @tuple_iteration
// CHECK-SAME: -> si64
// CHECK: nb.getiter %{{.*}} : tuple<si64, si64, si64> -> !nb.tuple_iter<tuple<si64, si64, si64>>
// CHECK: nb.iternext %{{.*}} : !nb.tuple_iter<tuple<si64, si64, si64>> -> !nb.pair<si64, i1>
// CHECK: nb.pair_first %{{.*}} : !nb.pair<si64, i1> -> si64
func.func @tuple_iteration(%t: tuple<si64, si64, si64>) -> !nb.unknown {
  %it = nb.getiter %t : tuple<si64, si64, si64> -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %x = nb.pair_first %p : !nb.unknown -> !nb.unknown
  nb.return %x : !nb.unknown
}

// enumerate(a, start) is its own iterator and yields (index, element).
// CHECK-LABEL: func.func @enumerate_array
// CHECK-SAME: -> tuple<si64, f32>
// CHECK: nb.global("enumerate") : !nb.function<"enumerate">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"enumerate">, !nb.array<f32, 1, A>, si32) -> !nb.enumerate<!nb.array_iter<!nb.array<f32, 1, A>>>
// CHECK: nb.getiter %{{.*}} : !nb.enumerate<!nb.array_iter<!nb.array<f32, 1, A>>> -> !nb.enumerate<!nb.array_iter<!nb.array<f32, 1, A>>>
// CHECK: nb.iternext %{{.*}} : !nb.enumerate<!nb.array_iter<!nb.array<f32, 1, A>>> -> !nb.pair<tuple<si64, f32>, i1>
// CHECK: nb.pair_first %{{.*}} : !nb.pair<tuple<si64, f32>, i1> -> tuple<si64, f32>
func.func @enumerate_array(%a: !nb.array<f32, 1, A>, %s: si32) -> !nb.unknown {
  %enumerate = nb.global("enumerate") : !nb.unknown
  %e = nb.call %enumerate(%a, %s) : (!nb.unknown, !nb.array<f32, 1, A>, si32) -> !nb.unknown
  %it = nb.getiter %e : !nb.unknown -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %x = nb.pair_first %p : !nb.unknown -> !nb.unknown
  nb.return %x : !nb.unknown
}

// zip of a range, a tuple and an enumerate object yields a tuple of their
// elements.
// CHECK-LABEL: func.func @zip_mixed
// CHECK-SAME: -> tuple<si64, f64, tuple<si64, ui8>>
// CHECK: nb.global("range") : !nb.function<"range">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"range">, si64) -> !nb.range<si64>
// CHECK: nb.global("enumerate") : !nb.function<"enumerate">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"enumerate">, !nb.array<ui8, 1, C>) -> !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>
// CHECK: nb.global("zip") : !nb.function<"zip">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"zip">, !nb.range<si64>, tuple<f64, f64>, !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>) -> !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64, f64>>, !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>>
// CHECK: nb.getiter %{{.*}} : !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64, f64>>, !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>> -> !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64, f64>>, !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>>
// CHECK: nb.iternext %{{.*}} : !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64, f64>>, !nb.enumerate<!nb.array_iter<!nb.array<ui8, 1, C>>>> -> !nb.pair<tuple<si64, f64, tuple<si64, ui8>>, i1>
// CHECK: nb.pair_first %{{.*}} : !nb.pair<tuple<si64, f64, tuple<si64, ui8>>, i1> -> tuple<si64, f64, tuple<si64, ui8>>
func.func @zip_mixed(%n: si64, %t: tuple<f64, f64>, %a: !nb.array<ui8, 1, C>) -> !nb.unknown {
  %range = nb.global("range") : !nb.unknown
  %r = nb.call %range(%n) : (!nb.unknown, si64) -> !nb.unknown
  %enumerate = nb.global("enumerate") : !nb.unknown
  %e = nb.call %enumerate(%a) : (!nb.unknown, !nb.array<ui8, 1, C>) -> !nb.unknown
  %zip = nb.global("zip") : !nb.unknown
  %z = nb.call %zip(%r, %t, %e) : (!nb.unknown, !nb.unknown, tuple<f64, f64>, !nb.unknown) -> !nb.unknown
  %it = nb.getiter %z : !nb.unknown -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %x = nb.pair_first %p : !nb.unknown -> !nb.unknown
  nb.return %x : !nb.unknown
}

// reversed(range) is a range, reversed(tuple) the reversed tuple.
// CHECK-LABEL: func.func @reversed
// CHECK-SAME: -> tuple<f64, si64>
// CHECK: nb.global("range") : !nb.function<"range">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"range">, si64) -> !nb.range<si64>
// CHECK: nb.global("reversed") : !nb.function<"reversed">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"reversed">, !nb.range<si64>) -> !nb.range<si64>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"reversed">, tuple<si64, f64>) -> tuple<f64, si64>
func.func @reversed(%n: si64, %t: tuple<si64, f64>) -> !nb.unknown {
  %range = nb.global("range") : !nb.unknown
  %r = nb.call %range(%n) : (!nb.unknown, si64) -> !nb.unknown
  %reversed = nb.global("reversed") : !nb.unknown
  %rr = nb.call %reversed(%r) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %rt = nb.call %reversed(%t) : (!nb.unknown, tuple<si64, f64>) -> !nb.unknown
  nb.return %rt : !nb.unknown
}

// RUN: mumba-opt %s -split-input-file -nb-infer-types | FileCheck %s

// Slices and partial indexing give views with any strides (layout A); a
// read-only array gives read-only views.
// CHECK-LABEL: func.func @views
// CHECK: nb.build_slice(%{{.*}}, %{{.*}}, %{{.*}}) : (si64, !nb.none, !nb.none) -> !nb.slice
// CHECK: nb.getitem %{{.*}}[%{{.*}}] : (!nb.array<f64, 2, C>, !nb.slice) -> !nb.array<f64, 2, A>
// CHECK: nb.getitem %{{.*}}[%{{.*}}, %{{.*}}] : (!nb.array<f64, 2, C>, !nb.slice, si64) -> !nb.array<f64, 1, A>
// CHECK: nb.getitem %{{.*}}[%{{.*}}] : (!nb.array<f64, 2, C>, si64) -> !nb.array<f64, 1, A>
// CHECK: nb.static_getitem %{{.*}}[0] : !nb.array<f64, 2, C> -> !nb.array<f64, 1, A>
func.func @views(%arg0: !nb.array<f64, 2, C>, %arg1: si64) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %i = nb.arg 1 "i" : !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  %s = nb.build_slice(%i, %none, %none) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %v1 = nb.getitem %a[%s] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %v2 = nb.getitem %a[%s, %i] : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %v3 = nb.getitem %a[%i] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %v4 = nb.static_getitem %a[0] : !nb.unknown -> !nb.unknown
  %t = nb.build_tuple(%v1, %v2, %v3, %v4) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %t : !nb.unknown
}

// -----

// Rows of a 2-d array are 1-d views.
// CHECK-LABEL: func.func @rows
// CHECK: nb.getiter %{{.*}} : !nb.array<f64, 2, C, readonly> -> !nb.array_iter<!nb.array<f64, 2, C, readonly>>
// CHECK: nb.iternext %{{.*}} : !nb.array_iter<!nb.array<f64, 2, C, readonly>> -> !nb.pair<!nb.array<f64, 1, A, readonly>, i1>
func.func @rows(%arg0: !nb.array<f64, 2, C, readonly>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %it = nb.getiter %a : !nb.unknown -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %r = nb.pair_first %p : !nb.unknown -> !nb.unknown
  nb.return %r : !nb.unknown
}

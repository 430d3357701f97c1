// RUN: mumba-opt %s -split-input-file -convert-nb-to-std | FileCheck %s

// a[i] of a 2-d array: the row at the wrapped index, a rank-reducing
// subview cast to the fully dynamic strided layout of views.
// CHECK-LABEL: func.func @row
// CHECK-SAME: (%[[A:[^:]*]]: memref<?x?xf64>, %[[I:[^:]*]]: i64) -> (i32, memref<?xf64, strided<[?], offset: ?>>)
// CHECK: %[[WRAPPED:.*]] = arith.select
// CHECK: %[[ROW:.*]] = memref.subview %[[A]][%[[WRAPPED]], 0] [1, %{{.*}}] [1, 1] : memref<?x?xf64> to memref<?xf64, strided<[1], offset: ?>>
// CHECK: %[[VIEW:.*]] = memref.cast %[[ROW]] : memref<?xf64, strided<[1], offset: ?>> to memref<?xf64, strided<[?], offset: ?>>
// CHECK: return %{{.*}}, %[[VIEW]]
func.func @row(%a: !nb.array<f64, 2, C>, %i: si64) -> !nb.array<f64, 1, A> {
  %r = nb.getitem %a[%i] : (!nb.array<f64, 2, C>, si64) -> !nb.array<f64, 1, A>
  nb.return %r : !nb.array<f64, 1, A>
}

// -----

// a[start::step] follows slice.indices(): a zero step raises (status 12),
// the count is computed for either sign of the step.
// CHECK-LABEL: func.func @slice
// CHECK: %[[ZERO:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : i64
// CHECK: %[[TWELVE:.*]] = arith.constant 12 : i32
// CHECK: cf.cond_br %[[ZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[TWELVE]]
// CHECK: ^[[OK]]:
// CHECK: arith.divsi
// CHECK: %[[VIEW:.*]] = memref.subview %{{.*}}[%{{.*}}] [%{{.*}}] [%{{.*}}] : memref<?xf64> to memref<?xf64, strided<[?], offset: ?>>
// CHECK: return %{{.*}}, %[[VIEW]]
func.func @slice(%a: !nb.array<f64, 1, C>, %start: si64, %step: si64) -> !nb.array<f64, 1, A> {
  %none = nb.const(unit) : !nb.none
  %s = nb.build_slice(%start, %none, %step) : (si64, !nb.none, si64) -> !nb.slice
  %v = nb.getitem %a[%s] : (!nb.array<f64, 1, C>, !nb.slice) -> !nb.array<f64, 1, A>
  nb.return %v : !nb.array<f64, 1, A>
}

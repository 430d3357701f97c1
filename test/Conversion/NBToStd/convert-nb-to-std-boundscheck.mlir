// RUN: mumba-opt %s "-convert-nb-to-std=boundscheck=true" -split-input-file | FileCheck %s
// RUN: mumba-opt %s -convert-nb-to-std -split-input-file | FileCheck %s --check-prefix=NOCHECK

// boundscheck=True: after the negative-index wrap, an index still outside
// [0, size) records NumPy's message through the runtime
// (mumbaRaiseIndexError(index, axis, size)) and returns status 8
// (MUMBA_INDEX_ERROR). The runtime function is declared once.

// NOCHECK-NOT: mumbaRaiseIndexError
// NOCHECK-NOT: arith.cmpi uge

// CHECK: func.func private @mumbaRaiseIndexError(i64, i64, i64)
// CHECK-LABEL: func.func @getitem
// CHECK-SAME: (%[[A:[^:]*]]: memref<?x?xf64>, %[[I:[^:]*]]: i64, %[[J:[^:]*]]: i64) -> (i32, f64)
// CHECK: %[[DIM0:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x?xf64>
// CHECK: %[[I0:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK: %[[OUT0:.*]] = arith.cmpi uge, %[[I0]], %[[DIM0]] : index
// CHECK: %[[AXIS0:.*]] = arith.constant 0 : i64
// CHECK: %[[SIZE0:.*]] = arith.index_cast %[[DIM0]] : index to i64
// CHECK: %[[STATUS0:.*]] = arith.constant 8 : i32
// CHECK: cf.cond_br %[[OUT0]], ^[[RAISE0:bb[0-9]+]], ^[[OK0:bb[0-9]+]]
// CHECK: ^[[RAISE0]]:
// CHECK: call @mumbaRaiseIndexError(%[[I]], %[[AXIS0]], %[[SIZE0]]) : (i64, i64, i64) -> ()
// CHECK: return %[[STATUS0]], %{{.*}} : i32, f64
// CHECK: ^[[OK0]]:
// CHECK: %[[DIM1:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x?xf64>
// CHECK: %[[I1:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : index
// CHECK: %[[OUT1:.*]] = arith.cmpi uge, %[[I1]], %[[DIM1]] : index
// CHECK: %[[AXIS1:.*]] = arith.constant 1 : i64
// CHECK: cf.cond_br %[[OUT1]], ^[[RAISE1:bb[0-9]+]], ^[[OK1:bb[0-9]+]]
// CHECK: ^[[RAISE1]]:
// CHECK: call @mumbaRaiseIndexError(%[[J]], %[[AXIS1]], %{{.*}})
// CHECK: ^[[OK1]]:
// CHECK: %[[X:.*]] = memref.load %[[A]][%[[I0]], %[[I1]]] : memref<?x?xf64>
// CHECK: return %{{.*}}, %[[X]] : i32, f64
func.func @getitem(%a: !nb.array<f64, 2, C>, %i: si64, %j: si64) -> f64 {
  %0 = nb.getitem %a[%i, %j] : (!nb.array<f64, 2, C>, si64, si64) -> f64
  nb.return %0 : f64
}

// -----

// Stores and constant subscripts are checked too; a bool index needs no
// wrap but still a bound.
// CHECK: func.func private @mumbaRaiseIndexError(i64, i64, i64)
// CHECK-NOT: func.func private @mumbaRaiseIndexError
// CHECK-LABEL: func.func @setitem
// CHECK: arith.cmpi uge
// CHECK: call @mumbaRaiseIndexError
// CHECK: memref.store
// CHECK: arith.cmpi uge
// CHECK: call @mumbaRaiseIndexError
// CHECK: memref.load
// CHECK: %[[B:.*]] = arith.extui %{{.*}} : i1 to i64
// CHECK: %[[BI:.*]] = arith.index_cast %[[B]] : i64 to index
// CHECK-NEXT: %{{.*}} = arith.constant 0 : index
// CHECK-NEXT: %[[DIM:.*]] = memref.dim
// CHECK-NEXT: arith.cmpi uge, %[[BI]], %[[DIM]] : index
// CHECK: call @mumbaRaiseIndexError
func.func @setitem(%a: !nb.array<f32, 1, A>, %i: si64, %v: f64, %t: i1) -> f32 {
  nb.setitem %a[%i], %v : (!nb.array<f32, 1, A>, si64, f64) -> ()
  %0 = nb.static_getitem %a[-1] : !nb.array<f32, 1, A> -> f32
  %1 = nb.getitem %a[%t] : (!nb.array<f32, 1, A>, i1) -> f32
  %2 = nb.binop add %0, %1 : (f32, f32) -> f32
  nb.return %2 : f32
}

// RUN: mumba-opt %s -split-input-file -convert-nb-to-std | FileCheck %s
// RUN: mumba-opt %s -split-input-file -convert-nb-to-std -mumba-linalg-to-loops | FileCheck %s --check-prefix=LOOPS

// One linalg.generic over the broadcast shape: the 1-d input is seen at
// rank 2 (stride 0 on the added dimension and where an extent is 1), the
// scalar through the empty map; shapes that do not broadcast raise first.
// CHECK-LABEL: func.func @expr
// CHECK: %[[BAD:.*]] = arith.ori
// CHECK: call @mumbaRaiseBroadcast
// CHECK: %[[OUT:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {{.*}}: memref<?x?xf64>
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [%{{.*}}], sizes: [%{{.*}}, %{{.*}}], strides: [%{{.*}}, %{{.*}}] : memref<f64> to memref<?x?xf64, strided<[?, ?], offset: ?>>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}, #[[SCALAR:.*]], #{{.*}}], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}}, %arg2 : memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xi32, strided<[?, ?], offset: ?>>, f64)
// CHECK-SAME: outs(%[[OUT]] : memref<?x?xf64>)
// CHECK: ^bb0(%[[X:.*]]: f64, %[[Y:.*]]: i32, %[[Z:.*]]: f64, %{{.*}}: f64):
// CHECK: %[[YF:.*]] = arith.sitofp %[[Y]] : i32 to f64
// CHECK: %[[M:.*]] = arith.mulf %[[X]], %[[YF]] : f64
// CHECK: %[[S:.*]] = arith.addf %[[M]], %[[Z]] : f64
// CHECK: linalg.yield %[[S]] : f64
// CHECK: return %{{.*}}, %[[OUT]]
// LOOPS-LABEL: func.func @expr
// LOOPS: scf.for
// LOOPS: scf.for
// LOOPS: memref.load
// LOOPS: memref.store
// LOOPS-NOT: linalg.
func.func @expr(%arg0: !nb.array<f64, 1, C>, %arg1: !nb.array<si32, 2, A>, %arg2: f64) -> !nb.array<f64, 2, C> {
  %0 = nb.arrayexpr(%arg0, %arg1, %arg2) : (!nb.array<f64, 1, C>, !nb.array<si32, 2, A>, f64) -> !nb.array<f64, 2, C> {
  ^bb0(%x: f64, %y: si32, %z: f64):
    %1 = nb.cast %y : si32 to f64
    %2 = nb.binop mul %x, %1 : (f64, f64) -> f64
    %3 = nb.binop add %2, %z : (f64, f64) -> f64
    nb.yield %3 : f64
  }
  nb.return %0 : !nb.array<f64, 2, C>
}

// -----

// Inside an array expression division follows NumPy: no zero test, no
// raise (x / 0 is inf).
// CHECK-LABEL: func.func @divide
// CHECK: linalg.generic
// CHECK-NOT: cf.cond_br
// CHECK: arith.divf
// CHECK: linalg.yield
func.func @divide(%arg0: !nb.array<f64, 1, C>, %arg1: !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C> {
  %0 = nb.arrayexpr(%arg0, %arg1) : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C> {
  ^bb0(%x: f64, %y: f64):
    %1 = nb.binop truediv %x, %y : (f64, f64) -> f64
    nb.yield %1 : f64
  }
  nb.return %0 : !nb.array<f64, 1, C>
}

// -----

// A scalar fills the destination; an array goes through a copy where its
// memory may overlap the destination's.
// CHECK-LABEL: func.func @copies
// CHECK: linalg.fill ins(%{{.*}} : f64) outs(%{{.*}} : memref<?xf64, strided<[?], offset: ?>>)
// CHECK: call @mumbaRaiseBroadcast
// CHECK: scf.if
// CHECK: memref.alloc
// CHECK: linalg.generic
// CHECK: linalg.generic
func.func @copies(%arg0: !nb.array<f64, 1, A>, %arg1: !nb.array<f64, 1, A>, %arg2: si64) -> !nb.array<f64, 1, A> {
  %c = nb.cast %arg2 : si64 to f64
  nb.copyto %arg0, %arg2 : !nb.array<f64, 1, A>, si64
  nb.copyto %arg0, %arg1 : !nb.array<f64, 1, A>, !nb.array<f64, 1, A>
  nb.return %arg0 : !nb.array<f64, 1, A>
}

// RUN: mumba-opt %s --mumba-std-to-llvm | FileCheck %s

// The last stage alone: what convert-nb-to-std emits (scf.if from array
// iteration, math.ipowi, arith.floordivsi, strided memrefs, ub.poison) to
// the llvm dialect.

// CHECK-LABEL: llvm.func @std
// CHECK-SAME: (%[[ALLOC:[^:]*]]: !llvm.ptr, %[[DATA:[^:]*]]: !llvm.ptr, %[[OFF:[^:]*]]: i64, %[[SIZE:[^:]*]]: i64, %[[STRIDE:[^:]*]]: i64,
// CHECK-SAME: %[[I:[^:]*]]: i64, %[[C:[^:]*]]: i1, %[[X:[^:]*]]: i64, %[[Y:[^:]*]]: f64)
// CHECK-SAME: -> !llvm.struct<(i32, f64, i64, i64, f64)>
// scf.if became branches; the strided load scales the index by the stride.
// CHECK: llvm.cond_br %[[C]], ^[[THEN:bb[0-9]+]], ^[[ELSE:bb[0-9]+]]
// CHECK: ^[[THEN]]:
// CHECK: %[[BASE:.*]] = llvm.getelementptr %[[DATA]][%[[OFF]]] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[SCALED:.*]] = llvm.mul %[[I]], %[[STRIDE]]
// CHECK: %[[PTR:.*]] = llvm.getelementptr inbounds|nuw %[[BASE]][%[[SCALED]]]
// CHECK: llvm.load %[[PTR]] : !llvm.ptr -> f64
// CHECK: ^[[ELSE]]:
// CHECK: llvm.br ^{{.*}}(%{{.*}} : f64)
// CHECK: llvm.call @__mlir_math_ipowi_i64(%[[X]], %[[X]]) : (i64, i64) -> i64
// floordivsi is expanded into a division and a sign fix-up.
// CHECK: llvm.sdiv %[[X]], %[[X]] : i64
// CHECK: llvm.intr.atan2(%[[Y]], %[[Y]]) : (f64, f64) -> f64
// CHECK: llvm.return %{{.*}} : !llvm.struct<(i32, f64, i64, i64, f64)>
// CHECK: llvm.func linkonce_odr @__mlir_math_ipowi_i64(%{{.*}}: i64, %{{.*}}: i64) -> i64
func.func @std(%a: memref<?xf64, strided<[?], offset: ?>>, %i: index, %c: i1, %x: i64, %y: f64) -> (i32, f64, i64, i64, f64) {
  %0 = scf.if %c -> (f64) {
    %v = memref.load %a[%i] : memref<?xf64, strided<[?], offset: ?>>
    scf.yield %v : f64
  } else {
    %p = ub.poison : f64
    scf.yield %p : f64
  }
  %1 = math.ipowi %x, %x : i64
  %2 = arith.floordivsi %x, %x : i64
  %3 = math.atan2 %y, %y : f64
  %4 = arith.addf %0, %3 : f64
  %s = arith.constant 0 : i32
  return %s, %4, %1, %2, %3 : i32, f64, i64, i64, f64
}

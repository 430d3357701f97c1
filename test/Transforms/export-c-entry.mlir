// RUN: mumba-opt %s -split-input-file --mumba-export-c-entry | FileCheck %s
// RUN: mumba-opt %s -split-input-file --mumba-export-c-entry --mumba-std-to-llvm \
// RUN:   | FileCheck %s --check-prefix=LLVM

// A lowered function keeps its name for a plain C entry point; its body is
// renamed and made private. The array comes as a pointer to its memref
// descriptor, the result through a pointer; the status is returned.
// CHECK-LABEL: func.func private @__mumba_mean(%{{.*}}: memref<?xf64>) -> (i32, f64)
// CHECK-SAME: llvm.linkage = #llvm.linkage<internal>
// CHECK: func.func @mean(%[[A:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr) -> i32
// CHECK:   %[[D:.*]] = llvm.load %[[A]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK:   %[[M:.*]] = builtin.unrealized_conversion_cast %[[D]] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)> to memref<?xf64>
// CHECK:   %[[R:.*]]:2 = call @__mumba_mean(%[[M]]) : (memref<?xf64>) -> (i32, f64)
// CHECK:   llvm.store %[[R]]#1, %[[OUT]] : f64, !llvm.ptr
// CHECK:   return %[[R]]#0 : i32
// In the llvm dialect the descriptor is unpacked into the call's arguments.
// LLVM: llvm.func internal @__mumba_mean(
// LLVM-LABEL: llvm.func @mean(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// LLVM: llvm.load %{{.*}} : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// LLVM: llvm.call @__mumba_mean(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64, i64, i64) -> !llvm.struct<(i32, f64)>
func.func @mean(%a: memref<?xf64>) -> (i32, f64) {
  %c0 = arith.constant 0 : index
  %s = arith.constant 0 : i32
  %x = memref.load %a[%c0] : memref<?xf64>
  return %s, %x : i32, f64
}

// -----

// Scalars pass by value; a tuple result is a struct of its elements, each
// stored in its field; a function returning None returns only the status.
// Helpers stay private.
// CHECK-LABEL: func.func private @helper
// CHECK: func.func @divmod(%[[X:.*]]: i64, %[[Y:.*]]: f64, %[[OUT:.*]]: !llvm.ptr) -> i32
// CHECK:   %[[R:.*]]:3 = call @__mumba_divmod(%[[X]], %[[Y]])
// CHECK:   %[[F0:.*]] = llvm.getelementptr %[[OUT]][0, 0] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i64, f64)>
// CHECK:   llvm.store %[[R]]#1, %[[F0]] : i64, !llvm.ptr
// CHECK:   %[[F1:.*]] = llvm.getelementptr %[[OUT]][0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i64, f64)>
// CHECK:   llvm.store %[[R]]#2, %[[F1]] : f64, !llvm.ptr
// CHECK: func.func @fill(%{{.*}}: !llvm.ptr, %{{.*}}: f64) -> i32
// CHECK-NOT: !llvm.ptr) -> i32
// CHECK:   return %{{.*}} : i32
func.func private @helper(%x: i64) -> (i32, i64) {
  %s = arith.constant 0 : i32
  return %s, %x : i32, i64
}
func.func @divmod(%x: i64, %y: f64) -> (i32, i64, f64) {
  %s, %h = call @helper(%x) : (i64) -> (i32, i64)
  return %s, %h, %y : i32, i64, f64
}
func.func @fill(%a: memref<?x?xf32>, %v: f64) -> i32 {
  %s = arith.constant 0 : i32
  return %s : i32
}

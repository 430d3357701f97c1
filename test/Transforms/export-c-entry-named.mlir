// RUN: mumba-opt %s "--mumba-export-c-entry=entries=mean=mean_f64,dot" | FileCheck %s

// Named exports: `symbol=name` gives the entry point another name; the
// functions not named become private.
// CHECK: func.func private @__mumba_mean(
// CHECK: func.func @mean_f64(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK:   call @__mumba_mean(
// CHECK: func.func private @__mumba_dot(
// CHECK: func.func @dot(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: func.func private @other(
func.func @mean(%a: memref<?xf64>) -> (i32, f64) {
  %c0 = arith.constant 0 : index
  %s = arith.constant 0 : i32
  %x = memref.load %a[%c0] : memref<?xf64>
  return %s, %x : i32, f64
}
func.func @dot(%a: memref<?xf64>, %b: memref<?xf64>) -> (i32, f64) {
  %c0 = arith.constant 0 : index
  %s = arith.constant 0 : i32
  %x = memref.load %a[%c0] : memref<?xf64>
  return %s, %x : i32, f64
}
func.func @other() -> i32 {
  %s = arith.constant 0 : i32
  return %s : i32
}

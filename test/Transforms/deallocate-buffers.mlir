// RUN: mumba-opt %s -split-input-file -mumba-deallocate-buffers | FileCheck %s

// A temporary is freed; a returned array comes back with an ownership flag,
// and an entry function stays public.
// CHECK-LABEL: func.func @temporary_and_result
// CHECK-SAME: -> (i32, memref<?xf64>, i1)
// CHECK: %[[T:.*]] = memref.alloc
// CHECK: %[[R:.*]] = memref.alloc
// CHECK: memref.dealloc %[[T]]
// CHECK: return %{{.*}}, %[[R]], %{{.*}} : i32, memref<?xf64>, i1
func.func @temporary_and_result(%n: index) -> (i32, memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %s = arith.constant 0 : i32
  %t = memref.alloc(%n) : memref<?xf64>
  %r = memref.alloc(%n) : memref<?xf64>
  %x = memref.load %t[%c0] : memref<?xf64>
  memref.store %x, %r[%c0] : memref<?xf64>
  return %s, %r : i32, memref<?xf64>
}

// -----

// Returning an argument: not owned, so the flag is false and nothing is
// copied.
// CHECK-LABEL: func.func @returns_argument
// CHECK-SAME: -> (i32, memref<?xf64>, i1)
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK-NOT: memref.alloc
// CHECK: return %{{.*}}, %{{.*}}, %[[FALSE]]
func.func @returns_argument(%a: memref<?xf64>) -> (i32, memref<?xf64>) {
  %s = arith.constant 0 : i32
  return %s, %a : i32, memref<?xf64>
}

// -----

// Loops in cf are lifted to scf first, so a temporary made in a loop body
// is freed in the body.
// CHECK-LABEL: func.func @loop_temporary
// CHECK: scf.while
// CHECK: %[[T:.*]] = memref.alloc
// CHECK: memref.dealloc %[[T]]
func.func @loop_temporary(%n: index, %out: memref<?xf64>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = arith.constant 0 : i32
  %one = arith.constant 1.0 : f64
  cf.br ^head(%c0 : index)
^head(%i: index):
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^body, ^exit
^body:
  %t = memref.alloc(%n) : memref<?xf64>
  memref.store %one, %t[%i] : memref<?xf64>
  %x = memref.load %t[%i] : memref<?xf64>
  memref.store %x, %out[%i] : memref<?xf64>
  %next = arith.addi %i, %c1 : index
  cf.br ^head(%next : index)
^exit:
  return %s : i32
}

// -----

// Without allocations or returned arrays the pass changes nothing.
// CHECK-LABEL: func.func @scalars
// CHECK-SAME: -> i32
// CHECK-NOT: scf
func.func @scalars(%a: i32) -> i32 {
  cf.br ^bb1
^bb1:
  return %a : i32
}

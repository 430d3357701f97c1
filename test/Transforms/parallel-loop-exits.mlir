// RUN: mumba-opt %s -split-input-file --mumba-parallel-loop-exits | FileCheck %s

// A prange loop as convert-nb-to-std leaves it: the cursor in a stack slot,
// the header's comparison marked, an IndexError path that returns. The
// raise stores its status in the loop's record and goes on with the next
// iteration; every iteration first checks the record; after the loop the
// record's status is returned when set.
// The runtime's functions are declared once.
// CHECK-DAG: func.func private @mumbaParallelRaise(i64, i32)
// CHECK-DAG: func.func private @mumbaParallelStatus(i64) -> i32
// CHECK-LABEL: func.func @indexed_sum
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>, %[[N:.*]]: i64)
// CHECK: %[[RECORD:.*]] = memref.alloca() {alignment = 8 : i64} : memref<137xi64>
// CHECK: %[[PTR:.*]] = memref.extract_aligned_pointer_as_index %[[RECORD]]
// CHECK: %[[ADDR:.*]] = arith.index_cast %[[PTR]] : index to i64
// CHECK: memref.store %{{.*}}, %[[RECORD]][%{{.*}}] : memref<137xi64>
// CHECK-NEXT: cf.br ^[[HEAD:.*]](%{{.*}} : f64)
// CHECK: ^[[HEAD]](%[[S:.*]]: f64):
// CHECK: arith.cmpi slt, %{{.*}}, %[[N]] {mumba.parallel} : i64
// CHECK: cf.cond_br %{{.*}}, ^[[SKIP:.*]], ^[[AFTER:[a-z0-9]*]]
// CHECK: ^[[SKIP]]:
// CHECK: %[[P:.*]] = llvm.inttoptr %[[ADDR]] : i64 to !llvm.ptr
// CHECK: %[[STATUS:.*]] = llvm.load %[[P]] atomic monotonic {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK: %[[RAISED:.*]] = arith.cmpi ne, %[[STATUS]], %{{.*}} : i64
// CHECK: cf.cond_br %[[RAISED]], ^[[HEAD]](%[[S]] : f64), ^[[BODY:.*]]
// CHECK: ^[[BODY]]:
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE:.*]], ^[[OK:[a-z0-9]*]]
// CHECK: ^[[RAISE]]:
// CHECK: call @mumbaRaiseIndexError
// CHECK: call @mumbaParallelRaise(%[[ADDR]], %{{.*}}) : (i64, i32) -> ()
// CHECK: cf.br ^[[HEAD]](%[[S]] : f64)
// CHECK: ^[[OK]]:
// CHECK: cf.br ^[[HEAD]](%{{.*}} : f64)
// CHECK: ^[[AFTER]]:
// CHECK: %[[FINAL:.*]] = call @mumbaParallelStatus(%[[ADDR]]) : (i64) -> i32
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[FINAL]], %{{.*}} : i32
// CHECK: cf.cond_br %[[FAILED]], ^[[RETURN:.*]], ^[[EXIT:[a-z0-9]*]]
// CHECK: ^[[RETURN]]:
// CHECK: %[[POISON:.*]] = ub.poison : f64
// CHECK: return %[[FINAL]], %[[POISON]] : i32, f64
// CHECK: ^[[EXIT]]:
// CHECK: return %{{.*}}, %[[S]] : i32, f64
func.func private @mumbaRaiseIndexError(i64, i64, i64)
func.func @indexed_sum(%a: memref<?xf64>, %n: i64) -> (i32, f64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %slot = memref.alloca() : memref<i64>
  memref.store %c0, %slot[] : memref<i64>
  cf.br ^head(%zero : f64)
^head(%s: f64):
  %i = memref.load %slot[] : memref<i64>
  %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64
  %next = arith.addi %i, %c1 : i64
  memref.store %next, %slot[] : memref<i64>
  cf.cond_br %more, ^body, ^exit
^body:
  %idx = arith.index_cast %i : i64 to index
  %c0i = arith.constant 0 : index
  %dim = memref.dim %a, %c0i : memref<?xf64>
  %out = arith.cmpi uge, %idx, %dim : index
  cf.cond_br %out, ^raise, ^ok
^raise:
  %size = arith.index_cast %dim : index to i64
  call @mumbaRaiseIndexError(%i, %c0, %size) : (i64, i64, i64) -> ()
  %status = arith.constant 8 : i32
  %poison = ub.poison : f64
  return %status, %poison : i32, f64
^ok:
  %v = memref.load %a[%idx] : memref<?xf64>
  %t = arith.addf %s, %v : f64
  cf.br ^head(%t : f64)
^exit:
  %ok0 = arith.constant 0 : i32
  return %ok0, %s : i32, f64
}

// -----

// A prange body that cannot raise is left alone.
// CHECK-LABEL: func.func @no_raise
// CHECK-NOT: memref<137xi64>
// CHECK-NOT: mumbaParallel
// CHECK: return
func.func @no_raise(%a: memref<?xf64>, %n: i64) -> (i32, f64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^head(%zero, %c0 : f64, i64)
^head(%s: f64, %i: i64):
  %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64
  %next = arith.addi %i, %c1 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %idx = arith.index_cast %i : i64 to index
  %v = memref.load %a[%idx] : memref<?xf64>
  %t = arith.addf %s, %v : f64
  cf.br ^head(%t, %next : f64, i64)
^exit:
  %ok0 = arith.constant 0 : i32
  return %ok0, %s : i32, f64
}

// -----

// A loop without the mark keeps its raise as a return.
// CHECK-LABEL: func.func @serial
// CHECK-NOT: mumbaParallel
// CHECK: ^{{.*}}:
// CHECK: return %{{.*}}, %{{.*}} : i32, i64
func.func @serial(%n: i64, %d: i64) -> (i32, i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^head(%c0, %c0 : i64, i64)
^head(%s: i64, %i: i64):
  %more = arith.cmpi slt, %i, %n : i64
  %next = arith.addi %i, %c1 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %zero = arith.cmpi eq, %d, %c0 : i64
  cf.cond_br %zero, ^raise, ^ok
^raise:
  %status = arith.constant 1 : i32
  %poison = ub.poison : i64
  return %status, %poison : i32, i64
^ok:
  %q = arith.divsi %i, %d : i64
  %t = arith.addi %s, %q : i64
  cf.br ^head(%t, %next : i64, i64)
^exit:
  %ok0 = arith.constant 0 : i32
  return %ok0, %s : i32, i64
}

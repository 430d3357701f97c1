// RUN: mumba-opt %s -split-input-file -allow-unregistered-dialect \
// RUN:   --mumba-uplift-while-to-for | FileCheck %s

// `for i in range(n)` as lift-cf-to-scf leaves it: the cursor is compared
// and incremented in the `before` region. The increment moves into the
// body and the loop becomes an scf.for over i64.
// CHECK-LABEL: func.func @range_sum
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>, %[[N:.*]]: i64)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i64
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i64
// CHECK: %[[SUM:.*]] = scf.for %[[I:.*]] = %[[C0]] to %[[N]] step %[[C1]] iter_args(%[[T:.*]] = %{{.*}}) -> (f64) : i64 {
// CHECK:   %[[X:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK:   memref.load %[[A]][%[[X]]]
// CHECK:   scf.yield %{{.*}} : f64
// CHECK: }
// CHECK-NOT: scf.while
// CHECK: return %[[SUM]]
func.func @range_sum(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %r:3 = scf.while (%t = %zero, %i = %c0) : (f64, i64) -> (i64, f64, i64) {
    %more = arith.cmpi slt, %i, %n : i64
    %next = arith.addi %i, %c1 : i64
    scf.condition(%more) %next, %t, %i : i64, f64, i64
  } do {
  ^bb0(%next: i64, %t: f64, %i: i64):
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %s = arith.addf %t, %v : f64
    scf.yield %s, %next : f64, i64
  }
  return %r#1 : f64
}

// -----

// The body uses the incremented cursor (CSE merged `i + 1` with it), and so
// does the code after the loop: both get their own increment, the latter
// from the cursor's value at the exit, max(n, 0).
// CHECK-LABEL: func.func @uses_next
// CHECK-SAME: (%[[N:.*]]: i64)
// CHECK: %[[EXIT:.*]] = arith.maxsi %[[N]], %{{.*}} : i64
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[N]] step %[[C1:.*]] : i64 {
// CHECK:   %[[NEXT:.*]] = arith.addi %[[I]], %[[C1]] : i64
// CHECK:   "test.use"(%[[NEXT]]) : (i64) -> ()
// CHECK: }
// CHECK: %[[AFTER:.*]] = arith.addi %[[EXIT]], %[[C1]] : i64
// CHECK: return %[[AFTER]]
func.func @uses_next(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %r:2 = scf.while (%i = %c0) : (i64) -> (i64, i64) {
    %more = arith.cmpi slt, %i, %n : i64
    %next = arith.addi %i, %c1 : i64
    scf.condition(%more) %next, %i : i64, i64
  } do {
  ^bb0(%next: i64, %i: i64):
    "test.use"(%next) : (i64) -> ()
    scf.yield %next : i64
  }
  return %r#0 : i64
}

// -----

// range(1, n, 3), its cursor used after the loop: at the exit it is
// 1 + ceil(max(n - 1, 0) / 3) * 3.
// CHECK-LABEL: func.func @step_three
// CHECK-SAME: (%[[N:.*]]: i64)
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : i64
// CHECK: %[[SPAN:.*]] = arith.subi %[[N]], %[[C1]] : i64
// CHECK: %[[POS:.*]] = arith.maxsi %[[SPAN]], %{{.*}} : i64
// CHECK: %[[TRIPS:.*]] = arith.ceildivsi %[[POS]], %[[C3]] : i64
// CHECK: %[[DIST:.*]] = arith.muli %[[TRIPS]], %[[C3]] : i64
// CHECK: %[[EXIT:.*]] = arith.addi %[[DIST]], %[[C1]] : i64
// CHECK: scf.for %{{.*}} = %[[C1]] to %[[N]] step %[[C3]] : i64
// CHECK: return %[[EXIT]]
func.func @step_three(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %c3 = arith.constant 3 : i64
  %r = scf.while (%i = %c1) : (i64) -> i64 {
    %more = arith.cmpi slt, %i, %n : i64
    scf.condition(%more) %i : i64
  } do {
  ^bb0(%i: i64):
    "test.use"(%i) : (i64) -> ()
    %next = arith.addi %i, %c3 : i64
    scf.yield %next : i64
  }
  return %r : i64
}

// -----

// A data-dependent `while` stays a while loop.
// CHECK-LABEL: func.func @collatz
// CHECK: scf.while
// CHECK-NOT: scf.for
func.func @collatz(%n0: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %c0 = arith.constant 0 : i64
  %r:2 = scf.while (%n = %n0, %steps = %c0) : (i64, i64) -> (i64, i64) {
    %more = arith.cmpi ne, %n, %c1 : i64
    scf.condition(%more) %n, %steps : i64, i64
  } do {
  ^bb0(%n: i64, %steps: i64):
    %half = arith.divsi %n, %c1 : i64
    %s = arith.addi %steps, %c1 : i64
    scf.yield %half, %s : i64, i64
  }
  return %r#1 : i64
}

// -----

// range(a, b, step) with a step known only at run time: the direction of
// the comparison is chosen by a select, so the loop is not uplifted.
// CHECK-LABEL: func.func @dynamic_step
// CHECK: scf.while
// CHECK-NOT: scf.for
func.func @dynamic_step(%start: i64, %stop: i64, %step: i64) {
  %c0 = arith.constant 0 : i64
  %up = arith.cmpi sgt, %step, %c0 : i64
  %r:2 = scf.while (%i = %start) : (i64) -> (i64, i64) {
    %below = arith.cmpi slt, %i, %stop : i64
    %above = arith.cmpi sgt, %i, %stop : i64
    %more = arith.select %up, %below, %above : i1
    %next = arith.addi %i, %step : i64
    scf.condition(%more) %next, %i : i64, i64
  } do {
  ^bb0(%next: i64, %i: i64):
    "test.use"(%i) : (i64) -> ()
    scf.yield %next : i64
  }
  return
}

// -----

// An early exit (the body may raise) keeps the loop a while loop: the
// condition is no longer the comparison alone.
// CHECK-LABEL: func.func @early_exit
// CHECK: scf.while
// CHECK-NOT: scf.for
func.func @early_exit(%n: i64, %d: i64) -> i32 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %ok = arith.constant 0 : i32
  %fail = arith.constant 1 : i32
  %true = arith.constant true
  %r:3 = scf.while (%i = %c0, %s = %ok) : (i64, i32) -> (i64, i64, i32) {
    %more = arith.cmpi slt, %i, %n : i64
    %zero = arith.cmpi eq, %d, %c0 : i64
    %keep = arith.xori %zero, %true : i1
    %go = arith.andi %more, %keep : i1
    %status = arith.select %zero, %fail, %s : i32
    %next = arith.addi %i, %c1 : i64
    scf.condition(%go) %next, %i, %status : i64, i64, i32
  } do {
  ^bb0(%next: i64, %i: i64, %s: i32):
    scf.yield %next, %s : i64, i32
  }
  return %r#2 : i32
}

// -----

// `for x in a`: the array's size is read in the loop header; it is hoisted
// first, then the loop is counted.
// CHECK-LABEL: func.func @array_iteration
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>)
// CHECK: %[[DIM:.*]] = memref.dim %[[A]]
// CHECK: %[[N:.*]] = arith.index_cast %[[DIM]] : index to i64
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[N]] step %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (f64) : i64 {
func.func @array_iteration(%a: memref<?xf64>) -> f64 {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %r:3 = scf.while (%t = %zero, %i = %c0_i64) : (f64, i64) -> (i64, f64, i64) {
    %dim = memref.dim %a, %c0 : memref<?xf64>
    %n = arith.index_cast %dim : index to i64
    %more = arith.cmpi slt, %i, %n : i64
    %next = arith.addi %i, %c1_i64 : i64
    scf.condition(%more) %next, %t, %i : i64, f64, i64
  } do {
  ^bb0(%next: i64, %t: f64, %i: i64):
    %k = arith.index_cast %i : i64 to index
    %x = memref.load %a[%k] : memref<?xf64>
    %s = arith.addf %t, %x : f64
    scf.yield %s, %next : f64, i64
  }
  return %r#1 : f64
}

// -----

// A prange loop: the mark on its comparison moves to the scf.for, which
// takes the comparison's location (the `for` statement); the iteration
// argument keeps its variable's name.
// CHECK-LABEL: func.func @prange_sum
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %{{.*}}) -> (f64) : i64 {
// CHECK: } {mumba.parallel}
func.func @prange_sum(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %r:3 = scf.while (%t = %zero, %i = %c0) : (f64, i64) -> (i64, f64, i64) {
    %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64
    %next = arith.addi %i, %c1 : i64
    scf.condition(%more) %next, %t, %i : i64, f64, i64
  } do {
  ^bb0(%next: i64, %t: f64, %i: i64):
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %s = arith.addf %t, %v : f64
    scf.yield %s, %next : f64, i64
  }
  return %r#1 : f64
}

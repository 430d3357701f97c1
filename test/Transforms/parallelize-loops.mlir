// RUN: mumba-opt %s -split-input-file --mumba-parallelize-loops | FileCheck %s

// A prange sum: the i64 loop becomes an scf.parallel over index; the body
// adds its element to -0.0 (the identity of float addition) and scf.reduce
// adds the contributions to the initial value.
// CHECK-LABEL: func.func @sum
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>, %[[N:.*]]: i64)
// CHECK-DAG: %[[INIT:.*]] = arith.constant 1.500000e+00 : f64
// CHECK-DAG: %[[LB:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK-DAG: %[[UB:.*]] = arith.index_cast %[[N]] : i64 to index
// CHECK: %[[R:.*]] = scf.parallel (%[[J:.*]]) = (%[[LB]]) to (%[[UB]]) step (%{{.*}}) init (%[[INIT]]) -> f64 {
// CHECK:   %[[I:.*]] = arith.index_cast %[[J]] : index to i64
// CHECK:   %[[ZERO:.*]] = arith.constant -0.000000e+00 : f64
// CHECK:   %[[X:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK:   %[[V:.*]] = memref.load %[[A]][%[[X]]]
// CHECK:   %[[T:.*]] = arith.addf %[[ZERO]], %[[V]] : f64
// CHECK:   scf.reduce(%[[T]] : f64) {
// CHECK:   ^bb0(%[[L:.*]]: f64, %[[RR:.*]]: f64):
// CHECK:     %[[C:.*]] = arith.addf %[[L]], %[[RR]] : f64
// CHECK:     scf.reduce.return %[[C]] : f64
// CHECK: return %[[R]] : f64
func.func @sum(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %init = arith.constant 1.5 : f64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %init) -> (f64) : i64 {
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %t = arith.addf %s, %v : f64
    scf.yield %t : f64
  } {mumba.parallel}
  return %r : f64
}

// -----

// Every kind at once: `-=` adds, `*=`, Python's min and max of floats and
// of signed ints (select forms), `|=`, `&=`, `^=`; each reduction starts
// its iteration from its identity.
// CHECK-LABEL: func.func @kinds
// CHECK: scf.parallel
// CHECK-DAG: arith.constant -0.000000e+00 : f64
// CHECK-DAG: arith.constant 1.000000e+00 : f64
// CHECK-DAG: arith.constant 0x7FF0000000000000 : f64
// CHECK-DAG: arith.constant 0xFFF0000000000000 : f64
// CHECK-DAG: arith.constant 9223372036854775807 : i64
// CHECK-DAG: arith.constant -9223372036854775808 : i64
// CHECK-DAG: arith.constant -1 : i64
// CHECK: scf.reduce(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f64, f64, f64, f64, i64, i64, i64, i64, i64) {
// CHECK: arith.addf
// CHECK: scf.reduce.return
// CHECK: arith.mulf
// CHECK: scf.reduce.return
// CHECK: %[[LT:.*]] = arith.cmpf olt, %[[A0:.*]], %[[A1:.*]] : f64
// CHECK: arith.select %[[LT]], %[[A0]], %[[A1]] : f64
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[B0:.*]], %[[B1:.*]] : f64
// CHECK: arith.select %[[GT]], %[[B0]], %[[B1]] : f64
// CHECK: arith.cmpi slt
// CHECK: arith.cmpi sgt
// CHECK: arith.ori
// CHECK: arith.andi
// CHECK: arith.xori
func.func @kinds(%a: memref<?xf64>, %b: memref<?xi64>, %n: i64)
    -> (f64, f64, f64, f64, i64, i64, i64, i64, i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %f = arith.constant 2.0 : f64
  %r:9 = scf.for %i = %c0 to %n step %c1
      iter_args(%d = %f, %p = %f, %mn = %f, %mx = %f, %imn = %c0, %imx = %c0,
                %o = %c0, %an = %c1, %x = %c0)
      -> (f64, f64, f64, f64, i64, i64, i64, i64, i64) : i64 {
    %k = arith.index_cast %i : i64 to index
    %v = memref.load %a[%k] : memref<?xf64>
    %w = memref.load %b[%k] : memref<?xi64>
    %d1 = arith.subf %d, %v : f64
    %p1 = arith.mulf %p, %v : f64
    %lt = arith.cmpf olt, %v, %mn : f64
    %mn1 = arith.select %lt, %v, %mn : f64
    %gt = arith.cmpf ogt, %v, %mx : f64
    %mx1 = arith.select %gt, %v, %mx : f64
    %ilt = arith.cmpi slt, %w, %imn : i64
    %imn1 = arith.select %ilt, %w, %imn : i64
    %igt = arith.cmpi sgt, %w, %imx : i64
    %imx1 = arith.select %igt, %w, %imx : i64
    %o1 = arith.ori %o, %w : i64
    %an1 = arith.andi %w, %an : i64
    %x1 = arith.xori %x, %w : i64
    scf.yield %d1, %p1, %mn1, %mx1, %imn1, %imx1, %o1, %an1, %x1
        : f64, f64, f64, f64, i64, i64, i64, i64, i64
  } {mumba.parallel}
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5, %r#6, %r#7, %r#8
      : f64, f64, f64, f64, i64, i64, i64, i64, i64
}

// -----

// Conditional updates (scf.if passing the value on) and an inner serial
// loop that accumulates are reductions too.
// CHECK-LABEL: func.func @nested
// CHECK: %[[ZERO:.*]] = arith.constant -0.000000e+00 : f64
// CHECK: %[[INNER:.*]] = scf.for {{.*}} iter_args(%[[T:.*]] = %[[ZERO]]) -> (f64)
// CHECK: %[[IF:.*]] = scf.if
// CHECK: scf.reduce(%[[IF]] : f64)
func.func @nested(%a: memref<?x?xf64>, %n: i64, %m: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %zero) -> (f64) : i64 {
    %x = arith.index_cast %i : i64 to index
    %inner = scf.for %j = %c0 to %m step %c1 iter_args(%t = %s) -> (f64) : i64 {
      %y = arith.index_cast %j : i64 to index
      %v = memref.load %a[%x, %y] : memref<?x?xf64>
      %t1 = arith.addf %t, %v : f64
      scf.yield %t1 : f64
    }
    %c0i = arith.constant 0 : index
    %first = memref.load %a[%x, %c0i] : memref<?x?xf64>
    %pos = arith.cmpf ogt, %first, %zero : f64
    %u = scf.if %pos -> (f64) {
      scf.yield %inner : f64
    } else {
      scf.yield %s : f64
    }
    scf.yield %u : f64
  } {mumba.parallel}
  return %r : f64
}

// -----

// Booleans reduce as bytes (OpenMP's atomic combiners need 8 bits).
// CHECK-LABEL: func.func @any
// CHECK: %[[INIT:.*]] = arith.extui %{{.*}} : i1 to i8
// CHECK: %[[R:.*]] = scf.parallel {{.*}} init (%[[INIT]]) -> i8
// CHECK: %[[B:.*]] = arith.extui %{{.*}} : i1 to i8
// CHECK: scf.reduce(%[[B]] : i8)
// CHECK: arith.ori %{{.*}}, %{{.*}} : i8
// CHECK: %[[BACK:.*]] = arith.trunci %[[R]] : i8 to i1
// CHECK: return %[[BACK]] : i1
func.func @any(%a: memref<?xf64>, %n: i64) -> i1 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %false = arith.constant false
  %zero = arith.constant 0.0 : f64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %false) -> (i1) : i64 {
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %neg = arith.cmpf olt, %v, %zero : f64
    %s1 = arith.ori %s, %neg : i1
    scf.yield %s1 : i1
  } {mumba.parallel}
  return %r : i1
}

// -----

// Writes to distinct elements need no reduction; an unmarked loop stays.
// CHECK-LABEL: func.func @store
// CHECK: scf.parallel
// CHECK: memref.store
// CHECK: scf.reduce
// CHECK: scf.for
// CHECK-NOT: scf.parallel
func.func @store(%a: memref<?xf64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %two = arith.constant 2.0 : f64
  scf.for %i = %c0 to %n step %c1 : i64 {
    %x = arith.index_cast %i : i64 to index
    memref.store %two, %a[%x] : memref<?xf64>
  } {mumba.parallel}
  scf.for %i = %c0 to %n step %c1 : i64 {
    %x = arith.index_cast %i : i64 to index
    memref.store %two, %a[%x] : memref<?xf64>
  }
  return
}

// -----

// An inner loop left by `break` (an scf.while, poison on the path that
// leaves it) carries the reduction through its regions.
// CHECK-LABEL: func.func @inner_while
// CHECK: scf.parallel
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: scf.while (%{{.*}} = %[[ZERO]], %{{.*}} = %{{.*}})
// CHECK: scf.reduce
// CHECK: arith.addi
func.func @inner_while(%a: memref<?x?xf64>, %n: i64, %m: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %half = arith.constant 0.5 : f64
  %poison = ub.poison : i64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %c0) -> (i64) : i64 {
    %w:2 = scf.while (%t = %s, %j = %c0) : (i64, i64) -> (i64, i64) {
      %more = arith.cmpi slt, %j, %m : i64
      %x = arith.index_cast %i : i64 to index
      %y = arith.index_cast %j : i64 to index
      %v = memref.load %a[%x, %y] : memref<?x?xf64>
      %big = arith.cmpf ogt, %v, %half : f64
      %t1 = scf.if %big -> (i64) {
        scf.yield %poison : i64
      } else {
        %u = arith.addi %t, %c1 : i64
        scf.yield %u : i64
      }
      scf.condition(%more) %t1, %j : i64, i64
    } do {
    ^bb0(%t2: i64, %j2: i64):
      %j3 = arith.addi %j2, %c1 : i64
      scf.yield %t2, %j3 : i64, i64
    }
    scf.yield %w#0 : i64
  } {mumba.parallel}
  return %r : i64
}

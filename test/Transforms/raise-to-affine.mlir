// RUN: mumba-opt %s -split-input-file -allow-unregistered-dialect \
// RUN:   --mumba-raise-to-affine -canonicalize | FileCheck %s

// `for i in range(len(a)): t += a[i]` after uplifting: an i64 loop whose
// index wraps negative values. The loop counts up from 0, so the wrap
// folds away and the access becomes affine.
// CHECK-LABEL: func.func @sum
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>)
// CHECK: %[[DIM:.*]] = memref.dim %[[A]]
// CHECK: %[[T:.*]] = affine.for %[[I:.*]] = 0 to %[[DIM]] iter_args(%[[ACC:.*]] = %{{.*}}) -> (f64) {
// CHECK:   %[[X:.*]] = affine.load %[[A]][%[[I]]] : memref<?xf64>
// CHECK:   %[[S:.*]] = arith.addf %[[ACC]], %[[X]] : f64
// CHECK:   affine.yield %[[S]] : f64
// CHECK: }
// CHECK-NOT: arith.select
// CHECK: return %{{.*}}, %[[T]]
func.func @sum(%a: memref<?xf64>) -> (i32, f64) {
  %c0 = arith.constant 0 : index
  %c0_i32 = arith.constant 0 : i32
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %dim = memref.dim %a, %c0 : memref<?xf64>
  %n = arith.index_cast %dim : index to i64
  %t = scf.for %i = %c0_i64 to %n step %c1_i64 iter_args(%acc = %zero) -> (f64) : i64 {
    %k = arith.index_cast %i : i64 to index
    %neg = arith.cmpi slt, %k, %c0 : index
    %w = arith.addi %k, %dim : index
    %idx = arith.select %neg, %w, %k : index
    %x = memref.load %a[%idx] : memref<?xf64>
    %s = arith.addf %acc, %x : f64
    scf.yield %s : f64
  }
  return %c0_i32, %t : i32, f64
}

// -----

// A 2-D stencil over range(1, n - 1): a[i - 1, j] and a[i, j + 1] are
// non-negative because i and j start at 1. The bounds are affine in the
// array's dims.
// CHECK: #[[UB:.*]] = affine_map<()[s0] -> (s0 - 1)>
// CHECK-LABEL: func.func @stencil
// CHECK-SAME: (%[[A:.*]]: memref<?x?xf64>, %[[B:.*]]: memref<?x?xf64>)
// CHECK: affine.for %[[I:.*]] = 1 to #[[UB]]()[%{{.*}}] {
// CHECK:   affine.for %[[J:.*]] = 1 to #[[UB]]()[%{{.*}}] {
// CHECK:     %[[N:.*]] = affine.load %[[A]][%[[I]] - 1, %[[J]]]
// CHECK:     %[[E:.*]] = affine.load %[[A]][%[[I]], %[[J]] + 1]
// CHECK:     affine.store %{{.*}}, %[[B]][%[[I]], %[[J]]]
// CHECK-NOT: arith.select
func.func @stencil(%a: memref<?x?xf64>, %b: memref<?x?xf64>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i64 = arith.constant 1 : i64
  %d0 = memref.dim %a, %c0 : memref<?x?xf64>
  %d1 = memref.dim %a, %c1 : memref<?x?xf64>
  %n0 = arith.index_cast %d0 : index to i64
  %n1 = arith.index_cast %d1 : index to i64
  %u0 = arith.subi %n0, %c1_i64 : i64
  %u1 = arith.subi %n1, %c1_i64 : i64
  scf.for %i = %c1_i64 to %u0 step %c1_i64 : i64 {
    scf.for %j = %c1_i64 to %u1 step %c1_i64 : i64 {
      %im1 = arith.subi %i, %c1_i64 : i64
      %ki = arith.index_cast %im1 : i64 to index
      %negi = arith.cmpi slt, %ki, %c0 : index
      %wi = arith.addi %ki, %d0 : index
      %ii = arith.select %negi, %wi, %ki : index
      %kj = arith.index_cast %j : i64 to index
      %negj = arith.cmpi slt, %kj, %c0 : index
      %wj = arith.addi %kj, %d1 : index
      %jj = arith.select %negj, %wj, %kj : index
      %north = memref.load %a[%ii, %jj] : memref<?x?xf64>
      %jp1 = arith.addi %j, %c1_i64 : i64
      %kjp = arith.index_cast %jp1 : i64 to index
      %negjp = arith.cmpi slt, %kjp, %c0 : index
      %wjp = arith.addi %kjp, %d1 : index
      %jjp = arith.select %negjp, %wjp, %kjp : index
      %ki0 = arith.index_cast %i : i64 to index
      %negi0 = arith.cmpi slt, %ki0, %c0 : index
      %wi0 = arith.addi %ki0, %d0 : index
      %ii0 = arith.select %negi0, %wi0, %ki0 : index
      %east = memref.load %a[%ii0, %jjp] : memref<?x?xf64>
      %v = arith.addf %north, %east : f64
      %e0 = memref.dim %b, %c0 : memref<?x?xf64>
      %e1 = memref.dim %b, %c1 : memref<?x?xf64>
      %wbi = arith.addi %ki0, %e0 : index
      %bi = arith.select %negi0, %wbi, %ki0 : index
      %wbj = arith.addi %kj, %e1 : index
      %bj = arith.select %negj, %wbj, %kj : index
      memref.store %v, %b[%bi, %bj] : memref<?x?xf64>
    }
  }
  return %c0_i32 : i32
}

// -----

// A triangular nest, j in range(i, n): the inner lower bound is the outer
// induction variable, itself never negative, so a[j] needs no wrap either.
// The bound n is an i64 argument: it becomes an index symbol.
// CHECK-LABEL: func.func @triangle
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>, %[[N:.*]]: i64)
// CHECK: %[[NI:.*]] = arith.index_cast %[[N]] : i64 to index
// CHECK: affine.for %[[I:.*]] = 0 to %[[NI]] {
// CHECK:   affine.for %[[J:.*]] = #{{.*}}(%[[I]]) to %[[NI]] {
// CHECK:     affine.store %{{.*}}, %[[A]][%[[J]]]
func.func @triangle(%a: memref<?xf64>, %n: i64) {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %one = arith.constant 1.0 : f64
  %dim = memref.dim %a, %c0 : memref<?xf64>
  scf.for %i = %c0_i64 to %n step %c1_i64 : i64 {
    scf.for %j = %i to %n step %c1_i64 : i64 {
      %k = arith.index_cast %j : i64 to index
      %neg = arith.cmpi slt, %k, %c0 : index
      %w = arith.addi %k, %dim : index
      %idx = arith.select %neg, %w, %k : index
      memref.store %one, %a[%idx] : memref<?xf64>
    }
  }
  return
}

// -----

// a[2 * i + 1] with a constant step of 2.
// CHECK-LABEL: func.func @strided
// CHECK: affine.for %[[I:.*]] = 0 to %{{.*}} step 2 iter_args
// CHECK:   affine.load %{{.*}}[%[[I]] * 2 + 1]
func.func @strided(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %c2_i64 = arith.constant 2 : i64
  %zero = arith.constant 0.0 : f64
  %dim = memref.dim %a, %c0 : memref<?xf64>
  %t = scf.for %i = %c0_i64 to %n step %c2_i64 iter_args(%acc = %zero) -> (f64) : i64 {
    %twice = arith.muli %i, %c2_i64 : i64
    %odd = arith.addi %twice, %c1_i64 : i64
    %k = arith.index_cast %odd : i64 to index
    %neg = arith.cmpi slt, %k, %c0 : index
    %w = arith.addi %k, %dim : index
    %idx = arith.select %neg, %w, %k : index
    %x = memref.load %a[%idx] : memref<?xf64>
    %s = arith.addf %acc, %x : f64
    scf.yield %s : f64
  }
  return %t : f64
}

// -----

// Negative cases. range(k, n) with k an argument: the loop is affine, but
// a[i] may be negative, so its wrap stays and so does the memref.load.
// CHECK-LABEL: func.func @unknown_start
// CHECK: affine.for %[[I:.*]] = %{{.*}} to %{{.*}} {
// CHECK:   arith.select
// CHECK:   memref.load
// CHECK-NOT: affine.load
func.func @unknown_start(%a: memref<?xf64>, %k0: i64, %n: i64) {
  %c0 = arith.constant 0 : index
  %c1_i64 = arith.constant 1 : i64
  %dim = memref.dim %a, %c0 : memref<?xf64>
  scf.for %i = %k0 to %n step %c1_i64 : i64 {
    %k = arith.index_cast %i : i64 to index
    %neg = arith.cmpi slt, %k, %c0 : index
    %w = arith.addi %k, %dim : index
    %idx = arith.select %neg, %w, %k : index
    %x = memref.load %a[%idx] : memref<?xf64>
    "test.use"(%x) : (f64) -> ()
  }
  return
}

// -----

// a[i - 1] for i from 0 reads a[-1], the last element: the wrap stays.
// CHECK-LABEL: func.func @wraps_around
// CHECK: affine.for
// CHECK:   arith.select
// CHECK:   memref.load
func.func @wraps_around(%a: memref<?xf64>, %n: i64) {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %dim = memref.dim %a, %c0 : memref<?xf64>
  scf.for %i = %c0_i64 to %n step %c1_i64 : i64 {
    %im1 = arith.subi %i, %c1_i64 : i64
    %k = arith.index_cast %im1 : i64 to index
    %neg = arith.cmpi slt, %k, %c0 : index
    %w = arith.addi %k, %dim : index
    %idx = arith.select %neg, %w, %k : index
    %x = memref.load %a[%idx] : memref<?xf64>
    "test.use"(%x) : (f64) -> ()
  }
  return
}

// -----

// An indirect index a[idx[i]]: idx[i] is affine, a[...] is not.
// CHECK-LABEL: func.func @indirect
// CHECK-SAME: (%[[A:.*]]: memref<?xf64>, %[[IDX:.*]]: memref<?xi64>
// CHECK: affine.for %[[I:.*]] =
// CHECK:   %[[J:.*]] = affine.load %[[IDX]][%[[I]]]
// CHECK:   memref.load %[[A]][
func.func @indirect(%a: memref<?xf64>, %ix: memref<?xi64>, %n: i64) {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  scf.for %i = %c0_i64 to %n step %c1_i64 : i64 {
    %k = arith.index_cast %i : i64 to index
    %j = memref.load %ix[%k] : memref<?xi64>
    %kj = arith.index_cast %j : i64 to index
    %x = memref.load %a[%kj] : memref<?xf64>
    "test.use"(%x) : (f64) -> ()
  }
  return
}

// -----

// a[i * j] is not affine; a step known only at run time, or a bound
// loaded from memory inside the loop nest, keeps the loop in scf.
// CHECK-LABEL: func.func @not_affine
// CHECK: affine.for %[[I:.*]] =
// CHECK:   affine.for %[[J:.*]] =
// CHECK:     arith.muli
// CHECK:     memref.load
// CHECK:   scf.for {{.*}} step %{{.*}} : i64
// CHECK:   %[[UB:.*]] = affine.load
// CHECK:   scf.for %{{.*}} = %{{.*}} to %[[UB]]
func.func @not_affine(%a: memref<?xf64>, %n: i64, %s: i64, %bounds: memref<?xi64>) {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  scf.for %i = %c0_i64 to %n step %c1_i64 : i64 {
    scf.for %j = %c0_i64 to %n step %c1_i64 : i64 {
      %p = arith.muli %i, %j : i64
      %k = arith.index_cast %p : i64 to index
      %x = memref.load %a[%k] : memref<?xf64>
      "test.use"(%x) : (f64) -> ()
    }
    scf.for %j = %c0_i64 to %n step %s : i64 {
      "test.use"(%j) : (i64) -> ()
    }
    %ki = arith.index_cast %i : i64 to index
    %ub = memref.load %bounds[%ki] : memref<?xi64>
    scf.for %j = %c0_i64 to %ub step %c1_i64 : i64 {
      "test.use"(%j) : (i64) -> ()
    }
  }
  return
}

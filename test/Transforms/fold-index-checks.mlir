// RUN: mumba-opt %s -split-input-file --mumba-fold-index-checks -canonicalize | FileCheck %s

// for i in range(len(a)): t += a[i], with boundscheck: i counts up from 0
// and stays below len(a), so neither the wrap-around nor the bounds test
// can fire. The raising branch goes, and the loop has one exit.
// CHECK-LABEL: func.func @sum
// CHECK-NOT: arith.select
// CHECK-NOT: uge
// CHECK-NOT: call @mumbaRaiseIndexError
// CHECK: memref.load %{{.*}}[%{{.*}}] : memref<?xf64>
// CHECK-NOT: return %c8
func.func private @mumbaRaiseIndexError(i64, i64, i64)
func.func @sum(%a: memref<?xf64>) -> (i32, f64) {
  %c0_i32 = arith.constant 0 : i32
  %c8_i32 = arith.constant 8 : i32
  %p = ub.poison : f64
  %c1_i64 = arith.constant 1 : i64
  %c0_i64 = arith.constant 0 : i64
  %zero = arith.constant 0.0 : f64
  %c0 = arith.constant 0 : index
  %dim = memref.dim %a, %c0 : memref<?xf64>
  %n = arith.index_cast %dim : index to i64
  cf.br ^head(%zero, %c0_i64 : f64, i64)
^head(%t: f64, %i: i64):
  %more = arith.cmpi slt, %i, %n : i64
  %next = arith.addi %i, %c1_i64 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %k = arith.index_cast %i : i64 to index
  %neg = arith.cmpi slt, %k, %c0 : index
  %kd = arith.addi %k, %dim : index
  %w = arith.select %neg, %kd, %k : index
  %oob = arith.cmpi uge, %w, %dim : index
  cf.cond_br %oob, ^raise, ^load
^raise:
  call @mumbaRaiseIndexError(%i, %c0_i64, %n) : (i64, i64, i64) -> ()
  return %c8_i32, %p : i32, f64
^load:
  %x = memref.load %a[%w] : memref<?xf64>
  %s = arith.addf %t, %x : f64
  cf.br ^head(%s, %next : f64, i64)
^exit:
  return %c0_i32, %t : i32, f64
}

// -----

// for i in range(1, len(a) - 1): a[i - 1] and a[i + 1]: i - 1 >= 0 since i
// starts at 1, and i + 1 < len(a) since i < len(a) - 1.
// CHECK-LABEL: func.func @neighbours
// CHECK-NOT: arith.select
// CHECK-NOT: uge
// CHECK: memref.load
// CHECK: memref.load
func.func @neighbours(%a: memref<?xf64>) -> (i32, f64) {
  %c0_i32 = arith.constant 0 : i32
  %c8_i32 = arith.constant 8 : i32
  %p = ub.poison : f64
  %c1_i64 = arith.constant 1 : i64
  %c0_i64 = arith.constant 0 : i64
  %zero = arith.constant 0.0 : f64
  %c0 = arith.constant 0 : index
  %dim = memref.dim %a, %c0 : memref<?xf64>
  %len = arith.index_cast %dim : index to i64
  %n = arith.subi %len, %c1_i64 : i64
  cf.br ^head(%zero, %c1_i64 : f64, i64)
^head(%t: f64, %i: i64):
  %more = arith.cmpi slt, %i, %n : i64
  %next = arith.addi %i, %c1_i64 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %im1 = arith.subi %i, %c1_i64 : i64
  %k = arith.index_cast %im1 : i64 to index
  %neg = arith.cmpi slt, %k, %c0 : index
  %kd = arith.addi %k, %dim : index
  %w = arith.select %neg, %kd, %k : index
  %oob = arith.cmpi uge, %w, %dim : index
  cf.cond_br %oob, ^raise, ^left
^left:
  %x = memref.load %a[%w] : memref<?xf64>
  %k2 = arith.index_cast %next : i64 to index
  %neg2 = arith.cmpi slt, %k2, %c0 : index
  %kd2 = arith.addi %k2, %dim : index
  %w2 = arith.select %neg2, %kd2, %k2 : index
  %oob2 = arith.cmpi uge, %w2, %dim : index
  cf.cond_br %oob2, ^raise, ^right
^right:
  %y = memref.load %a[%w2] : memref<?xf64>
  %s = arith.addf %x, %y : f64
  %u = arith.addf %t, %s : f64
  cf.br ^head(%u, %next : f64, i64)
^raise:
  return %c8_i32, %p : i32, f64
^exit:
  return %c0_i32, %t : i32, f64
}

// -----

// What the range does not decide stays: for i in range(k, n) (k may be
// negative) keeps both tests; for i in range(n) with n unrelated to the
// array keeps the bounds test (the wrap-around goes); a[i + 1] for i in
// range(len(a)) may be past the end.
// CHECK-LABEL: func.func @undecided
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : index
// CHECK: arith.select
// CHECK: arith.cmpi uge
// CHECK: cf.cond_br
// CHECK: cf.cond_br
// CHECK-NOT: arith.select
// CHECK: arith.cmpi uge
// CHECK: cf.cond_br
// CHECK: cf.cond_br
// CHECK: arith.cmpi uge
func.func @undecided(%a: memref<?xf64>, %k0: i64, %n: i64) -> i32 {
  %c0_i32 = arith.constant 0 : i32
  %c8_i32 = arith.constant 8 : i32
  %c1_i64 = arith.constant 1 : i64
  %c0_i64 = arith.constant 0 : i64
  %c0 = arith.constant 0 : index
  %dim = memref.dim %a, %c0 : memref<?xf64>
  %len = arith.index_cast %dim : index to i64
  cf.br ^h1(%k0 : i64)
^h1(%i: i64):
  %m1 = arith.cmpi slt, %i, %n : i64
  %n1 = arith.addi %i, %c1_i64 : i64
  cf.cond_br %m1, ^b1, ^h2(%c0_i64 : i64)
^b1:
  %k = arith.index_cast %i : i64 to index
  %neg = arith.cmpi slt, %k, %c0 : index
  %kd = arith.addi %k, %dim : index
  %w = arith.select %neg, %kd, %k : index
  %oob = arith.cmpi uge, %w, %dim : index
  cf.cond_br %oob, ^raise, ^h1(%n1 : i64)
^h2(%j: i64):
  %m2 = arith.cmpi slt, %j, %n : i64
  %n2 = arith.addi %j, %c1_i64 : i64
  cf.cond_br %m2, ^b2, ^h3(%c0_i64 : i64)
^b2:
  %kj = arith.index_cast %j : i64 to index
  %negj = arith.cmpi slt, %kj, %c0 : index
  %kdj = arith.addi %kj, %dim : index
  %wj = arith.select %negj, %kdj, %kj : index
  %oobj = arith.cmpi uge, %wj, %dim : index
  cf.cond_br %oobj, ^raise, ^h2(%n2 : i64)
^h3(%l: i64):
  %m3 = arith.cmpi slt, %l, %len : i64
  %n3 = arith.addi %l, %c1_i64 : i64
  cf.cond_br %m3, ^b3, ^exit
^b3:
  %kl = arith.index_cast %n3 : i64 to index
  %negl = arith.cmpi slt, %kl, %c0 : index
  %kdl = arith.addi %kl, %dim : index
  %wl = arith.select %negl, %kdl, %kl : index
  %oobl = arith.cmpi uge, %wl, %dim : index
  cf.cond_br %oobl, ^raise, ^h3(%n3 : i64)
^raise:
  return %c8_i32 : i32
^exit:
  return %c0_i32 : i32
}

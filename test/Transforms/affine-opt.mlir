// RUN: mumba-opt %s -split-input-file -allow-unregistered-dialect --mumba-affine-opt \
// RUN:   | FileCheck %s
// RUN: mumba-opt %s -split-input-file -allow-unregistered-dialect \
// RUN:   "--mumba-affine-opt=vector-size=8 vectorize-reductions=true" \
// RUN:   | FileCheck %s --check-prefix=VEC

// Two passes over one array (a[i] *= 2, then a[i] += 1 for i in
// range(1024)): every access is to the same memref, so the loops fuse.
// (Upstream's fusion weighs the cost of a fusion by trip counts, so it
// fuses loops whose trip counts are constants.)
// CHECK-LABEL: func.func @same_array
// Scalar replacement then forwards the first store to the reload of a[i]
// and drops it, as the second store overwrites it.
// CHECK: affine.for %[[I:.*]] = 0 to 1024 {
// CHECK-NEXT: %[[X:.*]] = affine.load %{{.*}}[%[[I]]]
// CHECK-NEXT: %[[Y:.*]] = arith.mulf %[[X]]
// CHECK-NEXT: %[[Z:.*]] = arith.addf %[[Y]]
// CHECK-NEXT: affine.store %[[Z]], %{{.*}}[%[[I]]]
// CHECK-NEXT: }
// CHECK-NOT: affine.for
func.func @same_array(%a: memref<?xf64>) {
  %two = arith.constant 2.0 : f64
  %one = arith.constant 1.0 : f64
  affine.for %i = 0 to 1024 {
    %x = affine.load %a[%i] : memref<?xf64>
    %y = arith.mulf %x, %two : f64
    affine.store %y, %a[%i] : memref<?xf64>
  }
  affine.for %i = 0 to 1024 {
    %x = affine.load %a[%i] : memref<?xf64>
    %y = arith.addf %x, %one : f64
    affine.store %y, %a[%i] : memref<?xf64>
  }
  return
}

// -----

// b = 2 * a, then a = b + 1: fused, this would be wrong for f(x, x)
// (NumPy arguments may overlap), so both loops stay.
// CHECK-LABEL: func.func @may_alias
// CHECK: affine.for
// CHECK: affine.for
func.func @may_alias(%a: memref<?xf64>, %b: memref<?xf64>) {
  %two = arith.constant 2.0 : f64
  %one = arith.constant 1.0 : f64
  affine.for %i = 0 to 1024 {
    %x = affine.load %a[%i] : memref<?xf64>
    %y = arith.mulf %x, %two : f64
    affine.store %y, %b[%i] : memref<?xf64>
  }
  affine.for %i = 0 to 1024 {
    %x = affine.load %b[%i] : memref<?xf64>
    %y = arith.addf %x, %one : f64
    affine.store %y, %a[%i] : memref<?xf64>
  }
  return
}

// -----

// Arrays made in the function cannot overlap an argument: the producer
// fuses into the consumer, and the temporary, now only stored to and
// reloaded at once, disappears.
// CHECK-LABEL: func.func @temporary
// CHECK: %[[B:.*]] = memref.alloc() : memref<1024xf64>
// CHECK-NEXT: affine.for
// CHECK-NOT: affine.for
// CHECK-NOT: memref.alloc
// CHECK: return %[[B]]
func.func @temporary(%a: memref<?xf64>) -> memref<1024xf64> {
  %t = memref.alloc() : memref<1024xf64>
  %b = memref.alloc() : memref<1024xf64>
  affine.for %i = 0 to 1024 {
    %x = affine.load %a[%i] : memref<?xf64>
    %y = arith.mulf %x, %x : f64
    affine.store %y, %t[%i] : memref<1024xf64>
  }
  affine.for %i = 0 to 1024 {
    %y = affine.load %t[%i] : memref<1024xf64>
    %r = arith.addf %y, %y : f64
    affine.store %r, %b[%i] : memref<1024xf64>
  }
  memref.dealloc %t : memref<1024xf64>
  return %b : memref<1024xf64>
}

// -----

// Loop-invariant code motion: a[0] is read on each of 16 iterations and
// nothing is written, so the load leaves the loop.
// CHECK-LABEL: func.func @invariant_load
// CHECK: %[[A0:.*]] = affine.load %{{.*}}[0]
// CHECK: affine.for
// CHECK:   arith.mulf %[[A0]]
func.func @invariant_load(%a: memref<?xf64>) -> f64 {
  %zero = arith.constant 0.0 : f64
  %s = affine.for %i = 0 to 16 iter_args(%acc = %zero) -> (f64) {
    %x0 = affine.load %a[0] : memref<?xf64>
    %x = affine.load %a[%i] : memref<?xf64>
    %p = arith.mulf %x0, %x : f64
    %r = arith.addf %acc, %p : f64
    affine.yield %r : f64
  }
  return %s : f64
}

// -----

// The same with n iterations: n may be 0 and a empty, so a[0] must not be
// read before the loop.
// CHECK-LABEL: func.func @maybe_empty
// CHECK: affine.for
// CHECK:   affine.load %{{.*}}[0]
func.func @maybe_empty(%a: memref<?xf64>, %n: index) -> f64 {
  %zero = arith.constant 0.0 : f64
  %s = affine.for %i = 0 to %n iter_args(%acc = %zero) -> (f64) {
    %x0 = affine.load %a[0] : memref<?xf64>
    %x = affine.load %a[%i] : memref<?xf64>
    %p = arith.mulf %x0, %x : f64
    %r = arith.addf %acc, %p : f64
    affine.yield %r : f64
  }
  return %s : f64
}

// -----

// Scalar replacement: the value just stored to a[i] is reused, not
// reloaded.
// CHECK-LABEL: func.func @forward
// CHECK: affine.for
// CHECK:   %[[Y:.*]] = arith.mulf
// CHECK:   affine.store %[[Y]]
// CHECK-NOT: affine.load %{{.*}}[%{{.*}}] : memref<?xf64>
// CHECK:   arith.addf %[[Y]], %[[Y]]
func.func @forward(%a: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?xf64>
  affine.for %i = 0 to %n {
    %x = affine.load %a[%i] : memref<?xf64>
    %y = arith.mulf %x, %x : f64
    affine.store %y, %a[%i] : memref<?xf64>
    %z = affine.load %a[%i] : memref<?xf64>
    %w = arith.addf %z, %z : f64
    "test.use"(%w) : (f64) -> ()
  }
  return
}

// -----

// With vector-size, the super-vectorizer takes read-only loops and, with
// vectorize-reductions (fastmath), reductions.
// VEC-LABEL: func.func @vsum
// VEC: affine.for %{{.*}} = 0 to %{{.*}} step 8 iter_args(%{{.*}} = %{{.*}}) -> (vector<8xf64>)
// VEC:   vector.transfer_read
// VEC: vector.reduction <add>
func.func @vsum(%a: memref<?xf64>) -> f64 {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f64
  %n = memref.dim %a, %c0 : memref<?xf64>
  %s = affine.for %i = 0 to %n iter_args(%acc = %zero) -> (f64) {
    %x = affine.load %a[%i] : memref<?xf64>
    %r = arith.addf %acc, %x : f64
    affine.yield %r : f64
  }
  return %s : f64
}

// -----

// ...but not a loop whose arrays may overlap: saxpy into its own input.
// VEC-LABEL: func.func @saxpy
// VEC-NOT: vector
// VEC: return
func.func @saxpy(%s: f64, %x: memref<?xf64>, %y: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?xf64>
  affine.for %i = 0 to %n {
    %a = affine.load %x[%i] : memref<?xf64>
    %b = affine.load %y[%i] : memref<?xf64>
    %p = arith.mulf %s, %a : f64
    %r = arith.addf %p, %b : f64
    affine.store %r, %y[%i] : memref<?xf64>
  }
  return
}

// -----

// An scf.if on an invariant condition whose branches use the iteration
// argument stays in the loop: upstream's LICM would hoist it by its operands
// alone and break dominance, so LICM is skipped for such loops.
// CHECK-LABEL: func.func @conditional_update
// CHECK: affine.for %[[I:.*]] = 0 to %{{.*}} iter_args(%[[A:.*]] = %{{.*}}) -> (i64)
// CHECK:   scf.if %{{.*}} -> (i64)
// CHECK:     arith.addi %[[A]], %{{.*}} : i64
// CHECK:   affine.yield
func.func @conditional_update(%c: i1, %n: index) -> i64 {
  %zero = arith.constant 0 : i64
  %r = affine.for %i = 0 to %n iter_args(%a = %zero) -> (i64) {
    %iv = arith.index_cast %i : index to i64
    %next = scf.if %c -> (i64) {
      %s = arith.addi %a, %iv : i64
      scf.yield %s : i64
    } else {
      scf.yield %a : i64
    }
    affine.yield %next : i64
  }
  return %r : i64
}

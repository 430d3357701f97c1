// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// np.random lowers to calls of the runtime's generator (Random.h).

// Each runtime function is declared once.
// CHECK-DAG: func.func private @mumbaRandomRandom() -> f64
// CHECK-DAG: func.func private @mumbaRandomNormal(f64, f64) -> f64
// CHECK-DAG: func.func private @mumbaRandomStatus() -> i32
// CHECK-DAG: func.func private @mumbaRandomSeed(i64) -> i32
// CHECK-DAG: func.func private @mumbaRandomRandintFill(i64, i64, i64, i32, i64, i64) -> i32
// CHECK-DAG: func.func private @mumbaRandomShuffle(i64, i64, i64, i64)

// A draw that cannot fail is the call alone.
// CHECK-LABEL: func.func @uniform01
// CHECK: %[[U:.*]] = call @mumbaRandomRandom() : () -> f64
// CHECK-NOT: mumbaRandomStatus
// CHECK: return %{{.*}}, %[[U]]
func.func @uniform01() -> f64 {
  %random = nb.global("numpy.random.random") : !nb.function<"numpy.random.random">
  %0 = nb.call %random() : (!nb.function<"numpy.random.random">) -> f64
  nb.return %0 : f64
}

// random(size=n) fills its array in one runtime call, no loop.
// CHECK-LABEL: func.func @uniform01_array
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf64>
// CHECK-NOT: scf.for
// CHECK: call @mumbaRandomFillRandom(%{{.*}}, %{{.*}}) : (i64, i64) -> ()
func.func @uniform01_array(%n: si64) -> !nb.array<f64, 1, C> {
  %random = nb.global("numpy.random.random") : !nb.function<"numpy.random.random">
  %0 = nb.call %random(%n) : (!nb.function<"numpy.random.random">, si64) -> !nb.array<f64, 1, C>
  nb.return %0 : !nb.array<f64, 1, C>
}

// A scalar draw reads the pending status only for a NaN result; loc
// defaults to 0.0.
// CHECK-LABEL: func.func @normal
// CHECK: %[[LOC:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[X:.*]] = call @mumbaRandomNormal(%[[LOC]], %{{.*}}) : (f64, f64) -> f64
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f64
// CHECK: %[[ST:.*]] = scf.if %[[NAN]] -> (i32) {
// CHECK: func.call @mumbaRandomStatus() : () -> i32
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[ST]], %{{.*}} : i32
// CHECK: cf.cond_br %[[FAILED]]
// CHECK: return %c16_i32
func.func @normal(%scale: f64) -> f64 {
  %normal = nb.global("numpy.random.normal") : !nb.function<"numpy.random.normal">
  %0 = nb.call %normal() kw(%scale) {kwnames = ["scale"]} : (!nb.function<"numpy.random.normal">, f64) -> f64
  nb.return %0 : f64
}

// With size: an empty fill still checks the parameters on a saved state,
// the loop draws, one status check follows it, then the negative-size one.
// CHECK-LABEL: func.func @normal_array
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: func.call @mumbaRandomSaveState()
// CHECK-NEXT: func.call @mumbaRandomNormal
// CHECK-NEXT: func.call @mumbaRandomRestoreState()
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf64>
// CHECK: scf.for %[[I:.*]] =
// CHECK: %[[V:.*]] = func.call @mumbaRandomNormal
// CHECK: memref.store %[[V]], %[[A]][%[[I]]]
// CHECK-NOT: mumbaRandomNormal
// CHECK: call @mumbaRandomStatus()
// CHECK: return %c16_i32
// CHECK: return %c9_i32
func.func @normal_array(%loc: f64, %n: si64) -> !nb.array<f64, 1, C> {
  %normal = nb.global("numpy.random.normal") : !nb.function<"numpy.random.normal">
  %0 = nb.call %normal(%loc, %loc, %n) : (!nb.function<"numpy.random.normal">, f64, f64, si64) -> !nb.array<f64, 1, C>
  nb.return %0 : !nb.array<f64, 1, C>
}

// randint with a narrow dtype fills the whole array in one runtime call
// (kind 1: int8, one byte apart), skipped for a size of product 0.
// CHECK-LABEL: func.func @randint_int8
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK: scf.if %{{.*}} -> (i32) {
// CHECK: %[[P:.*]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: %[[KIND:.*]] = arith.constant 1 : i32
// CHECK: func.call @mumbaRandomRandintFill(%{{.*}}, %{{.*}}, %{{.*}}, %[[KIND]], %{{.*}}, %{{.*}})
func.func @randint_int8(%low: si64, %high: si64, %size: tuple<si64, si64>) -> !nb.array<si8, 2, C> {
  %randint = nb.global("numpy.random.randint") : !nb.function<"numpy.random.randint">
  %int8 = nb.global("numpy.int8") : !nb.dtype<si8>
  %0 = nb.call %randint(%low, %high, %size, %int8) : (!nb.function<"numpy.random.randint">, si64, si64, tuple<si64, si64>, !nb.dtype<si8>) -> !nb.array<si8, 2, C>
  nb.return %0 : !nb.array<si8, 2, C>
}

// seed returns its status; shuffle of a strided 1-D array passes the
// address of its first item and its stride in bytes.
// CHECK-LABEL: func.func @seed_and_shuffle
// CHECK: %[[ST:.*]] = call @mumbaRandomSeed(%{{.*}}) : (i64) -> i32
// CHECK: arith.cmpi ne, %[[ST]]
// CHECK: %[[BASE:.*]], %[[OFFSET:.*]], %[[SIZE:.*]], %[[STRIDE:.*]] = memref.extract_strided_metadata
// CHECK: %[[EIGHT:.*]] = arith.constant 8 : index
// CHECK: arith.muli %[[STRIDE]], %[[EIGHT]] : index
// CHECK: call @mumbaRandomShuffle(
func.func @seed_and_shuffle(%s: si64, %x: !nb.array<f64, 1, A>) -> !nb.none {
  %seed = nb.global("numpy.random.seed") : !nb.function<"numpy.random.seed">
  %0 = nb.call %seed(%s) : (!nb.function<"numpy.random.seed">, si64) -> !nb.none
  %shuffle = nb.global("numpy.random.shuffle") : !nb.function<"numpy.random.shuffle">
  %1 = nb.call %shuffle(%x) : (!nb.function<"numpy.random.shuffle">, !nb.array<f64, 1, A>) -> !nb.none
  nb.return %1 : !nb.none
}

// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// Products and numpy.linalg lower to calls of the runtime (Linalg.h) with
// the memrefs' fields, a status test after each call, and NumPy's shape
// errors before it; integer products to loop nests.

// CHECK-DAG: func.func private @mumbaLinalgGemm(i32, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) -> i32
// CHECK-DAG: func.func private @mumbaLinalgShapeError(i64, i64, i64, i64, i64, i64, i64)
// CHECK-DAG: func.func private @mumbaLinalgSolve(i32, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) -> i32
// CHECK-DAG: func.func private @mumbaLinalgDet(i32, i64, i64, i64, i64, i64, i64) -> i32

// A float product: the summed extents compared (matmul's message, kind
// 1), the result allocated, loops for extents up to 8, else gemm on the
// operands' aligned pointer + offset, sizes and strides.
// CHECK-LABEL: func.func @matmul
// CHECK: %[[K:.*]] = memref.dim %arg0, %c1
// CHECK: %[[KB:.*]] = memref.dim %arg1, %c0
// CHECK: %[[BAD:.*]] = arith.cmpi ne, %[[K]], %[[KB]] : index
// CHECK: %[[KIND:.*]] = arith.constant 1 : i64
// CHECK: cf.cond_br %[[BAD]], ^[[RAISE:.*]], ^[[GO:.*]]
// CHECK: ^[[RAISE]]:
// CHECK: call @mumbaLinalgShapeError(%[[KIND]],
// CHECK: ^[[GO]]:
// CHECK: %[[C:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xf64>
// CHECK: arith.constant 8 : index
// CHECK: %[[STATUS:.*]] = scf.if %{{.*}} -> (i32) {
// CHECK: scf.for
// CHECK: arith.mulf
// CHECK: } else {
// CHECK: memref.extract_strided_metadata %arg1 : memref<?x?xf64, strided<[?, ?], offset: ?>>
// CHECK: memref.extract_aligned_pointer_as_index %arg0
// CHECK: %[[S:.*]] = func.call @mumbaLinalgGemm(%c1_i32,
// CHECK: scf.yield %[[S]] : i32
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[STATUS]], %c0_i32
// CHECK: cf.cond_br %[[FAILED]]
// CHECK: return %{{.*}}, %[[C]] : i32, memref<?x?xf64>
func.func @matmul(%a: !nb.array<f64, 2, C>, %b: !nb.array<f64, 2, A>) -> !nb.array<f64, 2, C> {
  %f = nb.global("numpy.matmul") : !nb.function<"numpy.matmul">
  %r = nb.call %f(%a, %b) : (!nb.function<"numpy.matmul">, !nb.array<f64, 2, C>, !nb.array<f64, 2, A>) -> !nb.array<f64, 2, C>
  nb.return %r : !nb.array<f64, 2, C>
}

// Integers: np.dot's message (kind 0) and a loop nest, no BLAS: c zeroed,
// then c[i, j] += a[i, k] * b[k, j] with j innermost.
// CHECK-LABEL: func.func @int_dot
// CHECK: arith.constant 0 : i64
// CHECK: call @mumbaLinalgShapeError
// CHECK: %[[C:.*]] = memref.alloc(
// CHECK: scf.for
// CHECK: memref.store %c0_i64{{.*}}, %[[C]]
// CHECK: scf.for %[[I:.*]] =
// CHECK: scf.for %[[K:.*]] =
// CHECK: memref.load %arg0[%[[I]], %[[K]]]
// CHECK: scf.for %[[J:.*]] =
// CHECK: %[[ACC:.*]] = memref.load %[[C]][%[[I]], %[[J]]]
// CHECK: %[[Y:.*]] = memref.load %arg1[%[[K]], %[[J]]]
// CHECK: arith.muli
// CHECK: arith.addi %[[ACC]]
// CHECK: memref.store %{{.*}}, %[[C]][%[[I]], %[[J]]]
// CHECK-NOT: mumbaLinalgGemm
// CHECK: return
func.func @int_dot(%a: !nb.array<si64, 2, C>, %b: !nb.array<si64, 2, C>) -> !nb.array<si64, 2, C> {
  %f = nb.global("numpy.dot") : !nb.function<"numpy.dot">
  %r = nb.call %f(%a, %b) : (!nb.function<"numpy.dot">, !nb.array<si64, 2, C>, !nb.array<si64, 2, C>) -> !nb.array<si64, 2, C>
  nb.return %r : !nb.array<si64, 2, C>
}

// solve with a 1-D b of ints: b converted to float64, solve1's message
// (kind 3) when a is square and the rows differ, then the call and its
// status.
// CHECK-LABEL: func.func @solve
// CHECK: %[[B:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf64>
// CHECK: arith.sitofp
// CHECK: arith.constant 3 : i64
// CHECK: call @mumbaLinalgShapeError
// CHECK: %[[X:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf64>
// CHECK: %[[S:.*]] = call @mumbaLinalgSolve(%c1_i32,
// CHECK: arith.cmpi ne, %[[S]], %c0_i32
// CHECK: return %{{.*}}, %[[X]] : i32, memref<?xf64>
func.func @solve(%a: !nb.array<f64, 2, F>, %b: !nb.array<si64, 1, C>) -> !nb.array<f64, 1, C> {
  %f = nb.global("numpy.linalg.solve") : !nb.function<"numpy.linalg.solve">
  %r = nb.call %f(%a, %b) : (!nb.function<"numpy.linalg.solve">, !nb.array<f64, 2, F>, !nb.array<si64, 1, C>) -> !nb.array<f64, 1, C>
  nb.return %r : !nb.array<f64, 1, C>
}

// det of float32: type code 0, the scalar through a stack slot.
// CHECK-LABEL: func.func @det
// CHECK: %[[SLOT:.*]] = memref.alloca() : memref<1xf32>
// CHECK: %[[S:.*]] = call @mumbaLinalgDet(%c0_i32,
// CHECK: arith.cmpi ne, %[[S]], %c0_i32
// CHECK: %[[V:.*]] = memref.load %[[SLOT]]
// CHECK: return %{{.*}}, %[[V]] : i32, f32
func.func @det(%a: !nb.array<f32, 2, C>) -> f32 {
  %f = nb.global("numpy.linalg.det") : !nb.function<"numpy.linalg.det">
  %r = nb.call %f(%a) : (!nb.function<"numpy.linalg.det">, !nb.array<f32, 2, C>) -> f32
  nb.return %r : f32
}

// eig of a real matrix: complex results from the runtime, Numba's
// ValueError unless every eigenvalue is real, then the real parts.
// CHECK-LABEL: func.func @eig
// CHECK: memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xcomplex<f64>>
// CHECK: call @mumbaLinalgEig(
// CHECK: call @mumbaRaiseUser
// CHECK: complex.re
func.func @eig(%a: !nb.array<f64, 2, C>) -> !nb.array<f64, 1, C> {
  %f = nb.global("numpy.linalg.eigvals") : !nb.function<"numpy.linalg.eigvals">
  %r = nb.call %f(%a) : (!nb.function<"numpy.linalg.eigvals">, !nb.array<f64, 2, C>) -> !nb.array<f64, 1, C>
  nb.return %r : !nb.array<f64, 1, C>
}

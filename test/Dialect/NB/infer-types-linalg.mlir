// RUN: mumba-opt %s -nb-infer-types | FileCheck %s

// Typing of the products and numpy.linalg (LinalgTyping.cpp): NumPy's
// dtypes and ranks.

// Products keep NumPy's promotion (ints stay ints); two vectors give a
// scalar.
// CHECK-LABEL: func.func @products
// CHECK: (!nb.function<"numpy.matmul">, !nb.array<f32, 2, C>, !nb.array<f32, 2, F>) -> !nb.array<f32, 2, C>
// CHECK: (!nb.function<"numpy.dot">, !nb.array<si32, 2, A>, !nb.array<f32, 1, C>) -> !nb.array<f64, 1, C>
// CHECK: (!nb.function<"numpy.dot">, !nb.array<f32, 1, C>, !nb.array<f32, 1, C>) -> f32
// CHECK: (!nb.function<"numpy.inner">, !nb.array<f32, 1, C>, !nb.array<si32, 2, A>) -> !nb.array<f64, 1, C>
// CHECK: (!nb.function<"numpy.outer">, !nb.array<f32, 1, C>, !nb.array<f32, 1, C>) -> !nb.array<f32, 2, C>
// CHECK: (!nb.function<"numpy.trace">, !nb.array<si32, 2, A>) -> si64
func.func @products(%a: !nb.array<f32, 2, C>, %b: !nb.array<f32, 2, F>, %i: !nb.array<si32, 2, A>, %x: !nb.array<f32, 1, C>) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %matmul = nb.getattr %np, "matmul" : !nb.unknown -> !nb.unknown
  %0 = nb.call %matmul(%a, %b) : (!nb.unknown, !nb.array<f32, 2, C>, !nb.array<f32, 2, F>) -> !nb.unknown
  %dot = nb.getattr %np, "dot" : !nb.unknown -> !nb.unknown
  %1 = nb.call %dot(%i, %x) : (!nb.unknown, !nb.array<si32, 2, A>, !nb.array<f32, 1, C>) -> !nb.unknown
  %2 = nb.call %dot(%x, %x) : (!nb.unknown, !nb.array<f32, 1, C>, !nb.array<f32, 1, C>) -> !nb.unknown
  %inner = nb.getattr %np, "inner" : !nb.unknown -> !nb.unknown
  %3 = nb.call %inner(%x, %i) : (!nb.unknown, !nb.array<f32, 1, C>, !nb.array<si32, 2, A>) -> !nb.unknown
  %outer = nb.getattr %np, "outer" : !nb.unknown -> !nb.unknown
  %4 = nb.call %outer(%x, %x) : (!nb.unknown, !nb.array<f32, 1, C>, !nb.array<f32, 1, C>) -> !nb.unknown
  %trace = nb.getattr %np, "trace" : !nb.unknown -> !nb.unknown
  %5 = nb.call %trace(%i) : (!nb.unknown, !nb.array<si32, 2, A>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// numpy.linalg computes ints in float64 and keeps float32's precision;
// det of float32 is float32, slogdet's log is real, eig of a real matrix
// is real (Numba's choice), eigh's values real.
// CHECK-LABEL: func.func @linalg
// CHECK: (!nb.function<"numpy.linalg.solve">, !nb.array<f32, 2, C>, !nb.array<si64, 1, C>) -> !nb.array<f64, 1, C>
// CHECK: (!nb.function<"numpy.linalg.det">, !nb.array<f32, 2, C>) -> f32
// CHECK: (!nb.function<"numpy.linalg.inv">, !nb.array<si64, 2, C>) -> !nb.array<f64, 2, C>
// CHECK: (!nb.function<"numpy.linalg.slogdet">, !nb.array<complex<f32>, 2, C>) -> tuple<complex<f32>, f32>
// CHECK: (!nb.function<"numpy.linalg.eig">, !nb.array<f32, 2, C>) -> tuple<!nb.array<f32, 1, C>, !nb.array<f32, 2, C>>
// CHECK: (!nb.function<"numpy.linalg.eigh">, !nb.array<complex<f32>, 2, C>, !nb.str<"U">) -> tuple<!nb.array<f32, 1, C>, !nb.array<complex<f32>, 2, C>>
// CHECK: {kwnames = ["compute_uv"]} : (!nb.function<"numpy.linalg.svd">, !nb.array<f32, 2, C>, i1) -> !nb.array<f32, 1, C>
// CHECK: (!nb.function<"numpy.linalg.svd">, !nb.array<si64, 2, C>) -> tuple<!nb.array<f64, 2, C>, !nb.array<f64, 1, C>, !nb.array<f64, 2, C>>
// CHECK: (!nb.function<"numpy.linalg.qr">, !nb.array<f32, 2, C>, !nb.str<"r">) -> !nb.array<f32, 2, C>
// CHECK: (!nb.function<"numpy.linalg.lstsq">, !nb.array<f32, 2, C>, !nb.array<si64, 1, C>, !nb.none) -> tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>, si32, !nb.array<f64, 1, C>>
// CHECK: (!nb.function<"numpy.linalg.matrix_rank">, !nb.array<f32, 2, C>) -> si64
// CHECK: (!nb.function<"numpy.linalg.matrix_power">, !nb.array<si64, 2, C>, si64) -> !nb.array<si64, 2, C>
// CHECK: (!nb.function<"numpy.linalg.norm">, !nb.array<complex<f32>, 2, C>, !nb.str<"nuc">) -> f32
// CHECK: (!nb.function<"numpy.linalg.norm">, !nb.array<si64, 2, C>, si64, si64) -> !nb.array<f64, 1, C>
// CHECK: (!nb.function<"numpy.linalg.cond">, !nb.array<complex<f32>, 2, C>, si64) -> complex<f32>
// CHECK: (!nb.function<"numpy.linalg.cond">, !nb.array<complex<f32>, 2, C>, si64) -> f32
func.func @linalg(%f: !nb.array<f32, 2, C>, %i: !nb.array<si64, 2, C>, %v: !nb.array<si64, 1, C>, %c: !nb.array<complex<f32>, 2, C>, %n: si64) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %solve = nb.global("numpy.linalg.solve") : !nb.unknown
  %0 = nb.call %solve(%f, %v) : (!nb.unknown, !nb.array<f32, 2, C>, !nb.array<si64, 1, C>) -> !nb.unknown
  %det = nb.global("numpy.linalg.det") : !nb.unknown
  %1 = nb.call %det(%f) : (!nb.unknown, !nb.array<f32, 2, C>) -> !nb.unknown
  %inv = nb.global("numpy.linalg.inv") : !nb.unknown
  %2 = nb.call %inv(%i) : (!nb.unknown, !nb.array<si64, 2, C>) -> !nb.unknown
  %slogdet = nb.global("numpy.linalg.slogdet") : !nb.unknown
  %3 = nb.call %slogdet(%c) : (!nb.unknown, !nb.array<complex<f32>, 2, C>) -> !nb.unknown
  %eig = nb.global("numpy.linalg.eig") : !nb.unknown
  %4 = nb.call %eig(%f) : (!nb.unknown, !nb.array<f32, 2, C>) -> !nb.unknown
  %eigh = nb.global("numpy.linalg.eigh") : !nb.unknown
  %u = nb.const("U") : !nb.unknown
  %5 = nb.call %eigh(%c, %u) : (!nb.unknown, !nb.array<complex<f32>, 2, C>, !nb.unknown) -> !nb.unknown
  %svd = nb.global("numpy.linalg.svd") : !nb.unknown
  %false = nb.const(false) : !nb.unknown
  %6 = nb.call %svd(%f) kw(%false) {kwnames = ["compute_uv"]} : (!nb.unknown, !nb.array<f32, 2, C>, !nb.unknown) -> !nb.unknown
  %7 = nb.call %svd(%i) : (!nb.unknown, !nb.array<si64, 2, C>) -> !nb.unknown
  %qr = nb.global("numpy.linalg.qr") : !nb.unknown
  %r = nb.const("r") : !nb.unknown
  %8 = nb.call %qr(%f, %r) : (!nb.unknown, !nb.array<f32, 2, C>, !nb.unknown) -> !nb.unknown
  %lstsq = nb.global("numpy.linalg.lstsq") : !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  %9 = nb.call %lstsq(%f, %v, %none) : (!nb.unknown, !nb.array<f32, 2, C>, !nb.array<si64, 1, C>, !nb.unknown) -> !nb.unknown
  %rank = nb.global("numpy.linalg.matrix_rank") : !nb.unknown
  %10 = nb.call %rank(%f) : (!nb.unknown, !nb.array<f32, 2, C>) -> !nb.unknown
  %power = nb.global("numpy.linalg.matrix_power") : !nb.unknown
  %11 = nb.call %power(%i, %n) : (!nb.unknown, !nb.array<si64, 2, C>, si64) -> !nb.unknown
  %norm = nb.global("numpy.linalg.norm") : !nb.unknown
  %nuc = nb.const("nuc") : !nb.unknown
  %12 = nb.call %norm(%c, %nuc) : (!nb.unknown, !nb.array<complex<f32>, 2, C>, !nb.unknown) -> !nb.unknown
  %13 = nb.call %norm(%i, %n, %n) : (!nb.unknown, !nb.array<si64, 2, C>, si64, si64) -> !nb.unknown
  %cond = nb.global("numpy.linalg.cond") : !nb.unknown
  %one = nb.const(1) : !nb.unknown
  %14 = nb.call %cond(%c, %one) : (!nb.unknown, !nb.array<complex<f32>, 2, C>, !nb.unknown) -> !nb.unknown
  %two = nb.const(2) : !nb.unknown
  %15 = nb.call %cond(%c, %two) : (!nb.unknown, !nb.array<complex<f32>, 2, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

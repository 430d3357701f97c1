// RUN: mumba-opt %s -nb-infer-types | FileCheck %s

// Typing of np.random: a scalar draw without size, a C-contiguous array of
// the size's rank with it; float64 draws, int64 for the discrete ones, the
// dtype randint names, the items of the array choice picks from.

// CHECK-LABEL: func.func @draws
// CHECK: nb.call %{{.*}}() : (!nb.function<"numpy.random.random">) -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.normal">, si64) -> f64
// CHECK: nb.call %{{.*}}() kw(%{{.*}}, %{{.*}}) {kwnames = ["scale", "size"]} : (!nb.function<"numpy.random.normal">, f64, si64) -> !nb.array<f64, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}) kw(%{{.*}}) {kwnames = ["size"]} : (!nb.function<"numpy.random.gamma">, f64, tuple<si64, si32>) -> !nb.array<f64, 2, C>
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"numpy.random.binomial">, si64, f64, !nb.none) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.random.rand">, si64, si32) -> !nb.array<f64, 2, C>
func.func @draws(%i: si64, %f: f64, %t: tuple<si64, si32>, %i32: si32) -> !nb.unknown {
  %random = nb.global("numpy.random.random") : !nb.unknown
  %0 = nb.call %random() : (!nb.unknown) -> !nb.unknown
  %normal = nb.global("numpy.random.normal") : !nb.unknown
  %1 = nb.call %normal(%i) : (!nb.unknown, si64) -> !nb.unknown
  %2 = nb.call %normal() kw(%f, %i) {kwnames = ["scale", "size"]} : (!nb.unknown, f64, si64) -> !nb.unknown
  %gamma = nb.global("numpy.random.gamma") : !nb.unknown
  %3 = nb.call %gamma(%f) kw(%t) {kwnames = ["size"]} : (!nb.unknown, f64, tuple<si64, si32>) -> !nb.unknown
  %binomial = nb.global("numpy.random.binomial") : !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  %4 = nb.call %binomial(%i, %f, %none) : (!nb.unknown, si64, f64, !nb.unknown) -> !nb.unknown
  %rand = nb.global("numpy.random.rand") : !nb.unknown
  %5 = nb.call %rand(%i, %i32) : (!nb.unknown, si64, si32) -> !nb.unknown
  nb.return %none : !nb.unknown
}

// CHECK-LABEL: func.func @integers
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.randint">, si64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) kw(%{{.*}}) {kwnames = ["dtype"]} : (!nb.function<"numpy.random.randint">, si64, si64, !nb.dtype<ui8>) -> ui8
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"numpy.random.randint">, si64, si64, si64, !nb.function<"bool">) -> !nb.array<i1, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.random.multinomial">, si64, !nb.array<f64, 1, A>) -> !nb.array<si64, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"numpy.random.multinomial">, si64, !nb.array<f64, 1, A>, tuple<si64, si32>) -> !nb.array<si64, 3, C>
func.func @integers(%i: si64, %p: !nb.array<f64, 1, A>, %t: tuple<si64, si32>) -> !nb.unknown {
  %randint = nb.global("numpy.random.randint") : !nb.unknown
  %0 = nb.call %randint(%i) : (!nb.unknown, si64) -> !nb.unknown
  %uint8 = nb.global("numpy.uint8") : !nb.unknown
  %1 = nb.call %randint(%i, %i) kw(%uint8) {kwnames = ["dtype"]} : (!nb.unknown, si64, si64, !nb.unknown) -> !nb.unknown
  %bool = nb.global("bool") : !nb.unknown
  %2 = nb.call %randint(%i, %i, %i, %bool) : (!nb.unknown, si64, si64, si64, !nb.unknown) -> !nb.unknown
  %multinomial = nb.global("numpy.random.multinomial") : !nb.unknown
  %3 = nb.call %multinomial(%i, %p) : (!nb.unknown, si64, !nb.array<f64, 1, A>) -> !nb.unknown
  %4 = nb.call %multinomial(%i, %p, %t) : (!nb.unknown, si64, !nb.array<f64, 1, A>, tuple<si64, si32>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// CHECK-LABEL: func.func @buffers
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.seed">, si64) -> !nb.none
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.choice">, si64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) kw(%{{.*}}) {kwnames = ["p"]} : (!nb.function<"numpy.random.choice">, !nb.array<complex<f32>, 1, A>, si64, !nb.array<f64, 1, A>) -> !nb.array<complex<f32>, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.shuffle">, !nb.array<si16, 2, F>) -> !nb.none
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.permutation">, !nb.array<si16, 2, F>) -> !nb.array<si16, 2, C>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.random.permutation">, si64) -> !nb.array<si64, 1, C>
func.func @buffers(%i: si64, %a: !nb.array<complex<f32>, 1, A>, %p: !nb.array<f64, 1, A>, %m: !nb.array<si16, 2, F>) -> !nb.unknown {
  %seed = nb.global("numpy.random.seed") : !nb.unknown
  %0 = nb.call %seed(%i) : (!nb.unknown, si64) -> !nb.unknown
  %choice = nb.global("numpy.random.choice") : !nb.unknown
  %1 = nb.call %choice(%i) : (!nb.unknown, si64) -> !nb.unknown
  %2 = nb.call %choice(%a, %i) kw(%p) {kwnames = ["p"]} : (!nb.unknown, !nb.array<complex<f32>, 1, A>, si64, !nb.array<f64, 1, A>) -> !nb.unknown
  %shuffle = nb.global("numpy.random.shuffle") : !nb.unknown
  %3 = nb.call %shuffle(%m) : (!nb.unknown, !nb.array<si16, 2, F>) -> !nb.unknown
  %permutation = nb.global("numpy.random.permutation") : !nb.unknown
  %4 = nb.call %permutation(%m) : (!nb.unknown, !nb.array<si16, 2, F>) -> !nb.unknown
  %5 = nb.call %permutation(%i) : (!nb.unknown, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

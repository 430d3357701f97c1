// RUN: mumba-opt %s -split-input-file -nb-infer-types | FileCheck %s

// Array constructors: the shape gives the rank, dtype= the element type.
// CHECK-LABEL: func.func @constructors
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.zeros">, si64) -> !nb.array<f64, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}) kw(%{{.*}}) {kwnames = ["dtype"]} : (!nb.function<"numpy.empty">, tuple<si64, si64>, !nb.dtype<f32>) -> !nb.array<f32, 2, C>
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.full">, si64, si64) -> !nb.array<si64, 1, C>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.arange">, si64) -> !nb.array<si64, 1, C>
func.func @constructors(%arg0: si64) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  %a = nb.call %zeros(%n) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %empty = nb.getattr %np, "empty" : !nb.unknown -> !nb.unknown
  %shape = nb.build_tuple(%n, %n) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %f32 = nb.getattr %np, "float32" : !nb.unknown -> !nb.unknown
  %b = nb.call %empty(%shape) kw(%f32) {kwnames = ["dtype"]} : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %full = nb.getattr %np, "full" : !nb.unknown -> !nb.unknown
  %c = nb.call %full(%n, %n) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %arange = nb.getattr %np, "arange" : !nb.unknown -> !nb.unknown
  %d = nb.call %arange(%n) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %t = nb.build_tuple(%a, %b, %c, %d) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %t : !nb.unknown
}

// -----

// a.copy() is a bound method; the copy is C-contiguous whatever a's layout.
// CHECK-LABEL: func.func @copy
// CHECK: nb.getattr %{{.*}}, "copy" : !nb.array<f64, 1, A> -> !nb.bound_method<"copy", !nb.array<f64, 1, A>>
// CHECK: -> !nb.array<f64, 1, C>
func.func @copy(%arg0: !nb.array<f64, 1, A>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %m = nb.getattr %a, "copy" : !nb.unknown -> !nb.unknown
  %b = nb.call %m() : (!nb.unknown) -> !nb.unknown
  nb.return %b : !nb.unknown
}

// -----

// np.float32(x) converts.
// CHECK-LABEL: func.func @convert
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dtype<f32>, si64) -> f32
func.func @convert(%arg0: si64) -> !nb.unknown {
  %x = nb.arg 0 "x" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %f32 = nb.getattr %np, "float32" : !nb.unknown -> !nb.unknown
  %y = nb.call %f32(%x) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %y : !nb.unknown
}

// -----

// Complex arrays: dtype=np.complex128.
// CHECK-LABEL: func.func @complex_zeros
// CHECK: -> !nb.array<complex<f64>, 1, C>
func.func @complex_zeros(%arg0: si64) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  %c128 = nb.getattr %np, "complex128" : !nb.unknown -> !nb.unknown
  %a = nb.call %zeros(%n) kw(%c128) {kwnames = ["dtype"]} : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %a : !nb.unknown
}

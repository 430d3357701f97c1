// RUN: mumba-opt %s -nb-infer-types | FileCheck %s

// Typing of calls to the template registry: builtins, math, cmath, NumPy
// scalar functions, and print.

// complex(), round(), isinstance() and min/max of a tuple.
// CHECK-LABEL: func.func @builtins
// CHECK-SAME: -> complex<f64>
// CHECK: nb.global("complex") : !nb.function<"complex">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"complex">, si64, f64) -> complex<f64>
// CHECK: nb.call %{{.*}}() kw(%{{.*}}) {kwnames = ["imag"]} : (!nb.function<"complex">, f64) -> complex<f64>
// CHECK: nb.global("round") : !nb.function<"round">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"round">, f64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"round">, f32, si64) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"round">, si64, si64) -> si64
// CHECK: nb.global("isinstance") : !nb.function<"isinstance">
// CHECK: nb.global("int") : !nb.function<"int">
// CHECK: nb.global("float") : !nb.function<"float">
// CHECK: nb.build_tuple(%{{.*}}, %{{.*}}) : (!nb.function<"int">, !nb.function<"float">) -> tuple<!nb.function<"int">, !nb.function<"float">>
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"isinstance">, f64, tuple<!nb.function<"int">, !nb.function<"float">>) -> i1
// CHECK: nb.global("max") : !nb.function<"max">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"max">, tuple<si64, si16>) -> si64
// CHECK: nb.global("abs") : !nb.function<"abs">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"abs">, complex<f32>) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"abs">, si8) -> si8
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"abs">, i1) -> si64
// CHECK: nb.global("len") : !nb.function<"len">
// CHECK: nb.const("four") : !nb.str<"four">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"len">, !nb.str<"four">) -> si64
func.func @builtins(%i: si64, %f: f64, %f32: f32, %t: tuple<si64, si16>, %c: complex<f32>, %i8: si8, %b: i1) -> !nb.unknown {
  %complex = nb.global("complex") : !nb.unknown
  %0 = nb.call %complex(%i, %f) : (!nb.unknown, si64, f64) -> !nb.unknown
  %1 = nb.call %complex() kw(%f) {kwnames = ["imag"]} : (!nb.unknown, f64) -> !nb.unknown
  %round = nb.global("round") : !nb.unknown
  %2 = nb.call %round(%f) : (!nb.unknown, f64) -> !nb.unknown
  %3 = nb.call %round(%f32, %i) : (!nb.unknown, f32, si64) -> !nb.unknown
  %4 = nb.call %round(%i, %i) : (!nb.unknown, si64, si64) -> !nb.unknown
  %isinstance = nb.global("isinstance") : !nb.unknown
  %int = nb.global("int") : !nb.unknown
  %float = nb.global("float") : !nb.unknown
  %classes = nb.build_tuple(%int, %float) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.call %isinstance(%f, %classes) : (!nb.unknown, f64, !nb.unknown) -> !nb.unknown
  %max = nb.global("max") : !nb.unknown
  %6 = nb.call %max(%t) : (!nb.unknown, tuple<si64, si16>) -> !nb.unknown
  %abs = nb.global("abs") : !nb.unknown
  %7 = nb.call %abs(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %abs8 = nb.call %abs(%i8) : (!nb.unknown, si8) -> !nb.unknown
  %absb = nb.call %abs(%b) : (!nb.unknown, i1) -> !nb.unknown
  %len = nb.global("len") : !nb.unknown
  %s = nb.const("four") : !nb.unknown
  %8 = nb.call %len(%s) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// math.*: float64 results, except floor/ceil/trunc, factorial and gcd
// (ints) and frexp/modf (tuples).
// CHECK-LABEL: func.func @math
// CHECK-SAME: -> f64
// CHECK: nb.global("math") : !nb.module<"math">
// CHECK: nb.getattr %{{.*}}, "gamma" : !nb.module<"math"> -> !nb.function<"math.gamma">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.gamma">, si64) -> f64
// CHECK: nb.getattr %{{.*}}, "factorial" : !nb.module<"math"> -> !nb.function<"math.factorial">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.factorial">, i1) -> si64
// CHECK: nb.getattr %{{.*}}, "gcd" : !nb.module<"math"> -> !nb.function<"math.gcd">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"math.gcd">, si64, si64, si64) -> si64
// CHECK: nb.getattr %{{.*}}, "frexp" : !nb.module<"math"> -> !nb.function<"math.frexp">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.frexp">, f64) -> tuple<f64, si64>
// CHECK: nb.getattr %{{.*}}, "modf" : !nb.module<"math"> -> !nb.function<"math.modf">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.modf">, si64) -> tuple<f64, f64>
// CHECK: nb.getattr %{{.*}}, "isclose" : !nb.module<"math"> -> !nb.function<"math.isclose">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) kw(%{{.*}}) {kwnames = ["abs_tol"]} : (!nb.function<"math.isclose">, f64, si64, f64) -> i1
// CHECK: nb.getattr %{{.*}}, "log" : !nb.module<"math"> -> !nb.function<"math.log">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"math.log">, f64, si64) -> f64
// CHECK: nb.getattr %{{.*}}, "ldexp" : !nb.module<"math"> -> !nb.function<"math.ldexp">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"math.ldexp">, f64, si64) -> f64
func.func @math(%i: si64, %f: f64, %b: i1) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %gamma = nb.getattr %m, "gamma" : !nb.unknown -> !nb.unknown
  %0 = nb.call %gamma(%i) : (!nb.unknown, si64) -> !nb.unknown
  %factorial = nb.getattr %m, "factorial" : !nb.unknown -> !nb.unknown
  %1 = nb.call %factorial(%b) : (!nb.unknown, i1) -> !nb.unknown
  %gcd = nb.getattr %m, "gcd" : !nb.unknown -> !nb.unknown
  %2 = nb.call %gcd(%i, %i, %i) : (!nb.unknown, si64, si64, si64) -> !nb.unknown
  %frexp = nb.getattr %m, "frexp" : !nb.unknown -> !nb.unknown
  %3 = nb.call %frexp(%f) : (!nb.unknown, f64) -> !nb.unknown
  %modf = nb.getattr %m, "modf" : !nb.unknown -> !nb.unknown
  %4 = nb.call %modf(%i) : (!nb.unknown, si64) -> !nb.unknown
  %isclose = nb.getattr %m, "isclose" : !nb.unknown -> !nb.unknown
  %5 = nb.call %isclose(%f, %i) kw(%f) {kwnames = ["abs_tol"]} : (!nb.unknown, f64, si64, f64) -> !nb.unknown
  %log = nb.getattr %m, "log" : !nb.unknown -> !nb.unknown
  %6 = nb.call %log(%f, %i) : (!nb.unknown, f64, si64) -> !nb.unknown
  %ldexp = nb.getattr %m, "ldexp" : !nb.unknown -> !nb.unknown
  %7 = nb.call %ldexp(%f, %i) : (!nb.unknown, f64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// cmath.*: complex128 for any number; phase and polar are real.
// CHECK-LABEL: func.func @cmath
// CHECK-SAME: -> complex<f64>
// CHECK: nb.global("cmath") : !nb.module<"cmath">
// CHECK: nb.getattr %{{.*}}, "sqrt" : !nb.module<"cmath"> -> !nb.function<"cmath.sqrt">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"cmath.sqrt">, si64) -> complex<f64>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"cmath.sqrt">, complex<f32>) -> complex<f64>
// CHECK: nb.getattr %{{.*}}, "phase" : !nb.module<"cmath"> -> !nb.function<"cmath.phase">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"cmath.phase">, complex<f32>) -> f64
// CHECK: nb.getattr %{{.*}}, "polar" : !nb.module<"cmath"> -> !nb.function<"cmath.polar">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"cmath.polar">, complex<f32>) -> tuple<f64, f64>
// CHECK: nb.getattr %{{.*}}, "isnan" : !nb.module<"cmath"> -> !nb.function<"cmath.isnan">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"cmath.isnan">, complex<f32>) -> i1
// CHECK: nb.getattr %{{.*}}, "pi" : !nb.module<"cmath"> -> f64
func.func @cmath(%i: si64, %c: complex<f32>) -> !nb.unknown {
  %m = nb.global("cmath") : !nb.unknown
  %sqrt = nb.getattr %m, "sqrt" : !nb.unknown -> !nb.unknown
  %0 = nb.call %sqrt(%i) : (!nb.unknown, si64) -> !nb.unknown
  %1 = nb.call %sqrt(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %phase = nb.getattr %m, "phase" : !nb.unknown -> !nb.unknown
  %2 = nb.call %phase(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %polar = nb.getattr %m, "polar" : !nb.unknown -> !nb.unknown
  %3 = nb.call %polar(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %isnan = nb.getattr %m, "isnan" : !nb.unknown -> !nb.unknown
  %4 = nb.call %isnan(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %pi = nb.getattr %m, "pi" : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// numpy.* on scalars: float32 stays, ints compute in float64, complex
// keeps its width; power and maximum promote as NumPy.
// CHECK-LABEL: func.func @numpy
// CHECK-SAME: -> f32
// CHECK: nb.global("numpy") : !nb.module<"numpy">
// CHECK: nb.getattr %{{.*}}, "exp" : !nb.module<"numpy"> -> !nb.function<"numpy.exp">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.exp">, f32) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.exp">, si8) -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.exp">, complex<f32>) -> complex<f32>
// CHECK: nb.getattr %{{.*}}, "abs" : !nb.module<"numpy"> -> !nb.function<"numpy.abs">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.abs">, complex<f32>) -> f32
// CHECK: nb.getattr %{{.*}}, "power" : !nb.module<"numpy"> -> !nb.function<"numpy.power">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.power">, si8, ui8) -> si64
// CHECK: nb.getattr %{{.*}}, "maximum" : !nb.module<"numpy"> -> !nb.function<"numpy.maximum">
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.maximum">, si8, ui8) -> si16
// CHECK: nb.getattr %{{.*}}, "sign" : !nb.module<"numpy"> -> !nb.function<"numpy.sign">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.sign">, si8) -> si64
// CHECK: nb.getattr %{{.*}}, "signbit" : !nb.module<"numpy"> -> !nb.function<"numpy.signbit">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.signbit">, f32) -> i1
// CHECK: nb.getattr %{{.*}}, "real" : !nb.module<"numpy"> -> !nb.function<"numpy.real">
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"numpy.real">, complex<f32>) -> f32
// CHECK: nb.getattr %{{.*}}, "complex128" : !nb.module<"numpy"> -> !nb.dtype<complex<f64>>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dtype<complex<f64>>, si64) -> complex<f64>
func.func @numpy(%i8: si8, %f32: f32, %c: complex<f32>, %u8: ui8, %i64: si64) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %exp = nb.getattr %np, "exp" : !nb.unknown -> !nb.unknown
  %0 = nb.call %exp(%f32) : (!nb.unknown, f32) -> !nb.unknown
  %1 = nb.call %exp(%i8) : (!nb.unknown, si8) -> !nb.unknown
  %2 = nb.call %exp(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %abs = nb.getattr %np, "abs" : !nb.unknown -> !nb.unknown
  %3 = nb.call %abs(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %power = nb.getattr %np, "power" : !nb.unknown -> !nb.unknown
  %4 = nb.call %power(%i8, %u8) : (!nb.unknown, si8, ui8) -> !nb.unknown
  %maximum = nb.getattr %np, "maximum" : !nb.unknown -> !nb.unknown
  %5 = nb.call %maximum(%i8, %u8) : (!nb.unknown, si8, ui8) -> !nb.unknown
  %sign = nb.getattr %np, "sign" : !nb.unknown -> !nb.unknown
  %6 = nb.call %sign(%i8) : (!nb.unknown, si8) -> !nb.unknown
  %signbit = nb.getattr %np, "signbit" : !nb.unknown -> !nb.unknown
  %7 = nb.call %signbit(%f32) : (!nb.unknown, f32) -> !nb.unknown
  %real = nb.getattr %np, "real" : !nb.unknown -> !nb.unknown
  %8 = nb.call %real(%c) : (!nb.unknown, complex<f32>) -> !nb.unknown
  %c128 = nb.getattr %np, "complex128" : !nb.unknown -> !nb.unknown
  %9 = nb.call %c128(%i64) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// print takes numbers, None, string literals and tuples; it has no result.
// CHECK-LABEL: func.func @print
// CHECK-SAME: -> !nb.none
// CHECK: nb.const("value:") : !nb.str<"value:">
// CHECK: nb.build_tuple(%{{.*}}, %{{.*}}) : (si64, !nb.str<"value:">) -> tuple<si64, !nb.str<"value:">>
// CHECK: nb.print(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {sep = ", "} : !nb.str<"value:">, si64, complex<f64>, !nb.none, tuple<si64, !nb.str<"value:">>
func.func @print(%i: si64, %c: complex<f64>) -> !nb.unknown {
  %s = nb.const("value:") : !nb.unknown
  %n = nb.const(unit) : !nb.unknown
  %t = nb.build_tuple(%i, %s) : (si64, !nb.unknown) -> !nb.unknown
  nb.print(%s, %i, %c, %n, %t) {sep = ", "} : !nb.unknown, si64, complex<f64>, !nb.unknown, !nb.unknown
  nb.return %n : !nb.unknown
}

// numpy.logaddexp computes in the float wide enough for both arguments.
// CHECK-LABEL: func.func @numpy_logaddexp
// CHECK-SAME: -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.logaddexp">, f32, f32) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"numpy.logaddexp">, f32, si64) -> f64
func.func @numpy_logaddexp(%f32: f32, %i64: si64) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %f = nb.getattr %np, "logaddexp" : !nb.unknown -> !nb.unknown
  %0 = nb.call %f(%f32, %f32) : (!nb.unknown, f32, f32) -> !nb.unknown
  %1 = nb.call %f(%f32, %i64) : (!nb.unknown, f32, si64) -> !nb.unknown
  nb.return %1 : !nb.unknown
}

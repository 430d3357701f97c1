// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s
// RUN: mumba-opt %s -convert-nb-to-std -mumba-std-to-llvm | FileCheck %s --check-prefix=LLVM

// Complex numbers stay builtin complex<f32|f64> values; arithmetic works on
// their parts (complex.re / complex.im / complex.create and arith), as
// CPython computes it, and the std-to-llvm stage lowers the complex dialect
// (convert-complex-to-standard, then convert-complex-to-llvm) to structs.

// The division below raises with a recorded class and message: constant
// strings and the recorder's declaration come first in the module.
// CHECK-DAG: memref.global "private" constant @[[MSG:__mumba_text_[0-9a-f]+]] : memref<25xi8>
// CHECK-DAG: memref.global "private" constant @[[CLS:__mumba_text_[0-9a-f]+]] : memref<18xi8>
// The runtime's cmath functions (below) are declared once each.
// CHECK-DAG: func.func private @mumbaCmathExp(f64, f64) -> (f64, f64)
// LLVM-DAG: llvm.func @mumbaCmathExp(f64, f64) -> !llvm.struct<(f64, f64)>
// CHECK-DAG: func.func private @mumbaRaiseUser(i64, i64)

// A real operand becomes complex with a zero imaginary part; + adds parts.
// CHECK-LABEL: func.func @add
// CHECK-SAME: (%[[A:[^:]*]]: complex<f64>, %[[B:[^:]*]]: f64) -> (i32, complex<f64>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[BC:.*]] = complex.create %[[B]], %[[ZERO]] : complex<f64>
// CHECK: %[[AR:.*]] = complex.re %[[A]]
// CHECK: %[[AI:.*]] = complex.im %[[A]]
// CHECK: %[[BR:.*]] = complex.re %[[BC]]
// CHECK: %[[BI:.*]] = complex.im %[[BC]]
// CHECK: %[[R:.*]] = arith.addf %[[AR]], %[[BR]] : f64
// CHECK: %[[I:.*]] = arith.addf %[[AI]], %[[BI]] : f64
// CHECK: %[[Z:.*]] = complex.create %[[R]], %[[I]] : complex<f64>
// CHECK: return %{{.*}}, %[[Z]] : i32, complex<f64>
func.func @add(%a: complex<f64>, %b: f64) -> complex<f64> {
  %0 = nb.binop add %a, %b : (complex<f64>, f64) -> complex<f64>
  nb.return %0 : complex<f64>
}

// CPython's product: no NaN recovery as in C99 Annex G.
// CHECK-LABEL: func.func @mul
// CHECK: %[[AR:.*]] = complex.re %arg0 : complex<f32>
// CHECK: %[[AI:.*]] = complex.im %arg0 : complex<f32>
// CHECK: %[[BR:.*]] = complex.re %arg1 : complex<f32>
// CHECK: %[[BI:.*]] = complex.im %arg1 : complex<f32>
// CHECK: %[[RR:.*]] = arith.mulf %[[AR]], %[[BR]] : f32
// CHECK: %[[II:.*]] = arith.mulf %[[AI]], %[[BI]] : f32
// CHECK: %[[RE:.*]] = arith.subf %[[RR]], %[[II]] : f32
// CHECK: %[[RI:.*]] = arith.mulf %[[AR]], %[[BI]] : f32
// CHECK: %[[IR:.*]] = arith.mulf %[[AI]], %[[BR]] : f32
// CHECK: %[[IM:.*]] = arith.addf %[[RI]], %[[IR]] : f32
// CHECK: complex.create %[[RE]], %[[IM]] : complex<f32>
// LLVM-LABEL: llvm.func @mul
// LLVM-SAME: (%{{.*}}: !llvm.struct<(f32, f32)>, %{{.*}}: !llvm.struct<(f32, f32)>) -> !llvm.struct<(i32, struct<(f32, f32)>)>
// LLVM: llvm.extractvalue %{{.*}}[0] : !llvm.struct<(f32, f32)>
// LLVM: llvm.fmul
// LLVM: llvm.insertvalue
// LLVM-NOT: complex.
func.func @mul(%a: complex<f32>, %b: complex<f32>) -> complex<f32> {
  %0 = nb.binop mul %a, %b : (complex<f32>, complex<f32>) -> complex<f32>
  nb.return %0 : complex<f32>
}

// Smith's algorithm, dividing by the larger part of the divisor; a zero
// divisor raises ZeroDivisionError("complex division by zero") through the
// runtime's recorder (status 11, MUMBA_USER_EXCEPTION).
// CHECK-LABEL: func.func @div
// CHECK: %[[BR:.*]] = complex.re %arg1
// CHECK: %[[BI:.*]] = complex.im %arg1
// CHECK: %[[ABSR:.*]] = math.absf %[[BR]]
// CHECK: %[[ABSI:.*]] = math.absf %[[BI]]
// CHECK: %[[REBIG:.*]] = arith.cmpf oge, %[[ABSR]], %[[ABSI]]
// CHECK: %[[ISZERO:.*]] = arith.andi %[[REBIG]], %{{.*}} : i1
// CHECK: memref.get_global @[[CLS]]
// CHECK: memref.get_global @[[MSG]]
// CHECK: %[[STATUS:.*]] = arith.constant 11 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:.*]], ^[[OK:[a-z0-9]*]]
// CHECK: ^[[RAISE]]:
// CHECK: call @mumbaRaiseUser
// CHECK: return %[[STATUS]]
// CHECK: ^[[OK]]:
// CHECK: complex.create
func.func @div(%a: complex<f64>, %b: complex<f64>) -> complex<f64> {
  %0 = nb.binop truediv %a, %b : (complex<f64>, complex<f64>) -> complex<f64>
  nb.return %0 : complex<f64>
}

// Equality compares both parts; != is true when either differs (or NaN).
// CHECK-LABEL: func.func @compare
// CHECK: %[[F:.*]] = arith.sitofp %arg1 : i64 to f64
// CHECK: complex.create %[[F]]
// CHECK: %[[RE:.*]] = arith.cmpf une
// CHECK: %[[IM:.*]] = arith.cmpf une
// CHECK: %[[NE:.*]] = arith.ori %[[RE]], %[[IM]] : i1
// CHECK: return %{{.*}}, %[[NE]] : i32, i1
func.func @compare(%a: complex<f64>, %b: si64) -> i1 {
  %0 = nb.compare ne %a, %b : (complex<f64>, si64) -> i1
  nb.return %0 : i1
}

// z.imag is the imaginary part.
// CHECK-LABEL: func.func @parts
// CHECK: %[[IM:.*]] = complex.im %arg0 : complex<f32>
// CHECK: return %{{.*}}, %[[IM]] : i32, f32
func.func @parts(%a: complex<f32>) -> f32 {
  %0 = nb.getattr %a, "imag" : complex<f32> -> f32
  nb.return %0 : f32
}

// cmath.sqrt is CPython's c_sqrt on the parts; functions whose special
// values need a case analysis (cmath.exp) call the runtime on the parts,
// which returns them in two registers (an LLVM struct).
// CHECK-LABEL: func.func @cmath
// CHECK: math.sqrt
// CHECK: math.copysign
// CHECK: %[[E:.*]]:2 = call @mumbaCmathExp(%{{.*}}, %{{.*}}) : (f64, f64) -> (f64, f64)
// CHECK: complex.create %[[E]]#0, %[[E]]#1 : complex<f64>
// LLVM-LABEL: llvm.func @cmath
// LLVM-NOT: complex.
// LLVM: llvm.call @mumbaCmathExp(%{{.*}}, %{{.*}}) : (f64, f64) -> !llvm.struct<(f64, f64)>
// LLVM: llvm.return
func.func @cmath(%z: complex<f64>) -> complex<f64> {
  %m = nb.global("cmath") : !nb.module<"cmath">
  %sqrt = nb.getattr %m, "sqrt" : !nb.module<"cmath"> -> !nb.function<"cmath.sqrt">
  %0 = nb.call %sqrt(%z) : (!nb.function<"cmath.sqrt">, complex<f64>) -> complex<f64>
  %exp = nb.getattr %m, "exp" : !nb.module<"cmath"> -> !nb.function<"cmath.exp">
  %1 = nb.call %exp(%0) : (!nb.function<"cmath.exp">, complex<f64>) -> complex<f64>
  nb.return %1 : complex<f64>
}

// sin(z) = -i sinh(iz): the runtime's sinh of (-im, re), then (b, -a).
// CHECK-LABEL: func.func @cmath_sin
// CHECK: %[[RE:.*]] = complex.re %arg0 : complex<f64>
// CHECK: %[[IM:.*]] = complex.im %arg0 : complex<f64>
// CHECK: %[[NIM:.*]] = arith.negf %[[IM]] : f64
// CHECK: %[[S:.*]]:2 = call @mumbaCmathSinh(%[[NIM]], %[[RE]]) : (f64, f64) -> (f64, f64)
// CHECK: %[[NRE:.*]] = arith.negf %[[S]]#0 : f64
// CHECK: complex.create %[[S]]#1, %[[NRE]] : complex<f64>
func.func @cmath_sin(%z: complex<f64>) -> complex<f64> {
  %m = nb.global("cmath") : !nb.module<"cmath">
  %sin = nb.getattr %m, "sin" : !nb.module<"cmath"> -> !nb.function<"cmath.sin">
  %0 = nb.call %sin(%z) : (!nb.function<"cmath.sin">, complex<f64>) -> complex<f64>
  nb.return %0 : complex<f64>
}

// log10 divides each part by ln 10 (a complex division would make
// inf * 0 = nan in the other part).
// CHECK-LABEL: func.func @cmath_log10
// CHECK: %[[L:.*]]:2 = call @mumbaCmathLog(
// CHECK: %[[LN10:.*]] = arith.constant 2.30258509299404{{[0-9]*}} : f64
// CHECK: %[[R:.*]] = arith.divf %[[L]]#0, %[[LN10]] : f64
// CHECK: %[[I:.*]] = arith.divf %[[L]]#1, %[[LN10]] : f64
// CHECK: complex.create %[[R]], %[[I]] : complex<f64>
func.func @cmath_log10(%z: complex<f64>) -> complex<f64> {
  %m = nb.global("cmath") : !nb.module<"cmath">
  %log10 = nb.getattr %m, "log10" : !nb.module<"cmath"> -> !nb.function<"cmath.log10">
  %0 = nb.call %log10(%z) : (!nb.function<"cmath.log10">, complex<f64>) -> complex<f64>
  nb.return %0 : complex<f64>
}

// rect(r, phi) is the runtime's, on the two floats.
// CHECK-LABEL: func.func @cmath_rect
// CHECK: %[[Z:.*]]:2 = call @mumbaCmathRect(%arg0, %arg1) : (f64, f64) -> (f64, f64)
// CHECK: complex.create %[[Z]]#0, %[[Z]]#1 : complex<f64>
func.func @cmath_rect(%r: f64, %phi: f64) -> complex<f64> {
  %m = nb.global("cmath") : !nb.module<"cmath">
  %rect = nb.getattr %m, "rect" : !nb.module<"cmath"> -> !nb.function<"cmath.rect">
  %0 = nb.call %rect(%r, %phi) : (!nb.function<"cmath.rect">, f64, f64) -> complex<f64>
  nb.return %0 : complex<f64>
}

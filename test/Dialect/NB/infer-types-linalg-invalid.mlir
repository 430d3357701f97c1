// RUN: mumba-opt %s -split-input-file -nb-infer-types -verify-diagnostics

// The errors of LinalgTyping.cpp: one per message.

func.func @svd_compute_uv(%a: !nb.array<f64, 2, C>, %c: i1) -> !nb.unknown {
  %f = nb.global("numpy.linalg.svd") : !nb.unknown
  // expected-error @+1 {{compute_uv must be a literal True or False: the result's type depends on it}}
  %0 = nb.call %f(%a) kw(%c) {kwnames = ["compute_uv"]} : (!nb.unknown, !nb.array<f64, 2, C>, i1) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @svd_hermitian(%a: !nb.array<f64, 2, C>) -> !nb.unknown {
  %f = nb.global("numpy.linalg.svd") : !nb.unknown
  %t = nb.const(true) : !nb.unknown
  // expected-error @+1 {{hermitian=True is not supported}}
  %0 = nb.call %f(%a) kw(%t) {kwnames = ["hermitian"]} : (!nb.unknown, !nb.array<f64, 2, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @eigh_uplo_value(%a: !nb.array<f64, 2, C>) -> !nb.unknown {
  %f = nb.global("numpy.linalg.eigh") : !nb.unknown
  %s = nb.const("X") : !nb.unknown
  // expected-error @+1 {{UPLO argument must be 'L' or 'U'}}
  %0 = nb.call %f(%a, %s) : (!nb.unknown, !nb.array<f64, 2, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @eigh_uplo_type(%a: !nb.array<f64, 2, C>, %i: si64) -> !nb.unknown {
  %f = nb.global("numpy.linalg.eigvalsh") : !nb.unknown
  // expected-error @+1 {{UPLO must be a string literal, got 'int64'}}
  %0 = nb.call %f(%a, %i) : (!nb.unknown, !nb.array<f64, 2, C>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @qr_mode(%a: !nb.array<f64, 2, C>) -> !nb.unknown {
  %f = nb.global("numpy.linalg.qr") : !nb.unknown
  %s = nb.const("raw") : !nb.unknown
  // expected-error @+1 {{qr mode must be 'reduced', 'complete' or 'r', got 'raw'}}
  %0 = nb.call %f(%a, %s) : (!nb.unknown, !nb.array<f64, 2, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @qr_mode_type(%a: !nb.array<f64, 2, C>, %i: si64) -> !nb.unknown {
  %f = nb.global("numpy.linalg.qr") : !nb.unknown
  // expected-error @+1 {{mode must be a string literal, got 'int64'}}
  %0 = nb.call %f(%a, %i) : (!nb.unknown, !nb.array<f64, 2, C>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @norm_keepdims(%a: !nb.array<f64, 2, C>, %k: i1) -> !nb.unknown {
  %f = nb.global("numpy.linalg.norm") : !nb.unknown
  // expected-error @+1 {{norm(): keepdims is not supported}}
  %0 = nb.call %f(%a) kw(%k) {kwnames = ["keepdims"]} : (!nb.unknown, !nb.array<f64, 2, C>, i1) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @norm_vector_fro(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %f = nb.global("numpy.linalg.norm") : !nb.unknown
  %s = nb.const("fro") : !nb.unknown
  // expected-error @+1 {{Invalid norm order 'fro' for vectors}}
  %0 = nb.call %f(%a, %s) : (!nb.unknown, !nb.array<f64, 1, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @norm_axis_nuc(%a: !nb.array<f64, 2, C>, %i: si64) -> !nb.unknown {
  %f = nb.global("numpy.linalg.norm") : !nb.unknown
  %s = nb.const("nuc") : !nb.unknown
  // expected-error @+1 {{Invalid norm order 'nuc' for vectors}}
  %0 = nb.call %f(%a, %s, %i) : (!nb.unknown, !nb.array<f64, 2, C>, !nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @cond_complex_p(%a: !nb.array<complex<f64>, 2, C>, %p: f64) -> !nb.unknown {
  %f = nb.global("numpy.linalg.cond") : !nb.unknown
  // expected-error @+1 {{cond() of a complex matrix needs a literal p: its result is real for p=2 or -2 and complex otherwise}}
  %0 = nb.call %f(%a, %p) : (!nb.unknown, !nb.array<complex<f64>, 2, C>, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @inv_vector(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %f = nb.global("numpy.linalg.inv") : !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.linalg.inv(): got (array(float64, 1d, C)); it accepts (a: 2-D array)}}
  %0 = nb.call %f(%a) : (!nb.unknown, !nb.array<f64, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @matmul_scalar(%a: !nb.array<f64, 2, C>, %x: f64) -> !nb.unknown {
  %f = nb.global("numpy.matmul") : !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.matmul(): got (array(float64, 2d, C), float64); it accepts (x1: 1-D or 2-D array, x2: 1-D or 2-D array)}}
  %0 = nb.call %f(%a, %x) : (!nb.unknown, !nb.array<f64, 2, C>, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// RUN: mumba-opt %s -split-input-file -nb-infer-types -verify-diagnostics

func.func @bad_shape(%arg0: f64) -> !nb.unknown {
  %x = nb.arg 0 "x" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{a shape must be an int or a tuple of ints, got 'float64'}}
  %a = nb.call %zeros(%x) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %a : !nb.unknown
}

// -----

func.func @bad_dtype(%arg0: si64) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{unsupported dtype 'int64': use a NumPy scalar type such as np.float32}}
  %a = nb.call %zeros(%n, %n) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %a : !nb.unknown
}

// -----

func.func @missing_shape() -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{np.empty/np.zeros/np.ones() is missing a required argument}}
  %a = nb.call %zeros() : (!nb.unknown) -> !nb.unknown
  nb.return %a : !nb.unknown
}

// -----

func.func @full_of_array(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %full = nb.getattr %np, "full" : !nb.unknown -> !nb.unknown
  %c = nb.const(3) : !nb.unknown
  // expected-error @+1 {{np.full() fills with a real number, got 'array(float64, 1d, C)'}}
  %b = nb.call %full(%c, %a) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %b : !nb.unknown
}

// -----

func.func @like_of_number(%arg0: f64) -> !nb.unknown {
  %x = nb.arg 0 "x" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %like = nb.getattr %np, "zeros_like" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{np.*_like() expects an array, got 'float64'}}
  %b = nb.call %like(%x) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %b : !nb.unknown
}

// -----

func.func @arange_of_array(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %arange = nb.getattr %np, "arange" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{np.arange() expects real numbers, got 'array(float64, 1d, C)'}}
  %b = nb.call %arange(%a) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %b : !nb.unknown
}

// -----

func.func @copy_with_argument(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %m = nb.getattr %a, "copy" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{copy() takes no arguments}}
  %b = nb.call %m(%a) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %b : !nb.unknown
}

// -----

func.func @write_readonly(%arg0: !nb.array<f64, 1, C, readonly>) -> !nb.unknown {
  %a = nb.arg 0 "a" : !nb.unknown
  %i = nb.const(0) : !nb.unknown
  %v = nb.const(1.0) : !nb.unknown
  // expected-error @+1 {{cannot assign into the read-only array 'array(float64, 1d, C, readonly)' (its NumPy flag writeable is False)}}
  nb.setitem %a[%i], %v : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  %n = nb.const(unit) : !nb.unknown
  nb.return %n : !nb.unknown
}

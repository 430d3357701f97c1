// RUN: mumba-opt %s -split-input-file -verify-diagnostics -nb-infer-types

func.func @bool_subtract(%a: !nb.array<i1, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for -: 'array(bool, 1d, C)' and 'array(bool, 1d, C)' (numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.)}}
  %0 = nb.binop sub %a, %a : (!nb.array<i1, 1, C>, !nb.array<i1, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @float_and(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for &: 'array(float64, 1d, C)' and 'array(float64, 1d, C)' (ufunc 'bitwise_and' not supported for the input types}}
  %0 = nb.binop bitand %a, %a : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @same_kind(%a: !nb.array<si64, 1, C>, %b: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{cannot store the float64 result of += in 'array(int64, 1d, C)' (NumPy's same_kind casting)}}
  %0 = nb.inplace_binop add %a, %b : (!nb.array<si64, 1, C>, !nb.array<f64, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @not_array(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{cannot take 'not' of 'array(float64, 1d, C)': The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()}}
  %0 = nb.unary not %a : !nb.array<f64, 1, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @bool_negative(%a: !nb.array<i1, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{bad operand type for unary -: 'array(bool, 1d, C)' (The numpy boolean negative}}
  %0 = nb.unary neg %a : !nb.array<i1, 1, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @complex_order(%a: !nb.array<complex<f64>, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{'<' is not supported between 'array(complex128, 1d, C)' and 'array(complex128, 1d, C)' (ordering comparisons of complex arrays are not supported)}}
  %0 = nb.compare lt %a, %a : (!nb.array<complex<f64>, 1, C>, !nb.array<complex<f64>, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

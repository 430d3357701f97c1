// RUN: mumba-opt %s -split-input-file -nb-infer-types -verify-diagnostics

// Negative cases of the typing rules added for complex numbers, tuples,
// iteration, the call templates and print: one per rule.

// Python has no floor division or modulo of complex numbers.
func.func @complex_floordiv(%c: complex<f64>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for //: 'complex128' and 'int64'}}
  %0 = nb.binop floordiv %c, %i : (complex<f64>, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @complex_bitor(%c: complex<f32>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for |: 'complex64' and 'int64'}}
  %0 = nb.binop bitor %c, %i : (complex<f32>, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// Complex numbers are not ordered.
func.func @complex_order(%c: complex<f64>) -> !nb.unknown {
  // expected-error @+1 {{'>=' is not supported between 'complex128' and 'complex128'}}
  %0 = nb.compare ge %c, %c : (complex<f64>, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @complex_invert(%c: complex<f64>) -> !nb.unknown {
  // expected-error @+1 {{bad operand type for unary ~: 'complex128'}}
  %0 = nb.unary invert %c : complex<f64> -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// Tuples concatenate with + only.
func.func @tuple_minus(%t: tuple<si64>) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for -: 'tuple(int64)' and 'tuple(int64)'}}
  %0 = nb.binop sub %t, %t : (tuple<si64>, tuple<si64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @tuple_order_none(%t: tuple<si64, !nb.none>) -> !nb.unknown {
  // expected-error @+1 {{'<' is not supported between 'tuple(int64, none)' and 'tuple(int64, none)'}}
  %0 = nb.compare lt %t, %t : (tuple<si64, !nb.none>, tuple<si64, !nb.none>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @membership_array(%a: !nb.array<f64, 1, C>, %x: f64) -> !nb.unknown {
  // expected-error @+1 {{unsupported: 'in' with 'float64' and 'array(float64, 1d, C)' (membership tests only look into tuples)}}
  %0 = nb.compare in %x, %a : (f64, !nb.array<f64, 1, C>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// Membership compares with ==, which a number and a string do not support.
func.func @membership_string(%t: tuple<!nb.str<"a">>, %x: f64) -> !nb.unknown {
  // expected-error @+1 {{'not in' is not supported between 'float64' and 'tuple(str)': an element does not compare with 'float64'}}
  %0 = nb.compare notin %x, %t : (f64, tuple<!nb.str<"a">>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @string_order() -> !nb.unknown {
  %s = nb.const("a") : !nb.unknown
  // expected-error @+1 {{'<' is not supported between 'str' and 'str'}}
  %0 = nb.compare lt %s, %s : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @store_complex(%a: !nb.array<f64, 1, C>, %i: si64, %c: complex<f64>) -> !nb.unknown {
  // expected-error @+1 {{cannot store a value of type 'complex128' into 'array(float64, 1d, C)'}}
  nb.setitem %a[%i], %c : (!nb.array<f64, 1, C>, si64, complex<f64>) -> ()
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// Casts never drop an imaginary part.
func.func @cast_complex_to_real(%c: complex<f64>) -> !nb.unknown {
  // expected-error @+1 {{cannot cast 'complex128' to 'float64'}}
  %0 = nb.cast %c : complex<f64> to f64
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @iterate_heterogeneous(%t: tuple<si64, f64>) -> !nb.unknown {
  // expected-error @+1 {{unsupported: iterating over the heterogeneous tuple 'tuple(int64, float64)' (the loop variable would change type)}}
  %0 = nb.getiter %t : tuple<si64, f64> -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @iterate_none(%n: !nb.none) -> !nb.unknown {
  // expected-error @+1 {{unsupported: iterating over 'none'}}
  %0 = nb.getiter %n : !nb.none -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// enumerate, zip and reversed take what can be iterated.
func.func @enumerate_int(%i: si64) -> !nb.unknown {
  %e = nb.global("enumerate") : !nb.unknown
  // expected-error @+1 {{invalid arguments to enumerate(): got (int64); it accepts (iterable: range, 1-d array, tuple, enumerate or zip, start: int = 0)}}
  %0 = nb.call %e(%i) : (!nb.unknown, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @enumerate_float_start(%a: !nb.array<f64, 1, C>, %f: f64) -> !nb.unknown {
  %e = nb.global("enumerate") : !nb.unknown
  // expected-error @+1 {{invalid arguments to enumerate(): got (array(float64, 1d, C), float64); it accepts (iterable: range, 1-d array, tuple, enumerate or zip, start: int = 0)}}
  %0 = nb.call %e(%a, %f) : (!nb.unknown, !nb.array<f64, 1, C>, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @zip_nothing() -> !nb.unknown {
  %z = nb.global("zip") : !nb.unknown
  // expected-error @+1 {{invalid arguments to zip(): got (); it accepts (iterable, ...: ranges, arrays, tuples, enumerate or zip objects)}}
  %0 = nb.call %z() : (!nb.unknown) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @zip_number(%a: !nb.array<f64, 2, C>, %x: f64) -> !nb.unknown {
  %z = nb.global("zip") : !nb.unknown
  // expected-error @+1 {{invalid arguments to zip(): got (array(float64, 2d, C), float64); it accepts (iterable, ...: ranges, arrays, tuples, enumerate or zip objects)}}
  %0 = nb.call %z(%a, %x) : (!nb.unknown, !nb.array<f64, 2, C>, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @reversed_array(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %r = nb.global("reversed") : !nb.unknown
  // expected-error @+1 {{invalid arguments to reversed(): got (array(float64, 1d, C)); it accepts (seq: range or tuple of numbers)}}
  %0 = nb.call %r(%a) : (!nb.unknown, !nb.array<f64, 1, C>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @complex_of_tuple(%t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("complex") : !nb.unknown
  // expected-error @+1 {{invalid arguments to complex(): got (tuple(int64)); it accepts (real: number = 0, imag: number = 0)}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @round_complex(%c: complex<f64>) -> !nb.unknown {
  %f = nb.global("round") : !nb.unknown
  // expected-error @+1 {{invalid arguments to round(): got (complex128); it accepts (number: real, ndigits: int = None)}}
  %0 = nb.call %f(%c) : (!nb.unknown, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @round_float_digits(%x: f64) -> !nb.unknown {
  %f = nb.global("round") : !nb.unknown
  // expected-error @+1 {{invalid arguments to round(): got (float64, float64); it accepts (number: real, ndigits: int = None)}}
  %0 = nb.call %f(%x, %x) : (!nb.unknown, f64, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @isinstance_value(%x: f64) -> !nb.unknown {
  %f = nb.global("isinstance") : !nb.unknown
  // expected-error @+1 {{invalid arguments to isinstance(): got (float64, float64); it accepts (obj, classinfo: int, float, bool, complex, tuple, a NumPy scalar type or a tuple of those)}}
  %0 = nb.call %f(%x, %x) : (!nb.unknown, f64, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// Only the simple classes are known.
func.func @isinstance_range_class(%x: f64) -> !nb.unknown {
  %f = nb.global("isinstance") : !nb.unknown
  %r = nb.global("range") : !nb.unknown
  // expected-error @+1 {{invalid arguments to isinstance(): got (float64, function(range)); it accepts (obj, classinfo: int, float, bool, complex, tuple, a NumPy scalar type or a tuple of those)}}
  %0 = nb.call %f(%x, %r) : (!nb.unknown, f64, !nb.unknown) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @min_of_complex(%c: complex<f64>) -> !nb.unknown {
  %f = nb.global("min") : !nb.unknown
  // expected-error @+1 {{invalid arguments to min(): got (complex128, complex128); it accepts (a: real, b: real, ...) or (iterable: tuple of reals)}}
  %0 = nb.call %f(%c, %c) : (!nb.unknown, complex<f64>, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @max_empty_tuple() -> !nb.unknown {
  %f = nb.global("max") : !nb.unknown
  %t = nb.build_tuple() : () -> !nb.unknown
  // expected-error @+1 {{invalid arguments to max(): got (tuple()); it accepts (a: real, b: real, ...) or (iterable: tuple of reals)}}
  %0 = nb.call %f(%t) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @float_of_complex(%c: complex<f64>) -> !nb.unknown {
  %f = nb.global("float") : !nb.unknown
  // expected-error @+1 {{invalid arguments to float(): got (complex128); it accepts (x: real)}}
  %0 = nb.call %f(%c) : (!nb.unknown, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// math functions of ints take ints.
func.func @factorial_of_float(%x: f64) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "factorial" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.factorial(): got (float64); it accepts (n: int)}}
  %0 = nb.call %f(%x) : (!nb.unknown, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @gcd_of_float(%x: f64, %i: si64) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "gcd" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.gcd(): got (int64, float64); it accepts (*integers: int)}}
  %0 = nb.call %f(%i, %x) : (!nb.unknown, si64, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @ldexp_float_exponent(%x: f64) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "ldexp" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.ldexp(): got (float64, float64); it accepts (x: real, i: int)}}
  %0 = nb.call %f(%x, %x) : (!nb.unknown, f64, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @isclose_one_argument(%x: f64) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "isclose" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.isclose(): got (float64); it accepts (a: real, b: real, *, rel_tol: real = 1e-09, abs_tol: real = 0.0)}}
  %0 = nb.call %f(%x) : (!nb.unknown, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @isclose_bad_keyword(%x: f64) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "isclose" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{math.isclose() got an unexpected keyword argument 'tol'}}
  %0 = nb.call %f(%x, %x) kw(%x) {kwnames = ["tol"]} : (!nb.unknown, f64, f64, f64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// math rejects complex numbers; cmath takes them.
func.func @math_gamma_complex(%c: complex<f64>) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "gamma" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.gamma(): got (complex128); it accepts (x: real)}}
  %0 = nb.call %f(%c) : (!nb.unknown, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @cmath_rect_complex(%c: complex<f64>) -> !nb.unknown {
  %m = nb.global("cmath") : !nb.unknown
  %f = nb.getattr %m, "rect" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to cmath.rect(): got (complex128, complex128); it accepts (r: real, phi: real)}}
  %0 = nb.call %f(%c, %c) : (!nb.unknown, complex<f64>, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @cmath_unknown() -> !nb.unknown {
  %m = nb.global("cmath") : !nb.unknown
  // expected-error @+1 {{unsupported: 'cmath.acos' in nopython mode}}
  %0 = nb.getattr %m, "acos" : !nb.unknown -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// NumPy functions without a complex lowering take reals.
func.func @numpy_arcsin_complex(%c: complex<f64>) -> !nb.unknown {
  %m = nb.global("numpy") : !nb.unknown
  %f = nb.getattr %m, "arcsin" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.arcsin(): got (complex128); it accepts (x: real)}}
  %0 = nb.call %f(%c) : (!nb.unknown, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @numpy_sign_bool(%b: i1) -> !nb.unknown {
  %m = nb.global("numpy") : !nb.unknown
  %f = nb.getattr %m, "sign" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.sign(): got (bool); it accepts (x: number other than bool)}}
  %0 = nb.call %f(%b) : (!nb.unknown, i1) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @numpy_maximum_complex(%c: complex<f64>) -> !nb.unknown {
  %m = nb.global("numpy") : !nb.unknown
  %f = nb.getattr %m, "maximum" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.maximum(): got (complex128, complex128); it accepts (x1: real, x2: real)}}
  %0 = nb.call %f(%c, %c) : (!nb.unknown, complex<f64>, complex<f64>) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @print_range(%n: si64) -> !nb.unknown {
  %r = nb.global("range") : !nb.unknown
  %0 = nb.call %r(%n) : (!nb.unknown, si64) -> !nb.unknown
  // expected-error @+1 {{unsupported: printing a value of type 'range(int64)' (print takes numbers, None, string literals and tuples of them)}}
  nb.print(%n, %0) : si64, !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @range_as_condition(%n: si64) -> !nb.unknown {
  %r = nb.global("range") : !nb.unknown
  %0 = nb.call %r(%n) : (!nb.unknown, si64) -> !nb.unknown
  // expected-error @+1 {{cannot use a value of type 'range(int64)' as a condition}}
  %1 = nb.truth %0 : !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

func.func @assign_into_int(%i: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot assign to an item of 'int64'}}
  nb.setitem %i[%i], %i : (si64, si64, si64) -> ()
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// -----

// A string literal does not equal a number: Python would say False, but the
// comparison is almost always a mistake in compiled code.
func.func @string_equals_number(%i: si64) -> !nb.unknown {
  %s = nb.const("1") : !nb.unknown
  // expected-error @+1 {{'==' is not supported between 'str' and 'int64'}}
  %0 = nb.compare eq %s, %i : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

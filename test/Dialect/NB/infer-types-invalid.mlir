// RUN: mumba-opt %s -split-input-file -allow-unregistered-dialect -nb-reconstruct-ssa -nb-infer-types -verify-diagnostics

// One case per error of nb-infer-types, the typing rules of the ops and the
// call templates. Input is post-SSA nb; the few cases with nb.var slots show
// the variable's name that nb-reconstruct-ssa records for the diagnostics
// (it leaves the other cases unchanged). -allow-unregistered-dialect is for
// the one opaque branch.

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

func.func @binop_tuple(%a: tuple<si64>, %b: si64) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for +: 'tuple(int64)' and 'int64'}}
  %0 = nb.binop add %a, %b : (tuple<si64>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @shift_float(%a: f64, %b: si64) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for <<: 'float64' and 'int64'}}
  %0 = nb.binop lshift %a, %b : (f64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @inplace_bitxor_float(%a: f64, %b: si64) -> !nb.unknown {
  // expected-error @+1 {{invalid operand types for ^: 'int64' and 'float64'}}
  %0 = nb.inplace_binop bitxor %b, %a : (si64, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @order_none(%a: !nb.none, %b: !nb.none) -> !nb.unknown {
  // expected-error @+1 {{'<' is not supported between 'none' and 'none'}}
  %0 = nb.compare lt %a, %b : (!nb.none, !nb.none) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @membership(%a: si64, %b: si64) -> !nb.unknown {
  // expected-error @+1 {{unsupported: 'in' with 'int64' and 'int64' (membership tests only look into tuples)}}
  %0 = nb.compare in %a, %b : (si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @identity_array(%a: !nb.array<f64, 1, C>, %b: si64) -> !nb.unknown {
  // expected-error @+1 {{'is' is not supported between 'array(float64, 1d, C)' and 'int64'}}
  %0 = nb.compare is %a, %b : (!nb.array<f64, 1, C>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @not_array(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{cannot take 'not' of 'array(float64, 1d, C)'}}
  %0 = nb.unary not %a : !nb.array<f64, 1, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @neg_tuple(%a: tuple<si64>) -> !nb.unknown {
  // expected-error @+1 {{bad operand type for unary -: 'tuple(int64)'}}
  %0 = nb.unary neg %a : tuple<si64> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @invert_float(%a: f64) -> !nb.unknown {
  // expected-error @+1 {{bad operand type for unary ~: 'float64'}}
  %0 = nb.unary invert %a : f64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @truth_array(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{cannot use an array 'array(float64, 1d, C)' as a condition: its truth value is ambiguous (use a.any() or a.all() in Python, or test an element)}}
  %0 = nb.truth %a : !nb.array<f64, 1, C>
  nb.return %0 : i1
}

// -----

func.func @cast_tuple(%a: tuple<si64>) -> !nb.unknown {
  // expected-error @+1 {{cannot cast 'tuple(int64)' to 'int64'}}
  %0 = nb.cast %a : tuple<si64> to si64
  nb.return %0 : si64
}

// -----

// String literals are compile-time values: they print, but do no
// arithmetic.
func.func @string_arithmetic(%a: si64) -> !nb.unknown {
  %0 = nb.const("hello") : !nb.unknown
  // expected-error @+1 {{invalid operand types for +: 'str' and 'int64'}}
  %1 = nb.binop add %0, %a : (!nb.unknown, si64) -> !nb.unknown
  nb.return %1 : !nb.unknown
}

// -----

//===----------------------------------------------------------------------===//
// Attributes and items
//===----------------------------------------------------------------------===//

func.func @array_attribute(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{unknown attribute 'T' of 'array(float64, 1d, C)'}}
  %0 = nb.getattr %a, "T" : !nb.array<f64, 1, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @int_attribute(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{unknown attribute 'size' of 'int64'}}
  %0 = nb.getattr %a, "size" : si64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @math_attribute() -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  // expected-error @+1 {{unsupported: 'math.fsum' in nopython mode}}
  %0 = nb.getattr %m, "fsum" : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @numpy_attribute() -> !nb.unknown {
  %m = nb.global("numpy") : !nb.unknown
  // expected-error @+1 {{unsupported: 'numpy.sum' in nopython mode}}
  %0 = nb.getattr %m, "sum" : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @float_index(%a: !nb.array<f64, 1, C>, %i: f64) -> !nb.unknown {
  // expected-error @+1 {{invalid index of type 'float64' into 'array(float64, 1d, C)' (indices are integers)}}
  %0 = nb.getitem %a[%i] : (!nb.array<f64, 1, C>, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @too_many_indices(%a: !nb.array<f64, 1, C>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{too many indices for the 1-d array 'array(float64, 1d, C)': 2}}
  %0 = nb.getitem %a[%i, %i] : (!nb.array<f64, 1, C>, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @heterogeneous_tuple(%a: tuple<si64, f64>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot index the heterogeneous tuple 'tuple(int64, float64)' with a non-constant index (its element types differ)}}
  %0 = nb.getitem %a[%i] : (tuple<si64, f64>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @tuple_of_arrays(%a: tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot index the tuple 'tuple(array(float64, 1d, C), array(float64, 1d, C))' with a non-constant index (only tuples of numbers can be)}}
  %0 = nb.getitem %a[%i] : (tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @index_int(%a: si64, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot index a value of type 'int64'}}
  %0 = nb.getitem %a[%i] : (si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @static_index_past_end(%a: tuple<si64, f64>) -> !nb.unknown {
  // expected-error @+1 {{tuple index 2 out of range for 'tuple(int64, float64)'}}
  %0 = nb.static_getitem %a[2] : tuple<si64, f64> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @static_index_before_start(%a: tuple<si64, f64>) -> !nb.unknown {
  // expected-error @+1 {{tuple index -3 out of range for 'tuple(int64, float64)'}}
  %0 = nb.static_getitem %a[-3] : tuple<si64, f64> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @static_index_float(%a: f64) -> !nb.unknown {
  // expected-error @+1 {{cannot index a value of type 'float64'}}
  %0 = nb.static_getitem %a[0] : f64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @assign_into_tuple(%a: tuple<si64, si64>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot assign to an item of 'tuple(int64, int64)': tuples are immutable}}
  nb.setitem %a[%i], %i : (tuple<si64, si64>, si64, si64) -> ()
  nb.return %i : si64
}

// -----

func.func @assign_too_few_indices(%a: !nb.array<f64, 2, C>, %i: si64) -> !nb.unknown {
  // expected-error @+1 {{unsupported: assigning into a 2-d array 'array(float64, 2d, C)' with 1 indices}}
  nb.setitem %a[%i], %i : (!nb.array<f64, 2, C>, si64, si64) -> ()
  nb.return %i : si64
}

// -----

func.func @assign_float_index(%a: !nb.array<f64, 1, C>, %i: f32) -> !nb.unknown {
  // expected-error @+1 {{invalid index of type 'float32' into 'array(float64, 1d, C)' (indices are integers)}}
  nb.setitem %a[%i], %i : (!nb.array<f64, 1, C>, f32, f32) -> ()
  nb.return %i : f32
}

// -----

func.func @assign_tuple(%a: !nb.array<f64, 1, C>, %i: si64, %v: tuple<si64>) -> !nb.unknown {
  // expected-error @+1 {{cannot store a value of type 'tuple(int64)' into 'array(float64, 1d, C)'}}
  nb.setitem %a[%i], %v : (!nb.array<f64, 1, C>, si64, tuple<si64>) -> ()
  nb.return %i : si64
}

// -----

//===----------------------------------------------------------------------===//
// Containers, iteration and statements
//===----------------------------------------------------------------------===//

func.func @list(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{unsupported: lists in nopython mode}}
  %0 = nb.build_list(%a, %a) : (si64, si64) -> !nb.unknown
  nb.return %a : si64
}

// -----

func.func @iterate_float(%a: f64) -> !nb.unknown {
  // expected-error @+1 {{unsupported: iterating over 'float64'}}
  %0 = nb.getiter %a : f64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @advance_int(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot advance a value of type 'int64'}}
  %0 = nb.iternext %a : si64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @pair_first_of_int(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{expects a pair, got 'int64'}}
  %0 = nb.pair_first %a : si64 -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @pair_second_of_tuple(%a: tuple<si64, i1>) -> !nb.unknown {
  // expected-error @+1 {{expects a pair, got 'tuple(int64, bool)'}}
  %0 = nb.pair_second %a : tuple<si64, i1> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @unpack_array(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{unsupported: unpacking a value of type 'array(float64, 1d, C)' (only tuples unpack)}}
  %0 = nb.exhaust_iter %a, 2 : !nb.array<f64, 1, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @unpack_wrong_count(%a: tuple<si64, f64, i1>) -> !nb.unknown {
  // expected-error @+1 {{cannot unpack 'tuple(int64, float64, bool)' of 3 values into 2 targets}}
  %0 = nb.exhaust_iter %a, 2 : tuple<si64, f64, i1> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @print(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  // expected-error @+1 {{unsupported: printing a value of type 'array(float64, 1d, C)' (print takes numbers, None, string literals and tuples of them)}}
  nb.print(%a) : !nb.array<f64, 1, C>
  nb.return %a : !nb.array<f64, 1, C>
}

// -----

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

func.func @keyword_arguments(%y: si64) -> !nb.unknown {
  %r = nb.global("range") : !nb.unknown
  // expected-error @+1 {{range() takes no keyword arguments}}
  %0 = nb.call %r(%y) kw(%y) {kwnames = ["step"]} : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @unexpected_keyword(%y: si64) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{numpy.zeros() got an unexpected keyword argument 'order'}}
  %0 = nb.call %zeros(%y) kw(%y) {kwnames = ["order"]} : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @repeated_argument(%y: si64) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %zeros = nb.getattr %np, "zeros" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{numpy.zeros() got multiple values for argument 'shape'}}
  %0 = nb.call %zeros(%y) kw(%y) {kwnames = ["shape"]} : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// The frontend binds keyword arguments of jitted callees itself.
func.func @dispatcher_keywords(%y: si64) -> !nb.unknown {
  %g = nb.global(@g) : !nb.unknown
  // expected-error @+1 {{keyword arguments to jitted functions are bound by the frontend; this call still has some}}
  %0 = nb.call %g(%y) kw(%y) {kwnames = ["b"]} : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @g(%arg0: !nb.unknown, %arg1: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @dtype_conversion(%t: tuple<si64>) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %f32 = nb.getattr %np, "float32" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.float32(): got (tuple(int64)); it accepts (x: real)}}
  %0 = nb.call %f32(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @unknown_builtin(%a: si64) -> !nb.unknown {
  %g = nb.global("sum") : !nb.unknown
  // expected-error @+1 {{unsupported: call to 'sum' in nopython mode}}
  %0 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @call_int(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{cannot call a value of type 'int64'}}
  %0 = nb.call %a(%a) : (si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @missing_function(%a: si64) -> !nb.unknown {
  %g = nb.global(@missing) : !nb.unknown
  // expected-error @+1 {{no function 'missing' for this call}}
  %0 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// A typed function that is no specialisation cannot take other types.
func.func @call_typed_function(%a: si64) -> !nb.unknown {
  %g = nb.global(@typed) : !nb.unknown
  // expected-error @+1 {{cannot call 'typed' with argument types (int64)}}
  %0 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func @typed(%a: f64) -> !nb.unknown {
  nb.return %a : f64
}

// -----

func.func @dispatcher_arity(%a: si64) -> !nb.unknown {
  %g = nb.global(@g) : !nb.unknown
  // expected-error @+1 {{'g' takes 1 positional arguments but 2 were given}}
  %0 = nb.call %g(%a, %a) : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @g(%arg0: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// An error inside a specialisation, then at the call that asked for it.
func.func @specialisation_fails(%a: si64) -> !nb.unknown {
  %g = nb.global(@g) : !nb.unknown
  // expected-error @+1 {{while specialising 'g' for argument types (int64)}}
  %0 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @g(%arg0: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.build_tuple(%0) : (!nb.unknown) -> !nb.unknown
  // expected-error @+1 {{invalid operand types for +: 'int64' and 'tuple(int64)'}}
  %2 = nb.binop add %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// -----

//===----------------------------------------------------------------------===//
// Call templates
//===----------------------------------------------------------------------===//

func.func @range_no_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("range") : !nb.unknown
  // expected-error @+1 {{invalid arguments to range(): got (); it accepts (stop: int) or (start: int, stop: int[, step: int])}}
  %0 = nb.call %f() : (!nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @range_four_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("range") : !nb.unknown
  // expected-error @+1 {{invalid arguments to range(): got (int64, int64, int64, int64); it accepts (stop: int) or (start: int, stop: int[, step: int])}}
  %0 = nb.call %f(%i, %i, %i, %i) : (!nb.unknown, si64, si64, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @range_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("range") : !nb.unknown
  // expected-error @+1 {{invalid arguments to range(): got (tuple(int64)); it accepts (stop: int) or (start: int, stop: int[, step: int])}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @range_of_float(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("range") : !nb.unknown
  // expected-error @+1 {{invalid arguments to range(): got (int64, float64); it accepts (stop: int) or (start: int, stop: int[, step: int])}}
  %0 = nb.call %f(%i, %x) : (!nb.unknown, si64, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @len_of_int(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("len") : !nb.unknown
  // expected-error @+1 {{invalid arguments to len(): got (int64); it accepts (obj: array, tuple, range or str)}}
  %0 = nb.call %f(%i) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @len_no_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("len") : !nb.unknown
  // expected-error @+1 {{invalid arguments to len(): got (); it accepts (obj: array, tuple, range or str)}}
  %0 = nb.call %f() : (!nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @len_two_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("len") : !nb.unknown
  // expected-error @+1 {{invalid arguments to len(): got (tuple(int64), tuple(int64)); it accepts (obj: array, tuple, range or str)}}
  %0 = nb.call %f(%t, %t) : (!nb.unknown, tuple<si64>, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @abs_two_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("abs") : !nb.unknown
  // expected-error @+1 {{invalid arguments to abs(): got (int64, float64); it accepts (x: number)}}
  %0 = nb.call %f(%i, %x) : (!nb.unknown, si64, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @abs_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("abs") : !nb.unknown
  // expected-error @+1 {{invalid arguments to abs(): got (tuple(int64)); it accepts (x: number)}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @min_one_argument(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("min") : !nb.unknown
  // expected-error @+1 {{invalid arguments to min(): got (int64); it accepts (a: real, b: real, ...) or (iterable: tuple of reals)}}
  %0 = nb.call %f(%i) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @max_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("max") : !nb.unknown
  // expected-error @+1 {{invalid arguments to max(): got (int64, tuple(int64)); it accepts (a: real, b: real, ...) or (iterable: tuple of reals)}}
  %0 = nb.call %f(%i, %t) : (!nb.unknown, si64, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @int_two_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("int") : !nb.unknown
  // expected-error @+1 {{invalid arguments to int(): got (int64, int64); it accepts (x: real)}}
  %0 = nb.call %f(%i, %i) : (!nb.unknown, si64, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @float_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("float") : !nb.unknown
  // expected-error @+1 {{invalid arguments to float(): got (tuple(int64)); it accepts (x: real)}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @bool_no_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %f = nb.global("bool") : !nb.unknown
  // expected-error @+1 {{invalid arguments to bool(): got (); it accepts (x: number)}}
  %0 = nb.call %f() : (!nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @sqrt_two_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "sqrt" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.sqrt(): got (int64, float64); it accepts (x: real)}}
  %0 = nb.call %f(%i, %x) : (!nb.unknown, si64, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @atan2_one_argument(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "atan2" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.atan2(): got (float64); it accepts (y: real, x: real)}}
  %0 = nb.call %f(%x) : (!nb.unknown, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @floor_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "floor" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.floor(): got (tuple(int64)); it accepts (x: real)}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @isnan_two_arguments(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %m = nb.global("math") : !nb.unknown
  %f = nb.getattr %m, "isnan" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to math.isnan(): got (float64, float64); it accepts (x: real)}}
  %0 = nb.call %f(%x, %x) : (!nb.unknown, f64, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @numpy_exp_of_tuple(%i: si64, %x: f64, %t: tuple<si64>) -> !nb.unknown {
  %m = nb.global("numpy") : !nb.unknown
  %f = nb.getattr %m, "exp" : !nb.unknown -> !nb.unknown
  // expected-error @+1 {{invalid arguments to numpy.exp(): got (tuple(int64)); it accepts (x: number)}}
  %0 = nb.call %f(%t) : (!nb.unknown, tuple<si64>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

//===----------------------------------------------------------------------===//
// Merges, returns and untyped values
//===----------------------------------------------------------------------===//

// `x = a if c else None`: merging int and None needs optional types. The
// error is at one assignment, with a note at the other.
func.func @unify_variable(%c: i1, %a: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.truth %0 : !nb.unknown
  cf.cond_br %1, ^then, ^else
^then:
  %2 = nb.arg 1 "a" : !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  // An argument's location is the parameter's: the error is at the branch
  // that carries it, which the frontend puts at the assignment.
  // expected-error @+1 {{cannot unify 'none' and 'int64' for variable 'x' (only a function's result may be None or a number; a variable that may be None is not supported: use a sentinel of the same type, such as -1 or nan)}}
  cf.br ^join
^else:
  // expected-note @+1 {{the other value, of type 'none', comes from here}}
  %3 = nb.const(unit) : !nb.unknown
  nb.store_var %3 to %x : !nb.unknown
  cf.br ^join
^join:
  %4 = nb.load_var %x : !nb.unknown
  nb.return %4 : !nb.unknown
}

// -----

// Two numbers always unify; a number and a tuple do not.
func.func @unify_tuple(%c: i1, %a: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.truth %0 : !nb.unknown
  cf.cond_br %1, ^then, ^else
^then:
  %2 = nb.arg 1 "a" : !nb.unknown
  // expected-error @+1 {{cannot unify 'int64' and 'tuple(int64, int64)' for variable 'x'}}
  %t = nb.build_tuple(%2, %2) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %t to %x : !nb.unknown
  cf.br ^join
^else:
  // expected-note @+1 {{the other value, of type 'int64', comes from here}}
  %3 = nb.const(1) : !nb.unknown
  nb.store_var %3 to %x : !nb.unknown
  cf.br ^join
^join:
  %4 = nb.load_var %x : !nb.unknown
  nb.return %4 : !nb.unknown
}

// -----

// A block argument that stands for no variable.
func.func @unify_block_argument(%c: i1, %a: si64) -> !nb.unknown {
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.arg 1 "a" : !nb.unknown
  // expected-note @+1 {{the other value, of type 'none', comes from here}}
  %2 = nb.const(unit) : !nb.unknown
  %3 = nb.truth %0 : !nb.unknown
  // expected-error @+1 {{cannot unify 'none' and 'int64' for a value merged from several branches}}
  cf.cond_br %3, ^join(%1 : !nb.unknown), ^join(%2 : !nb.unknown)
^join(%x: !nb.unknown):
  nb.return %x : !nb.unknown
}

// -----

// A function that returns None on one path and a tuple on another: only a
// number may be optional. The error is at the second return, with a note
// at the first.
func.func @unify_returns(%c: i1, %a: si64) -> !nb.unknown {
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.arg 1 "a" : !nb.unknown
  %2 = nb.const(unit) : !nb.unknown
  %3 = nb.truth %0 : !nb.unknown
  %t = nb.build_tuple(%1, %1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  cf.cond_br %3, ^then, ^else
^then:
  // expected-note @+1 {{returns 'tuple(int64, int64)' here}}
  nb.return %t : !nb.unknown
^else:
  // expected-error @+1 {{function 'unify_returns' returns 'none' here but 'tuple(int64, int64)' elsewhere, and the two do not unify (only a function's result may be None or a number; a variable that may be None is not supported: use a sentinel of the same type, such as -1 or nan)}}
  nb.return %2 : !nb.unknown
}

// -----

// `while c: x = -x` with x never assigned before: the error is at the
// read, with a note at the variable.
func.func @read_before_assignment(%c: i1) -> !nb.unknown {
  // expected-note @+1 {{the variable is declared here}}
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  cf.br ^head
^head:
  %1 = nb.load_var %x : !nb.unknown
  // expected-error @+1 {{local variable 'x' is read before any assignment}}
  %2 = nb.unary neg %1 : !nb.unknown -> !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  %3 = nb.truth %0 : !nb.unknown
  cf.cond_br %3, ^head, ^exit
^exit:
  %4 = nb.const(1) : !nb.unknown
  nb.return %4 : !nb.unknown
}

// -----

// `y = x + 1` before any `x = ...`: straight-line code.
func.func @read_before_assignment_straight(%a: si64) -> !nb.unknown {
  // expected-note @+1 {{the variable is declared here}}
  %x = nb.var "x"
  %0 = nb.load_var %x : !nb.unknown
  %1 = nb.const(1) : !nb.unknown
  // expected-error @+1 {{local variable 'x' is read before any assignment}}
  %2 = nb.binop add %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  nb.return %2 : !nb.unknown
}

// -----

func.func @read_before_assignment_unnamed(%c: i1) -> !nb.unknown {
  %u = nb.undef : !nb.unknown
  %0 = nb.arg 0 "c" : !nb.unknown
  cf.br ^head(%u : !nb.unknown)
// expected-note @+1 {{the value is here}}
^head(%x: !nb.unknown):
  // expected-error @+1 {{cannot infer the type of a value merged from several branches: it is read before any assignment}}
  %1 = nb.unary neg %x : !nb.unknown -> !nb.unknown
  %2 = nb.truth %0 : !nb.unknown
  cf.cond_br %2, ^head(%1 : !nb.unknown), ^exit
^exit:
  %3 = nb.const(1) : !nb.unknown
  nb.return %3 : !nb.unknown
}

// -----

// An undefined value that stands for no variable.
func.func @undefined_value() -> !nb.unknown {
  // expected-note @+1 {{the value is here}}
  %u = nb.undef : !nb.unknown
  // expected-error @+1 {{cannot infer the type of this value: it is read before any assignment}}
  %0 = nb.unary neg %u : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// Only branches that say what they forward can feed block arguments.
func.func @opaque_branch() -> !nb.unknown {
  %0 = nb.const(1) : !nb.unknown
  // expected-error @+1 {{'test.br' op must implement BranchOpInterface to branch to a block with arguments}}
  "test.br"(%0)[^join] : (!nb.unknown) -> ()
^join(%x: !nb.unknown):
  nb.return %x : !nb.unknown
}

// -----

func.func @float_slice_bound(%a: !nb.array<f64, 1, C>, %x: f64) -> !nb.unknown {
  %n = nb.const(unit) : !nb.none
  // expected-error @+1 {{slice bounds are integers or None, got 'float64'}}
  %s = nb.build_slice(%x, %n, %n) : (f64, !nb.none, !nb.none) -> !nb.unknown
  nb.return %s : !nb.unknown
}

// -----

func.func @index_0d(%a: !nb.array<f64, 0, C>) -> !nb.unknown {
  // expected-error @+1 {{cannot index the 0-d array 'array(float64, 0d, C)' with an integer}}
  %0 = nb.static_getitem %a[0] : !nb.array<f64, 0, C> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @iterate_0d(%arg0: !nb.array<f64, 0, C>) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.array<f64, 0, C>
  // expected-error @+1 {{iteration over a 0-d array 'array(float64, 0d, C)'}}
  %1 = nb.getiter %0 : !nb.array<f64, 0, C> -> !nb.unknown
  %2 = nb.const(0 : i64) : !nb.unknown
  nb.return %2 : !nb.unknown
}

// RUN: mumba-opt %s -split-input-file -verify-diagnostics

// One case per verifier message of the nb dialect, then parser errors.

func.func @var_empty_name() -> !nb.unknown {
  // expected-error @+1 {{'nb.var' op needs a non-empty variable name}}
  %x = nb.var ""
  %0 = nb.const(1) : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @arg_index_too_large(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{'nb.arg' op argument index 1 is out of range for a function of 1 arguments}}
  %0 = nb.arg 1 "b" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @arg_index_negative(%a: si64) -> !nb.unknown {
  // expected-error @+1 {{'nb.arg' op argument index -1 is out of range for a function of 1 arguments}}
  %0 = nb.arg -1 "a" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @arg_of_nullary() -> !nb.unknown {
  // expected-error @+1 {{'nb.arg' op argument index 0 is out of range for a function of 0 arguments}}
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// expected-error @+1 {{'nb.arg' op expects parent op 'func.func'}}
%0 = nb.arg 0 "a" : !nb.unknown

// -----

func.func @const_index() -> !nb.unknown {
  // expected-error @+1 {{'nb.const' op value must be an integer, float, bool, unit (None) or string attribute, got 0 : index}}
  %0 = nb.const(0 : index) : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @const_array() -> !nb.unknown {
  // expected-error @+1 {{'nb.const' op value must be an integer, float, bool, unit (None) or string attribute, got [1, 2]}}
  %0 = nb.const([1, 2]) : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @global_empty_name() -> !nb.unknown {
  // expected-error @+1 {{'nb.global' op needs a non-empty global name}}
  %0 = nb.global("") : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @global_integer() -> !nb.unknown {
  // expected-error @+1 {{'nb.global' op attribute 'value' failed to satisfy constraint: string attribute or flat symbol reference attribute}}
  %0 = nb.global(3) : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @call_kwargs_without_names(%g: !nb.unknown, %y: !nb.unknown) -> !nb.unknown {
  // expected-error @+1 {{'nb.call' op has 1 keyword arguments but 0 keyword names}}
  %0 = nb.call %g() kw(%y) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @call_more_names(%g: !nb.unknown, %y: !nb.unknown) -> !nb.unknown {
  // expected-error @+1 {{'nb.call' op has 1 keyword arguments but 2 keyword names}}
  %0 = nb.call %g() kw(%y) {kwnames = ["a", "b"]} : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @call_names_without_kwargs(%g: !nb.unknown, %y: !nb.unknown) -> !nb.unknown {
  // expected-error @+1 {{'nb.call' op has 0 keyword arguments but 1 keyword names}}
  %0 = nb.call %g(%y) {kwnames = ["a"]} : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

func.func @return_from_nullary_function(%a: !nb.unknown) {
  // expected-error @+1 {{'nb.return' op expects its function to have one result, got 0}}
  nb.return %a : !nb.unknown
}

// -----

func.func @return_two_results(%a: !nb.unknown) -> (!nb.unknown, !nb.unknown) {
  // expected-error @+1 {{'nb.return' op expects its function to have one result, got 2}}
  nb.return %a : !nb.unknown
}

// -----

func.func @return_type_mismatch(%a: si64) -> f64 {
  // expected-error @+1 {{'nb.return' op returns 'si64' from a function that returns 'f64'}}
  nb.return %a : si64
}

// -----

func.func @return_unknown_from_typed(%a: !nb.unknown) -> f64 {
  // expected-error @+1 {{'nb.return' op returns '!nb.unknown' from a function that returns 'f64'}}
  nb.return %a : !nb.unknown
}

// -----

%0 = nb.const(1) : !nb.unknown
// expected-error @+1 {{'nb.return' op expects parent op 'func.func'}}
nb.return %0 : !nb.unknown

// -----

func.func @truth_not_i1(%a: si64) -> si64 {
  // expected-error @+1 {{'nb.truth' op result #0 must be 1-bit signless integer, but got 'f64'}}
  %0 = "nb.truth"(%a) : (si64) -> f64
  nb.return %a : si64
}

// -----

func.func @load_from_a_value(%a: si64) -> si64 {
  // expected-error @+1 {{'nb.load_var' op operand #0 must be a reference to a named variable slot, but got 'si64'}}
  %0 = "nb.load_var"(%a) : (si64) -> si64
  nb.return %a : si64
}

// -----

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{array dtype must be a number type, got 'index'}}
func.func private @array_of_index(!nb.array<index, 1, C>)

// -----

// Integer dtypes say their signedness.
// expected-error @+1 {{array dtype must be a number type, got 'i32'}}
func.func private @array_of_signless(!nb.array<i32, 1, C>)

// -----

// expected-error @+1 {{array dtype must be a number type, got 'f16'}}
func.func private @array_of_f16(!nb.array<f16, 1, C>)

// -----

// expected-error @+1 {{array dtype must be a number type, got 'tuple<si64>'}}
func.func private @array_of_tuples(!nb.array<tuple<si64>, 1, C>)

// -----

// expected-error @+1 {{array rank 33 exceeds NumPy's 32}}
func.func private @array_rank_33(!nb.array<f64, 33, C>)

// -----

//===----------------------------------------------------------------------===//
// Enum keywords
//===----------------------------------------------------------------------===//

// expected-error @+1 {{unknown array layout 'X', expected C, F or A}}
func.func private @array_layout(!nb.array<f64, 1, X>)

// -----

// expected-error @+1 {{expected 'readonly'}}
func.func private @array_access(!nb.array<f64, 1, C, mutable>)

// -----

func.func @binop_kind(%a: si64) -> si64 {
  // expected-error @+1 {{custom op 'nb.binop' expected string or keyword containing one of the following enum values for attribute 'kind' [add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, bitand, bitor, bitxor]}}
  %0 = nb.binop plus %a, %a : (si64, si64) -> si64
  nb.return %0 : si64
}

// -----

func.func @inplace_binop_kind(%a: si64) -> si64 {
  // expected-error @+1 {{custom op 'nb.inplace_binop' expected string or keyword containing one of the following enum values for attribute 'kind'}}
  %0 = nb.inplace_binop iadd %a, %a : (si64, si64) -> si64
  nb.return %0 : si64
}

// -----

func.func @compare_kind(%a: si64) -> i1 {
  // expected-error @+1 {{custom op 'nb.compare' expected string or keyword containing one of the following enum values for attribute 'kind' [eq, ne, lt, le, gt, ge, is, isnot, in, notin]}}
  %0 = nb.compare lessthan %a, %a : (si64, si64) -> i1
  nb.return %0 : i1
}

// -----

func.func @unary_kind(%a: si64) -> si64 {
  // expected-error @+1 {{custom op 'nb.unary' expected string or keyword containing one of the following enum values for attribute 'kind' [neg, pos, not, invert]}}
  %0 = nb.unary minus %a : si64 -> si64
  nb.return %0 : si64
}

// -----

func.func @raise_neither() -> !nb.unknown {
  // expected-error @+1 {{'nb.raise' op raises either an exception value or an exception class with a message, not both or neither}}
  nb.raise
}

// -----

func.func @raise_both(%e: !nb.pyobject) -> !nb.unknown {
  // expected-error @+1 {{'nb.raise' op raises either an exception value or an exception class with a message, not both or neither}}
  nb.raise %e : !nb.pyobject {exc_class = "ValueError"}
}

// -----

func.func @raise_message_only() -> !nb.unknown {
  // expected-error @+1 {{'nb.raise' op raises either an exception value or an exception class with a message, not both or neither}}
  nb.raise {message = "m"}
}

// -----

func.func @raise_value_with_message(%e: !nb.pyobject) -> !nb.unknown {
  // expected-error @+1 {{'nb.raise' op has a message or arguments but no exception class}}
  nb.raise %e : !nb.pyobject {exc_args = "()"}
}

// -----

func.func @raise_message_and_args() -> !nb.unknown {
  // expected-error @+1 {{'nb.raise' op has both a message and arguments; give one}}
  nb.raise {exc_class = "KeyError", message = "m", exc_args = "('m',)"}
}

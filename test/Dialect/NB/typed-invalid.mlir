// RUN: mumba-opt %s -split-input-file -verify-diagnostics

// Typed operators and constant subscripts are checked against their typing
// rules when parsed (NB_RuleCheckedOp): typed IR that no inference would
// produce used to verify and then crash convert-nb-to-std.

func.func @static_getitem_past_the_end(%arg0: tuple<si64, si64>) -> si64 {
  %0 = nb.arg 0 "t" : tuple<si64, si64>
  // expected-error @+1 {{tuple index 5 out of range for 'tuple(int64, int64)'}}
  %1 = nb.static_getitem %0[5] : tuple<si64, si64> -> si64
  nb.return %1 : si64
}

// -----

func.func @static_getitem_wrong_element(%arg0: tuple<si64, f64>) -> si64 {
  %0 = nb.arg 0 "t" : tuple<si64, f64>
  // expected-error @+1 {{'nb.static_getitem' op has result type 'si64' but its typing rule gives 'f64' for these operands}}
  %1 = nb.static_getitem %0[-1] : tuple<si64, f64> -> si64
  nb.return %1 : si64
}

// -----

func.func @truediv_of_bools_typed_bool(%arg0: i1) -> i1 {
  %0 = nb.arg 0 "b" : i1
  // expected-error @+1 {{'nb.binop' op has result type 'i1' but its typing rule gives 'f64' for these operands}}
  %1 = nb.binop truediv %0, %0 : (i1, i1) -> i1
  nb.return %1 : i1
}

// -----

func.func @inplace_of_a_string(%arg0: f64) -> f64 {
  %0 = nb.arg 0 "x" : f64
  %1 = nb.const("s") : !nb.str<"s">
  // expected-error @+1 {{invalid operand types for +: 'float64' and 'str'}}
  %2 = nb.inplace_binop add %0, %1 : (f64, !nb.str<"s">) -> f64
  nb.return %2 : f64
}

// -----

// Arrays compare element-wise (NumPy): the verifier asks the rule, so it
// follows it as the rule learns new operand types.
func.func @compare_arrays_typed_bool(%arg0: !nb.array<f64, 1, C>) -> i1 {
  %0 = nb.arg 0 "a" : !nb.array<f64, 1, C>
  // expected-error @+1 {{'nb.compare' op has result type 'i1' but its typing rule gives '!nb.array<i1, 1, C>' for these operands}}
  %1 = nb.compare lt %0, %0 : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> i1
  nb.return %1 : i1
}

// -----

func.func @compare_array_with_tuple(%arg0: !nb.array<f64, 1, C>, %arg1: tuple<si64>) -> i1 {
  %0 = nb.arg 0 "a" : !nb.array<f64, 1, C>
  %1 = nb.arg 1 "t" : tuple<si64>
  // expected-error @+1 {{'<' is not supported between 'array(float64, 1d, C)' and 'tuple(int64)'}}
  %2 = nb.compare lt %0, %1 : (!nb.array<f64, 1, C>, tuple<si64>) -> i1
  nb.return %2 : i1
}

// -----

func.func @compare_typed_float(%arg0: f64) -> f64 {
  %0 = nb.arg 0 "x" : f64
  // expected-error @+1 {{'nb.compare' op has result type 'f64' but its typing rule gives 'i1' for these operands}}
  %1 = nb.compare lt %0, %0 : (f64, f64) -> f64
  nb.return %1 : f64
}

// -----

func.func @unary_with_a_tuple_result(%arg0: f64) -> tuple<f64> {
  %0 = nb.arg 0 "x" : f64
  // expected-error @+1 {{'nb.unary' op has result type 'tuple<f64>' but its typing rule gives 'f64' for these operands}}
  %1 = nb.unary neg %0 : f64 -> tuple<f64>
  nb.return %1 : tuple<f64>
}

// -----

func.func @invert_a_float(%arg0: f64) -> f64 {
  %0 = nb.arg 0 "x" : f64
  // expected-error @+1 {{bad operand type for unary ~: 'float64'}}
  %1 = nb.unary invert %0 : f64 -> f64
  nb.return %1 : f64
}

// -----

func.func @truth_of_an_array(%arg0: !nb.array<f64, 1, C>) -> i1 {
  %0 = nb.arg 0 "a" : !nb.array<f64, 1, C>
  // expected-error @+1 {{cannot use an array 'array(float64, 1d, C)' as a condition}}
  %1 = nb.truth %0 : !nb.array<f64, 1, C>
  nb.return %1 : i1
}

// -----

// Untyped operators are not checked: the rule runs when inference types them.
func.func @untyped_is_fine(%arg0: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.binop truediv %0, %0 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %2 = nb.static_getitem %1[7] : !nb.unknown -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// RUN: mumba-opt %s -split-input-file -verify-diagnostics --mumba-export-c-entry

// Only lowered functions, whose first result is the status, can be
// exported.
// expected-error @+1 {{'func.func' op cannot be exported: its first result is not the i32 status}}
func.func @no_status(%x: f64) -> f64 {
  return %x : f64
}

// -----

// expected-error @+1 {{'func.func' op cannot be exported: argument type 'tuple<i64, i64>' has no C equivalent}}
func.func @tuple_arg(%t: tuple<i64, i64>) -> i32 {
  %s = arith.constant 0 : i32
  return %s : i32
}

// -----

// expected-error @+1 {{'func.func' op cannot be exported: result type 'index' has no C equivalent}}
func.func @index_result(%i: i64) -> (i32, index) {
  %s = arith.constant 0 : i32
  %c = arith.constant 0 : index
  return %s, %c : i32, index
}


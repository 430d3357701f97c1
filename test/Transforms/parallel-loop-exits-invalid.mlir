// RUN: mumba-opt %s -split-input-file -verify-diagnostics --mumba-parallel-loop-exits

// A prange body may leave the loop only by raising (a return from a raise
// path): a `break` that the frontend did not reject is an error here.
func.func @breaks(%n: i64) -> (i32, i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^head(%c0, %c0 : i64, i64)
^head(%s: i64, %i: i64):
  %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64
  %next = arith.addi %i, %c1 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %big = arith.cmpi sgt, %i, %c1 : i64
  // expected-error @+1 {{a prange loop may be left only by finishing or by raising ('break' and 'return' are not allowed in its body)}}
  cf.cond_br %big, ^exit, ^next
^next:
  %t = arith.addi %s, %i : i64
  cf.br ^head(%t, %next : i64, i64)
^exit:
  %ok0 = arith.constant 0 : i32
  return %ok0, %s : i32, i64
}

// -----

// Nor may it return a value (status 0): that is no raise.
func.func @returns(%n: i64) -> (i32, i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %ok0 = arith.constant 0 : i32
  cf.br ^head(%c0, %c0 : i64, i64)
^head(%s: i64, %i: i64):
  %more = arith.cmpi slt, %i, %n {mumba.parallel} : i64
  %next = arith.addi %i, %c1 : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %big = arith.cmpi sgt, %i, %c1 : i64
  // expected-error @+1 {{a prange loop may be left only by finishing or by raising}}
  cf.cond_br %big, ^early, ^next
^early:
  return %ok0, %i : i32, i64
^next:
  %t = arith.addi %s, %i : i64
  cf.br ^head(%t, %next : i64, i64)
^exit:
  return %ok0, %s : i32, i64
}

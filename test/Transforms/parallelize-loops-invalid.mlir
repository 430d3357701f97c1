// RUN: mumba-opt %s -split-input-file -verify-diagnostics --mumba-parallelize-loops

// `t = a[i]` read after the loop: the last iteration's value is no
// reduction, and the threads would race for it. The message names the
// variable (the NameLoc the SSA construction gave the argument).
func.func @last_value(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  // expected-error @+1 {{prange loop: 't' is assigned in the loop's body and read after it or by a later iteration, but it is not a reduction (+=, -=, *=, |=, &=, ^= or min/max of a scalar); the iterations would race for it}}
  %r = "scf.for"(%c0, %n, %c1, %zero) ({
  ^bb0(%i: i64, %t: f64 loc("t"("input.py":3:5))):
    %x = arith.index_cast %i : i64 to index
    // expected-note @+1 {{the value an iteration leaves}}
    %v = memref.load %a[%x] : memref<?xf64>
    scf.yield %v : f64
  }) {mumba.parallel} : (i64, i64, i64, f64) -> f64
  return %r : f64
}

// -----

// Mixing kinds (`s = s * 2 + x`) is no reduction either.
func.func @mixed(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %two = arith.constant 2.0 : f64
  // expected-error @+1 {{prange loop: a variable is assigned in the loop's body}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %two) -> (f64) : i64 {
    %x = arith.index_cast %i : i64 to index
    %v = memref.load %a[%x] : memref<?xf64>
    %d = arith.mulf %s, %two : f64
    // expected-note @+1 {{the value an iteration leaves}}
    %t = arith.addf %d, %v : f64
    scf.yield %t : f64
  } {mumba.parallel}
  return %r : f64
}

// -----

// Nor is a value the body reads otherwise (here, stores).
func.func @read(%a: memref<?xf64>, %n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  // expected-error @+1 {{is not a reduction}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %zero) -> (f64) : i64 {
    %x = arith.index_cast %i : i64 to index
    memref.store %s, %a[%x] : memref<?xf64>
    %v = memref.load %a[%x] : memref<?xf64>
    // expected-note @+1 {{the value an iteration leaves}}
    %t = arith.addf %s, %v : f64
    scf.yield %t : f64
  } {mumba.parallel}
  return %r : f64
}

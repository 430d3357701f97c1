// RUN: mumba-opt %s -verify-diagnostics "--mumba-export-c-entry=entries=f=g"

// The export name belongs to another function.
// expected-error @+1 {{cannot export 'g': the name is taken}}
module {
  func.func @f() -> i32 {
    %s = arith.constant 0 : i32
    return %s : i32
  }
  func.func @g() -> i32 {
    %s = arith.constant 0 : i32
    return %s : i32
  }
}

// RUN: mumba-opt %s -split-input-file -verify-diagnostics \
// RUN:   "--mumba-export-c-entry=entries=missing"

// expected-error @+1 {{no function 'missing' to export}}
module {
  func.func @present() -> i32 {
    %s = arith.constant 0 : i32
    return %s : i32
  }
}

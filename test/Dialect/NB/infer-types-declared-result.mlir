// RUN: mumba-opt %s -split-input-file -verify-diagnostics -nb-infer-types | FileCheck %s

// An explicit signature's return type (nb.declared_result) wins over what
// the body returns: the returned int64 is cast to the declared float64 in
// the one function, with no wrapper around it.
// CHECK-LABEL: func.func @twice
// CHECK-SAME: (%{{.*}}: si64) -> f64
// CHECK: %[[P:.*]] = nb.binop add %{{.*}}, %{{.*}} : (si64, si64) -> si64
// CHECK: %[[C:.*]] = nb.cast %[[P]] : si64 to f64
// CHECK: nb.return %[[C]] : f64
func.func @twice(%arg0: si64) -> !nb.unknown attributes {nb.declared_result = f64} {
  %0 = nb.arg 0 "x" : si64
  %1 = nb.binop add %0, %0 : (si64, si64) -> !nb.unknown
  nb.return %1 : !nb.unknown
}

// -----

// Where the declared type is the inferred one, nothing is cast.
// CHECK-LABEL: func.func @same
// CHECK-SAME: (%{{.*}}: f64) -> f64
// CHECK-NOT: nb.cast
func.func @same(%arg0: f64) -> !nb.unknown attributes {nb.declared_result = f64} {
  %0 = nb.arg 0 "x" : f64
  nb.return %0 : f64
}

// -----

func.func @array_as_float(%arg0: !nb.array<f64, 1, A>) -> !nb.unknown attributes {nb.declared_result = f64} {
  %0 = nb.arg 0 "a" : !nb.array<f64, 1, A>
  // expected-error @+1 {{function 'array_as_float' is declared to return 'float64', but cannot cast 'array(float64, 1d, A)' to it}}
  nb.return %0 : !nb.array<f64, 1, A>
}

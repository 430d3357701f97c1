// RUN: mumba-opt %s -split-input-file -nb-infer-types | FileCheck %s

// Operators on arrays have NumPy's dtypes: promote_types between arrays,
// value-based casting for literals (int8 + 1000 is int16), a scalar of a
// higher kind bringing its own (int32 * 2.0 is float64), truediv of ints
// float64, comparisons bool; the rank is the broadcast rank.
// CHECK-LABEL: func.func @dtypes
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (!nb.array<si8, 1, C>, !nb.array<ui8, 2, A>) -> !nb.array<si16, 2, C>
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (!nb.array<si8, 1, C>, si64) -> !nb.array<si16, 1, C>
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (!nb.array<si8, 1, C>, f64) -> !nb.array<f64, 1, C>
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (!nb.array<si8, 1, C>, !nb.array<si8, 1, C>) -> !nb.array<f64, 1, C>
// CHECK: nb.compare lt %{{.*}}, %{{.*}} : (!nb.array<si8, 1, C>, si64) -> !nb.array<i1, 1, C>
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (!nb.array<f32, 1, C>, f64) -> !nb.array<f32, 1, C>
func.func @dtypes(%a: !nb.array<si8, 1, C>, %b: !nb.array<ui8, 2, A>, %f: !nb.array<f32, 1, C>) -> !nb.unknown {
  %0 = nb.binop add %a, %b : (!nb.array<si8, 1, C>, !nb.array<ui8, 2, A>) -> !nb.unknown
  %k = nb.const(1000 : i64) : !nb.unknown
  %1 = nb.binop add %a, %k : (!nb.array<si8, 1, C>, !nb.unknown) -> !nb.unknown
  %two = nb.const(2.0) : !nb.unknown
  %2 = nb.binop mul %a, %two : (!nb.array<si8, 1, C>, !nb.unknown) -> !nb.unknown
  %3 = nb.binop truediv %a, %a : (!nb.array<si8, 1, C>, !nb.array<si8, 1, C>) -> !nb.unknown
  %4 = nb.compare lt %a, %k : (!nb.array<si8, 1, C>, !nb.unknown) -> !nb.unknown
  %5 = nb.binop mul %f, %two : (!nb.array<f32, 1, C>, !nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// In place, the result is the left operand's array.
// CHECK-LABEL: func.func @inplace
// CHECK: nb.inplace_binop add %{{.*}}, %{{.*}} : (!nb.array<f32, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f32, 1, C>
func.func @inplace(%a: !nb.array<f32, 1, C>, %b: !nb.array<f64, 1, C>) -> !nb.unknown {
  %0 = nb.inplace_binop add %a, %b : (!nb.array<f32, 1, C>, !nb.array<f64, 1, C>) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

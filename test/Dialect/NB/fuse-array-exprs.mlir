// RUN: mumba-opt %s -split-input-file -nb-fuse-array-exprs | FileCheck %s

// A tree of element-wise operators becomes one nb.arrayexpr: each input
// once, operands converted to the dtype NumPy computes in (int32 with
// float64 is float64), the scalar body typed by the scalar rules.
// CHECK-LABEL: func.func @tree
// CHECK: %[[R:.*]] = nb.arrayexpr(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.array<f64, 1, C>, !nb.array<si32, 2, A>, f64) -> !nb.array<f64, 2, C> {
// CHECK: ^bb0(%[[X:.*]]: f64, %[[Y:.*]]: si32, %[[Z:.*]]: f64):
// CHECK: %[[YF:.*]] = nb.cast %[[Y]] : si32 to f64
// CHECK: %[[M:.*]] = nb.binop mul %[[X]], %[[YF]] : (f64, f64) -> f64
// CHECK: %[[S:.*]] = nb.binop add %[[M]], %[[Z]] : (f64, f64) -> f64
// CHECK: %[[N:.*]] = nb.unary neg %[[S]] : f64 -> f64
// CHECK: nb.yield %[[N]] : f64
// CHECK-NOT: nb.binop {{.*}}!nb.array
// CHECK: nb.return %[[R]]
func.func @tree(%arg0: !nb.array<f64, 1, C>, %arg1: !nb.array<si32, 2, A>, %arg2: f64) -> !nb.array<f64, 2, C> {
  %0 = nb.binop mul %arg0, %arg1 : (!nb.array<f64, 1, C>, !nb.array<si32, 2, A>) -> !nb.array<f64, 2, C>
  %1 = nb.binop add %0, %arg2 : (!nb.array<f64, 2, C>, f64) -> !nb.array<f64, 2, C>
  %2 = nb.unary neg %1 : !nb.array<f64, 2, C> -> !nb.array<f64, 2, C>
  nb.return %2 : !nb.array<f64, 2, C>
}

// -----

// int32 arithmetic wraps at 32 bits: computed by the scalar rule (int64)
// and converted back; the same input used twice is one input.
// CHECK-LABEL: func.func @narrow
// CHECK: nb.arrayexpr(%{{.*}}) : (!nb.array<si32, 1, C>) -> !nb.array<si32, 1, C>
// CHECK: ^bb0(%[[X:.*]]: si32):
// CHECK: %[[P:.*]] = nb.binop mul %[[X]], %[[X]] : (si32, si32) -> si64
// CHECK: %[[C:.*]] = nb.cast %[[P]] : si64 to si32
// CHECK: nb.yield %[[C]] : si32
func.func @narrow(%arg0: !nb.array<si32, 1, C>) -> !nb.array<si32, 1, C> {
  %0 = nb.binop mul %arg0, %arg0 : (!nb.array<si32, 1, C>, !nb.array<si32, 1, C>) -> !nb.array<si32, 1, C>
  nb.return %0 : !nb.array<si32, 1, C>
}

// -----

// An intermediate used twice is not fused into its users: it is an
// expression of its own, and an input of the others.
// CHECK-LABEL: func.func @used_twice
// CHECK: %[[T:.*]] = nb.arrayexpr(%arg0) :
// CHECK: nb.arrayexpr(%[[T]], %arg0)
// CHECK: nb.arrayexpr(%[[T]], %arg0)
func.func @used_twice(%arg0: !nb.array<f64, 1, C>) -> tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>> {
  %0 = nb.binop add %arg0, %arg0 : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C>
  %1 = nb.binop mul %0, %arg0 : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C>
  %2 = nb.binop sub %0, %arg0 : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C>
  %3 = nb.build_tuple(%1, %2) : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>>
  nb.return %3 : tuple<!nb.array<f64, 1, C>, !nb.array<f64, 1, C>>
}

// -----

// A store between producer and user keeps them apart: the producer reads
// the array before the store, as the program says.
// CHECK-LABEL: func.func @store_between
// CHECK: %[[T:.*]] = nb.arrayexpr(%arg0, %{{.*}}) :
// CHECK: nb.setitem
// CHECK: nb.arrayexpr(%[[T]], %arg0)
func.func @store_between(%arg0: !nb.array<f64, 1, C>, %arg1: si64) -> !nb.array<f64, 1, C> {
  %c = nb.const(2.0) : f64
  %0 = nb.binop mul %arg0, %c : (!nb.array<f64, 1, C>, f64) -> !nb.array<f64, 1, C>
  nb.setitem %arg0[%arg1], %c : (!nb.array<f64, 1, C>, si64, f64) -> ()
  %1 = nb.binop add %0, %arg0 : (!nb.array<f64, 1, C>, !nb.array<f64, 1, C>) -> !nb.array<f64, 1, C>
  nb.return %1 : !nb.array<f64, 1, C>
}

// -----

// a += b: the expression of a + b, stored back into a; the result is a.
// CHECK-LABEL: func.func @inplace
// CHECK: %[[E:.*]] = nb.arrayexpr(%arg0, %arg1) : (!nb.array<f32, 1, C>, f32) -> !nb.array<f32, 1, C>
// CHECK: nb.copyto %arg0, %[[E]] : !nb.array<f32, 1, C>, !nb.array<f32, 1, C>
// CHECK: nb.return %arg0
func.func @inplace(%arg0: !nb.array<f32, 1, C>, %arg1: f32) -> !nb.array<f32, 1, C> {
  %0 = nb.inplace_binop add %arg0, %arg1 : (!nb.array<f32, 1, C>, f32) -> !nb.array<f32, 1, C>
  nb.return %0 : !nb.array<f32, 1, C>
}

// -----

// u[1:] = v: the view, then nb.copyto into it.
// CHECK-LABEL: func.func @slice_assign
// CHECK: %[[V:.*]] = nb.getitem %arg0[%{{.*}}] : (!nb.array<f64, 1, C>, !nb.slice) -> !nb.array<f64, 1, A>
// CHECK: nb.copyto %[[V]], %arg1 : !nb.array<f64, 1, A>, f64
func.func @slice_assign(%arg0: !nb.array<f64, 1, C>, %arg1: f64) -> !nb.array<f64, 1, C> {
  %one = nb.const(1 : i64) : si64
  %none = nb.const(unit) : !nb.none
  %s = nb.build_slice(%one, %none, %none) : (si64, !nb.none, !nb.none) -> !nb.slice
  nb.setitem %arg0[%s], %arg1 : (!nb.array<f64, 1, C>, !nb.slice, f64) -> ()
  nb.return %arg0 : !nb.array<f64, 1, C>
}

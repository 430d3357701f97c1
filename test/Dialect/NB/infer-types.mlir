// RUN: mumba-opt %s -nb-infer-types | FileCheck %s
// Typed nb is a fixed point: inferring again changes nothing.
// RUN: mumba-opt %s -nb-infer-types | mumba-opt -nb-infer-types | FileCheck %s

// Input is what nb-reconstruct-ssa leaves: no variable slots, every value
// !nb.unknown except the entry functions' argument types.

//===----------------------------------------------------------------------===//
// The motivating case: `t = 0; for i in range(len(a)): t += a[i]; return t`
//===----------------------------------------------------------------------===//

// t starts as an int64 and meets a float64 around the loop: the header
// argument is float64 and the initial 0 is cast on the way in.
// CHECK-LABEL: func.func @sum1d
// CHECK-SAME: (%{{.*}}: !nb.array<f64, 1, C>) -> f64
// CHECK: %[[A:.*]] = nb.arg 0 "a" : !nb.array<f64, 1, C>
// CHECK: %[[ZERO:.*]] = nb.const(0 : i64) : si64
// CHECK: %[[RANGE:.*]] = nb.global("range") : !nb.function<"range">
// CHECK: %[[LEN:.*]] = nb.global("len") : !nb.function<"len">
// CHECK: %[[N:.*]] = nb.call %[[LEN]](%[[A]]) : (!nb.function<"len">, !nb.array<f64, 1, C>) -> si64
// CHECK: %[[R:.*]] = nb.call %[[RANGE]](%[[N]]) : (!nb.function<"range">, si64) -> !nb.range<si64>
// CHECK: %[[IT:.*]] = nb.getiter %[[R]] : !nb.range<si64> -> !nb.range_iter<si64>
// CHECK: %[[ZF:.*]] = nb.cast %[[ZERO]] : si64 to f64
// CHECK: cf.br ^[[HEAD:bb[0-9]+]](%[[ZF]] : f64)
// CHECK: ^[[HEAD]](%[[T:.*]]: f64):
// CHECK: %[[P:.*]] = nb.iternext %[[IT]] : !nb.range_iter<si64> -> !nb.pair<si64, i1>
// CHECK: %[[OK:.*]] = nb.pair_second %[[P]] : !nb.pair<si64, i1> -> i1
// CHECK: nb.truth %[[OK]] : i1
// CHECK: %[[I:.*]] = nb.pair_first %[[P]] : !nb.pair<si64, i1> -> si64
// CHECK: %[[X:.*]] = nb.getitem %[[A]][%[[I]]] : (!nb.array<f64, 1, C>, si64) -> f64
// CHECK: %[[NEXT:.*]] = nb.inplace_binop add %[[T]], %[[X]] : (f64, f64) -> f64
// CHECK: cf.br ^[[HEAD]](%[[NEXT]] : f64)
// CHECK: nb.return %[[T]] : f64
func.func @sum1d(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  %2 = nb.global("range") : !nb.unknown
  %3 = nb.global("len") : !nb.unknown
  %4 = nb.call %3(%0) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.call %2(%4) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %6 = nb.getiter %5 : !nb.unknown -> !nb.unknown
  cf.br ^bb1(%1 : !nb.unknown)
^bb1(%7: !nb.unknown):
  %8 = nb.iternext %6 : !nb.unknown -> !nb.unknown
  %9 = nb.pair_second %8 : !nb.unknown -> !nb.unknown
  %10 = nb.truth %9 : !nb.unknown
  cf.cond_br %10, ^bb2, ^bb3
^bb2:
  %11 = nb.pair_first %8 : !nb.unknown -> !nb.unknown
  %12 = nb.getitem %0[%11] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %13 = nb.inplace_binop add %7, %12 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  cf.br ^bb1(%13 : !nb.unknown)
^bb3:
  nb.return %7 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

// Python and NumPy promotion: int and float mix to float, integer arithmetic
// happens in 64 bits, bool arithmetic is int, / is true division.
// CHECK-LABEL: func.func @binary_promotion
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (si64, f64) -> f64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (si32, si32) -> si64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (f32, f32) -> f32
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (f32, si64) -> f64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (f32, si16) -> f32
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui64, si64) -> f64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui8, ui8) -> ui64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui64, ui64) -> ui64
// CHECK: nb.binop sub %{{.*}}, %{{.*}} : (ui64, i1) -> ui64
// CHECK: nb.inplace_binop add %{{.*}}, %{{.*}} : (i1, ui8) -> ui64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (i1, i1) -> si64
// CHECK: nb.binop bitand %{{.*}}, %{{.*}} : (i1, i1) -> i1
// CHECK: nb.binop bitor %{{.*}}, %{{.*}} : (i1, si64) -> si64
// CHECK: nb.binop lshift %{{.*}}, %{{.*}} : (si32, si16) -> si64
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (si64, si64) -> f64
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (i1, i1) -> f64
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (f32, f32) -> f32
// CHECK: nb.binop floordiv %{{.*}}, %{{.*}} : (si64, si64) -> si64
// CHECK: nb.binop mod %{{.*}}, %{{.*}} : (f64, si64) -> f64
// CHECK: nb.binop pow %{{.*}}, %{{.*}} : (si64, si64) -> si64
// CHECK: nb.binop pow %{{.*}}, %{{.*}} : (f64, si64) -> f64
func.func @binary_promotion(%a: si64, %b: f64, %c: si32, %d: f32, %e: si16,
                            %u: ui64, %v: ui8, %t: i1) -> !nb.unknown {
  %0 = nb.binop add %a, %b : (si64, f64) -> !nb.unknown
  %1 = nb.binop add %c, %c : (si32, si32) -> !nb.unknown
  %2 = nb.binop add %d, %d : (f32, f32) -> !nb.unknown
  %3 = nb.binop add %d, %a : (f32, si64) -> !nb.unknown
  %4 = nb.binop add %d, %e : (f32, si16) -> !nb.unknown
  %5 = nb.binop add %u, %a : (ui64, si64) -> !nb.unknown
  %6 = nb.binop add %v, %v : (ui8, ui8) -> !nb.unknown
  %7 = nb.binop add %u, %u : (ui64, ui64) -> !nb.unknown
  %8 = nb.binop sub %u, %t : (ui64, i1) -> !nb.unknown
  %9 = nb.inplace_binop add %t, %v : (i1, ui8) -> !nb.unknown
  %10 = nb.binop add %t, %t : (i1, i1) -> !nb.unknown
  %11 = nb.binop bitand %t, %t : (i1, i1) -> !nb.unknown
  %12 = nb.binop bitor %t, %a : (i1, si64) -> !nb.unknown
  %13 = nb.binop lshift %c, %e : (si32, si16) -> !nb.unknown
  %14 = nb.binop truediv %a, %a : (si64, si64) -> !nb.unknown
  %15 = nb.binop truediv %t, %t : (i1, i1) -> !nb.unknown
  %16 = nb.binop truediv %d, %d : (f32, f32) -> !nb.unknown
  %17 = nb.binop floordiv %a, %a : (si64, si64) -> !nb.unknown
  %18 = nb.binop mod %b, %a : (f64, si64) -> !nb.unknown
  %19 = nb.binop pow %a, %a : (si64, si64) -> !nb.unknown
  %20 = nb.binop pow %b, %a : (f64, si64) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// Comparisons give bool; None compares with `is` and `==`.
// CHECK-LABEL: func.func @comparisons
// CHECK-SAME: -> i1
// CHECK: nb.compare lt %{{.*}}, %{{.*}} : (si64, f64) -> i1
// CHECK: nb.compare ge %{{.*}}, %{{.*}} : (ui8, si32) -> i1
// CHECK: nb.compare is %{{.*}}, %{{.*}} : (!nb.none, si64) -> i1
// CHECK: nb.compare isnot %{{.*}}, %{{.*}} : (si64, si64) -> i1
// CHECK: nb.compare eq %{{.*}}, %{{.*}} : (!nb.none, !nb.none) -> i1
// CHECK: nb.return %{{.*}} : i1
func.func @comparisons(%a: si64, %b: f64, %v: ui8, %c: si32, %n: !nb.none) -> !nb.unknown {
  %0 = nb.compare lt %a, %b : (si64, f64) -> !nb.unknown
  %1 = nb.compare ge %v, %c : (ui8, si32) -> !nb.unknown
  %2 = nb.compare is %n, %a : (!nb.none, si64) -> !nb.unknown
  %3 = nb.compare isnot %a, %a : (si64, si64) -> !nb.unknown
  %4 = nb.compare eq %n, %n : (!nb.none, !nb.none) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// Unary arithmetic on a bool gives int64 (a bool is an int), on other
// numbers keeps their type, as NumPy's scalars do; `not` gives bool;
// truthiness of numbers and None.
// CHECK-LABEL: func.func @unary
// CHECK: nb.unary neg %{{.*}} : i1 -> si64
// CHECK: nb.unary invert %{{.*}} : si32 -> si32
// CHECK: nb.unary neg %{{.*}} : ui8 -> ui8
// CHECK: nb.unary pos %{{.*}} : f32 -> f32
// CHECK: nb.unary neg %{{.*}} : f64 -> f64
// CHECK: nb.unary not %{{.*}} : f64 -> i1
// CHECK: nb.unary not %{{.*}} : !nb.none -> i1
// CHECK: nb.truth %{{.*}} : f64
// CHECK: nb.truth %{{.*}} : !nb.none
func.func @unary(%t: i1, %c: si32, %f: f32, %b: f64, %n: !nb.none, %u: ui8) -> !nb.unknown {
  %0 = nb.unary neg %t : i1 -> !nb.unknown
  %1 = nb.unary invert %c : si32 -> !nb.unknown
  %u1 = nb.unary neg %u : ui8 -> !nb.unknown
  %2 = nb.unary pos %f : f32 -> !nb.unknown
  %3 = nb.unary neg %b : f64 -> !nb.unknown
  %4 = nb.unary not %b : f64 -> !nb.unknown
  %5 = nb.unary not %n : !nb.none -> !nb.unknown
  %6 = nb.truth %b : f64
  %7 = nb.truth %n : !nb.none
  nb.return %0 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Calls to the template registry
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @builtins
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"min">, si64, f64) -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}, %{{.*}}) : (!nb.function<"max">, si64, i1, si64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"max">, f32, f32) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"abs">, i1) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"abs">, f32) -> f32
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"int">, f64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"float">, si64) -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"bool">, f64) -> i1
func.func @builtins(%a: si64, %b: f64, %f: f32, %t: i1) -> !nb.unknown {
  %min = nb.global("min") : !nb.unknown
  %max = nb.global("max") : !nb.unknown
  %0 = nb.call %min(%a, %b) : (!nb.unknown, si64, f64) -> !nb.unknown
  %1 = nb.call %max(%a, %t, %a) : (!nb.unknown, si64, i1, si64) -> !nb.unknown
  %2 = nb.call %max(%f, %f) : (!nb.unknown, f32, f32) -> !nb.unknown
  %abs = nb.global("abs") : !nb.unknown
  %3 = nb.call %abs(%t) : (!nb.unknown, i1) -> !nb.unknown
  %4 = nb.call %abs(%f) : (!nb.unknown, f32) -> !nb.unknown
  %int = nb.global("int") : !nb.unknown
  %5 = nb.call %int(%b) : (!nb.unknown, f64) -> !nb.unknown
  %float = nb.global("float") : !nb.unknown
  %6 = nb.call %float(%a) : (!nb.unknown, si64) -> !nb.unknown
  %bool = nb.global("bool") : !nb.unknown
  %7 = nb.call %bool(%b) : (!nb.unknown, f64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// Modules and their attributes: functions are compile-time values, math.pi
// is a float64 constant; math.* gives float64 (math.floor an int), numpy.*
// keeps float32.
// CHECK-LABEL: func.func @modules
// CHECK: %[[MATH:.*]] = nb.global("math") : !nb.module<"math">
// CHECK: %[[SQRT:.*]] = nb.getattr %[[MATH]], "sqrt" : !nb.module<"math"> -> !nb.function<"math.sqrt">
// CHECK: nb.call %[[SQRT]](%{{.*}}) : (!nb.function<"math.sqrt">, si64) -> f64
// CHECK: nb.getattr %[[MATH]], "pi" : !nb.module<"math"> -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.floor">, f64) -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.function<"math.hypot">, si64, f32) -> f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.function<"math.isnan">, f64) -> i1
// CHECK: %[[NP:.*]] = nb.global("numpy") : !nb.module<"numpy">
// CHECK: %[[NPSQRT:.*]] = nb.getattr %[[NP]], "sqrt" : !nb.module<"numpy"> -> !nb.function<"numpy.sqrt">
// CHECK: nb.call %[[NPSQRT]](%{{.*}}) : (!nb.function<"numpy.sqrt">, f32) -> f32
// CHECK: nb.call %[[NPSQRT]](%{{.*}}) : (!nb.function<"numpy.sqrt">, si64) -> f64
func.func @modules(%a: si64, %b: f64, %f: f32) -> !nb.unknown {
  %math = nb.global("math") : !nb.unknown
  %sqrt = nb.getattr %math, "sqrt" : !nb.unknown -> !nb.unknown
  %0 = nb.call %sqrt(%a) : (!nb.unknown, si64) -> !nb.unknown
  %pi = nb.getattr %math, "pi" : !nb.unknown -> !nb.unknown
  %floor = nb.getattr %math, "floor" : !nb.unknown -> !nb.unknown
  %1 = nb.call %floor(%b) : (!nb.unknown, f64) -> !nb.unknown
  %hypot = nb.getattr %math, "hypot" : !nb.unknown -> !nb.unknown
  %2 = nb.call %hypot(%a, %f) : (!nb.unknown, si64, f32) -> !nb.unknown
  %isnan = nb.getattr %math, "isnan" : !nb.unknown -> !nb.unknown
  %3 = nb.call %isnan(%b) : (!nb.unknown, f64) -> !nb.unknown
  %np = nb.global("numpy") : !nb.unknown
  %npsqrt = nb.getattr %np, "sqrt" : !nb.unknown -> !nb.unknown
  %4 = nb.call %npsqrt(%f) : (!nb.unknown, f32) -> !nb.unknown
  %5 = nb.call %npsqrt(%a) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// NumPy scalar types are compile-time values that convert when called;
// a.copy is a method bound to its array.
// CHECK-LABEL: func.func @dtypes_and_methods
// CHECK-SAME: -> f32
// CHECK: %[[F32:.*]] = nb.getattr %{{.*}}, "float32" : !nb.module<"numpy"> -> !nb.dtype<f32>
// CHECK: nb.call %[[F32]](%{{.*}}) : (!nb.dtype<f32>, f64) -> f32
// CHECK: %[[COPY:.*]] = nb.getattr %{{.*}}, "copy" : !nb.array<f64, 1, C> -> !nb.bound_method<"copy", !nb.array<f64, 1, C>>
// CHECK: nb.call %[[COPY]]() : (!nb.bound_method<"copy", !nb.array<f64, 1, C>>) -> !nb.array<f64, 1, C>
func.func @dtypes_and_methods(%x: f64, %a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %np = nb.global("numpy") : !nb.unknown
  %f32 = nb.getattr %np, "float32" : !nb.unknown -> !nb.unknown
  %0 = nb.call %f32(%x) : (!nb.unknown, f64) -> !nb.unknown
  %copy = nb.getattr %a, "copy" : !nb.array<f64, 1, C> -> !nb.unknown
  %1 = nb.call %copy() : (!nb.unknown) -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// range() takes ints and bools; len() of a tuple and of a range.
// CHECK-LABEL: func.func @ranges
// CHECK: %[[T:.*]] = nb.build_tuple(%{{.*}}, %{{.*}}) : (si64, f64) -> tuple<si64, f64>
// CHECK: %[[N:.*]] = nb.call %{{.*}}(%[[T]]) : (!nb.function<"len">, tuple<si64, f64>) -> si64
// CHECK: %[[R:.*]] = nb.call %{{.*}}(%{{.*}}, %[[N]], %{{.*}}) : (!nb.function<"range">, si32, si64, i1) -> !nb.range<si64>
// CHECK: nb.call %{{.*}}(%[[R]]) : (!nb.function<"len">, !nb.range<si64>) -> si64
// CHECK: %[[IT:.*]] = nb.getiter %[[R]] : !nb.range<si64> -> !nb.range_iter<si64>
// CHECK: %[[P:.*]] = nb.iternext %[[IT]] : !nb.range_iter<si64> -> !nb.pair<si64, i1>
// CHECK: nb.pair_first %[[P]] : !nb.pair<si64, i1> -> si64
// CHECK: nb.pair_second %[[P]] : !nb.pair<si64, i1> -> i1
func.func @ranges(%a: si64, %b: f64, %c: si32, %t: i1) -> !nb.unknown {
  %tup = nb.build_tuple(%a, %b) : (si64, f64) -> !nb.unknown
  %len = nb.global("len") : !nb.unknown
  %n = nb.call %len(%tup) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %range = nb.global("range") : !nb.unknown
  %r = nb.call %range(%c, %n, %t) : (!nb.unknown, si32, !nb.unknown, i1) -> !nb.unknown
  %m = nb.call %len(%r) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %it = nb.getiter %r : !nb.unknown -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %0 = nb.pair_first %p : !nb.unknown -> !nb.unknown
  %1 = nb.pair_second %p : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// `for x in a` over a 1-D array.
// CHECK-LABEL: func.func @array_iteration
// CHECK-SAME: -> f32
// CHECK: %[[IT:.*]] = nb.getiter %{{.*}} : !nb.array<f32, 1, A> -> !nb.array_iter<!nb.array<f32, 1, A>>
// CHECK: %[[P:.*]] = nb.iternext %[[IT]] : !nb.array_iter<!nb.array<f32, 1, A>> -> !nb.pair<f32, i1>
// CHECK: nb.pair_first %[[P]] : !nb.pair<f32, i1> -> f32
// CHECK: nb.pair_second %[[P]] : !nb.pair<f32, i1> -> i1
func.func @array_iteration(%a: !nb.array<f32, 1, A>) -> !nb.unknown {
  %it = nb.getiter %a : !nb.array<f32, 1, A> -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  %0 = nb.pair_first %p : !nb.unknown -> !nb.unknown
  %1 = nb.pair_second %p : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Arrays and tuples
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @array_attributes
// CHECK: %[[SHAPE:.*]] = nb.getattr %{{.*}}, "shape" : !nb.array<f32, 2, F> -> tuple<si64, si64>
// CHECK: nb.static_getitem %[[SHAPE]][0] : tuple<si64, si64> -> si64
// CHECK: nb.static_getitem %[[SHAPE]][-1] : tuple<si64, si64> -> si64
// CHECK: nb.getitem %[[SHAPE]][%{{.*}}] : (tuple<si64, si64>, i1) -> si64
// CHECK: nb.getattr %{{.*}}, "strides" : !nb.array<f32, 2, F> -> tuple<si64, si64>
// CHECK: nb.getattr %{{.*}}, "ndim" : !nb.array<f32, 2, F> -> si64
// CHECK: nb.getattr %{{.*}}, "size" : !nb.array<f32, 2, F> -> si64
// CHECK: nb.getattr %{{.*}}, "itemsize" : !nb.array<f32, 2, F> -> si64
// CHECK: nb.getattr %{{.*}}, "nbytes" : !nb.array<f32, 2, F> -> si64
func.func @array_attributes(%arr: !nb.array<f32, 2, F>, %t: i1) -> !nb.unknown {
  %shape = nb.getattr %arr, "shape" : !nb.array<f32, 2, F> -> !nb.unknown
  %0 = nb.static_getitem %shape[0] : !nb.unknown -> !nb.unknown
  %1 = nb.static_getitem %shape[-1] : !nb.unknown -> !nb.unknown
  %2 = nb.getitem %shape[%t] : (!nb.unknown, i1) -> !nb.unknown
  %3 = nb.getattr %arr, "strides" : !nb.array<f32, 2, F> -> !nb.unknown
  %4 = nb.getattr %arr, "ndim" : !nb.array<f32, 2, F> -> !nb.unknown
  %5 = nb.getattr %arr, "size" : !nb.array<f32, 2, F> -> !nb.unknown
  %6 = nb.getattr %arr, "itemsize" : !nb.array<f32, 2, F> -> !nb.unknown
  %7 = nb.getattr %arr, "nbytes" : !nb.array<f32, 2, F> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// Items of arrays take the dtype; setitem types nothing but checks.
// CHECK-LABEL: func.func @array_items
// CHECK-SAME: -> f32
// CHECK: nb.getitem %{{.*}}[%{{.*}}, %{{.*}}] : (!nb.array<f32, 2, A>, si64, i1) -> f32
// CHECK: nb.static_getitem %{{.*}}[3] : !nb.array<si32, 1, C> -> si32
// CHECK: nb.setitem %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} : (!nb.array<f32, 2, A>, si64, si64, f64) -> ()
func.func @array_items(%arr: !nb.array<f32, 2, A>, %v: !nb.array<si32, 1, C>, %a: si64, %t: i1, %b: f64) -> !nb.unknown {
  %0 = nb.getitem %arr[%a, %t] : (!nb.array<f32, 2, A>, si64, i1) -> !nb.unknown
  %1 = nb.static_getitem %v[3] : !nb.array<si32, 1, C> -> !nb.unknown
  nb.setitem %arr[%a, %a], %b : (!nb.array<f32, 2, A>, si64, si64, f64) -> ()
  nb.return %0 : !nb.unknown
}

// Tuples: heterogeneous elements by constant index, unpacking checks the
// length and keeps the type.
// CHECK-LABEL: func.func @tuples
// CHECK-SAME: -> tuple<si64, f64, i1>
// CHECK: %[[T:.*]] = nb.build_tuple(%{{.*}}, %{{.*}}, %{{.*}}) : (si64, f64, i1) -> tuple<si64, f64, i1>
// CHECK: nb.static_getitem %[[T]][2] : tuple<si64, f64, i1> -> i1
// CHECK: nb.static_getitem %[[T]][-2] : tuple<si64, f64, i1> -> f64
// CHECK: %[[U:.*]] = nb.exhaust_iter %[[T]], 3 : tuple<si64, f64, i1> -> tuple<si64, f64, i1>
// CHECK: nb.build_tuple() : () -> tuple<>
// CHECK: nb.return %[[U]] : tuple<si64, f64, i1>
func.func @tuples(%a: si64, %b: f64, %t: i1) -> !nb.unknown {
  %tup = nb.build_tuple(%a, %b, %t) : (si64, f64, i1) -> !nb.unknown
  %0 = nb.static_getitem %tup[2] : !nb.unknown -> !nb.unknown
  %1 = nb.static_getitem %tup[-2] : !nb.unknown -> !nb.unknown
  %2 = nb.exhaust_iter %tup, 3 : !nb.unknown -> !nb.unknown
  %3 = nb.build_tuple() : () -> !nb.unknown
  nb.return %2 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Merges and returns
//===----------------------------------------------------------------------===//

// bool meets int as int at a block argument.
// CHECK-LABEL: func.func @merge_bool_int
// CHECK-SAME: -> si64
// CHECK: %[[TRUE:.*]] = nb.const(true) : i1
// CHECK: %[[CAST:.*]] = nb.cast %[[TRUE]] : i1 to si64
// CHECK: cf.br ^[[JOIN:bb[0-9]+]](%[[CAST]] : si64)
// CHECK: %[[A:.*]] = nb.arg 1 "a" : si64
// CHECK: cf.br ^[[JOIN]](%[[A]] : si64)
// CHECK: ^[[JOIN]](%[[X:.*]]: si64):
// CHECK: nb.return %[[X]] : si64
func.func @merge_bool_int(%c: i1, %a: si64) -> !nb.unknown {
  cf.cond_br %c, ^t, ^f
^t:
  %0 = nb.const(true) : !nb.unknown
  cf.br ^j(%0 : !nb.unknown)
^f:
  %1 = nb.arg 1 "a" : !nb.unknown
  cf.br ^j(%1 : !nb.unknown)
^j(%x: !nb.unknown):
  nb.return %x : !nb.unknown
}

// A variable unbound on one path: its nb.undef takes the merged type.
// CHECK-LABEL: func.func @maybe_unbound
// CHECK-SAME: -> f64
// CHECK: %[[U:.*]] = nb.undef : f64
// CHECK: cf.cond_br %{{.*}}, ^{{.*}}, ^[[JOIN:bb[0-9]+]](%[[U]] : f64)
// CHECK: ^[[JOIN]](%[[X:.*]]: f64):
// CHECK: nb.return %[[X]] : f64
func.func @maybe_unbound(%c: i1) -> !nb.unknown {
  %u = nb.undef : !nb.unknown
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.truth %0 : !nb.unknown
  cf.cond_br %1, ^bb1, ^bb2(%u : !nb.unknown)
^bb1:
  %3 = nb.const(1.5) : !nb.unknown
  cf.br ^bb2(%3 : !nb.unknown)
^bb2(%4: !nb.unknown):
  nb.return %4 : !nb.unknown
}

// Returns of different number types unify; each is cast to the result.
// CHECK-LABEL: func.func @mixed_returns
// CHECK-SAME: -> f64
// CHECK: %[[A:.*]] = nb.cast %{{.*}} : si64 to f64
// CHECK-NEXT: nb.return %[[A]] : f64
// CHECK: %[[B:.*]] = nb.cast %{{.*}} : f32 to f64
// CHECK-NEXT: nb.return %[[B]] : f64
func.func @mixed_returns(%c: i1, %a: si64, %b: f32) -> !nb.unknown {
  %0 = nb.arg 1 "a" : !nb.unknown
  %1 = nb.arg 2 "b" : !nb.unknown
  cf.cond_br %c, ^t, ^f
^t:
  nb.return %0 : !nb.unknown
^f:
  nb.return %1 : !nb.unknown
}

// A function that falls off its end returns None.
// CHECK-LABEL: func.func @returns_none
// CHECK-SAME: (%{{.*}}: !nb.array<f64, 1, C>) -> !nb.none
// CHECK: nb.setitem %{{.*}}[%{{.*}}], %{{.*}} : (!nb.array<f64, 1, C>, si64, si64) -> ()
// CHECK: %[[NONE:.*]] = nb.const(unit) : !nb.none
// CHECK: nb.return %[[NONE]] : !nb.none
func.func @returns_none(%a: !nb.array<f64, 1, C>) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  %2 = nb.const(1) : !nb.unknown
  nb.setitem %0[%1], %2 : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  %3 = nb.const(unit) : !nb.unknown
  nb.return %3 : !nb.unknown
}

// A function that never returns normally is given None too.
// CHECK-LABEL: func.func @never_returns
// CHECK-SAME: -> !nb.none
// CHECK-NEXT: nb.raise
func.func @never_returns(%e: !nb.pyobject) -> !nb.unknown {
  nb.raise %e : !nb.pyobject
}

// Globals that nothing uses any more are dropped.
// CHECK-LABEL: func.func @unused_global
// CHECK-NOT: nb.global
// CHECK: nb.return
func.func @unused_global() -> !nb.unknown {
  %0 = nb.global("math") : !nb.unknown
  %1 = nb.const(1) : !nb.unknown
  nb.return %1 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Calls to other jitted functions
//===----------------------------------------------------------------------===//

// Each argument-type combination gets one specialisation, named after the
// types and recording its template; the calls point at it and the template
// is erased.
// CHECK-LABEL: func.func @specialise
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[B:[^:]*]]: f64) -> f64
// CHECK: %[[GI:.*]] = nb.global(@g__si64) : !nb.dispatcher<"g__si64">
// CHECK: %[[X:.*]] = nb.call %[[GI]](%[[A]]) : (!nb.dispatcher<"g__si64">, si64) -> si64
// CHECK: %[[GF:.*]] = nb.global(@g__f64) : !nb.dispatcher<"g__f64">
// CHECK: %[[Y:.*]] = nb.call %[[GF]](%[[B]]) : (!nb.dispatcher<"g__f64">, f64) -> f64
// CHECK: nb.call %{{.*}}(%[[A]]) : (!nb.dispatcher<"g__si64">, si64) -> si64
// CHECK: nb.binop add %[[X]], %[[Y]] : (si64, f64) -> f64
// CHECK-LABEL: func.func private @g__si64
// CHECK-SAME: (%{{.*}}: si64) -> si64 attributes {nb.template = "g"}
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (si64, si64) -> si64
// CHECK-LABEL: func.func private @g__f64
// CHECK-SAME: (%{{.*}}: f64) -> f64 attributes {nb.template = "g"}
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (f64, si64) -> f64
// CHECK-NOT: func.func private @g(
func.func @specialise(%a: si64, %b: f64) -> !nb.unknown {
  %g = nb.global(@g) : !nb.unknown
  %0 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  %1 = nb.call %g(%b) : (!nb.unknown, f64) -> !nb.unknown
  %2 = nb.call %g(%a) : (!nb.unknown, si64) -> !nb.unknown
  %3 = nb.binop add %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %3 : !nb.unknown
}
func.func private @g(%arg0: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.const(2) : !nb.unknown
  %2 = nb.binop mul %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// Array arguments mangle into the name too.
// CHECK-LABEL: func.func @specialise_array
// CHECK: nb.call %{{.*}}(%{{.*}}, %{{.*}}) : (!nb.dispatcher<"first__nb_array_f64_1_C_si64">, !nb.array<f64, 1, C>, si64) -> f64
// CHECK-LABEL: func.func private @first__nb_array_f64_1_C_si64
// CHECK-SAME: (%{{.*}}: !nb.array<f64, 1, C>, %{{.*}}: si64) -> f64
func.func @specialise_array(%a: !nb.array<f64, 1, C>, %i: si64) -> !nb.unknown {
  %f = nb.global(@first) : !nb.unknown
  %0 = nb.call %f(%a, %i) : (!nb.unknown, !nb.array<f64, 1, C>, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @first(%arg0: !nb.unknown, %arg1: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "i" : !nb.unknown
  %2 = nb.getitem %0[%1] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// Recursion: the base case fixes the return type, the recursive call then
// has it.
// CHECK-LABEL: func.func @fib_root
// CHECK-SAME: -> si64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dispatcher<"fib__si64">, si64) -> si64
// CHECK-LABEL: func.func private @fib__si64
// CHECK-SAME: (%{{.*}}: si64) -> si64 attributes {nb.template = "fib"}
// CHECK: %[[F1:.*]] = nb.global(@fib__si64) : !nb.dispatcher<"fib__si64">
// CHECK: nb.call %[[F1]](%{{.*}}) : (!nb.dispatcher<"fib__si64">, si64) -> si64
// CHECK: %[[F2:.*]] = nb.global(@fib__si64) : !nb.dispatcher<"fib__si64">
// CHECK: nb.call %[[F2]](%{{.*}}) : (!nb.dispatcher<"fib__si64">, si64) -> si64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (si64, si64) -> si64
func.func @fib_root(%n: si64) -> !nb.unknown {
  %f = nb.global(@fib) : !nb.unknown
  %0 = nb.call %f(%n) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @fib(%arg0: !nb.unknown) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %two = nb.const(2) : !nb.unknown
  %c = nb.compare lt %n, %two : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %t = nb.truth %c : !nb.unknown
  cf.cond_br %t, ^base, ^rec
^base:
  nb.return %n : !nb.unknown
^rec:
  %f = nb.global(@fib) : !nb.unknown
  %one = nb.const(1) : !nb.unknown
  %n1 = nb.binop sub %n, %one : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %r1 = nb.call %f(%n1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %n2 = nb.binop sub %n, %two : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %r2 = nb.call %f(%n2) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %s = nb.binop add %r1, %r2 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %s : !nb.unknown
}

// The recursive return widens the base case's: `0 if n <= 0 else h(n-1) + 0.5`
// returns float64 and the base case's 0 is cast.
// CHECK-LABEL: func.func @widening_recursion
// CHECK-SAME: -> f64
// CHECK-LABEL: func.func private @h__si64
// CHECK-SAME: (%{{.*}}: si64) -> f64
// CHECK: %[[ZERO:.*]] = nb.const(0 : i64) : si64
// CHECK: %[[ZF:.*]] = nb.cast %[[ZERO]] : si64 to f64
// CHECK-NEXT: nb.return %[[ZF]] : f64
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dispatcher<"h__si64">, si64) -> f64
func.func @widening_recursion(%n: si64) -> !nb.unknown {
  %f = nb.global(@h) : !nb.unknown
  %0 = nb.call %f(%n) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @h(%arg0: !nb.unknown) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %zero = nb.const(0) : !nb.unknown
  %c = nb.compare le %n, %zero : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %t = nb.truth %c : !nb.unknown
  cf.cond_br %t, ^base, ^rec
^base:
  nb.return %zero : !nb.unknown
^rec:
  %f = nb.global(@h) : !nb.unknown
  %one = nb.const(1) : !nb.unknown
  %n1 = nb.binop sub %n, %one : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %r1 = nb.call %f(%n1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %half = nb.const(0.5) : !nb.unknown
  %s = nb.binop add %r1, %half : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %s : !nb.unknown
}

// Mutual recursion: is_even calls is_odd calls is_even.
// CHECK-LABEL: func.func @even_root
// CHECK-SAME: -> i1
// CHECK-LABEL: func.func private @is_even__si64
// CHECK-SAME: (%{{.*}}: si64) -> i1
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dispatcher<"is_odd__si64">, si64) -> i1
// CHECK-LABEL: func.func private @is_odd__si64
// CHECK-SAME: (%{{.*}}: si64) -> i1
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dispatcher<"is_even__si64">, si64) -> i1
func.func @even_root(%n: si64) -> !nb.unknown {
  %f = nb.global(@is_even) : !nb.unknown
  %0 = nb.call %f(%n) : (!nb.unknown, si64) -> !nb.unknown
  nb.return %0 : !nb.unknown
}
func.func private @is_even(%arg0: !nb.unknown) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %zero = nb.const(0) : !nb.unknown
  %c = nb.compare eq %n, %zero : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %t = nb.truth %c : !nb.unknown
  cf.cond_br %t, ^base, ^rec
^base:
  %true = nb.const(true) : !nb.unknown
  nb.return %true : !nb.unknown
^rec:
  %f = nb.global(@is_odd) : !nb.unknown
  %one = nb.const(1) : !nb.unknown
  %n1 = nb.binop sub %n, %one : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %r1 = nb.call %f(%n1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %r1 : !nb.unknown
}
func.func private @is_odd(%arg0: !nb.unknown) -> !nb.unknown {
  %n = nb.arg 0 "n" : !nb.unknown
  %zero = nb.const(0) : !nb.unknown
  %c = nb.compare eq %n, %zero : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %t = nb.truth %c : !nb.unknown
  cf.cond_br %t, ^base, ^rec
^base:
  %false = nb.const(false) : !nb.unknown
  nb.return %false : !nb.unknown
^rec:
  %f = nb.global(@is_even) : !nb.unknown
  %one = nb.const(1) : !nb.unknown
  %n1 = nb.binop sub %n, %one : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %r1 = nb.call %f(%n1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %r1 : !nb.unknown
}

// A template nothing calls is erased without being typed.
// CHECK-NOT: func.func private @unused
func.func private @unused(%arg0: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  nb.return %0 : !nb.unknown
}

// -----

// None on one path and a number on another: the result is optional, and
// each return casts into it.
// CHECK-LABEL: func.func @optional_result
// CHECK-SAME: -> !nb.optional<si64>
// CHECK: nb.cast %{{.*}} : si64 to !nb.optional<si64>
// CHECK: nb.cast %{{.*}} : !nb.none to !nb.optional<si64>
func.func @optional_result(%arg0: i1, %arg1: si64) -> !nb.unknown {
  %c = nb.arg 0 "c" : !nb.unknown
  %a = nb.arg 1 "a" : !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  %t = nb.truth %c : !nb.unknown
  cf.cond_br %t, ^bb1, ^bb2
^bb1:
  nb.return %a : !nb.unknown
^bb2:
  nb.return %none : !nb.unknown
}

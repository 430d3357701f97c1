// RUN: mumba-opt %s | mumba-opt | FileCheck %s
// RUN: mumba-opt %s -mlir-print-op-generic | mumba-opt | FileCheck %s

// Round trip of every nb op and type, untyped as the frontend writes them and
// typed as nb-infer-types leaves them.

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @variables
// CHECK-SAME: (%[[ARG:.*]]: si64) -> !nb.unknown
func.func @variables(%arg0: si64) -> !nb.unknown {
  // CHECK: %[[X:.*]] = nb.var "x"
  %x = nb.var "x"
  // CHECK: %[[A:.*]] = nb.arg 0 "x" : !nb.unknown
  %0 = nb.arg 0 "x" : !nb.unknown
  // CHECK: nb.store_var %[[A]] to %[[X]] : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  // CHECK: %[[L:.*]] = nb.load_var %[[X]] : !nb.unknown
  %1 = nb.load_var %x : !nb.unknown
  // CHECK: nb.return %[[L]] : !nb.unknown
  nb.return %1 : !nb.unknown
}

// Slots hold typed values too.
// CHECK-LABEL: func.func @typed_variables
func.func @typed_variables(%arg0: f64) -> f64 {
  // CHECK: %[[X:.*]] = nb.var "x"
  %x = nb.var "x"
  // CHECK: %[[A:.*]] = nb.arg 0 "x" : f64
  %0 = nb.arg 0 "x" : f64
  // CHECK: nb.store_var %[[A]] to %[[X]] : f64
  nb.store_var %0 to %x : f64
  // CHECK: %[[L:.*]] = nb.load_var %[[X]] : f64
  %1 = nb.load_var %x : f64
  // CHECK: nb.return %[[L]] : f64
  nb.return %1 : f64
}

// CHECK-LABEL: func.func @undef
func.func @undef() -> !nb.unknown {
  // CHECK: nb.undef : !nb.unknown
  %0 = nb.undef : !nb.unknown
  // CHECK: nb.undef : f64
  %1 = nb.undef : f64
  nb.return %0 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Leaf expressions
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @constants
func.func @constants() -> !nb.unknown {
  // CHECK: nb.const(3 : i64) : !nb.unknown
  %0 = nb.const(3) : !nb.unknown
  // CHECK: nb.const(-7 : i64) : si64
  %1 = nb.const(-7) : si64
  // CHECK: nb.const(2.500000e+00 : f64) : !nb.unknown
  %2 = nb.const(2.5) : !nb.unknown
  // CHECK: nb.const(0x7FF0000000000000 : f64) : f64
  %3 = nb.const(0x7FF0000000000000 : f64) : f64
  // CHECK: nb.const(true) : !nb.unknown
  %4 = nb.const(true) : !nb.unknown
  // CHECK: nb.const(false) : i1
  %5 = nb.const(false) : i1
  // CHECK: nb.const(unit) : !nb.unknown
  %6 = nb.const(unit) : !nb.unknown
  // CHECK: nb.const(unit) : !nb.none
  %7 = nb.const(unit) : !nb.none
  // CHECK: nb.const("hello") : !nb.unknown
  %8 = nb.const("hello") : !nb.unknown
  nb.return %0 : !nb.unknown
}

// CHECK-LABEL: func.func @globals
func.func @globals() -> !nb.unknown {
  // CHECK: nb.global("math") : !nb.unknown
  %0 = nb.global("math") : !nb.unknown
  // CHECK: nb.global("numpy") : !nb.module<"numpy">
  %1 = nb.global("numpy") : !nb.module<"numpy">
  // CHECK: nb.global("range") : !nb.function<"range">
  %2 = nb.global("range") : !nb.function<"range">
  // CHECK: nb.global(@helper) : !nb.unknown
  %3 = nb.global(@helper) : !nb.unknown
  // CHECK: nb.global(@helper) : !nb.dispatcher<"helper">
  %4 = nb.global(@helper) : !nb.dispatcher<"helper">
  nb.return %0 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @binops
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[B:[^:]*]]: f64)
func.func @binops(%a: si64, %b: f64) -> f64 {
  // CHECK: nb.binop add %[[A]], %[[B]] : (si64, f64) -> f64
  %0 = nb.binop add %a, %b : (si64, f64) -> f64
  // CHECK: nb.binop sub %[[A]], %[[A]] : (si64, si64) -> si64
  %1 = nb.binop sub %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop mul
  %2 = nb.binop mul %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop truediv %[[A]], %[[A]] : (si64, si64) -> f64
  %3 = nb.binop truediv %a, %a : (si64, si64) -> f64
  // CHECK: nb.binop floordiv
  %4 = nb.binop floordiv %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop mod
  %5 = nb.binop mod %b, %b : (f64, f64) -> f64
  // CHECK: nb.binop pow
  %6 = nb.binop pow %b, %a : (f64, si64) -> f64
  // CHECK: nb.binop lshift
  %7 = nb.binop lshift %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop rshift
  %8 = nb.binop rshift %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop bitand
  %9 = nb.binop bitand %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop bitor
  %10 = nb.binop bitor %a, %a : (si64, si64) -> si64
  // CHECK: nb.binop bitxor
  %11 = nb.binop bitxor %a, %a : (si64, si64) -> si64
  // CHECK: nb.inplace_binop add %[[B]], %[[B]] : (f64, f64) -> f64
  %12 = nb.inplace_binop add %b, %b : (f64, f64) -> f64
  // CHECK: nb.inplace_binop floordiv %[[A]], %[[A]] : (si64, si64) -> si64
  %13 = nb.inplace_binop floordiv %a, %a : (si64, si64) -> si64
  nb.return %0 : f64
}

// CHECK-LABEL: func.func @untyped_binop
func.func @untyped_binop(%a: !nb.unknown) -> !nb.unknown {
  // CHECK: nb.binop add %{{.*}}, %{{.*}} : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %0 = nb.binop add %a, %a : (!nb.unknown, !nb.unknown) -> !nb.unknown
  // CHECK: nb.inplace_binop mul %{{.*}}, %{{.*}} : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %1 = nb.inplace_binop mul %0, %a : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %1 : !nb.unknown
}

// CHECK-LABEL: func.func @compares
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[B:[^:]*]]: f64, %[[N:[^:]*]]: !nb.none)
func.func @compares(%a: si64, %b: f64, %n: !nb.none) -> i1 {
  // CHECK: nb.compare eq %[[A]], %[[B]] : (si64, f64) -> i1
  %0 = nb.compare eq %a, %b : (si64, f64) -> i1
  // CHECK: nb.compare ne
  %1 = nb.compare ne %a, %a : (si64, si64) -> i1
  // CHECK: nb.compare lt
  %2 = nb.compare lt %a, %a : (si64, si64) -> i1
  // CHECK: nb.compare le
  %3 = nb.compare le %a, %a : (si64, si64) -> i1
  // CHECK: nb.compare gt
  %4 = nb.compare gt %a, %a : (si64, si64) -> i1
  // CHECK: nb.compare ge
  %5 = nb.compare ge %a, %a : (si64, si64) -> i1
  // CHECK: nb.compare is %[[N]], %[[N]] : (!nb.none, !nb.none) -> i1
  %6 = nb.compare is %n, %n : (!nb.none, !nb.none) -> i1
  // CHECK: nb.compare isnot
  %7 = nb.compare isnot %a, %n : (si64, !nb.none) -> i1
  // CHECK: nb.compare in %{{.*}}, %{{.*}} : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %u = nb.undef : !nb.unknown
  %8 = nb.compare in %u, %u : (!nb.unknown, !nb.unknown) -> !nb.unknown
  // CHECK: nb.compare notin
  %9 = nb.compare notin %u, %u : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %0 : i1
}

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[U:[^:]*]]: !nb.unknown)
func.func @unary(%a: si64, %u: !nb.unknown) -> si64 {
  // CHECK: nb.unary neg %[[A]] : si64 -> si64
  %0 = nb.unary neg %a : si64 -> si64
  // CHECK: nb.unary pos %[[A]] : si64 -> si64
  %1 = nb.unary pos %a : si64 -> si64
  // CHECK: nb.unary not %[[A]] : si64 -> i1
  %2 = nb.unary not %a : si64 -> i1
  // CHECK: nb.unary invert %[[U]] : !nb.unknown -> !nb.unknown
  %3 = nb.unary invert %u : !nb.unknown -> !nb.unknown
  nb.return %0 : si64
}

// CHECK-LABEL: func.func @truth_and_cast
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[U:[^:]*]]: !nb.unknown)
func.func @truth_and_cast(%a: si64, %u: !nb.unknown) -> f64 {
  // CHECK: nb.truth %[[A]] : si64
  %0 = nb.truth %a : si64
  // CHECK: nb.truth %[[U]] : !nb.unknown
  %1 = nb.truth %u : !nb.unknown
  // CHECK: nb.cast %[[A]] : si64 to f64
  %2 = nb.cast %a : si64 to f64
  // CHECK: nb.cast %[[A]] : si64 to ui8
  %3 = nb.cast %a : si64 to ui8
  nb.return %2 : f64
}

//===----------------------------------------------------------------------===//
// Attributes, items and calls
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @items
// CHECK-SAME: (%[[A:[^:]*]]: !nb.array<f64, 2, C>, %[[I:[^:]*]]: si64, %[[V:[^:]*]]: f32)
func.func @items(%a: !nb.array<f64, 2, C>, %i: si64, %v: f32) -> f64 {
  // CHECK: %[[S:.*]] = nb.getattr %[[A]], "shape" : !nb.array<f64, 2, C> -> tuple<si64, si64>
  %s = nb.getattr %a, "shape" : !nb.array<f64, 2, C> -> tuple<si64, si64>
  // CHECK: nb.static_getitem %[[S]][1] : tuple<si64, si64> -> si64
  %n = nb.static_getitem %s[1] : tuple<si64, si64> -> si64
  // CHECK: nb.static_getitem %[[S]][-1] : tuple<si64, si64> -> si64
  %m = nb.static_getitem %s[-1] : tuple<si64, si64> -> si64
  // CHECK: nb.getitem %[[S]][%[[I]]] : (tuple<si64, si64>, si64) -> si64
  %k = nb.getitem %s[%i] : (tuple<si64, si64>, si64) -> si64
  // CHECK: %[[X:.*]] = nb.getitem %[[A]][%[[I]], %[[I]]] : (!nb.array<f64, 2, C>, si64, si64) -> f64
  %x = nb.getitem %a[%i, %i] : (!nb.array<f64, 2, C>, si64, si64) -> f64
  // CHECK: nb.setitem %[[A]][%[[I]], %[[I]]], %[[V]] : (!nb.array<f64, 2, C>, si64, si64, f32) -> ()
  nb.setitem %a[%i, %i], %v : (!nb.array<f64, 2, C>, si64, si64, f32) -> ()
  // CHECK: nb.return %[[X]] : f64
  nb.return %x : f64
}

// CHECK-LABEL: func.func @untyped_items
func.func @untyped_items(%a: !nb.unknown, %i: !nb.unknown) -> !nb.unknown {
  // CHECK: nb.getattr %{{.*}}, "size" : !nb.unknown -> !nb.unknown
  %0 = nb.getattr %a, "size" : !nb.unknown -> !nb.unknown
  // CHECK: nb.getitem %{{.*}}[%{{.*}}] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %1 = nb.getitem %a[%i] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  // CHECK: nb.static_getitem %{{.*}}[0] : !nb.unknown -> !nb.unknown
  %2 = nb.static_getitem %a[0] : !nb.unknown -> !nb.unknown
  // CHECK: nb.setitem %{{.*}}[%{{.*}}], %{{.*}} : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  nb.setitem %a[%i], %1 : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  nb.return %1 : !nb.unknown
}

// CHECK-LABEL: func.func @calls
// CHECK-SAME: (%[[X:[^:]*]]: f64, %[[Y:[^:]*]]: f64)
func.func @calls(%x: f64, %y: f64) -> f64 {
  // CHECK: %[[M:.*]] = nb.global("math") : !nb.module<"math">
  %m = nb.global("math") : !nb.module<"math">
  // CHECK: %[[F:.*]] = nb.getattr %[[M]], "sqrt" : !nb.module<"math"> -> !nb.function<"math.sqrt">
  %f = nb.getattr %m, "sqrt" : !nb.module<"math"> -> !nb.function<"math.sqrt">
  // CHECK: %[[R:.*]] = nb.call %[[F]](%[[X]]) : (!nb.function<"math.sqrt">, f64) -> f64
  %r = nb.call %f(%x) : (!nb.function<"math.sqrt">, f64) -> f64
  // CHECK: %[[G:.*]] = nb.global(@helper) : !nb.dispatcher<"helper">
  %g = nb.global(@helper) : !nb.dispatcher<"helper">
  // CHECK: nb.call %[[G]](%[[X]]) kw(%[[Y]]) {kwnames = ["scale"]} : (!nb.dispatcher<"helper">, f64, f64) -> f64
  %s = nb.call %g(%x) kw(%y) {kwnames = ["scale"]} : (!nb.dispatcher<"helper">, f64, f64) -> f64
  // CHECK: nb.call %[[G]]() kw(%[[X]], %[[Y]]) {kwnames = ["a", "b"]} : (!nb.dispatcher<"helper">, f64, f64) -> f64
  %t = nb.call %g() kw(%x, %y) {kwnames = ["a", "b"]} : (!nb.dispatcher<"helper">, f64, f64) -> f64
  // CHECK: nb.call %[[G]]() : (!nb.dispatcher<"helper">) -> !nb.unknown
  %u = nb.call %g() : (!nb.dispatcher<"helper">) -> !nb.unknown
  // CHECK: nb.return %[[R]] : f64
  nb.return %r : f64
}

// CHECK-LABEL: func.func @helper
func.func @helper(%x: !nb.unknown) -> !nb.unknown {
  nb.return %x : !nb.unknown
}

// CHECK-LABEL: func.func @containers
// CHECK-SAME: (%[[A:[^:]*]]: si64, %[[B:[^:]*]]: f64)
func.func @containers(%a: si64, %b: f64) -> tuple<si64, f64> {
  // CHECK: %[[T:.*]] = nb.build_tuple(%[[A]], %[[B]]) : (si64, f64) -> tuple<si64, f64>
  %t = nb.build_tuple(%a, %b) : (si64, f64) -> tuple<si64, f64>
  // CHECK: nb.build_tuple() : () -> tuple<>
  %e = nb.build_tuple() : () -> tuple<>
  // CHECK: nb.build_list(%[[A]], %[[A]]) : (si64, si64) -> !nb.unknown
  %l = nb.build_list(%a, %a) : (si64, si64) -> !nb.unknown
  // CHECK: %[[U:.*]] = nb.exhaust_iter %[[T]], 2 : tuple<si64, f64> -> tuple<si64, f64>
  %u = nb.exhaust_iter %t, 2 : tuple<si64, f64> -> tuple<si64, f64>
  // CHECK: nb.return %[[U]] : tuple<si64, f64>
  nb.return %u : tuple<si64, f64>
}

//===----------------------------------------------------------------------===//
// Iteration
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @iteration
// CHECK-SAME: (%[[N:[^:]*]]: si64)
func.func @iteration(%n: si64) -> !nb.none {
  %f = nb.global("range") : !nb.function<"range">
  // CHECK: %[[R:.*]] = nb.call %{{.*}}(%[[N]]) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %r = nb.call %f(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  // CHECK: %[[IT:.*]] = nb.getiter %[[R]] : !nb.range<si64> -> !nb.range_iter<si64>
  %it = nb.getiter %r : !nb.range<si64> -> !nb.range_iter<si64>
  // CHECK: cf.br ^[[HEAD:.*]]
  cf.br ^head
// CHECK: ^[[HEAD]]:
^head:
  // CHECK: %[[P:.*]] = nb.iternext %[[IT]] : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %p = nb.iternext %it : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  // CHECK: %[[OK:.*]] = nb.pair_second %[[P]] : !nb.pair<si64, i1> -> i1
  %ok = nb.pair_second %p : !nb.pair<si64, i1> -> i1
  // CHECK: cf.cond_br %[[OK]]
  cf.cond_br %ok, ^body, ^exit
^body:
  // CHECK: nb.pair_first %[[P]] : !nb.pair<si64, i1> -> si64
  %i = nb.pair_first %p : !nb.pair<si64, i1> -> si64
  cf.br ^head
^exit:
  %none = nb.const(unit) : !nb.none
  nb.return %none : !nb.none
}

// CHECK-LABEL: func.func @array_iteration
// CHECK-SAME: (%[[A:.*]]: !nb.array<f64, 1, C>)
func.func @array_iteration(%a: !nb.array<f64, 1, C>) -> f64 {
  // CHECK: %[[IT:.*]] = nb.getiter %[[A]] : !nb.array<f64, 1, C> -> !nb.array_iter<!nb.array<f64, 1, C>>
  %it = nb.getiter %a : !nb.array<f64, 1, C> -> !nb.array_iter<!nb.array<f64, 1, C>>
  // CHECK: %[[P:.*]] = nb.iternext %[[IT]] : !nb.array_iter<!nb.array<f64, 1, C>> -> !nb.pair<f64, i1>
  %p = nb.iternext %it : !nb.array_iter<!nb.array<f64, 1, C>> -> !nb.pair<f64, i1>
  // CHECK: nb.pair_first %[[P]] : !nb.pair<f64, i1> -> f64
  %x = nb.pair_first %p : !nb.pair<f64, i1> -> f64
  nb.return %x : f64
}

// CHECK-LABEL: func.func @untyped_iteration
func.func @untyped_iteration(%x: !nb.unknown) -> !nb.unknown {
  // CHECK: nb.getiter %{{.*}} : !nb.unknown -> !nb.unknown
  %it = nb.getiter %x : !nb.unknown -> !nb.unknown
  // CHECK: nb.iternext %{{.*}} : !nb.unknown -> !nb.unknown
  %p = nb.iternext %it : !nb.unknown -> !nb.unknown
  // CHECK: nb.pair_first %{{.*}} : !nb.unknown -> !nb.unknown
  %0 = nb.pair_first %p : !nb.unknown -> !nb.unknown
  // CHECK: nb.pair_second %{{.*}} : !nb.unknown -> !nb.unknown
  %1 = nb.pair_second %p : !nb.unknown -> !nb.unknown
  // CHECK: nb.exhaust_iter %{{.*}}, 3 : !nb.unknown -> !nb.unknown
  %2 = nb.exhaust_iter %x, 3 : !nb.unknown -> !nb.unknown
  nb.return %0 : !nb.unknown
}

//===----------------------------------------------------------------------===//
// Statements and terminators
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @print
// CHECK-SAME: (%[[A:[^:]*]]: !nb.unknown, %[[B:[^:]*]]: f64)
func.func @print(%a: !nb.unknown, %b: f64) -> !nb.unknown {
  // CHECK: nb.print(%[[A]], %[[B]]) : !nb.unknown, f64
  nb.print(%a, %b) : !nb.unknown, f64
  // CHECK: nb.print(){{$}}
  nb.print()
  nb.return %a : !nb.unknown
}

// CHECK-LABEL: func.func @raise
// CHECK-SAME: (%[[E:[^:]*]]: !nb.unknown)
func.func @raise(%e: !nb.unknown) -> !nb.unknown {
  // CHECK: nb.raise %[[E]] : !nb.unknown
  nb.raise %e : !nb.unknown
}

// CHECK-LABEL: func.func @raise_class
func.func @raise_class() -> !nb.unknown {
  // CHECK: nb.raise {exc_class = "ValueError", message = "bad value"}
  nb.raise {exc_class = "ValueError", message = "bad value"}
}

// CHECK-LABEL: func.func @raise_class_with_args
func.func @raise_class_with_args() -> !nb.unknown {
  // CHECK: nb.raise {exc_args = "('bad', 2)", exc_class = "ValueError"}
  nb.raise {exc_class = "ValueError", exc_args = "('bad', 2)"}
}

// CHECK-LABEL: func.func @raise_typed
func.func @raise_typed(%e: !nb.pyobject) -> f64 {
  // CHECK: nb.raise %{{.*}} : !nb.pyobject
  nb.raise %e : !nb.pyobject
}

// CHECK-LABEL: func.func @raise_if
// CHECK-SAME: (%[[C:[^:]*]]: i1, %[[S:[^:]*]]: i32, %[[I:[^:]*]]: i64)
func.func @raise_if(%c: i1, %s: i32, %i: i64) -> i32 {
  // CHECK: nb.raise_if %[[C]], %[[S]]{{$}}
  nb.raise_if %c, %s
  // CHECK: nb.raise_if %[[C]], %[[S]] record @mumbaRaiseIndexError(%[[I]], %[[I]], %[[I]]) : i64, i64, i64
  nb.raise_if %c, %s record @mumbaRaiseIndexError(%i, %i, %i) : i64, i64, i64
  return %s : i32
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func private @optional_types
// CHECK-SAME: !nb.optional<si64>, !nb.optional<complex<f64>>
func.func private @optional_types(!nb.optional<si64>, !nb.optional<complex<f64>>)

// CHECK-LABEL: func.func @build_slice
func.func @build_slice(%a: si64, %n: !nb.none) -> !nb.slice {
  // CHECK: nb.build_slice(%{{.*}}, %{{.*}}, %{{.*}}) : (si64, !nb.none, si64) -> !nb.slice
  %s = nb.build_slice(%a, %n, %a) : (si64, !nb.none, si64) -> !nb.slice
  nb.return %s : !nb.slice
}

// CHECK-LABEL: func.func private @readonly_arrays
// CHECK-SAME: !nb.array<f64, 1, C, readonly>, !nb.array<si32, 2, A, readonly>, !nb.array<f32, 3, F>
func.func private @readonly_arrays(!nb.array<f64, 1, C, readonly>, !nb.array<si32, 2, A, readonly>, !nb.array<f32, 3, F>)

// CHECK-LABEL: func.func private @types(
// CHECK-SAME: !nb.unknown, !nb.none, !nb.var,
// CHECK-SAME: !nb.array<f64, 1, C>, !nb.array<f32, 2, F>, !nb.array<si32, 3, A>,
// CHECK-SAME: !nb.array<i1, 0, C>, !nb.array<ui8, 32, C>,
// CHECK-SAME: !nb.range<si64>, !nb.range_iter<si64>, !nb.pair<si64, i1>,
// CHECK-SAME: !nb.array_iter<!nb.array<f32, 1, A>>, !nb.array_iter<!nb.array<si64, 1, C>>,
// CHECK-SAME: !nb.module<"numpy">, !nb.function<"numpy.sum">, !nb.dispatcher<"g">,
// CHECK-SAME: !nb.dtype<f32>, !nb.dtype<ui8>, !nb.bound_method<"copy", !nb.array<f64, 1, C>>,
// CHECK-SAME: !nb.slice, !nb.pyobject)
func.func private @types(!nb.unknown, !nb.none, !nb.var,
    !nb.array<f64, 1, C>, !nb.array<f32, 2, F>, !nb.array<si32, 3, A>,
    !nb.array<i1, 0, C>, !nb.array<ui8, 32, C>,
    !nb.range<si64>, !nb.range_iter<si64>, !nb.pair<si64, i1>,
    !nb.array_iter<!nb.array<f32, 1, A>>, !nb.array_iter<!nb.array<si64, 1, C>>,
    !nb.module<"numpy">, !nb.function<"numpy.sum">, !nb.dispatcher<"g">,
    !nb.dtype<f32>, !nb.dtype<ui8>, !nb.bound_method<"copy", !nb.array<f64, 1, C>>,
    !nb.slice, !nb.pyobject)

// Every number dtype an array may hold.
// CHECK-LABEL: func.func private @array_dtypes(
// CHECK-SAME: !nb.array<i1, 1, C>, !nb.array<si8, 1, C>, !nb.array<si16, 1, C>,
// CHECK-SAME: !nb.array<si32, 1, C>, !nb.array<si64, 1, C>, !nb.array<ui8, 1, C>,
// CHECK-SAME: !nb.array<ui16, 1, C>, !nb.array<ui32, 1, C>, !nb.array<ui64, 1, C>,
// CHECK-SAME: !nb.array<f32, 1, C>, !nb.array<f64, 1, C>)
func.func private @array_dtypes(!nb.array<i1, 1, C>, !nb.array<si8, 1, C>,
    !nb.array<si16, 1, C>, !nb.array<si32, 1, C>, !nb.array<si64, 1, C>,
    !nb.array<ui8, 1, C>, !nb.array<ui16, 1, C>, !nb.array<ui32, 1, C>,
    !nb.array<ui64, 1, C>, !nb.array<f32, 1, C>, !nb.array<f64, 1, C>)

// Types of the wider type system: string literals, tuple iterators,
// enumerate and zip objects, complex numbers.
// CHECK-LABEL: func.func private @iteration_types(
// CHECK-SAME: !nb.str<"x =">, !nb.tuple_iter<tuple<si64, si64>>,
// CHECK-SAME: !nb.enumerate<!nb.range_iter<si64>>,
// CHECK-SAME: !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64>>>,
// CHECK-SAME: complex<f32>, !nb.dtype<complex<f64>>)
func.func private @iteration_types(!nb.str<"x =">,
    !nb.tuple_iter<tuple<si64, si64>>, !nb.enumerate<!nb.range_iter<si64>>,
    !nb.zip<!nb.range_iter<si64>, !nb.tuple_iter<tuple<f64>>>,
    complex<f32>, !nb.dtype<complex<f64>>)

// print with a separator and an end; a uint64 literal; a string literal.
// CHECK-LABEL: func.func @print_and_literals
func.func @print_and_literals(%arg0: si64) -> !nb.unknown {
  // CHECK: nb.const(18446744073709551615 : ui64) : !nb.unknown
  %0 = nb.const(18446744073709551615 : ui64) : !nb.unknown
  // CHECK: nb.const("x =") : !nb.str<"x =">
  %1 = nb.const("x =") : !nb.str<"x =">
  // CHECK: nb.print(%{{.*}}, %{{.*}}) {end = "", sep = ","} : !nb.str<"x =">, !nb.unknown
  nb.print(%1, %0) {sep = ",", end = ""} : !nb.str<"x =">, !nb.unknown
  // CHECK: nb.print()
  nb.print()
  nb.return %0 : !nb.unknown
}

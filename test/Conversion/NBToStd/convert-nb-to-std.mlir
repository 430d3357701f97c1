// RUN: mumba-opt %s -convert-nb-to-std -split-input-file | FileCheck %s

// Typed nb (what nb-infer-types leaves) to arith / math / memref / cf / func.
// Every function gets an i32 status as its first result: 0 for a normal
// return, the MumbaStatus code (include/mumba/Runtime/Status.h) where Python
// would raise.

// The signature: signless integers, memrefs, the status first; nb.arg is the
// entry block argument.
// CHECK-LABEL: func.func @signature
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: f32, %[[C:[^:]*]]: i1, %[[D:[^:]*]]: i8) -> (i32, i64)
// CHECK-NOT: nb.
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK: return %[[OK]], %[[A]] : i32, i64
func.func @signature(%arg0: si64, %arg1: f32, %arg2: i1, %arg3: ui8) -> si64 {
  %0 = nb.arg 0 "a" : si64
  nb.return %0 : si64
}

// -----

// A function returning None returns only its status.
// CHECK-LABEL: func.func @returns_none
// CHECK-SAME: (%{{.*}}: memref<?xf64>) -> i32
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OK]] : i32
func.func @returns_none(%arg0: !nb.array<f64, 1, C>) -> !nb.none {
  %0 = nb.const(unit) : !nb.none
  nb.return %0 : !nb.none
}

// -----

//===----------------------------------------------------------------------===//
// Division: Python semantics and ZeroDivisionError
//===----------------------------------------------------------------------===//

// int // int: a zero divisor returns status 1 (MUMBA_ZERO_DIV_INT); MIN // -1
// divides by 1 instead of trapping; arith.floordivsi rounds down.
// CHECK-LABEL: func.func @floordiv_int
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, i64)
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[B]], %[[ZERO]] : i64
// CHECK: %[[STATUS:.*]] = arith.constant 1 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: %[[POISON:.*]] = ub.poison : i64
// CHECK: return %[[STATUS]], %[[POISON]] : i32, i64
// CHECK: ^[[OK]]:
// CHECK: %[[MIN:.*]] = arith.constant -9223372036854775808 : i64
// CHECK: %[[ISMIN:.*]] = arith.cmpi eq, %[[A]], %[[MIN]]
// CHECK: %[[MONE:.*]] = arith.constant -1 : i64
// CHECK: %[[ISMONE:.*]] = arith.cmpi eq, %[[B]], %[[MONE]]
// CHECK: %[[OVERFLOW:.*]] = arith.andi %[[ISMIN]], %[[ISMONE]] : i1
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: %[[DIVISOR:.*]] = arith.select %[[OVERFLOW]], %[[ONE]], %[[B]] : i64
// CHECK: %[[Q:.*]] = arith.floordivsi %[[A]], %[[DIVISOR]] : i64
// CHECK: %[[OKS:.*]] = arith.constant 0 : i32
// CHECK: return %[[OKS]], %[[Q]] : i32, i64
func.func @floordiv_int(%arg0: si64, %arg1: si64) -> si64 {
  %0 = nb.binop floordiv %arg0, %arg1 : (si64, si64) -> si64
  nb.return %0 : si64
}

// -----

// int % int: status 2 (MUMBA_ZERO_MOD_INT); the remainder takes the
// divisor's sign.
// CHECK-LABEL: func.func @mod_int
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, i64)
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK: %[[STATUS:.*]] = arith.constant 2 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, i64
// CHECK: ^[[OK]]:
// CHECK: %[[DIVISOR:.*]] = arith.select
// CHECK: %[[REM:.*]] = arith.remsi %[[A]], %[[DIVISOR]] : i64
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[NONZERO:.*]] = arith.cmpi ne, %[[REM]], %[[ZERO]]
// CHECK: %[[REMNEG:.*]] = arith.cmpi slt, %[[REM]], %[[ZERO]]
// CHECK: %[[DIVNEG:.*]] = arith.cmpi slt, %[[DIVISOR]], %[[ZERO]]
// CHECK: %[[DIFFER:.*]] = arith.xori %[[REMNEG]], %[[DIVNEG]] : i1
// CHECK: %[[FIX:.*]] = arith.andi %[[NONZERO]], %[[DIFFER]] : i1
// CHECK: %[[FIXED:.*]] = arith.addi %[[REM]], %[[DIVISOR]] : i64
// CHECK: %[[R:.*]] = arith.select %[[FIX]], %[[FIXED]], %[[REM]] : i64
// CHECK: return %{{.*}}, %[[R]] : i32, i64
func.func @mod_int(%arg0: si64, %arg1: si64) -> si64 {
  %0 = nb.binop mod %arg0, %arg1 : (si64, si64) -> si64
  nb.return %0 : si64
}

// -----

// Unsigned // and % need no sign correction; each checks its own divisor.
// CHECK-LABEL: func.func @divmod_unsigned
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, i64, i64)
// CHECK: %[[S1:.*]] = arith.constant 1 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE1:bb[0-9]+]], ^[[OK1:bb[0-9]+]]
// CHECK: ^[[RAISE1]]:
// CHECK: return %[[S1]], %{{.*}}, %{{.*}} : i32, i64, i64
// CHECK: ^[[OK1]]:
// CHECK: %[[Q:.*]] = arith.divui %[[A]], %[[B]] : i64
// CHECK: %[[S2:.*]] = arith.constant 2 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE2:bb[0-9]+]], ^[[OK2:bb[0-9]+]]
// CHECK: ^[[RAISE2]]:
// CHECK: return %[[S2]], %{{.*}}, %{{.*}} : i32, i64, i64
// CHECK: ^[[OK2]]:
// CHECK: %[[R:.*]] = arith.remui %[[A]], %[[B]] : i64
// CHECK: return %{{.*}}, %[[Q]], %[[R]] : i32, i64, i64
func.func @divmod_unsigned(%arg0: ui64, %arg1: ui64) -> tuple<ui64, ui64> {
  %0 = nb.binop floordiv %arg0, %arg1 : (ui64, ui64) -> ui64
  %1 = nb.binop mod %arg0, %arg1 : (ui64, ui64) -> ui64
  %2 = nb.build_tuple(%0, %1) : (ui64, ui64) -> tuple<ui64, ui64>
  nb.return %2 : tuple<ui64, ui64>
}

// -----

// float // float: status 5 (MUMBA_ZERO_FLOORDIV_FLOAT), then CPython's
// float_divmod.
// CHECK-LABEL: func.func @floordiv_float
// CHECK-SAME: (%[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64) -> (i32, f64)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[ISZERO:.*]] = arith.cmpf oeq, %[[B]], %[[ZERO]] : f64
// CHECK: %[[STATUS:.*]] = arith.constant 5 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, f64
// CHECK: ^[[OK]]:
// CHECK: %[[MOD:.*]] = arith.remf %[[A]], %[[B]] : f64
// CHECK: %[[DIFF:.*]] = arith.subf %[[A]], %[[MOD]] : f64
// CHECK: %[[DIV:.*]] = arith.divf %[[DIFF]], %[[B]] : f64
// CHECK: math.floor
// CHECK: math.copysign
// CHECK: %[[Q:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f64
// CHECK-NEXT: %[[OKS:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OKS]], %[[Q]] : i32, f64
func.func @floordiv_float(%arg0: f64, %arg1: f64) -> f64 {
  %0 = nb.binop floordiv %arg0, %arg1 : (f64, f64) -> f64
  nb.return %0 : f64
}

// -----

// float % float: status 6 (MUMBA_ZERO_MOD_FLOAT); a zero remainder takes
// the divisor's sign.
// CHECK-LABEL: func.func @mod_float
// CHECK: %[[STATUS:.*]] = arith.constant 6 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, f64
// CHECK: ^[[OK]]:
// CHECK: arith.remf
// CHECK: math.copysign
// CHECK-NOT: math.floor
// CHECK: return
func.func @mod_float(%arg0: f64, %arg1: f64) -> f64 {
  %0 = nb.binop mod %arg0, %arg1 : (f64, f64) -> f64
  nb.return %0 : f64
}

// -----

// int / int is float division of the converted operands, status 3
// (MUMBA_ZERO_TRUEDIV, "division by zero").
// CHECK-LABEL: func.func @truediv_int
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64) -> (i32, f64)
// CHECK: %[[FA:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: %[[FB:.*]] = arith.sitofp %[[B]] : i64 to f64
// CHECK: %[[ISZERO:.*]] = arith.cmpf oeq, %[[FB]], %{{.*}} : f64
// CHECK: %[[STATUS:.*]] = arith.constant 3 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, f64
// CHECK: ^[[OK]]:
// CHECK: %[[Q:.*]] = arith.divf %[[FA]], %[[FB]] : f64
// CHECK: return %{{.*}}, %[[Q]] : i32, f64
func.func @truediv_int(%arg0: si64, %arg1: si64) -> f64 {
  %0 = nb.binop truediv %arg0, %arg1 : (si64, si64) -> f64
  nb.return %0 : f64
}

// -----

// float / float: status 4 (MUMBA_ZERO_DIV_FLOAT, "float division by zero").
// CHECK-LABEL: func.func @truediv_float
// CHECK-SAME: (%[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64) -> (i32, f64)
// CHECK: %[[ISZERO:.*]] = arith.cmpf oeq, %[[B]], %{{.*}} : f64
// CHECK: %[[STATUS:.*]] = arith.constant 4 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, f64
// CHECK: ^[[OK]]:
// CHECK: %[[Q:.*]] = arith.divf %[[A]], %[[B]] : f64
// CHECK: return %{{.*}}, %[[Q]] : i32, f64
func.func @truediv_float(%arg0: f64, %arg1: f64) -> f64 {
  %0 = nb.binop truediv %arg0, %arg1 : (f64, f64) -> f64
  nb.return %0 : f64
}

// -----

// float / int is a float division too (Python: "float division by zero").
// CHECK-LABEL: func.func @truediv_float_by_int
// CHECK: arith.sitofp
// CHECK: %[[STATUS:.*]] = arith.constant 4 : i32
// CHECK: cf.cond_br
// CHECK: return %[[STATUS]]
func.func @truediv_float_by_int(%arg0: f64, %arg1: si64) -> f64 {
  %0 = nb.binop truediv %arg0, %arg1 : (f64, si64) -> f64
  nb.return %0 : f64
}

// -----

// Division inside a function with several results: the raising block
// returns poison for each of them.
// CHECK-LABEL: func.func @raise_with_tuple_result
// CHECK-SAME: -> (i32, i64, f64)
// CHECK: %[[STATUS:.*]] = arith.constant 1 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE:bb[0-9]+]], ^{{.*}}
// CHECK: ^[[RAISE]]:
// CHECK-DAG: %[[P1:.*]] = ub.poison : i64
// CHECK-DAG: %[[P2:.*]] = ub.poison : f64
// CHECK: return %[[STATUS]], %[[P1]], %[[P2]] : i32, i64, f64
func.func @raise_with_tuple_result(%arg0: si64, %arg1: f64) -> tuple<si64, f64> {
  %0 = nb.binop floordiv %arg0, %arg0 : (si64, si64) -> si64
  %1 = nb.build_tuple(%0, %arg1) : (si64, f64) -> tuple<si64, f64>
  nb.return %1 : tuple<si64, f64>
}

// -----

//===----------------------------------------------------------------------===//
// Other operators
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @int_operators
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64, %[[C:[^:]*]]: i32)
// CHECK: %[[C64:.*]] = arith.extsi %[[C]] : i32 to i64
// CHECK: arith.addi %[[A]], %[[C64]] : i64
// CHECK: arith.subi %[[A]], %[[B]] : i64
// CHECK: arith.muli %[[A]], %[[B]] : i64
// 0 ** -n raises ZeroDivisionError (status 10) before the power helper,
// which would divide by zero, runs.
// CHECK: %[[BASE0:.*]] = arith.cmpi eq, %[[A]], %{{.*}} : i64
// CHECK: %[[NEGEXP:.*]] = arith.cmpi slt, %[[B]], %{{.*}} : i64
// CHECK: %[[BAD:.*]] = arith.andi %[[BASE0]], %[[NEGEXP]] : i1
// CHECK: %[[TEN:.*]] = arith.constant 10 : i32
// CHECK: cf.cond_br %[[BAD]], ^[[RAISE:.*]], ^[[POW:[a-z0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[TEN]]
// CHECK: ^[[POW]]:
// CHECK: math.ipowi %[[A]], %[[B]] : i64
// Shifts past the width give 0 (<<) or the sign (>>), not poison.
// CHECK: %[[MAX:.*]] = arith.constant 63 : i64
// CHECK: %[[FAR:.*]] = arith.cmpi sgt, %[[B]], %[[MAX]] : i64
// CHECK: %[[COUNT:.*]] = arith.select %[[FAR]], %[[MAX]], %[[B]] : i64
// CHECK: %[[SHL:.*]] = arith.shli %[[A]], %[[COUNT]] : i64
// CHECK: arith.select %[[FAR]], %{{.*}}, %[[SHL]] : i64
// CHECK: arith.shrsi %[[A]], %{{.*}} : i64
// CHECK: arith.andi %[[A]], %[[B]] : i64
// CHECK: arith.ori %[[A]], %[[B]] : i64
// CHECK: arith.xori %[[A]], %[[B]] : i64
// -x is 0 - x, ~x is x ^ -1.
// CHECK: %[[Z:.*]] = arith.constant 0 : i64
// CHECK: arith.subi %[[Z]], %[[A]] : i64
// CHECK: %[[M1:.*]] = arith.constant -1 : i64
// CHECK: arith.xori %[[A]], %[[M1]] : i64
func.func @int_operators(%a: si64, %b: si64, %c: si32) -> tuple<si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64> {
  %0 = nb.binop add %a, %c : (si64, si32) -> si64
  %1 = nb.binop sub %a, %b : (si64, si64) -> si64
  %2 = nb.binop mul %a, %b : (si64, si64) -> si64
  %3 = nb.binop pow %a, %b : (si64, si64) -> si64
  %4 = nb.binop lshift %a, %b : (si64, si64) -> si64
  %5 = nb.binop rshift %a, %b : (si64, si64) -> si64
  %6 = nb.binop bitand %a, %b : (si64, si64) -> si64
  %7 = nb.binop bitor %a, %b : (si64, si64) -> si64
  %8 = nb.binop bitxor %a, %b : (si64, si64) -> si64
  %9 = nb.unary neg %a : si64 -> si64
  %10 = nb.unary invert %a : si64 -> si64
  %11 = nb.unary pos %a : si64 -> si64
  %t = nb.build_tuple(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11) : (si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64) -> tuple<si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64>
  nb.return %t : tuple<si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64, si64>
}

// -----

// CHECK-LABEL: func.func @float_operators
// CHECK-SAME: (%[[X:[^:]*]]: f64, %[[Y:[^:]*]]: f32, %[[A:[^:]*]]: i64)
// CHECK: %[[YX:.*]] = arith.extf %[[Y]] : f32 to f64
// CHECK: arith.addf %[[X]], %[[YX]] : f64
// CHECK: %[[AX:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: arith.mulf %[[X]], %[[AX]] : f64
// `x ** y` raises ZeroDivisionError (status 10) for 0.0 to a finite
// negative power, as Python's float power does.
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[NEGATIVE:.*]] = arith.cmpf olt, %[[X]], %[[ZERO]] : f64
// CHECK: %[[MINF:.*]] = arith.constant 0xFFF0000000000000 : f64
// CHECK: %[[NOTMINF:.*]] = arith.cmpf one, %[[X]], %[[MINF]] : f64
// CHECK: %[[FINNEG:.*]] = arith.andi %[[NEGATIVE]], %[[NOTMINF]] : i1
// CHECK: %[[ZEROBASE:.*]] = arith.cmpf oeq, %[[X]], %[[ZERO]] : f64
// CHECK: %[[BAD:.*]] = arith.andi %[[ZEROBASE]], %[[FINNEG]] : i1
// CHECK: %[[C10:.*]] = arith.constant 10 : i32
// CHECK: cf.cond_br %[[BAD]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[C10]]
// CHECK: ^[[OK]]:
// CHECK: math.powf %[[X]], %[[X]] : f64
// CHECK: arith.negf %[[X]] : f64
// `not x` is `x == 0` for floats: unordered-or-not-equal, then flipped.
// CHECK: %[[TRUTH:.*]] = arith.cmpf une, %[[X]], %{{.*}} : f64
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %[[TRUTH]], %[[TRUE]] : i1
func.func @float_operators(%x: f64, %y: f32, %a: si64) -> tuple<f64, f64, f64, f64, i1> {
  %0 = nb.binop add %x, %y : (f64, f32) -> f64
  %1 = nb.binop mul %x, %a : (f64, si64) -> f64
  %2 = nb.binop pow %x, %x : (f64, f64) -> f64
  %3 = nb.unary neg %x : f64 -> f64
  %4 = nb.unary not %x : f64 -> i1
  %t = nb.build_tuple(%0, %1, %2, %3, %4) : (f64, f64, f64, f64, i1) -> tuple<f64, f64, f64, f64, i1>
  nb.return %t : tuple<f64, f64, f64, f64, i1>
}

// -----

// Comparisons in the promoted type: signed, unsigned and ordered float
// predicates; != is unordered so that NaN != NaN; None is only ever None.
// CHECK-LABEL: func.func @comparisons
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64, %[[X:[^:]*]]: f64, %[[U:[^:]*]]: i32)
// CHECK-SAME: -> (i32, i1, i1, i1, i1, i1, i1)
// CHECK: %[[LT:.*]] = arith.cmpi slt, %[[A]], %[[B]] : i64
// CHECK: %[[FLT:.*]] = arith.cmpf olt, %[[X]], %[[X]] : f64
// CHECK: %[[AF:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: %[[NE:.*]] = arith.cmpf une, %[[X]], %[[AF]] : f64
// CHECK: %[[U1:.*]] = arith.extui %[[U]] : i32 to i64
// CHECK: %[[U2:.*]] = arith.extui %[[U]] : i32 to i64
// CHECK: %[[GE:.*]] = arith.cmpi uge, %[[U1]], %[[U2]] : i64
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[A]], %[[B]] : i64
// CHECK: %[[IS:.*]] = arith.constant false
// CHECK: return %{{.*}}, %[[LT]], %[[FLT]], %[[NE]], %[[GE]], %[[EQ]], %[[IS]]
func.func @comparisons(%a: si64, %b: si64, %x: f64, %u: ui32, %n: !nb.none) -> tuple<i1, i1, i1, i1, i1, i1> {
  %0 = nb.compare lt %a, %b : (si64, si64) -> i1
  %1 = nb.compare lt %x, %x : (f64, f64) -> i1
  %2 = nb.compare ne %x, %a : (f64, si64) -> i1
  %3 = nb.compare ge %u, %u : (ui32, ui32) -> i1
  %4 = nb.compare is %a, %b : (si64, si64) -> i1
  %5 = nb.compare is %n, %a : (!nb.none, si64) -> i1
  %t = nb.build_tuple(%0, %1, %2, %3, %4, %5) : (i1, i1, i1, i1, i1, i1) -> tuple<i1, i1, i1, i1, i1, i1>
  nb.return %t : tuple<i1, i1, i1, i1, i1, i1>
}

// -----

// Casts between numbers; to bool is truthiness.
// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[S:[^:]*]]: i32, %[[X:[^:]*]]: f64, %[[F:[^:]*]]: f32, %[[T:[^:]*]]: i1, %[[U:[^:]*]]: i8)
// CHECK: %[[C0:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: %[[C1:.*]] = arith.extsi %[[S]] : i32 to i64
// CHECK: %[[C2:.*]] = arith.fptosi %[[X]] : f64 to i64
// CHECK: %[[C3:.*]] = arith.cmpf une, %[[X]], %{{.*}} : f64
// CHECK: %[[C4:.*]] = arith.uitofp %[[T]] : i1 to f64
// CHECK: %[[C5:.*]] = arith.extf %[[F]] : f32 to f64
// CHECK: %[[C6:.*]] = arith.trunci %[[A]] : i64 to i32
// CHECK: %[[C7:.*]] = arith.extui %[[U]] : i8 to i64
// CHECK: %[[C8:.*]] = arith.truncf %[[X]] : f64 to f32
// CHECK: %[[C9:.*]] = arith.fptoui %[[X]] : f64 to i8
// CHECK: return %{{.*}}, %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]], %[[C7]], %[[C8]], %[[C9]], %[[A]]
func.func @casts(%a: si64, %s: si32, %x: f64, %f: f32, %t: i1, %u: ui8) -> tuple<f64, si64, si64, i1, f64, f64, si32, si64, f32, ui8, si64> {
  %0 = nb.cast %a : si64 to f64
  %1 = nb.cast %s : si32 to si64
  %2 = nb.cast %x : f64 to si64
  %3 = nb.cast %x : f64 to i1
  %4 = nb.cast %t : i1 to f64
  %5 = nb.cast %f : f32 to f64
  %6 = nb.cast %a : si64 to si32
  %7 = nb.cast %u : ui8 to si64
  %8 = nb.cast %x : f64 to f32
  %9 = nb.cast %x : f64 to ui8
  %10 = nb.cast %a : si64 to si64
  %r = nb.build_tuple(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10) : (f64, si64, si64, i1, f64, f64, si32, si64, f32, ui8, si64) -> tuple<f64, si64, si64, i1, f64, f64, si32, si64, f32, ui8, si64>
  nb.return %r : tuple<f64, si64, si64, i1, f64, f64, si32, si64, f32, ui8, si64>
}

// -----

// Truthiness for branches: ints compare with 0, floats are unordered-or-
// not-equal (NaN is true), bools are themselves, None is false.
// CHECK-LABEL: func.func @truth
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[X:[^:]*]]: f64, %[[T:[^:]*]]: i1)
// CHECK: %[[IZ:.*]] = arith.constant 0 : i64
// CHECK: %[[I:.*]] = arith.cmpi ne, %[[A]], %[[IZ]] : i64
// CHECK: %[[FZ:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[F:.*]] = arith.cmpf une, %[[X]], %[[FZ]] : f64
// CHECK: %[[N:.*]] = arith.constant false
// CHECK: return %{{.*}}, %[[I]], %[[F]], %[[T]], %[[N]] : i32, i1, i1, i1, i1
func.func @truth(%a: si64, %x: f64, %t: i1, %n: !nb.none) -> tuple<i1, i1, i1, i1> {
  %0 = nb.truth %a : si64
  %1 = nb.truth %x : f64
  %2 = nb.truth %t : i1
  %3 = nb.truth %n : !nb.none
  %r = nb.build_tuple(%0, %1, %2, %3) : (i1, i1, i1, i1) -> tuple<i1, i1, i1, i1>
  nb.return %r : tuple<i1, i1, i1, i1>
}

// -----

// Constants in their std type; None is nothing at all.
// CHECK-LABEL: func.func @constants
// CHECK-SAME: () -> (i32, i64, f64, i1)
// CHECK-DAG: %[[I:.*]] = arith.constant -7 : i64
// CHECK-DAG: %[[F:.*]] = arith.constant 2.500000e+00 : f64
// CHECK-DAG: %[[B:.*]] = arith.constant true
// CHECK: return %{{.*}}, %[[I]], %[[F]], %[[B]] : i32, i64, f64, i1
func.func @constants() -> tuple<si64, f64, i1> {
  %0 = nb.const(-7) : si64
  %1 = nb.const(2.5) : f64
  %2 = nb.const(true) : i1
  %3 = nb.const(unit) : !nb.none
  %r = nb.build_tuple(%0, %1, %2) : (si64, f64, i1) -> tuple<si64, f64, i1>
  nb.return %r : tuple<si64, f64, i1>
}

// -----

//===----------------------------------------------------------------------===//
// Arrays
//===----------------------------------------------------------------------===//

// C-contiguous arrays are identity-layout memrefs, others (F, A) fully
// strided; element types are signless.
// Negative indices wrap: select(i < 0, i + dim, i), then memref.load; bool
// indices need no wrap.
// CHECK-LABEL: func.func @getitem
// CHECK-SAME: (%[[A:[^:]*]]: memref<?x?xf64>, %[[B:[^:]*]]: memref<?xf32, strided<[?], offset: ?>>, %[[C:[^:]*]]: memref<?x?xi16, strided<[?, ?], offset: ?>>, %[[I:[^:]*]]: i64, %[[T:[^:]*]]: i1)
// CHECK: %[[II:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK-DAG: %[[DIM0:.*]] = memref.dim %[[A]], %{{.*}} : memref<?x?xf64>
// CHECK-DAG: %[[NEG:.*]] = arith.cmpi slt, %[[II]], %{{.*}} : index
// CHECK-DAG: %[[WRAP:.*]] = arith.addi %[[II]], %[[DIM0]] : index
// CHECK: %[[IDX:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[II]] : index
// CHECK: %[[T64:.*]] = arith.extui %[[T]] : i1 to i64
// CHECK: %[[TI:.*]] = arith.index_cast %[[T64]] : i64 to index
// CHECK-NOT: arith.select
// CHECK: %[[X:.*]] = memref.load %[[A]][%[[IDX]], %[[TI]]] : memref<?x?xf64>
// CHECK: %[[Y:.*]] = memref.load %[[B]][%{{.*}}] : memref<?xf32, strided<[?], offset: ?>>
// CHECK: return %{{.*}}, %[[X]], %[[Y]] : i32, f64, f32
func.func @getitem(%a: !nb.array<f64, 2, C>, %b: !nb.array<f32, 1, A>, %c: !nb.array<si16, 2, F>, %i: si64, %t: i1) -> tuple<f64, f32> {
  %0 = nb.getitem %a[%i, %t] : (!nb.array<f64, 2, C>, si64, i1) -> f64
  %1 = nb.static_getitem %b[-1] : !nb.array<f32, 1, A> -> f32
  %r = nb.build_tuple(%0, %1) : (f64, f32) -> tuple<f64, f32>
  nb.return %r : tuple<f64, f32>
}

// -----

// The stored value is converted to the array's dtype.
// CHECK-LABEL: func.func @setitem
// CHECK-SAME: (%[[A:[^:]*]]: memref<?xf32, strided<[?], offset: ?>>, %[[I:[^:]*]]: i32, %[[V:[^:]*]]: f64)
// CHECK: %[[I64:.*]] = arith.extsi %[[I]] : i32 to i64
// CHECK: %[[II:.*]] = arith.index_cast %[[I64]] : i64 to index
// CHECK: %[[IDX:.*]] = arith.select %{{.*}}, %{{.*}}, %[[II]] : index
// CHECK: %[[V32:.*]] = arith.truncf %[[V]] : f64 to f32
// CHECK: memref.store %[[V32]], %[[A]][%[[IDX]]] : memref<?xf32, strided<[?], offset: ?>>
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK: return %[[OK]] : i32
func.func @setitem(%a: !nb.array<f32, 1, A>, %i: si32, %v: f64) -> !nb.none {
  nb.setitem %a[%i], %v : (!nb.array<f32, 1, A>, si32, f64) -> ()
  %n = nb.const(unit) : !nb.none
  nb.return %n : !nb.none
}

// -----

// shape is memref.dim per dimension, len() the first; strides scale the
// element strides to bytes.
// CHECK-LABEL: func.func @shape
// CHECK-SAME: (%[[A:[^:]*]]: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> (i32, i64, i64, i64, i64, i64)
// CHECK: %[[D0:.*]] = memref.dim %[[A]], %{{.*}}
// CHECK: %[[N0:.*]] = arith.index_cast %[[D0]] : index to i64
// CHECK: %[[D1:.*]] = memref.dim %[[A]], %{{.*}}
// CHECK: %[[N1:.*]] = arith.index_cast %[[D1]] : index to i64
// CHECK: %[[L:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %{{.*}}, %{{.*}}, %{{.*}}:2, %[[STRIDES:.*]]:2 = memref.extract_strided_metadata %[[A]]
// CHECK: %[[S0:.*]] = arith.index_cast %[[STRIDES]]#0 : index to i64
// CHECK: %[[FOUR:.*]] = arith.constant 4 : i64
// CHECK: %[[B0:.*]] = arith.muli %[[S0]], %[[FOUR]] : i64
// CHECK: return %{{.*}}, %[[N0]], %[[N1]], %[[N1]], %[[L]], %[[B0]]
func.func @shape(%a: !nb.array<f32, 2, A>) -> tuple<si64, si64, si64, si64, si64> {
  %s = nb.getattr %a, "shape" : !nb.array<f32, 2, A> -> tuple<si64, si64>
  %0 = nb.static_getitem %s[0] : tuple<si64, si64> -> si64
  %1 = nb.static_getitem %s[1] : tuple<si64, si64> -> si64
  %2 = nb.static_getitem %s[-1] : tuple<si64, si64> -> si64
  %len = nb.global("len") : !nb.function<"len">
  %3 = nb.call %len(%a) : (!nb.function<"len">, !nb.array<f32, 2, A>) -> si64
  %st = nb.getattr %a, "strides" : !nb.array<f32, 2, A> -> tuple<si64, si64>
  %4 = nb.static_getitem %st[0] : tuple<si64, si64> -> si64
  %r = nb.build_tuple(%0, %1, %2, %3, %4) : (si64, si64, si64, si64, si64) -> tuple<si64, si64, si64, si64, si64>
  nb.return %r : tuple<si64, si64, si64, si64, si64>
}

// -----

// ndim and itemsize are constants; size is the product of the dims.
// CHECK-LABEL: func.func @array_constants
// CHECK-DAG: %[[NDIM:.*]] = arith.constant 3 : i64
// CHECK-DAG: %[[ITEM:.*]] = arith.constant 2 : i64
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: %[[P0:.*]] = arith.muli %[[ONE]], %{{.*}} : i64
// CHECK: %[[P1:.*]] = arith.muli %[[P0]], %{{.*}} : i64
// CHECK: %[[SIZE:.*]] = arith.muli %[[P1]], %{{.*}} : i64
// CHECK: return %{{.*}}, %[[NDIM]], %[[ITEM]], %[[SIZE]] : i32, i64, i64, i64
func.func @array_constants(%a: !nb.array<ui16, 3, C>) -> tuple<si64, si64, si64> {
  %0 = nb.getattr %a, "ndim" : !nb.array<ui16, 3, C> -> si64
  %1 = nb.getattr %a, "itemsize" : !nb.array<ui16, 3, C> -> si64
  %2 = nb.getattr %a, "size" : !nb.array<ui16, 3, C> -> si64
  %r = nb.build_tuple(%0, %1, %2) : (si64, si64, si64) -> tuple<si64, si64, si64>
  nb.return %r : tuple<si64, si64, si64>
}

// -----

//===----------------------------------------------------------------------===//
// Tuples are flattened
//===----------------------------------------------------------------------===//

// A tuple argument is one argument per element, a tuple result one result
// per element; constant subscripts pick the element, run-time ones select,
// after wrapping a negative index and raising IndexError("tuple index out
// of range") outside the tuple (status 11, a recorded exception).
// CHECK-LABEL: func.func @tuples
// CHECK-SAME: (%[[A0:[^:]*]]: i64, %[[A1:[^:]*]]: f64, %[[I:[^:]*]]: i64, %[[H0:[^:]*]]: i32, %[[H1:[^:]*]]: i32, %[[H2:[^:]*]]: i32)
// CHECK-SAME: -> (i32, f64, i64, i32)
// CHECK: %[[THREE:.*]] = arith.constant 3 : i64
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[I]], %[[ZERO]] : i64
// CHECK: %[[WRAP:.*]] = arith.addi %[[I]], %[[THREE]] : i64
// CHECK: %[[IDX:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[I]] : i64
// CHECK: %[[LOW:.*]] = arith.cmpi slt, %[[IDX]], %[[ZERO]] : i64
// CHECK: %[[HIGH:.*]] = arith.cmpi sge, %[[IDX]], %[[THREE]] : i64
// CHECK: %[[OUT:.*]] = arith.ori %[[LOW]], %[[HIGH]] : i1
// CHECK: %[[STATUS:.*]] = arith.constant 11 : i32
// CHECK: cf.cond_br %[[OUT]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: call @mumbaRaiseUser
// CHECK: return %[[STATUS]]
// CHECK: ^[[OK]]:
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[IDX]], %{{.*}} : i64
// CHECK: %[[SEL1:.*]] = arith.select %[[IS1]], %[[H1]], %[[H0]] : i32
// CHECK: %[[IS2:.*]] = arith.cmpi eq, %[[IDX]], %{{.*}} : i64
// CHECK: %[[SEL2:.*]] = arith.select %[[IS2]], %[[H2]], %[[SEL1]] : i32
// CHECK: return %{{.*}}, %[[A1]], %[[A0]], %[[SEL2]] : i32, f64, i64, i32
func.func @tuples(%a: tuple<si64, f64>, %i: si64, %h: tuple<si32, si32, si32>) -> tuple<f64, si64, si32> {
  %0 = nb.static_getitem %a[1] : tuple<si64, f64> -> f64
  %1 = nb.static_getitem %a[-2] : tuple<si64, f64> -> si64
  %2 = nb.getitem %h[%i] : (tuple<si32, si32, si32>, si64) -> si32
  %3 = nb.build_tuple(%0, %1, %2) : (f64, si64, si32) -> tuple<f64, si64, si32>
  %4 = nb.exhaust_iter %3, 3 : tuple<f64, si64, si32> -> tuple<f64, si64, si32>
  nb.return %4 : tuple<f64, si64, si32>
}

// A tuple of tuples selects each lowered value; an unsigned index is not
// wrapped, and from 2**63 on it is too big for Python's index type.
// CHECK-LABEL: func.func @tuple_of_pairs
// CHECK-SAME: (%[[P0:[^:]*]]: f64, %[[P1:[^:]*]]: i64, %[[Q0:[^:]*]]: f64, %[[Q1:[^:]*]]: i64, %[[U:[^:]*]]: i64)
// CHECK: %[[TWO:.*]] = arith.constant 2 : i64
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[HUGE:.*]] = arith.cmpi slt, %[[U]], %[[ZERO]] : i64
// CHECK: cf.cond_br %[[HUGE]]
// CHECK: %[[OUT:.*]] = arith.cmpi uge, %[[U]], %[[TWO]] : i64
// CHECK: cf.cond_br %[[OUT]]
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[U]], %{{.*}} : i64
// CHECK: %[[R0:.*]] = arith.select %[[IS1]], %[[Q0]], %[[P0]] : f64
// CHECK: %[[R1:.*]] = arith.select %[[IS1]], %[[Q1]], %[[P1]] : i64
// CHECK: return %{{.*}}, %[[R0]], %[[R1]] : i32, f64, i64
func.func @tuple_of_pairs(%t: tuple<tuple<f64, si64>, tuple<f64, si64>>, %u: ui64) -> tuple<f64, si64> {
  %0 = nb.getitem %t[%u] : (tuple<tuple<f64, si64>, tuple<f64, si64>>, ui64) -> tuple<f64, si64>
  nb.return %0 : tuple<f64, si64>
}

// -----

// Nested tuples flatten depth first.
// CHECK-LABEL: func.func @nested_tuples
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: f64, %[[D:[^:]*]]: i64) -> (i32, i64, f64, i64)
// CHECK-NEXT: %[[OK:.*]] = arith.constant 0 : i32
// CHECK-NEXT: return %[[OK]], %[[D]], %[[B]], %[[A]] : i32, i64, f64, i64
func.func @nested_tuples(%t: tuple<tuple<si64, f64>, si64>) -> tuple<tuple<si64, f64>, si64> {
  %in = nb.static_getitem %t[0] : tuple<tuple<si64, f64>, si64> -> tuple<si64, f64>
  %a = nb.static_getitem %in[0] : tuple<si64, f64> -> si64
  %b = nb.static_getitem %in[1] : tuple<si64, f64> -> f64
  %d = nb.static_getitem %t[1] : tuple<tuple<si64, f64>, si64> -> si64
  %in2 = nb.build_tuple(%d, %b) : (si64, f64) -> tuple<si64, f64>
  %t2 = nb.build_tuple(%in2, %a) : (tuple<si64, f64>, si64) -> tuple<tuple<si64, f64>, si64>
  nb.return %t2 : tuple<tuple<si64, f64>, si64>
}

// -----

//===----------------------------------------------------------------------===//
// Iteration
//===----------------------------------------------------------------------===//

// `for i in range(n)`: the cursor is a stack slot at the function's entry;
// iternext loads it, tests it against stop in the direction of step, and
// stores the next value.
// CHECK-LABEL: func.func @range_loop
// CHECK-SAME: (%[[N:[^:]*]]: i64) -> (i32, i64)
// CHECK: %[[CURSOR:.*]] = memref.alloca() : memref<i64>
// CHECK: %[[STEP:.*]] = arith.constant 1 : i64
// CHECK: memref.store %{{.*}}, %[[CURSOR]][] : memref<i64>
// CHECK: cf.br ^[[HEAD:bb[0-9]+]](%{{.*}} : i64)
// CHECK: ^[[HEAD]](%[[T:.*]]: i64):
// CHECK: %[[I:.*]] = memref.load %[[CURSOR]][] : memref<i64>
// CHECK: %[[UP:.*]] = arith.cmpi sgt, %[[STEP]], %{{.*}} : i64
// CHECK: %[[BELOW:.*]] = arith.cmpi slt, %[[I]], %[[N]] : i64
// CHECK: %[[ABOVE:.*]] = arith.cmpi sgt, %[[I]], %[[N]] : i64
// CHECK: %[[VALID:.*]] = arith.select %[[UP]], %[[BELOW]], %[[ABOVE]] : i1
// CHECK: %[[NEXT:.*]] = arith.addi %[[I]], %[[STEP]] : i64
// CHECK: memref.store %[[NEXT]], %[[CURSOR]][] : memref<i64>
// CHECK: cf.cond_br %[[VALID]], ^[[BODY:bb[0-9]+]], ^[[EXIT:bb[0-9]+]]
// CHECK: ^[[BODY]]:
// CHECK: %[[SUM:.*]] = arith.addi %[[T]], %[[I]] : i64
// CHECK: cf.br ^[[HEAD]](%[[SUM]] : i64)
// CHECK: ^[[EXIT]]:
// CHECK: return %{{.*}}, %[[T]] : i32, i64
func.func @range_loop(%arg0: si64) -> si64 {
  %0 = nb.arg 0 "n" : si64
  %1 = nb.const(0) : si64
  %2 = nb.global("range") : !nb.function<"range">
  %3 = nb.call %2(%0) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %4 = nb.getiter %3 : !nb.range<si64> -> !nb.range_iter<si64>
  cf.br ^bb1(%1 : si64)
^bb1(%5: si64):
  %6 = nb.iternext %4 : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %7 = nb.pair_second %6 : !nb.pair<si64, i1> -> i1
  %8 = nb.truth %7 : i1
  cf.cond_br %8, ^bb2, ^bb3
^bb2:
  %9 = nb.pair_first %6 : !nb.pair<si64, i1> -> si64
  %10 = nb.inplace_binop add %5, %9 : (si64, si64) -> si64
  cf.br ^bb1(%10 : si64)
^bb3:
  nb.return %5 : si64
}

// -----

// A nested loop's cursor is allocated at the entry too, not in the loop.
// CHECK-LABEL: func.func @nested_range_loops
// CHECK: memref.alloca() : memref<i64>
// CHECK: memref.alloca() : memref<i64>
// CHECK: cf.br
// CHECK-NOT: memref.alloca
// CHECK: return
func.func @nested_range_loops(%n: si64) -> !nb.none {
  %range = nb.global("range") : !nb.function<"range">
  %r = nb.call %range(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %it = nb.getiter %r : !nb.range<si64> -> !nb.range_iter<si64>
  cf.br ^outer
^outer:
  %p = nb.iternext %it : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %ok = nb.pair_second %p : !nb.pair<si64, i1> -> i1
  cf.cond_br %ok, ^inner_init, ^exit
^inner_init:
  %r2 = nb.call %range(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %it2 = nb.getiter %r2 : !nb.range<si64> -> !nb.range_iter<si64>
  cf.br ^inner
^inner:
  %p2 = nb.iternext %it2 : !nb.range_iter<si64> -> !nb.pair<si64, i1>
  %ok2 = nb.pair_second %p2 : !nb.pair<si64, i1> -> i1
  cf.cond_br %ok2, ^inner, ^outer
^exit:
  %none = nb.const(unit) : !nb.none
  nb.return %none : !nb.none
}

// -----

// range(start, stop, step) raises status 7 (MUMBA_RANGE_STEP_ZERO) for a
// zero step; len() of a range is max(0, ceildiv(stop - start, step)).
// CHECK-LABEL: func.func @range_step
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64, %[[S:[^:]*]]: i64)
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[S]], %{{.*}} : i64
// CHECK: %[[STATUS:.*]] = arith.constant 7 : i32
// CHECK: cf.cond_br %[[ISZERO]], ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: return %[[STATUS]], %{{.*}} : i32, i64
// CHECK: ^[[OK]]:
// CHECK: %[[DIFF:.*]] = arith.subi %[[B]], %[[A]] : i64
// CHECK: %[[N:.*]] = arith.ceildivsi %[[DIFF]], %[[S]] : i64
// CHECK: %[[LEN:.*]] = arith.maxsi %[[N]], %{{.*}} : i64
// CHECK: return %{{.*}}, %[[LEN]] : i32, i64
func.func @range_step(%a: si64, %b: si64, %s: si64) -> si64 {
  %range = nb.global("range") : !nb.function<"range">
  %r = nb.call %range(%a, %b, %s) : (!nb.function<"range">, si64, si64, si64) -> !nb.range<si64>
  %len = nb.global("len") : !nb.function<"len">
  %n = nb.call %len(%r) : (!nb.function<"len">, !nb.range<si64>) -> si64
  nb.return %n : si64
}

// -----

// `for x in a` over a 1-D array: a cursor, and a load guarded by scf.if.
// CHECK-LABEL: func.func @array_loop
// CHECK-SAME: (%[[A:[^:]*]]: memref<?xf64>) -> (i32, f64)
// CHECK: %[[CURSOR:.*]] = memref.alloca() : memref<i64>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: memref.store %[[ZERO]], %[[CURSOR]][] : memref<i64>
// CHECK: %[[I:.*]] = memref.load %[[CURSOR]][] : memref<i64>
// CHECK: %[[DIM:.*]] = memref.dim %[[A]], %{{.*}} : memref<?xf64>
// CHECK: %[[SIZE:.*]] = arith.index_cast %[[DIM]] : index to i64
// CHECK: %[[VALID:.*]] = arith.cmpi slt, %[[I]], %[[SIZE]] : i64
// CHECK: %[[NEXT:.*]] = arith.addi %[[I]], %{{.*}} : i64
// CHECK: memref.store %[[NEXT]], %[[CURSOR]][] : memref<i64>
// CHECK: %[[X:.*]] = scf.if %[[VALID]] -> (f64) {
// CHECK:   %[[IDX:.*]] = arith.index_cast %[[I]] : i64 to index
// CHECK:   %[[L:.*]] = memref.load %[[A]][%[[IDX]]] : memref<?xf64>
// CHECK:   scf.yield %[[L]] : f64
// CHECK: } else {
// CHECK:   %[[P:.*]] = ub.poison : f64
// CHECK:   scf.yield %[[P]] : f64
// CHECK: }
// CHECK: return %{{.*}}, %[[X]] : i32, f64
func.func @array_loop(%a: !nb.array<f64, 1, C>) -> f64 {
  %it = nb.getiter %a : !nb.array<f64, 1, C> -> !nb.array_iter<!nb.array<f64, 1, C>>
  %p = nb.iternext %it : !nb.array_iter<!nb.array<f64, 1, C>> -> !nb.pair<f64, i1>
  %x = nb.pair_first %p : !nb.pair<f64, i1> -> f64
  nb.return %x : f64
}

// -----

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

// A call to another jitted function: func.call with flattened arguments,
// then its status passes on to our caller. The specialisation loses its
// nb.template attribute.
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[T0:[^:]*]]: f64, %[[T1:[^:]*]]: f64) -> (i32, f64)
// CHECK: %[[R:.*]]:2 = call @callee(%[[A]], %[[T0]], %[[T1]]) : (i64, f64, f64) -> (i32, f64)
// CHECK: %[[OK:.*]] = arith.constant 0 : i32
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[R]]#0, %[[OK]] : i32
// CHECK: cf.cond_br %[[FAILED]], ^[[RAISE:bb[0-9]+]], ^[[CONT:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: %[[P:.*]] = ub.poison : f64
// CHECK: return %[[R]]#0, %[[P]] : i32, f64
// CHECK: ^[[CONT]]:
// CHECK: return %{{.*}}, %[[R]]#1 : i32, f64
// CHECK-LABEL: func.func private @callee
// CHECK-SAME: (%{{.*}}: i64, %{{.*}}: f64, %{{.*}}: f64) -> (i32, f64) {
// CHECK-NOT: nb.template
func.func @caller(%arg0: si64, %arg1: tuple<f64, f64>) -> f64 {
  %0 = nb.global(@callee) : !nb.dispatcher<"callee">
  %1 = nb.call %0(%arg0, %arg1) : (!nb.dispatcher<"callee">, si64, tuple<f64, f64>) -> f64
  nb.return %1 : f64
}
func.func private @callee(%arg0: si64, %arg1: tuple<f64, f64>) -> f64 attributes {nb.template = "callee"} {
  %0 = nb.static_getitem %arg1[0] : tuple<f64, f64> -> f64
  nb.return %0 : f64
}

// -----

// A callee that returns None returns only its status; the call still checks.
// CHECK-LABEL: func.func @call_none
// CHECK: %[[S:.*]] = call @side_effect(%{{.*}}, %{{.*}}) : (memref<?xf64>, i64) -> i32
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[S]], %{{.*}} : i32
// CHECK: cf.cond_br %[[FAILED]], ^[[RAISE:bb[0-9]+]], ^{{.*}}
// CHECK: ^[[RAISE]]:
// CHECK-NEXT: return %[[S]] : i32
func.func @call_none(%a: !nb.array<f64, 1, C>, %i: si64) -> !nb.none {
  %0 = nb.global(@side_effect) : !nb.dispatcher<"side_effect">
  %1 = nb.call %0(%a, %i) : (!nb.dispatcher<"side_effect">, !nb.array<f64, 1, C>, si64) -> !nb.none
  nb.return %1 : !nb.none
}
func.func private @side_effect(%a: !nb.array<f64, 1, C>, %i: si64) -> !nb.none {
  %v = nb.const(1.0) : f64
  nb.setitem %a[%i], %v : (!nb.array<f64, 1, C>, si64, f64) -> ()
  %n = nb.const(unit) : !nb.none
  nb.return %n : !nb.none
}

// -----

// Builtins and math lower inline; modules and functions are compile-time
// values with nothing left at run time; math.pi is a constant.
// CHECK-LABEL: func.func @builtins
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[X:[^:]*]]: f64, %[[F:[^:]*]]: f32)
// min() keeps the first of equal arguments: select(next < best, next, best).
// CHECK: %[[AF:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: %[[LT:.*]] = arith.cmpf olt, %[[X]], %[[AF]] : f64
// CHECK: %[[MIN:.*]] = arith.select %[[LT]], %[[X]], %[[AF]] : f64
// CHECK: %[[MAXC:.*]] = arith.cmpi sgt, %{{.*}}, %[[A]] : i64
// CHECK: %[[MAX:.*]] = arith.select %[[MAXC]]
// CHECK: %[[ABS:.*]] = math.absi %[[A]] : i64
// CHECK: %[[ABSF:.*]] = math.absf %[[F]] : f32
// CHECK: %[[AF2:.*]] = arith.sitofp %[[A]] : i64 to f64
// CHECK: %[[SQRT:.*]] = math.sqrt %[[AF2]] : f64
// CHECK: %[[PI:.*]] = arith.constant 3.1415926535897931 : f64
// CHECK: %[[EXP:.*]] = math.exp %[[F]] : f32
// CHECK: %[[FL:.*]] = math.floor %[[X]] : f64
// CHECK: %[[FLI:.*]] = arith.fptosi %[[FL]] : f64 to i64
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f64
// CHECK: %[[INT:.*]] = arith.fptosi %[[X]] : f64 to i64
// CHECK: return %{{.*}}, %[[MIN]], %[[MAX]], %[[ABS]], %[[ABSF]], %[[SQRT]], %[[PI]], %[[EXP]], %[[FLI]], %[[NAN]], %[[INT]]
func.func @builtins(%a: si64, %x: f64, %f: f32) -> tuple<f64, si64, si64, f32, f64, f64, f32, si64, i1, si64> {
  %min = nb.global("min") : !nb.function<"min">
  %0 = nb.call %min(%a, %x) : (!nb.function<"min">, si64, f64) -> f64
  %max = nb.global("max") : !nb.function<"max">
  %c = nb.const(3) : si64
  %1 = nb.call %max(%a, %c) : (!nb.function<"max">, si64, si64) -> si64
  %abs = nb.global("abs") : !nb.function<"abs">
  %2 = nb.call %abs(%a) : (!nb.function<"abs">, si64) -> si64
  %3 = nb.call %abs(%f) : (!nb.function<"abs">, f32) -> f32
  %m = nb.global("math") : !nb.module<"math">
  %sqrt = nb.getattr %m, "sqrt" : !nb.module<"math"> -> !nb.function<"math.sqrt">
  %4 = nb.call %sqrt(%a) : (!nb.function<"math.sqrt">, si64) -> f64
  %5 = nb.getattr %m, "pi" : !nb.module<"math"> -> f64
  %np = nb.global("numpy") : !nb.module<"numpy">
  %exp = nb.getattr %np, "exp" : !nb.module<"numpy"> -> !nb.function<"numpy.exp">
  %6 = nb.call %exp(%f) : (!nb.function<"numpy.exp">, f32) -> f32
  %floor = nb.getattr %m, "floor" : !nb.module<"math"> -> !nb.function<"math.floor">
  %7 = nb.call %floor(%x) : (!nb.function<"math.floor">, f64) -> si64
  %isnan = nb.getattr %m, "isnan" : !nb.module<"math"> -> !nb.function<"math.isnan">
  %8 = nb.call %isnan(%x) : (!nb.function<"math.isnan">, f64) -> i1
  %int = nb.global("int") : !nb.function<"int">
  %9 = nb.call %int(%x) : (!nb.function<"int">, f64) -> si64
  %t = nb.build_tuple(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9) : (f64, si64, si64, f32, f64, f64, f32, si64, i1, si64) -> tuple<f64, si64, si64, f32, f64, f64, f32, si64, i1, si64>
  nb.return %t : tuple<f64, si64, si64, f32, f64, f64, f32, si64, i1, si64>
}

// -----

// A value unbound on one path is poison there.
// CHECK-LABEL: func.func @undef
// CHECK: %[[U:.*]] = ub.poison : f64
// CHECK: cf.cond_br %{{.*}}, ^{{.*}}, ^[[JOIN:bb[0-9]+]](%[[U]] : f64)
func.func @undef(%c: i1) -> f64 {
  %u = nb.undef : f64
  cf.cond_br %c, ^bb1, ^bb2(%u : f64)
^bb1:
  %0 = nb.const(1.5) : f64
  cf.br ^bb2(%0 : f64)
^bb2(%1: f64):
  nb.return %1 : f64
}

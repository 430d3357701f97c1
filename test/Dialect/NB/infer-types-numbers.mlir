// RUN: mumba-opt %s -nb-reconstruct-ssa -nb-infer-types | FileCheck %s
// RUN: mumba-opt %s -nb-reconstruct-ssa -nb-infer-types | mumba-opt -nb-infer-types | FileCheck %s

// Typing rules of numbers, literals, complex numbers, tuples and merges.

// Numba's arithmetic: ints widen to 64 bits (unsigned stays unsigned, uint64
// with a signed int is float64), float32 holds ints of up to 16 bits, bool
// counts as unsigned with unsigned ints.
// CHECK-LABEL: func.func @arithmetic
// CHECK-SAME: -> !nb.none
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (si8, si8) -> si64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui8, ui8) -> ui64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (si8, ui8) -> si64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui64, si64) -> f64
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (f32, si16) -> f32
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (f32, si32) -> f64
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (si16, si16) -> f64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (i1, ui8) -> ui64
func.func @arithmetic(%i8: si8, %u8: ui8, %u64: ui64, %i64: si64, %f32: f32, %i16: si16, %i32: si32, %b: i1) -> !nb.unknown {
  %0 = nb.binop add %i8, %i8 : (si8, si8) -> !nb.unknown
  %1 = nb.binop add %u8, %u8 : (ui8, ui8) -> !nb.unknown
  %2 = nb.binop add %i8, %u8 : (si8, ui8) -> !nb.unknown
  %3 = nb.binop add %u64, %i64 : (ui64, si64) -> !nb.unknown
  %4 = nb.binop mul %f32, %i16 : (f32, si16) -> !nb.unknown
  %5 = nb.binop mul %f32, %i32 : (f32, si32) -> !nb.unknown
  %6 = nb.binop truediv %i16, %i16 : (si16, si16) -> !nb.unknown
  %7 = nb.binop add %b, %u8 : (i1, ui8) -> !nb.unknown
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

// Literals: one that only fits uint64 is a uint64; a non-negative int literal
// meets uint64 as uint64 (a negative one does not fit); a negative literal
// exponent makes `**` a float; a string literal is a compile-time !nb.str.
// CHECK-LABEL: func.func @literals
// CHECK-SAME: -> ui64
// CHECK: nb.const(1 : i64) : si64
// CHECK: nb.const(-2 : i64) : si64
// CHECK: nb.const(18446744073709551615 : ui64) : ui64
// CHECK: nb.const("text") : !nb.str<"text">
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui64, si64) -> ui64
// CHECK: nb.binop sub %{{.*}}, %{{.*}} : (ui64, si64) -> f64
// CHECK: nb.binop pow %{{.*}}, %{{.*}} : (si64, si64) -> f64
// CHECK: nb.binop pow %{{.*}}, %{{.*}} : (si64, si64) -> si64
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (ui64, si64) -> ui64
// CHECK: nb.compare eq %{{.*}}, %{{.*}} : (!nb.str<"text">, !nb.str<"text">) -> i1
func.func @literals(%u64: ui64, %i64: si64) -> !nb.unknown {
  %one = nb.const(1) : !nb.unknown
  %minus = nb.const(-2) : !nb.unknown
  %big = nb.const(18446744073709551615 : ui64) : !nb.unknown
  %s = nb.const("text") : !nb.unknown
  %0 = nb.binop add %u64, %one : (ui64, !nb.unknown) -> !nb.unknown
  %1 = nb.binop sub %u64, %minus : (ui64, !nb.unknown) -> !nb.unknown
  %2 = nb.binop pow %i64, %minus : (si64, !nb.unknown) -> !nb.unknown
  %3 = nb.binop pow %i64, %one : (si64, !nb.unknown) -> !nb.unknown
  %4 = nb.binop add %big, %one : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.compare eq %s, %s : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %4 : !nb.unknown
}

// complex64 absorbs float32 and small ints, complex128 the rest; equality,
// truth and `not` give bool; .real and .imag are the parts.
// CHECK-LABEL: func.func @complex
// CHECK-SAME: -> complex<f32>
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (complex<f32>, f32) -> complex<f32>
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (complex<f32>, si16) -> complex<f32>
// CHECK: nb.binop mul %{{.*}}, %{{.*}} : (complex<f32>, si64) -> complex<f64>
// CHECK: nb.binop truediv %{{.*}}, %{{.*}} : (complex<f32>, f64) -> complex<f64>
// CHECK: nb.binop pow %{{.*}}, %{{.*}} : (complex<f64>, si64) -> complex<f64>
// CHECK: nb.unary neg %{{.*}} : complex<f32> -> complex<f32>
// CHECK: nb.unary not %{{.*}} : complex<f64> -> i1
// CHECK: nb.compare eq %{{.*}}, %{{.*}} : (complex<f64>, f64) -> i1
// CHECK: nb.truth %{{.*}} : complex<f64>
// CHECK: nb.getattr %{{.*}}, "real" : complex<f32> -> f32
// CHECK: nb.getattr %{{.*}}, "imag" : complex<f64> -> f64
func.func @complex(%c64: complex<f32>, %c128: complex<f64>, %f32: f32, %f64: f64, %i16: si16, %i64: si64) -> !nb.unknown {
  %0 = nb.binop add %c64, %f32 : (complex<f32>, f32) -> !nb.unknown
  %1 = nb.binop mul %c64, %i16 : (complex<f32>, si16) -> !nb.unknown
  %2 = nb.binop mul %c64, %i64 : (complex<f32>, si64) -> !nb.unknown
  %3 = nb.binop truediv %c64, %f64 : (complex<f32>, f64) -> !nb.unknown
  %4 = nb.binop pow %c128, %i64 : (complex<f64>, si64) -> !nb.unknown
  %5 = nb.unary neg %c64 : complex<f32> -> !nb.unknown
  %6 = nb.unary not %c128 : complex<f64> -> !nb.unknown
  %7 = nb.compare eq %c128, %f64 : (complex<f64>, f64) -> !nb.unknown
  %8 = nb.truth %c128 : complex<f64>
  %9 = nb.getattr %c64, "real" : complex<f32> -> !nb.unknown
  %10 = nb.getattr %c128, "imag" : complex<f64> -> !nb.unknown
  nb.return %0 : !nb.unknown
}

// .real/.imag of real numbers (True.real is the int 1); a.dtype is the
// NumPy scalar type, which converts.
// CHECK-LABEL: func.func @number_attributes
// CHECK-SAME: -> f32
// CHECK: nb.getattr %{{.*}}, "real" : si32 -> si32
// CHECK: nb.getattr %{{.*}}, "imag" : si32 -> si32
// CHECK: nb.getattr %{{.*}}, "real" : i1 -> si64
// CHECK: nb.getattr %{{.*}}, "imag" : f64 -> f64
// CHECK: nb.getattr %{{.*}}, "dtype" : !nb.array<f32, 2, F> -> !nb.dtype<f32>
// CHECK: nb.getattr %{{.*}}, "type" : !nb.dtype<f32> -> !nb.dtype<f32>
// CHECK: nb.call %{{.*}}(%{{.*}}) : (!nb.dtype<f32>, f64) -> f32
func.func @number_attributes(%i: si32, %b: i1, %f: f64, %a: !nb.array<f32, 2, F>) -> !nb.unknown {
  %0 = nb.getattr %i, "real" : si32 -> !nb.unknown
  %1 = nb.getattr %i, "imag" : si32 -> !nb.unknown
  %2 = nb.getattr %b, "real" : i1 -> !nb.unknown
  %3 = nb.getattr %f, "imag" : f64 -> !nb.unknown
  %4 = nb.getattr %a, "dtype" : !nb.array<f32, 2, F> -> !nb.unknown
  %5 = nb.getattr %4, "type" : !nb.unknown -> !nb.unknown
  %6 = nb.call %5(%f) : (!nb.unknown, f64) -> !nb.unknown
  nb.return %6 : !nb.unknown
}

// Tuples concatenate with +, compare lexicographically, support `in`;
// None equals nothing but None; a tuple's truth is its length.
// CHECK-LABEL: func.func @tuples
// CHECK-SAME: -> tuple<si64, si64, f64>
// CHECK: nb.build_tuple(%{{.*}}) : (si64) -> tuple<si64>
// CHECK: nb.binop add %{{.*}}, %{{.*}} : (tuple<si64>, tuple<si64, f64>) -> tuple<si64, si64, f64>
// CHECK: nb.compare lt %{{.*}}, %{{.*}} : (tuple<si64, f64>, tuple<si64, f64>) -> i1
// CHECK: nb.compare in %{{.*}}, %{{.*}} : (si64, tuple<si64, f64>) -> i1
// CHECK: nb.compare eq %{{.*}}, %{{.*}} : (!nb.none, si64) -> i1
// CHECK: nb.truth %{{.*}} : tuple<si64, f64>
// CHECK: nb.unary not %{{.*}} : tuple<si64, f64> -> i1
func.func @tuples(%a: si64, %b: f64, %t: tuple<si64, f64>) -> !nb.unknown {
  %0 = nb.build_tuple(%a) : (si64) -> !nb.unknown
  %1 = nb.binop add %0, %t : (!nb.unknown, tuple<si64, f64>) -> !nb.unknown
  %2 = nb.compare lt %t, %t : (tuple<si64, f64>, tuple<si64, f64>) -> !nb.unknown
  %3 = nb.compare in %a, %t : (si64, tuple<si64, f64>) -> !nb.unknown
  %n = nb.const(unit) : !nb.unknown
  %4 = nb.compare eq %n, %a : (!nb.unknown, si64) -> !nb.unknown
  %5 = nb.truth %t : tuple<si64, f64>
  %6 = nb.unary not %t : tuple<si64, f64> -> !nb.unknown
  nb.return %1 : !nb.unknown
}

// At merges NumPy's promote_types decides: int8/uint8 meet at int16,
// int64/uint64 at float64, float32/int16 at float32, complex64/float64 at
// complex128; casts go on the incoming edges.
// CHECK-LABEL: func.func @merges
// CHECK-SAME: -> tuple<si16, f64, f32, complex<f64>>
// CHECK: nb.truth %{{.*}} : i1
// CHECK: nb.cast %{{.*}} : si8 to si16
// CHECK: nb.cast %{{.*}} : si64 to f64
// CHECK: nb.cast %{{.*}} : complex<f32> to complex<f64>
// CHECK: nb.cast %{{.*}} : ui8 to si16
// CHECK: nb.cast %{{.*}} : ui64 to f64
// CHECK: nb.cast %{{.*}} : si16 to f32
// CHECK: nb.cast %{{.*}} : f64 to complex<f64>
// CHECK: nb.build_tuple(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (si16, f64, f32, complex<f64>) -> tuple<si16, f64, f32, complex<f64>>
func.func @merges(%c: i1, %i8: si8, %u8: ui8, %i64: si64, %u64: ui64, %f32: f32, %i16: si16, %c64: complex<f32>, %f64: f64) -> !nb.unknown {
  %x = nb.var "x"
  %y = nb.var "y"
  %z = nb.var "z"
  %w = nb.var "w"
  %c0 = nb.arg 0 "c" : !nb.unknown
  %t0 = nb.truth %c0 : !nb.unknown
  cf.cond_br %t0, ^a, ^b
^a:
  %a1 = nb.arg 1 "i8" : !nb.unknown
  nb.store_var %a1 to %x : !nb.unknown
  %a3 = nb.arg 3 "i64" : !nb.unknown
  nb.store_var %a3 to %y : !nb.unknown
  %a5 = nb.arg 5 "f32" : !nb.unknown
  nb.store_var %a5 to %z : !nb.unknown
  %a7 = nb.arg 7 "c64" : !nb.unknown
  nb.store_var %a7 to %w : !nb.unknown
  cf.br ^join
^b:
  %a2 = nb.arg 2 "u8" : !nb.unknown
  nb.store_var %a2 to %x : !nb.unknown
  %a4 = nb.arg 4 "u64" : !nb.unknown
  nb.store_var %a4 to %y : !nb.unknown
  %a6 = nb.arg 6 "i16" : !nb.unknown
  nb.store_var %a6 to %z : !nb.unknown
  %a8 = nb.arg 8 "f64" : !nb.unknown
  nb.store_var %a8 to %w : !nb.unknown
  cf.br ^join
^join:
  %lx = nb.load_var %x : !nb.unknown
  %ly = nb.load_var %y : !nb.unknown
  %lz = nb.load_var %z : !nb.unknown
  %lw = nb.load_var %w : !nb.unknown
  %t = nb.build_tuple(%lx, %ly, %lz, %lw) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %t : !nb.unknown
}

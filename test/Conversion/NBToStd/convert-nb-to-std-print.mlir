// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// print: one call of the runtime's mumbaPrint(kind, int, re, im) per piece
// (lib/Runtime/Print.c; kinds in include/mumba/Runtime/Print.h): 1 literal
// text at an address, 2 a signed int, 3 an unsigned one, 6 a float32, 8 a
// complex128, 7 None, and 0 the end text, which writes the line. Strings
// are constant globals; a tuple prints as Python shows it, with the repr of
// its strings.

// CHECK-DAG: memref.global "private" constant @[[X:__mumba_text_[0-9a-f]+]] : memref<4xi8> = dense<[120, 32, 61, 0]>
// CHECK-DAG: memref.global "private" constant @[[SPACE:__mumba_text_[0-9a-f]+]] : memref<2xi8> = dense<[32, 0]>
// CHECK-DAG: memref.global "private" constant @[[QUOTED:__mumba_text_[0-9a-f]+]] : memref<6xi8> = dense<[39, 120, 32, 61, 39, 0]>
// CHECK-DAG: memref.global "private" constant @[[END:__mumba_text_[0-9a-f]+]] : memref<3xi8> = dense<[33, 10, 0]>
// CHECK-DAG: func.func private @mumbaPrint(i32, i64, f64, f64)
// CHECK-LABEL: func.func @print
// CHECK-SAME: (%[[I:[^:]*]]: i8, %[[U:[^:]*]]: i32, %[[F:[^:]*]]: f32, %[[C:[^:]*]]: complex<f64>) -> i32
// CHECK: memref.get_global @[[X]]
// CHECK: call @mumbaPrint(%c1_i32
// CHECK: memref.get_global @[[SPACE]]
// CHECK: %[[IW:.*]] = arith.extsi %[[I]] : i8 to i64
// CHECK: call @mumbaPrint(%c2_i32, %[[IW]],
// CHECK: %[[UW:.*]] = arith.extui %[[U]] : i32 to i64
// CHECK: call @mumbaPrint(%c3_i32, %[[UW]],
// CHECK: %[[FW:.*]] = arith.extf %[[F]] : f32 to f64
// CHECK: call @mumbaPrint(%c6_i32, %{{.*}}, %[[FW]],
// CHECK: %[[RE:.*]] = complex.re %[[C]]
// CHECK: %[[IM:.*]] = complex.im %[[C]]
// CHECK: call @mumbaPrint(%c8_i32, %{{.*}}, %[[RE]], %[[IM]])
// CHECK: call @mumbaPrint(%c7_i32,
// CHECK: memref.get_global @[[QUOTED]]
// CHECK: memref.get_global @[[END]]
// CHECK: call @mumbaPrint(%c0_i32,
// CHECK-NOT: nb.
func.func @print(%i: si8, %u: ui32, %f: f32, %c: complex<f64>) -> !nb.none {
  %s = nb.const("x =") : !nb.str<"x =">
  %n = nb.const(unit) : !nb.none
  %t = nb.build_tuple(%i, %s) : (si8, !nb.str<"x =">) -> tuple<si8, !nb.str<"x =">>
  nb.print(%s, %i, %u, %f, %c, %n, %t) {end = "!\n"} : !nb.str<"x =">, si8, ui32, f32, complex<f64>, !nb.none, tuple<si8, !nb.str<"x =">>
  nb.return %n : !nb.none
}

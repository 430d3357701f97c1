// RUN: mumba-opt %s --mumba-cpu-pipeline -split-input-file | FileCheck %s
// RUN: mumba-opt %s --mumba-cpu-pipeline -split-input-file | FileCheck %s --check-prefix=LLVM-ONLY
// RUN: mumba-opt %s "--mumba-cpu-pipeline=error-model=numpy boundscheck=true" -split-input-file \
// RUN:   | FileCheck %s --check-prefix=OPTS

// The whole @njit pipeline: untyped nb as the frontend writes it, with
// variable slots, to the llvm dialect that mumba-translate and the JIT take.

// Nothing but the llvm dialect is left.
// LLVM-ONLY-NOT: {{[^a-z_.!](nb|arith|memref|cf|func|math|scf|ub)\.[a-z]}}
// LLVM-ONLY-NOT: !nb.

// def sum1d(a):
//     t = 0
//     for i in range(len(a)): t += a[i]
//     return t
// The array is its memref descriptor (allocated and aligned pointers,
// offset, size, stride); the result is the status and a float64.
// CHECK-LABEL: llvm.func @sum1d
// CHECK-SAME: (%[[ALLOC:[^:]*]]: !llvm.ptr, %[[DATA:[^:]*]]: !llvm.ptr, %[[OFF:[^:]*]]: i64, %[[SIZE:[^:]*]]: i64, %[[STRIDE:[^:]*]]: i64)
// CHECK-SAME: -> !llvm.struct<(i32, f64)>
// The range cursor is an SSA value, the loop header's first argument, and
// the index needs no negative wrap-around: it starts at 0 and only grows.
// CHECK: llvm.br ^[[HEAD:bb[0-9]+]](%{{.*}}, %{{.*}} : i64, f64)
// CHECK: ^[[HEAD]](%[[I:.*]]: i64, %[[T:.*]]: f64):
// CHECK: %[[MORE:.*]] = llvm.icmp "slt" %[[I]], %[[SIZE]] : i64
// CHECK: llvm.cond_br %[[MORE]], ^[[BODY:bb[0-9]+]], ^[[EXIT:bb[0-9]+]]
// CHECK: ^[[BODY]]:
// CHECK-NOT: llvm.select
// CHECK: %[[PTR:.*]] = llvm.getelementptr inbounds|nuw %[[DATA]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[X:.*]] = llvm.load %[[PTR]] : !llvm.ptr -> f64
// CHECK: %[[NEXT:.*]] = llvm.fadd %[[T]], %[[X]] : f64
// CHECK: %[[INC:.*]] = llvm.add %[[I]], %{{.*}} : i64
// CHECK: llvm.br ^[[HEAD]](%[[INC]], %[[NEXT]] : i64, f64)
// CHECK: ^[[EXIT]]:
// CHECK: %[[R0:.*]] = llvm.insertvalue %{{.*}}, %{{.*}}[0] : !llvm.struct<(i32, f64)>
// CHECK: %[[R1:.*]] = llvm.insertvalue %[[T]], %[[R0]][1] : !llvm.struct<(i32, f64)>
// CHECK: llvm.return %[[R1]] : !llvm.struct<(i32, f64)>
// OPTS-LABEL: llvm.func @sum1d
// With boundscheck, a[i] for i in range(len(a)) cannot be out of bounds:
// mumba-fold-index-checks drops the check, and the loop stays one loop.
// OPTS-NOT: llvm.call @mumbaRaiseIndexError
// OPTS: llvm.return
func.func @sum1d(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
  %a = nb.var "a"
  %t = nb.var "t"
  %i = nb.var "i"
  %it = nb.var "$iter0"
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %0 to %a : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  nb.store_var %1 to %t : !nb.unknown
  %2 = nb.global("range") : !nb.unknown
  %3 = nb.global("len") : !nb.unknown
  %4 = nb.load_var %a : !nb.unknown
  %5 = nb.call %3(%4) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %6 = nb.call %2(%5) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %7 = nb.getiter %6 : !nb.unknown -> !nb.unknown
  nb.store_var %7 to %it : !nb.unknown
  cf.br ^bb1
^bb1:
  %8 = nb.load_var %it : !nb.unknown
  %9 = nb.iternext %8 : !nb.unknown -> !nb.unknown
  %10 = nb.pair_second %9 : !nb.unknown -> !nb.unknown
  %11 = nb.truth %10 : !nb.unknown
  cf.cond_br %11, ^bb2, ^bb3
^bb2:
  %12 = nb.pair_first %9 : !nb.unknown -> !nb.unknown
  nb.store_var %12 to %i : !nb.unknown
  %13 = nb.load_var %t : !nb.unknown
  %14 = nb.load_var %a : !nb.unknown
  %15 = nb.load_var %i : !nb.unknown
  %16 = nb.getitem %14[%15] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %17 = nb.inplace_binop add %13, %16 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %17 to %t : !nb.unknown
  cf.br ^bb1
^bb3:
  %18 = nb.load_var %t : !nb.unknown
  nb.return %18 : !nb.unknown
}

// -----

// def kernel(a, n): return math.tan(math.sqrt(a[n])) * (n ** n // n)
// Math becomes LLVM intrinsics, integer powers a helper function, and the
// floor division by n raises: structured control flow joins the two
// returns, and the status is 1 exactly when n is zero.
// CHECK-LABEL: llvm.func @kernel
// CHECK-SAME: -> !llvm.struct<(i32, f64)>
// CHECK: %[[SQRT:.*]] = llvm.intr.sqrt(%{{.*}}) : (f64) -> f64
// CHECK: %[[TAN:.*]] = llvm.intr.tan(%[[SQRT]]) : (f64) -> f64
// CHECK: %[[ZERO:.*]] = llvm.icmp "eq" %[[N:.*]], %{{.*}} : i64
// CHECK: %[[POW:.*]] = llvm.call @__mlir_math_ipowi_i64(%[[N]], %[[N]]) : (i64, i64) -> i64
// CHECK: %[[STATUS:.*]] = llvm.zext %[[ZERO]] : i1 to i32
// CHECK: llvm.cond_br %[[ZERO]], ^{{bb[0-9]+}}, ^[[OK:bb[0-9]+]]
// CHECK: ^[[OK]]:
// CHECK: llvm.sdiv %[[POW]], %{{.*}} : i64
// CHECK: llvm.fmul %[[TAN]], %{{.*}} : f64
// CHECK: llvm.br ^{{bb[0-9]+}}(%[[STATUS]], %{{.*}} : i32, f64)
// CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[0] : !llvm.struct<(i32, f64)>
// CHECK: llvm.return
// CHECK: llvm.func linkonce_odr @__mlir_math_ipowi_i64
// Under error_model="numpy" there is no raising branch: a zero divisor
// gives 0.
// a[n] may be out of bounds: it records the IndexError and returns
// status 8.
// OPTS-LABEL: llvm.func @kernel
// OPTS-NOT: llvm.mlir.constant(1 : i32)
// OPTS: %[[EIGHT:.*]] = llvm.mlir.constant(8 : i32) : i32
// OPTS-NOT: llvm.mlir.constant(1 : i32)
// OPTS: llvm.call @mumbaRaiseIndexError(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, i64) -> ()
// OPTS-NOT: llvm.mlir.constant(1 : i32)
// OPTS: llvm.sdiv
// OPTS: llvm.return
func.func @kernel(%arg0: !nb.array<f64, 1, C>, %arg1: si64) -> !nb.unknown {
  %a = nb.var "a"
  %n = nb.var "n"
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %0 to %a : !nb.unknown
  %1 = nb.arg 1 "n" : !nb.unknown
  nb.store_var %1 to %n : !nb.unknown
  %math = nb.global("math") : !nb.unknown
  %sqrt = nb.getattr %math, "sqrt" : !nb.unknown -> !nb.unknown
  %tan = nb.getattr %math, "tan" : !nb.unknown -> !nb.unknown
  %2 = nb.load_var %a : !nb.unknown
  %3 = nb.load_var %n : !nb.unknown
  %4 = nb.getitem %2[%3] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.call %sqrt(%4) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %6 = nb.call %tan(%5) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %7 = nb.binop pow %3, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %8 = nb.binop floordiv %7, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %9 = nb.binop mul %6, %8 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %9 : !nb.unknown
}

// -----

// def caller(x): return twice(x) + twice(2.5)
// @njit def twice(y): return y * 2
// Two specialisations, called with status checks; the template is gone.
// CHECK-LABEL: llvm.func @caller
// CHECK-SAME: (%[[X:[^:]*]]: i64) -> !llvm.struct<(i32, f64)>
// CHECK: %[[R1:.*]] = llvm.call @twice__si64(%[[X]]) : (i64) -> !llvm.struct<(i32, i64)>
// CHECK: %[[S1:.*]] = llvm.extractvalue %[[R1]][0] : !llvm.struct<(i32, i64)>
// CHECK: llvm.icmp "ne" %[[S1]], %{{.*}} : i32
// CHECK: llvm.cond_br
// CHECK: llvm.call @twice__f64(%{{.*}}) : (f64) -> !llvm.struct<(i32, f64)>
// CHECK: llvm.func @twice__si64(%{{.*}}: i64) -> !llvm.struct<(i32, i64)> attributes {sym_visibility = "private"}
// CHECK: llvm.func @twice__f64(%{{.*}}: f64) -> !llvm.struct<(i32, f64)> attributes {sym_visibility = "private"}
// CHECK-NOT: @twice(
func.func @caller(%arg0: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.arg 0 "x" : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  %g = nb.global(@twice) : !nb.unknown
  %1 = nb.load_var %x : !nb.unknown
  %2 = nb.call %g(%1) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %c = nb.const(2.5) : !nb.unknown
  %3 = nb.call %g(%c) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.binop add %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %4 : !nb.unknown
}
func.func private @twice(%arg0: !nb.unknown) -> !nb.unknown {
  %y = nb.var "y"
  %0 = nb.arg 0 "y" : !nb.unknown
  nb.store_var %0 to %y : !nb.unknown
  %1 = nb.load_var %y : !nb.unknown
  %2 = nb.const(2) : !nb.unknown
  %3 = nb.binop mul %1, %2 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %3 : !nb.unknown
}

// -----

// A function returning None returns only its status.
// CHECK-LABEL: llvm.func @fill
// CHECK-SAME: (%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %[[V:[^:]*]]: f64) -> i32
// CHECK: %[[V32:.*]] = llvm.fptrunc %[[V]] : f64 to f32
// CHECK: llvm.store %[[V32]], %{{.*}} : f32, !llvm.ptr
// CHECK: llvm.return %{{.*}} : i32
func.func @fill(%arg0: !nb.array<f32, 1, C>, %arg1: si64, %arg2: f64) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "i" : !nb.unknown
  %2 = nb.arg 2 "v" : !nb.unknown
  nb.setitem %0[%1], %2 : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  %3 = nb.const(unit) : !nb.unknown
  nb.return %3 : !nb.unknown
}

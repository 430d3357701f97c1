// RUN: split-file %s %t
// RUN: mumba-opt %t/kernels.mlir --mumba-cpu-pipeline | grep -v '^}$' > %t/program.mlir
// RUN: cat %t/main.mlir >> %t/program.mlir
// RUN: mlir-runner %t/program.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils -shared-libs=%mumba_runtime | FileCheck %s --match-full-lines

// Untyped nb kernels, as the frontend writes them, compiled by the @njit
// pipeline and run. The driver `main` is written in the llvm dialect against
// the lowered signatures (status first); it cannot sit in the nb file itself
// because its calls would not verify before lowering, so the RUN lines append
// it to the lowered module (whose closing brace grep drops).
// Expected values are CPython's.

// collatz(27), collatz(1): status 0 and the step count.
// CHECK: 0
// CHECK-NEXT: 111
// CHECK-NEXT: 0
// CHECK-NEXT: 0
// gcd with Python's %: gcd(1071, 462), gcd(-12, 18), gcd(12, -18).
// CHECK-NEXT: 21
// CHECK-NEXT: 6
// CHECK-NEXT: -6
// fib(20) through a recursive template.
// CHECK-NEXT: 0
// CHECK-NEXT: 6765
// Floats: -7.5 // 2, -7.5 % 2, hypot(3, 4), 1 / 3.
// CHECK-NEXT: -4
// CHECK-NEXT: 0.5
// CHECK-NEXT: 5
// CHECK-NEXT: 0.333333

//--- kernels.mlir
// def collatz(n):
//     steps = 0
//     while n != 1:
//         if n % 2 == 0: n = n // 2
//         else: n = 3 * n + 1
//         steps += 1
//     return steps
func.func @collatz(%arg0: si64) -> !nb.unknown {
  %n = nb.var "n"
  %steps = nb.var "steps"
  %0 = nb.arg 0 "n" : !nb.unknown
  nb.store_var %0 to %n : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  nb.store_var %1 to %steps : !nb.unknown
  cf.br ^head
^head:
  %2 = nb.load_var %n : !nb.unknown
  %3 = nb.const(1) : !nb.unknown
  %4 = nb.compare ne %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.truth %4 : !nb.unknown
  cf.cond_br %5, ^body, ^exit
^body:
  %6 = nb.load_var %n : !nb.unknown
  %7 = nb.const(2) : !nb.unknown
  %8 = nb.binop mod %6, %7 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %9 = nb.const(0) : !nb.unknown
  %10 = nb.compare eq %8, %9 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %11 = nb.truth %10 : !nb.unknown
  cf.cond_br %11, ^even, ^odd
^even:
  %12 = nb.load_var %n : !nb.unknown
  %13 = nb.const(2) : !nb.unknown
  %14 = nb.binop floordiv %12, %13 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %14 to %n : !nb.unknown
  cf.br ^next
^odd:
  %15 = nb.load_var %n : !nb.unknown
  %16 = nb.const(3) : !nb.unknown
  %17 = nb.binop mul %16, %15 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %18 = nb.const(1) : !nb.unknown
  %19 = nb.binop add %17, %18 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %19 to %n : !nb.unknown
  cf.br ^next
^next:
  %20 = nb.load_var %steps : !nb.unknown
  %21 = nb.const(1) : !nb.unknown
  %22 = nb.inplace_binop add %20, %21 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %22 to %steps : !nb.unknown
  cf.br ^head
^exit:
  %23 = nb.load_var %steps : !nb.unknown
  nb.return %23 : !nb.unknown
}

// def gcd(a, b):
//     while b != 0:
//         t = a % b; a = b; b = t
//     return a
func.func @gcd(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %a = nb.var "a"
  %b = nb.var "b"
  %t = nb.var "t"
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %0 to %a : !nb.unknown
  %1 = nb.arg 1 "b" : !nb.unknown
  nb.store_var %1 to %b : !nb.unknown
  cf.br ^head
^head:
  %2 = nb.load_var %b : !nb.unknown
  %3 = nb.const(0) : !nb.unknown
  %4 = nb.compare ne %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.truth %4 : !nb.unknown
  cf.cond_br %5, ^body, ^exit
^body:
  %6 = nb.load_var %a : !nb.unknown
  %7 = nb.load_var %b : !nb.unknown
  %8 = nb.binop mod %6, %7 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %8 to %t : !nb.unknown
  %9 = nb.load_var %b : !nb.unknown
  nb.store_var %9 to %a : !nb.unknown
  %10 = nb.load_var %t : !nb.unknown
  nb.store_var %10 to %b : !nb.unknown
  cf.br ^head
^exit:
  %11 = nb.load_var %a : !nb.unknown
  nb.return %11 : !nb.unknown
}

// def fib_root(n): return fib(n)
// @njit def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
func.func @fib_root(%arg0: si64) -> !nb.unknown {
  %n = nb.var "n"
  %0 = nb.arg 0 "n" : !nb.unknown
  nb.store_var %0 to %n : !nb.unknown
  %1 = nb.global(@fib) : !nb.unknown
  %2 = nb.load_var %n : !nb.unknown
  %3 = nb.call %1(%2) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %3 : !nb.unknown
}
func.func private @fib(%arg0: !nb.unknown) -> !nb.unknown {
  %n = nb.var "n"
  %0 = nb.arg 0 "n" : !nb.unknown
  nb.store_var %0 to %n : !nb.unknown
  %1 = nb.load_var %n : !nb.unknown
  %2 = nb.const(2) : !nb.unknown
  %3 = nb.compare lt %1, %2 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.truth %3 : !nb.unknown
  cf.cond_br %4, ^base, ^rec
^base:
  %5 = nb.load_var %n : !nb.unknown
  nb.return %5 : !nb.unknown
^rec:
  %6 = nb.global(@fib) : !nb.unknown
  %7 = nb.load_var %n : !nb.unknown
  %8 = nb.const(1) : !nb.unknown
  %9 = nb.binop sub %7, %8 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %10 = nb.call %6(%9) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %11 = nb.load_var %n : !nb.unknown
  %12 = nb.const(2) : !nb.unknown
  %13 = nb.binop sub %11, %12 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %14 = nb.call %6(%13) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %15 = nb.binop add %10, %14 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %15 : !nb.unknown
}

// def floats(x, y): return (x // y, x % y, math.hypot(3, 4), 1 / 3)
func.func @floats(%arg0: f64, %arg1: si64) -> !nb.unknown {
  %x = nb.var "x"
  %y = nb.var "y"
  %0 = nb.arg 0 "x" : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  %1 = nb.arg 1 "y" : !nb.unknown
  nb.store_var %1 to %y : !nb.unknown
  %2 = nb.load_var %x : !nb.unknown
  %3 = nb.load_var %y : !nb.unknown
  %4 = nb.binop floordiv %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %5 = nb.binop mod %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %math = nb.global("math") : !nb.unknown
  %hypot = nb.getattr %math, "hypot" : !nb.unknown -> !nb.unknown
  %c3 = nb.const(3) : !nb.unknown
  %c4 = nb.const(4) : !nb.unknown
  %6 = nb.call %hypot(%c3, %c4) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %c1 = nb.const(1) : !nb.unknown
  %7 = nb.binop truediv %c1, %c3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %8 = nb.build_tuple(%4, %5, %6, %7) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %8 : !nb.unknown
}

//--- main.mlir
  llvm.func @printI64(i64)
  llvm.func @printF64(f64)
  llvm.func @printNewline()

  llvm.func @print_i64(%v: i64) {
    llvm.call @printI64(%v) : (i64) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  }
  llvm.func @print_status(%s: i32) {
    %v = llvm.sext %s : i32 to i64
    llvm.call @print_i64(%v) : (i64) -> ()
    llvm.return
  }
  llvm.func @print_f64(%v: f64) {
    llvm.call @printF64(%v) : (f64) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  }
  llvm.func @print_result(%r: !llvm.struct<(i32, i64)>) {
    %s = llvm.extractvalue %r[0] : !llvm.struct<(i32, i64)>
    %v = llvm.extractvalue %r[1] : !llvm.struct<(i32, i64)>
    llvm.call @print_status(%s) : (i32) -> ()
    llvm.call @print_i64(%v) : (i64) -> ()
    llvm.return
  }

  llvm.func @main() {
    %c27 = llvm.mlir.constant(27 : i64) : i64
    %c1 = llvm.mlir.constant(1 : i64) : i64
    %0 = llvm.call @collatz(%c27) : (i64) -> !llvm.struct<(i32, i64)>
    llvm.call @print_result(%0) : (!llvm.struct<(i32, i64)>) -> ()
    %1 = llvm.call @collatz(%c1) : (i64) -> !llvm.struct<(i32, i64)>
    llvm.call @print_result(%1) : (!llvm.struct<(i32, i64)>) -> ()

    %c1071 = llvm.mlir.constant(1071 : i64) : i64
    %c462 = llvm.mlir.constant(462 : i64) : i64
    %cm12 = llvm.mlir.constant(-12 : i64) : i64
    %c12 = llvm.mlir.constant(12 : i64) : i64
    %c18 = llvm.mlir.constant(18 : i64) : i64
    %cm18 = llvm.mlir.constant(-18 : i64) : i64
    %2 = llvm.call @gcd(%c1071, %c462) : (i64, i64) -> !llvm.struct<(i32, i64)>
    %g0 = llvm.extractvalue %2[1] : !llvm.struct<(i32, i64)>
    llvm.call @print_i64(%g0) : (i64) -> ()
    %3 = llvm.call @gcd(%cm12, %c18) : (i64, i64) -> !llvm.struct<(i32, i64)>
    %g1 = llvm.extractvalue %3[1] : !llvm.struct<(i32, i64)>
    llvm.call @print_i64(%g1) : (i64) -> ()
    %4 = llvm.call @gcd(%c12, %cm18) : (i64, i64) -> !llvm.struct<(i32, i64)>
    %g2 = llvm.extractvalue %4[1] : !llvm.struct<(i32, i64)>
    llvm.call @print_i64(%g2) : (i64) -> ()

    %c20 = llvm.mlir.constant(20 : i64) : i64
    %5 = llvm.call @fib_root(%c20) : (i64) -> !llvm.struct<(i32, i64)>
    llvm.call @print_result(%5) : (!llvm.struct<(i32, i64)>) -> ()

    %x = llvm.mlir.constant(-7.5 : f64) : f64
    %c2 = llvm.mlir.constant(2 : i64) : i64
    %6 = llvm.call @floats(%x, %c2) : (f64, i64) -> !llvm.struct<(i32, f64, f64, f64, f64)>
    %fd = llvm.extractvalue %6[1] : !llvm.struct<(i32, f64, f64, f64, f64)>
    llvm.call @print_f64(%fd) : (f64) -> ()
    %fm = llvm.extractvalue %6[2] : !llvm.struct<(i32, f64, f64, f64, f64)>
    llvm.call @print_f64(%fm) : (f64) -> ()
    %fh = llvm.extractvalue %6[3] : !llvm.struct<(i32, f64, f64, f64, f64)>
    llvm.call @print_f64(%fh) : (f64) -> ()
    %ft = llvm.extractvalue %6[4] : !llvm.struct<(i32, f64, f64, f64, f64)>
    llvm.call @print_f64(%ft) : (f64) -> ()
    llvm.return
  }
}

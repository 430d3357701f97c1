// RUN: split-file %s %t
// RUN: mumba-opt %t/kernels.mlir --mumba-cpu-pipeline | grep -v '^}$' > %t/program.mlir
// RUN: cat %t/main.mlir >> %t/program.mlir
// RUN: mlir-runner %t/program.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mumba_runtime | FileCheck %s --match-full-lines

// Where Python raises, compiled code returns a status; the runtime names the
// exception (1 ZeroDivisionError, 2 ValueError) and gives CPython's message.
// The driver `main` (llvm dialect, appended after lowering as in
// scalar-kernels.mlir) prints status, exception kind and message, or the
// value when nothing was raised.

// -7 // 2 == -4; 7 // 0 raises.
// CHECK: -4
// CHECK-NEXT: 1 1 integer division or modulo by zero
// A callee's 7 % 0 raises through its caller.
// CHECK-NEXT: 2 1 integer modulo by zero
// 1.5 / 0 and 7 / 0.
// CHECK-NEXT: 4 1 float division by zero
// CHECK-NEXT: 4 1 float division by zero
// 7 / 0 on ints.
// CHECK-NEXT: 3 1 division by zero
// sum(range(0, 10, 3)) == 18; range(0, 10, 0) raises ValueError.
// CHECK-NEXT: 18
// CHECK-NEXT: 7 2 range() arg 3 must not be zero

//--- kernels.mlir
// def floordiv(a, b): return a // b
func.func @floordiv(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "b" : !nb.unknown
  %2 = nb.binop floordiv %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// def outer(a, b): return inner(a, b) + 1
// @njit def inner(a, b): return a % b
func.func @outer(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "b" : !nb.unknown
  %g = nb.global(@inner) : !nb.unknown
  %2 = nb.call %g(%0, %1) : (!nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %3 = nb.const(1) : !nb.unknown
  %4 = nb.binop add %2, %3 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %4 : !nb.unknown
}
func.func private @inner(%arg0: !nb.unknown, %arg1: !nb.unknown) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "b" : !nb.unknown
  %2 = nb.binop mod %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// def fdiv(x, y): return x / y   (float / int and int / float)
func.func @fdiv_fi(%arg0: f64, %arg1: si64) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.arg 1 "y" : !nb.unknown
  %2 = nb.binop truediv %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}
func.func @fdiv_if(%arg0: si64, %arg1: f64) -> !nb.unknown {
  %0 = nb.arg 0 "x" : !nb.unknown
  %1 = nb.arg 1 "y" : !nb.unknown
  %2 = nb.binop truediv %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// def idiv(a, b): return a / b
func.func @idiv(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "b" : !nb.unknown
  %2 = nb.binop truediv %0, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// def range_sum(n, step):
//     t = 0
//     for i in range(0, n, step): t += i
//     return t
func.func @range_sum(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %t = nb.var "t"
  %i = nb.var "i"
  %it = nb.var "$iter"
  %0 = nb.arg 0 "n" : !nb.unknown
  %1 = nb.arg 1 "step" : !nb.unknown
  %2 = nb.const(0) : !nb.unknown
  nb.store_var %2 to %t : !nb.unknown
  %range = nb.global("range") : !nb.unknown
  %3 = nb.call %range(%2, %0, %1) : (!nb.unknown, !nb.unknown, !nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.getiter %3 : !nb.unknown -> !nb.unknown
  nb.store_var %4 to %it : !nb.unknown
  cf.br ^head
^head:
  %5 = nb.load_var %it : !nb.unknown
  %6 = nb.iternext %5 : !nb.unknown -> !nb.unknown
  %7 = nb.pair_second %6 : !nb.unknown -> !nb.unknown
  %8 = nb.truth %7 : !nb.unknown
  cf.cond_br %8, ^body, ^exit
^body:
  %9 = nb.pair_first %6 : !nb.unknown -> !nb.unknown
  nb.store_var %9 to %i : !nb.unknown
  %10 = nb.load_var %t : !nb.unknown
  %11 = nb.load_var %i : !nb.unknown
  %12 = nb.inplace_binop add %10, %11 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %12 to %t : !nb.unknown
  cf.br ^head
^exit:
  %13 = nb.load_var %t : !nb.unknown
  nb.return %13 : !nb.unknown
}

//--- main.mlir
  llvm.func @printI64(i64)
  llvm.func @printString(!llvm.ptr)
  llvm.func @printNewline()
  llvm.func @mumbaStatusException(i32) -> i32
  llvm.func @mumbaStatusMessage(i32) -> !llvm.ptr

  llvm.mlir.global internal constant @space(" \00") {addr_space = 0 : i32} : !llvm.array<2 x i8>

  // Prints "status kind message" for a raised status, the value otherwise.
  llvm.func @report(%status: i32, %value: i64) {
    %ok = llvm.mlir.constant(0 : i32) : i32
    %raised = llvm.icmp "ne" %status, %ok : i32
    llvm.cond_br %raised, ^raise, ^value
  ^raise:
    %space = llvm.mlir.addressof @space : !llvm.ptr
    %s = llvm.sext %status : i32 to i64
    llvm.call @printI64(%s) : (i64) -> ()
    llvm.call @printString(%space) : (!llvm.ptr) -> ()
    %kind = llvm.call @mumbaStatusException(%status) : (i32) -> i32
    %k = llvm.sext %kind : i32 to i64
    llvm.call @printI64(%k) : (i64) -> ()
    llvm.call @printString(%space) : (!llvm.ptr) -> ()
    %msg = llvm.call @mumbaStatusMessage(%status) : (i32) -> !llvm.ptr
    llvm.call @printString(%msg) : (!llvm.ptr) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  ^value:
    llvm.call @printI64(%value) : (i64) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  }
  llvm.func @report_int(%r: !llvm.struct<(i32, i64)>) {
    %s = llvm.extractvalue %r[0] : !llvm.struct<(i32, i64)>
    %v = llvm.extractvalue %r[1] : !llvm.struct<(i32, i64)>
    llvm.call @report(%s, %v) : (i32, i64) -> ()
    llvm.return
  }
  llvm.func @report_float(%r: !llvm.struct<(i32, f64)>) {
    %s = llvm.extractvalue %r[0] : !llvm.struct<(i32, f64)>
    %v = llvm.extractvalue %r[1] : !llvm.struct<(i32, f64)>
    %i = llvm.fptosi %v : f64 to i64
    llvm.call @report(%s, %i) : (i32, i64) -> ()
    llvm.return
  }

  llvm.func @main() {
    %c0 = llvm.mlir.constant(0 : i64) : i64
    %c2 = llvm.mlir.constant(2 : i64) : i64
    %c3 = llvm.mlir.constant(3 : i64) : i64
    %c7 = llvm.mlir.constant(7 : i64) : i64
    %c10 = llvm.mlir.constant(10 : i64) : i64
    %cm7 = llvm.mlir.constant(-7 : i64) : i64
    %f0 = llvm.mlir.constant(0.0 : f64) : f64
    %f15 = llvm.mlir.constant(1.5 : f64) : f64

    %0 = llvm.call @floordiv(%cm7, %c2) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%0) : (!llvm.struct<(i32, i64)>) -> ()
    %1 = llvm.call @floordiv(%c7, %c0) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%1) : (!llvm.struct<(i32, i64)>) -> ()
    %2 = llvm.call @outer(%c7, %c0) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%2) : (!llvm.struct<(i32, i64)>) -> ()
    %3 = llvm.call @fdiv_fi(%f15, %c0) : (f64, i64) -> !llvm.struct<(i32, f64)>
    llvm.call @report_float(%3) : (!llvm.struct<(i32, f64)>) -> ()
    %4 = llvm.call @fdiv_if(%c7, %f0) : (i64, f64) -> !llvm.struct<(i32, f64)>
    llvm.call @report_float(%4) : (!llvm.struct<(i32, f64)>) -> ()
    %5 = llvm.call @idiv(%c7, %c0) : (i64, i64) -> !llvm.struct<(i32, f64)>
    llvm.call @report_float(%5) : (!llvm.struct<(i32, f64)>) -> ()
    %6 = llvm.call @range_sum(%c10, %c3) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%6) : (!llvm.struct<(i32, i64)>) -> ()
    %7 = llvm.call @range_sum(%c10, %c0) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%7) : (!llvm.struct<(i32, i64)>) -> ()
    llvm.return
  }
}

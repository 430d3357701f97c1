// RUN: split-file %s %t
// RUN: mumba-opt %t/kernels.mlir --mumba-cpu-pipeline | grep -v '^}$' > %t/program.mlir
// RUN: cat %t/main.mlir >> %t/program.mlir
// RUN: env MUMBA_NUM_THREADS=2 mlir-runner %t/program.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mumba_runtime,%libomp | FileCheck %s --match-full-lines
// RUN: FileCheck %s --check-prefix=IR < %t/program.mlir

// IR-LABEL: llvm.func @squares
// IR: %[[N:.*]] = llvm.call @mumbaGetNumThreads() : () -> i32
// IR: omp.parallel num_threads(%[[N]] : i32)
// IR: omp.wsloop reduction(@{{.*}} -> %{{.*}} : !llvm.ptr)
// IR-LABEL: llvm.func @quotients
// IR: llvm.call @mumbaParallelRaise
// IR: llvm.call @mumbaParallelStatus

// prange loops run as OpenMP regions on two threads (libomp, the thread
// count from MUMBA_NUM_THREADS through the runtime). An integer reduction
// gives the serial result exactly; a ZeroDivisionError in some iteration
// leaves the region as one status, which the function returns.

// sum(i * i for i in range(1000)) == 332833500, and for no iterations 0.
// CHECK: 332833500
// CHECK-NEXT: 0
// sum(i // 3 for i in range(100)) == 1617; i // 0 raises.
// CHECK-NEXT: 1617
// CHECK-NEXT: 1 1 integer division or modulo by zero
// The runtime is usable after the raise.
// CHECK-NEXT: 1617

//--- kernels.mlir
// def squares(n):
//     t = 0
//     for i in prange(n): t += i * i
//     return t
func.func @squares(%arg0: si64) -> !nb.unknown {
  %t = nb.var "t"
  %i = nb.var "i"
  %it = nb.var "$iter"
  %0 = nb.arg 0 "n" : !nb.unknown
  %2 = nb.const(0) : !nb.unknown
  nb.store_var %2 to %t : !nb.unknown
  %range = nb.global("range") : !nb.unknown
  %3 = nb.call %range(%0) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.getiter %3 : !nb.unknown -> !nb.unknown
  nb.store_var %4 to %it : !nb.unknown
  cf.br ^head
^head:
  %5 = nb.load_var %it : !nb.unknown
  %6 = nb.iternext %5 {parallel} : !nb.unknown -> !nb.unknown
  %7 = nb.pair_second %6 : !nb.unknown -> !nb.unknown
  %8 = nb.truth %7 : !nb.unknown
  cf.cond_br %8, ^body, ^exit
^body:
  %9 = nb.pair_first %6 : !nb.unknown -> !nb.unknown
  nb.store_var %9 to %i : !nb.unknown
  %10 = nb.load_var %t : !nb.unknown
  %11 = nb.load_var %i : !nb.unknown
  %sq = nb.binop mul %11, %11 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %12 = nb.inplace_binop add %10, %sq : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %12 to %t : !nb.unknown
  cf.br ^head
^exit:
  %13 = nb.load_var %t : !nb.unknown
  nb.return %13 : !nb.unknown
}

// def quotients(n, d):
//     t = 0
//     for i in prange(n): t += i // d
//     return t
func.func @quotients(%arg0: si64, %arg1: si64) -> !nb.unknown {
  %t = nb.var "t"
  %i = nb.var "i"
  %it = nb.var "$iter"
  %0 = nb.arg 0 "n" : !nb.unknown
  %1 = nb.arg 1 "d" : !nb.unknown
  %2 = nb.const(0) : !nb.unknown
  nb.store_var %2 to %t : !nb.unknown
  %range = nb.global("range") : !nb.unknown
  %3 = nb.call %range(%0) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.getiter %3 : !nb.unknown -> !nb.unknown
  nb.store_var %4 to %it : !nb.unknown
  cf.br ^head
^head:
  %5 = nb.load_var %it : !nb.unknown
  %6 = nb.iternext %5 {parallel} : !nb.unknown -> !nb.unknown
  %7 = nb.pair_second %6 : !nb.unknown -> !nb.unknown
  %8 = nb.truth %7 : !nb.unknown
  cf.cond_br %8, ^body, ^exit
^body:
  %9 = nb.pair_first %6 : !nb.unknown -> !nb.unknown
  nb.store_var %9 to %i : !nb.unknown
  %10 = nb.load_var %t : !nb.unknown
  %11 = nb.load_var %i : !nb.unknown
  %q = nb.binop floordiv %11, %1 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %12 = nb.inplace_binop add %10, %q : (!nb.unknown, !nb.unknown) -> !nb.unknown
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
    %c3 = llvm.mlir.constant(3 : i64) : i64
    %c100 = llvm.mlir.constant(100 : i64) : i64
    %c1000 = llvm.mlir.constant(1000 : i64) : i64
    %0 = llvm.call @squares(%c1000) : (i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%0) : (!llvm.struct<(i32, i64)>) -> ()
    %1 = llvm.call @squares(%c0) : (i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%1) : (!llvm.struct<(i32, i64)>) -> ()
    %2 = llvm.call @quotients(%c100, %c3) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%2) : (!llvm.struct<(i32, i64)>) -> ()
    %3 = llvm.call @quotients(%c100, %c0) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%3) : (!llvm.struct<(i32, i64)>) -> ()
    %4 = llvm.call @quotients(%c100, %c3) : (i64, i64) -> !llvm.struct<(i32, i64)>
    llvm.call @report_int(%4) : (!llvm.struct<(i32, i64)>) -> ()
    llvm.return
  }
}

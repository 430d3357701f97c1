// RUN: split-file %s %t
// RUN: mumba-opt %t/kernels.mlir --mumba-cpu-pipeline | grep -v '^}$' > %t/program.mlir
// RUN: cat %t/main.mlir >> %t/program.mlir
// RUN: mlir-runner %t/program.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mumba_runtime | FileCheck %s --match-full-lines
// RUN: mumba-opt %t/kernels.mlir "--mumba-cpu-pipeline=boundscheck=true" | grep -v '^}$' > %t/checked.mlir
// RUN: cat %t/main.mlir >> %t/checked.mlir
// RUN: mlir-runner %t/checked.mlir -e main -entry-point-result=void \
// RUN:   -shared-libs=%mlir_c_runner_utils,%mumba_runtime | FileCheck %s --check-prefix=BOUNDS --match-full-lines

// Kernels over a 1-D float64 array that `main` (llvm dialect, appended after
// lowering as in scalar-kernels.mlir) builds on its stack and passes as a
// memref descriptor: allocated and aligned pointer, offset, size, stride.
// a = [1.5, 2.5, -3.0, 4.0]. Expected values are CPython's / NumPy's.

// sum1d(a) == 5.0; a[-1] == 4.0, a[-4] == 1.5.
// CHECK: 5
// CHECK-NEXT: 4
// CHECK-NEXT: 1.5
// scale(a, 2) doubles in place: a == [3.0, 5.0, -6.0, 8.0].
// CHECK-NEXT: 3
// CHECK-NEXT: 5
// CHECK-NEXT: -6
// CHECK-NEXT: 8
// Without boundscheck, a[7] is not checked; main prints only the status.
// CHECK-NEXT: 0
// With boundscheck the same values, then IndexError with NumPy's message.
// BOUNDS: 5
// BOUNDS-NEXT: 4
// BOUNDS-NEXT: 1.5
// BOUNDS-NEXT: 3
// BOUNDS-NEXT: 5
// BOUNDS-NEXT: -6
// BOUNDS-NEXT: 8
// BOUNDS-NEXT: 8
// BOUNDS-NEXT: 3 index 7 is out of bounds for axis 0 with size 4

//--- kernels.mlir
// def sum1d(a):
//     t = 0
//     for i in range(len(a)): t += a[i]
//     return t
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

// def get(a, i): return a[i]
func.func @get(%arg0: !nb.array<f64, 1, C>, %arg1: si64) -> !nb.unknown {
  %0 = nb.arg 0 "a" : !nb.unknown
  %1 = nb.arg 1 "i" : !nb.unknown
  %2 = nb.getitem %0[%1] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %2 : !nb.unknown
}

// def scale(a, k):
//     for x in range(len(a)): a[x] = a[x] * k
func.func @scale(%arg0: !nb.array<f64, 1, C>, %arg1: si64) -> !nb.unknown {
  %a = nb.var "a"
  %k = nb.var "k"
  %x = nb.var "x"
  %0 = nb.arg 0 "a" : !nb.unknown
  nb.store_var %0 to %a : !nb.unknown
  %1 = nb.arg 1 "k" : !nb.unknown
  nb.store_var %1 to %k : !nb.unknown
  %range = nb.global("range") : !nb.unknown
  %len = nb.global("len") : !nb.unknown
  %2 = nb.load_var %a : !nb.unknown
  %3 = nb.call %len(%2) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %4 = nb.call %range(%3) : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %it = nb.getiter %4 : !nb.unknown -> !nb.unknown
  cf.br ^head
^head:
  %5 = nb.iternext %it : !nb.unknown -> !nb.unknown
  %6 = nb.pair_second %5 : !nb.unknown -> !nb.unknown
  %7 = nb.truth %6 : !nb.unknown
  cf.cond_br %7, ^body, ^exit
^body:
  %8 = nb.pair_first %5 : !nb.unknown -> !nb.unknown
  nb.store_var %8 to %x : !nb.unknown
  %9 = nb.load_var %a : !nb.unknown
  %10 = nb.load_var %x : !nb.unknown
  %11 = nb.getitem %9[%10] : (!nb.unknown, !nb.unknown) -> !nb.unknown
  %12 = nb.load_var %k : !nb.unknown
  %13 = nb.binop mul %11, %12 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.setitem %9[%10], %13 : (!nb.unknown, !nb.unknown, !nb.unknown) -> ()
  cf.br ^head
^exit:
  %none = nb.const(unit) : !nb.unknown
  nb.return %none : !nb.unknown
}

//--- main.mlir
  llvm.func @printI64(i64)
  llvm.func @printF64(f64)
  llvm.func @printString(!llvm.ptr)
  llvm.func @printNewline()
  llvm.func @mumbaStatusException(i32) -> i32
  llvm.func @mumbaStatusMessage(i32) -> !llvm.ptr

  llvm.mlir.global internal constant @space(" \00") {addr_space = 0 : i32} : !llvm.array<2 x i8>

  llvm.func @print_f64(%v: f64) {
    llvm.call @printF64(%v) : (f64) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  }
  llvm.func @print_status(%s: i32) {
    %v = llvm.sext %s : i32 to i64
    llvm.call @printI64(%v) : (i64) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.return
  }
  llvm.func @store(%buf: !llvm.ptr, %i: i64, %v: f64) {
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f64
    llvm.store %v, %p : f64, !llvm.ptr
    llvm.return
  }
  llvm.func @load(%buf: !llvm.ptr, %i: i64) -> f64 {
    %p = llvm.getelementptr %buf[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f64
    %v = llvm.load %p : !llvm.ptr -> f64
    llvm.return %v : f64
  }

  llvm.func @main() {
    %c0 = llvm.mlir.constant(0 : i64) : i64
    %c1 = llvm.mlir.constant(1 : i64) : i64
    %c2 = llvm.mlir.constant(2 : i64) : i64
    %c3 = llvm.mlir.constant(3 : i64) : i64
    %c4 = llvm.mlir.constant(4 : i64) : i64
    %c7 = llvm.mlir.constant(7 : i64) : i64
    %cm1 = llvm.mlir.constant(-1 : i64) : i64
    %cm4 = llvm.mlir.constant(-4 : i64) : i64
    // Room for 8, a size of 4: the unchecked a[7] reads memory that exists.
    %c8 = llvm.mlir.constant(8 : i64) : i64
    %buf = llvm.alloca %c8 x f64 : (i64) -> !llvm.ptr
    %v0 = llvm.mlir.constant(1.5 : f64) : f64
    %v1 = llvm.mlir.constant(2.5 : f64) : f64
    %v2 = llvm.mlir.constant(-3.0 : f64) : f64
    %v3 = llvm.mlir.constant(4.0 : f64) : f64
    llvm.call @store(%buf, %c0, %v0) : (!llvm.ptr, i64, f64) -> ()
    llvm.call @store(%buf, %c1, %v1) : (!llvm.ptr, i64, f64) -> ()
    llvm.call @store(%buf, %c2, %v2) : (!llvm.ptr, i64, f64) -> ()
    llvm.call @store(%buf, %c3, %v3) : (!llvm.ptr, i64, f64) -> ()

    // Descriptor of a C-contiguous float64[4]: (buf, buf, 0, 4, 1).
    %0 = llvm.call @sum1d(%buf, %buf, %c0, %c4, %c1) : (!llvm.ptr, !llvm.ptr, i64, i64, i64) -> !llvm.struct<(i32, f64)>
    %s = llvm.extractvalue %0[1] : !llvm.struct<(i32, f64)>
    llvm.call @print_f64(%s) : (f64) -> ()
    %1 = llvm.call @get(%buf, %buf, %c0, %c4, %c1, %cm1) : (!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<(i32, f64)>
    %last = llvm.extractvalue %1[1] : !llvm.struct<(i32, f64)>
    llvm.call @print_f64(%last) : (f64) -> ()
    %2 = llvm.call @get(%buf, %buf, %c0, %c4, %c1, %cm4) : (!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<(i32, f64)>
    %first = llvm.extractvalue %2[1] : !llvm.struct<(i32, f64)>
    llvm.call @print_f64(%first) : (f64) -> ()

    %3 = llvm.call @scale(%buf, %buf, %c0, %c4, %c1, %c2) : (!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> i32
    %e0 = llvm.call @load(%buf, %c0) : (!llvm.ptr, i64) -> f64
    llvm.call @print_f64(%e0) : (f64) -> ()
    %e1 = llvm.call @load(%buf, %c1) : (!llvm.ptr, i64) -> f64
    llvm.call @print_f64(%e1) : (f64) -> ()
    %e2 = llvm.call @load(%buf, %c2) : (!llvm.ptr, i64) -> f64
    llvm.call @print_f64(%e2) : (f64) -> ()
    %e3 = llvm.call @load(%buf, %c3) : (!llvm.ptr, i64) -> f64
    llvm.call @print_f64(%e3) : (f64) -> ()

    // a[7]: only the status is printed; unchecked, the value is garbage.
    %4 = llvm.call @get(%buf, %buf, %c0, %c4, %c1, %c7) : (!llvm.ptr, !llvm.ptr, i64, i64, i64, i64) -> !llvm.struct<(i32, f64)>
    %st = llvm.extractvalue %4[0] : !llvm.struct<(i32, f64)>
    llvm.call @print_status(%st) : (i32) -> ()
    %ok = llvm.mlir.constant(0 : i32) : i32
    %raised = llvm.icmp "ne" %st, %ok : i32
    llvm.cond_br %raised, ^raise, ^done
  ^raise:
    %space = llvm.mlir.addressof @space : !llvm.ptr
    %kind = llvm.call @mumbaStatusException(%st) : (i32) -> i32
    %k = llvm.sext %kind : i32 to i64
    llvm.call @printI64(%k) : (i64) -> ()
    llvm.call @printString(%space) : (!llvm.ptr) -> ()
    %msg = llvm.call @mumbaStatusMessage(%st) : (i32) -> !llvm.ptr
    llvm.call @printString(%msg) : (!llvm.ptr) -> ()
    llvm.call @printNewline() : () -> ()
    llvm.br ^done
  ^done:
    llvm.return
  }
}

// RUN: mumba-opt %s -convert-nb-to-std -split-input-file | FileCheck %s

// Every array compiled code allocates goes through allocateArray
// (lib/Conversion/NBToStd/ArrayAllocation.cpp): NumPy's size check before
// the allocation (itemsize times every non-zero extent, an overflow-checked
// multiply each, ValueError "array is too big" = status 18), and a null test
// after it (MemoryError = status 19, its message recorded on that path only).

// The dtype's name for the MemoryError message: "float64".
// CHECK: memref.global "private" constant @[[FLOAT64:__mumba_text_[0-9a-f]+]] : memref<8xi8> = dense<[102, 108, 111, 97, 116, 54, 52, 0]>
// CHECK-LABEL: func.func @zeros2
// CHECK-SAME: (%[[N:[^:]*]]: i64, %[[M:[^:]*]]: i64) -> (i32, memref<?x?xf64>)
// Negative extents raise first (status 9), before anything is allocated.
// CHECK: %[[C9:.*]] = arith.constant 9 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[R9:bb[0-9]+]], ^[[SIZE:bb[0-9]+]]
// CHECK: ^[[R9]]:
// CHECK: return %[[C9]]
// CHECK: ^[[SIZE]]:
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[EIGHT:.*]] = arith.constant 8 : i64
// CHECK: %[[F0:.*]] = arith.maxsi %{{.*}}, %[[ONE]] : i64
// CHECK: %[[LOW0:.*]], %[[HIGH0:.*]] = arith.mului_extended %[[EIGHT]], %[[F0]] : i64
// CHECK: arith.cmpi ne, %[[HIGH0]]
// CHECK: arith.cmpi slt, %[[LOW0]]
// CHECK: %[[F1:.*]] = arith.maxsi %{{.*}}, %[[ONE]] : i64
// CHECK: %[[LOW1:.*]], %[[HIGH1:.*]] = arith.mului_extended %[[LOW0]], %[[F1]] : i64
// CHECK-NEXT: arith.cmpi ne, %[[HIGH1]]
// CHECK-NEXT: arith.cmpi slt, %[[LOW1]]
// CHECK-NEXT: arith.ori
// CHECK-NEXT: %[[BIG:.*]] = arith.ori
// CHECK-NEXT: %[[C18:.*]] = arith.constant 18 : i32
// CHECK-NEXT: cf.cond_br %[[BIG]], ^[[R18:bb[0-9]+]], ^[[ALLOC:bb[0-9]+]]
// CHECK: ^[[R18]]:
// CHECK: return %[[C18]]
// CHECK: ^[[ALLOC]]:
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}, %{{.*}}) {alignment = 64 : i64} : memref<?x?xf64>
// CHECK: %[[P:.*]] = memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: %[[NULL:.*]] = arith.cmpi eq, %[[P]], %{{.*}} : index
// CHECK: scf.if %[[NULL]] {
// CHECK:   func.call @mumbaRecordArrayExtent
// CHECK:   func.call @mumbaRecordArrayExtent
// CHECK:   memref.get_global @[[FLOAT64]]
// CHECK:   func.call @mumbaRaiseArrayMemory
// CHECK: }
// CHECK: %[[C19:.*]] = arith.constant 19 : i32
// CHECK: cf.cond_br %[[NULL]], ^[[R19:bb[0-9]+]], ^[[FILL:bb[0-9]+]]
// CHECK: ^[[R19]]:
// CHECK: return %[[C19]]
// CHECK: ^[[FILL]]:
// CHECK: scf.for
func.func @zeros2(%arg0: si64, %arg1: si64) -> !nb.array<f64, 2, C> {
  %0 = nb.arg 0 "n" : si64
  %1 = nb.arg 1 "m" : si64
  %2 = nb.global("numpy") : !nb.module<"numpy">
  %3 = nb.getattr %2, "zeros" : !nb.module<"numpy"> -> !nb.function<"numpy.zeros">
  %4 = nb.build_tuple(%0, %1) : (si64, si64) -> tuple<si64, si64>
  %5 = nb.call %3(%4) : (!nb.function<"numpy.zeros">, tuple<si64, si64>) -> !nb.array<f64, 2, C>
  nb.return %5 : !nb.array<f64, 2, C>
}

// -----

// copy() allocates through the same check (4-byte items).
// CHECK-LABEL: func.func @copy
// CHECK: %[[FOUR:.*]] = arith.constant 4 : i64
// CHECK: arith.mului_extended %[[FOUR]], %{{.*}} : i64
// CHECK: arith.constant 18 : i32
// CHECK: memref.alloc
// CHECK: memref.extract_aligned_pointer_as_index
// CHECK: func.call @mumbaRaiseArrayMemory
// CHECK: arith.constant 19 : i32
func.func @copy(%arg0: !nb.array<f32, 1, A>) -> !nb.array<f32, 1, C> {
  %0 = nb.arg 0 "a" : !nb.array<f32, 1, A>
  %1 = nb.getattr %0, "copy" : !nb.array<f32, 1, A> -> !nb.bound_method<"copy", !nb.array<f32, 1, A>>
  %2 = nb.call %1() : (!nb.bound_method<"copy", !nb.array<f32, 1, A>>) -> !nb.array<f32, 1, C>
  nb.return %2 : !nb.array<f32, 1, C>
}

// -----

// arange over ints: a zero step raises before the length is computed, the
// length is exact in unsigned arithmetic (stop - start may not fit), and one
// past the int64 range is NumPy's "Maximum allowed size exceeded".
// CHECK-LABEL: func.func @arange
// CHECK: %[[C3:.*]] = arith.constant 3 : i32
// CHECK: cf.cond_br %{{.*}}, ^[[R3:bb[0-9]+]], ^[[LEN:bb[0-9]+]]
// CHECK: ^[[R3]]:
// CHECK: return %[[C3]]
// CHECK: ^[[LEN]]:
// CHECK: arith.ceildivui
// CHECK: arith.cmpi slt
// CHECK: call @mumbaRaiseUser
// CHECK: arith.mului_extended
// CHECK: memref.alloc
func.func @arange(%arg0: si64, %arg1: si64) -> !nb.array<si64, 1, C> {
  %0 = nb.arg 0 "n" : si64
  %1 = nb.arg 1 "m" : si64
  %2 = nb.global("numpy") : !nb.module<"numpy">
  %3 = nb.getattr %2, "arange" : !nb.module<"numpy"> -> !nb.function<"numpy.arange">
  %4 = nb.call %3(%0, %1) : (!nb.function<"numpy.arange">, si64, si64) -> !nb.array<si64, 1, C>
  nb.return %4 : !nb.array<si64, 1, C>
}

// -----

// The result of an array expression is allocated the same way, after the
// element count check of NumPy's iterator ("iterator is too large", zero
// extents included).
// CHECK-LABEL: func.func @arrayexpr
// CHECK: arith.mului_extended %{{.*}}, %{{.*}} : i64
// CHECK: call @mumbaRaiseUser
// CHECK: %[[EIGHT:.*]] = arith.constant 8 : i64
// CHECK: arith.mului_extended %[[EIGHT]], %{{.*}} : i64
// CHECK: arith.constant 18 : i32
// CHECK: memref.alloc
// CHECK: memref.extract_aligned_pointer_as_index
// CHECK: func.call @mumbaRaiseArrayMemory
// CHECK: arith.constant 19 : i32
// CHECK: linalg.generic
func.func @arrayexpr(%arg0: !nb.array<f64, 1, C>, %arg1: f64) -> !nb.array<f64, 1, C> {
  %0 = nb.arg 0 "a" : !nb.array<f64, 1, C>
  %1 = nb.arg 1 "s" : f64
  %2 = nb.arrayexpr(%0, %1) : (!nb.array<f64, 1, C>, f64) -> !nb.array<f64, 1, C> {
  ^bb0(%x: f64, %y: f64):
    %3 = nb.binop mul %x, %y : (f64, f64) -> f64
    nb.yield %3 : f64
  }
  nb.return %2 : !nb.array<f64, 1, C>
}

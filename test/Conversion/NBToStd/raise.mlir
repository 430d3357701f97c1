// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// raise ValueError("bad"): the class and message become constant strings
// the runtime records, and the function returns status 11.
// CHECK-DAG: memref.global "private" constant @[[CLS:__mumba_text_[0-9a-f]+]] : memref<11xi8> = dense<[86, 97, 108, 117, 101, 69, 114, 114, 111, 114, 0]>
// CHECK-DAG: memref.global "private" constant @[[MSG:__mumba_text_[0-9a-f]+]] : memref<4xi8> = dense<[98, 97, 100, 0]>
// CHECK-DAG: func.func private @mumbaRaiseUser(i64, i64)
// The strings of @raises_no_args below.
// CHECK-DAG: memref.global "private" constant @[[KEY:__mumba_text_[0-9a-f]+]] : memref<9xi8> = dense<[75, 101, 121, 69, 114, 114, 111, 114, 0]>
// CHECK-DAG: memref.global "private" constant @[[ARGS:__mumba_text_[0-9a-f]+]] : memref<3xi8> = dense<[40, 41, 0]>
// CHECK-LABEL: func.func @raises
// CHECK-SAME: -> (i32, f64)
// CHECK: cf.cond_br %{{.*}}, ^[[RAISE:bb[0-9]+]], ^[[OK:bb[0-9]+]]
// CHECK: ^[[RAISE]]:
// CHECK: %[[C:.*]] = memref.get_global @[[CLS]] : memref<11xi8>
// CHECK: %[[CP:.*]] = memref.extract_aligned_pointer_as_index %[[C]]
// CHECK: %[[CI:.*]] = arith.index_cast %[[CP]] : index to i64
// CHECK: %[[M:.*]] = memref.get_global @[[MSG]] : memref<4xi8>
// CHECK: %[[MP:.*]] = memref.extract_aligned_pointer_as_index %[[M]]
// CHECK: %[[MI:.*]] = arith.index_cast %[[MP]] : index to i64
// CHECK: %[[S:.*]] = arith.constant 11 : i32
// CHECK: call @mumbaRaiseUser(%[[CI]], %[[MI]]) : (i64, i64) -> ()
// CHECK: %[[P:.*]] = ub.poison : f64
// CHECK: return %[[S]], %[[P]] : i32, f64
func.func @raises(%x: f64) -> f64 {
  %0 = nb.const(0.0) : f64
  %1 = nb.compare lt %x, %0 : (f64, f64) -> i1
  %2 = nb.truth %1 : i1
  cf.cond_br %2, ^bb1, ^bb2
^bb1:
  nb.raise {exc_class = "ValueError", message = "bad"}
^bb2:
  nb.return %x : f64
}

// raise KeyError (no arguments): the literal of its arguments, "()", is
// recorded instead of a message, and the status is 17, which the dispatcher
// turns into KeyError(*ast.literal_eval("()")).
// CHECK-LABEL: func.func @raises_no_args
// CHECK: memref.get_global @[[KEY]]
// CHECK: memref.get_global @[[ARGS]]
// CHECK: %[[S:.*]] = arith.constant 17 : i32
// CHECK: call @mumbaRaiseUser(
// CHECK: return %[[S]]
func.func @raises_no_args() -> !nb.none {
  nb.raise {exc_class = "KeyError", exc_args = "()"}
}

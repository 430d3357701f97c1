// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// Iterators beyond ranges and arrays: tuples, enumerate, zip, reversed
// ranges. Each iterator lowers to cursor slots (memref<i64> at the entry)
// and the values it walks.

// A tuple's iterator is a cursor slot and the tuple's values; the next
// element is picked by comparing the cursor with each index.
// CHECK-LABEL: func.func @tuple_next
// CHECK-SAME: (%[[A:[^:]*]]: i64, %[[B:[^:]*]]: i64, %[[C:[^:]*]]: i64) -> (i32, i64)
// CHECK: %[[CURSOR:.*]] = memref.alloca() : memref<i64>
// CHECK: memref.store %{{.*}}, %[[CURSOR]][]
// CHECK: %[[I:.*]] = memref.load %[[CURSOR]][]
// CHECK: %[[N:.*]] = arith.constant 3 : i64
// CHECK: arith.cmpi slt, %[[I]], %[[N]] : i64
// CHECK: %[[NEXT:.*]] = arith.addi %[[I]], %{{.*}} : i64
// CHECK: memref.store %[[NEXT]], %[[CURSOR]][]
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[I]], %{{.*}} : i64
// CHECK: %[[S1:.*]] = arith.select %[[IS1]], %[[B]], %[[A]] : i64
// CHECK: %[[IS2:.*]] = arith.cmpi eq, %[[I]], %{{.*}} : i64
// CHECK: %[[S2:.*]] = arith.select %[[IS2]], %[[C]], %[[S1]] : i64
// CHECK: return %{{.*}}, %[[S2]] : i32, i64
func.func @tuple_next(%t: tuple<si64, si64, si64>) -> si64 {
  %it = nb.getiter %t : tuple<si64, si64, si64> -> !nb.tuple_iter<tuple<si64, si64, si64>>
  %p = nb.iternext %it : !nb.tuple_iter<tuple<si64, si64, si64>> -> !nb.pair<si64, i1>
  %x = nb.pair_first %p : !nb.pair<si64, i1> -> si64
  nb.return %x : si64
}

// enumerate: a counter slot around the array's own iterator (a cursor, the
// element loaded only when there is one).
// CHECK-LABEL: func.func @enumerate_next
// CHECK-SAME: -> (i32, i64, f64)
// CHECK-DAG: %[[CURSOR:.*]] = memref.alloca() : memref<i64>
// CHECK-DAG: %[[COUNTER:.*]] = memref.alloca() : memref<i64>
// CHECK: %[[COUNT:.*]] = memref.load %[[COUNTER]][]
// CHECK: %[[I:.*]] = memref.load %[[CURSOR]][]
// CHECK: %[[VALID:.*]] = arith.cmpi slt, %[[I]], %{{.*}} : i64
// CHECK: %[[X:.*]] = scf.if %[[VALID]] -> (f64)
// CHECK: memref.load %arg0
// CHECK: ub.poison : f64
// CHECK: %[[NEXT:.*]] = arith.addi %[[COUNT]], %{{.*}} : i64
// CHECK: memref.store %[[NEXT]], %[[COUNTER]][]
// CHECK: return %{{.*}}, %[[COUNT]], %[[X]] : i32, i64, f64
func.func @enumerate_next(%a: !nb.array<f64, 1, C>) -> tuple<si64, f64> {
  %f = nb.global("enumerate") : !nb.function<"enumerate">
  %e = nb.call %f(%a) : (!nb.function<"enumerate">, !nb.array<f64, 1, C>) -> !nb.enumerate<!nb.array_iter<!nb.array<f64, 1, C>>>
  %it = nb.getiter %e : !nb.enumerate<!nb.array_iter<!nb.array<f64, 1, C>>> -> !nb.enumerate<!nb.array_iter<!nb.array<f64, 1, C>>>
  %p = nb.iternext %it : !nb.enumerate<!nb.array_iter<!nb.array<f64, 1, C>>> -> !nb.pair<tuple<si64, f64>, i1>
  %x = nb.pair_first %p : !nb.pair<tuple<si64, f64>, i1> -> tuple<si64, f64>
  nb.return %x : tuple<si64, f64>
}

// zip advances every iterator; there is an element while all have one.
// CHECK-LABEL: func.func @zip_next
// CHECK: %[[V1:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : i1
// CHECK: %[[V2:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : i1
// CHECK: %[[BOTH:.*]] = arith.andi %[[V1]], %[[V2]] : i1
// CHECK: return %{{.*}}, %[[BOTH]] : i32, i1
func.func @zip_next(%n: si64, %m: si64) -> i1 {
  %range = nb.global("range") : !nb.function<"range">
  %r1 = nb.call %range(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %r2 = nb.call %range(%m) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %f = nb.global("zip") : !nb.function<"zip">
  %z = nb.call %f(%r1, %r2) : (!nb.function<"zip">, !nb.range<si64>, !nb.range<si64>) -> !nb.zip<!nb.range_iter<si64>, !nb.range_iter<si64>>
  %p = nb.iternext %z : !nb.zip<!nb.range_iter<si64>, !nb.range_iter<si64>> -> !nb.pair<tuple<si64, si64>, i1>
  %ok = nb.pair_second %p : !nb.pair<tuple<si64, si64>, i1> -> i1
  nb.return %ok : i1
}

// reversed(range(start, stop, step)) is range(start + (n - 1) * step,
// start - step, -step) with n its length.
// CHECK-LABEL: func.func @reversed_range
// CHECK: %[[N:.*]] = arith.maxsi
// CHECK: %[[LAST:.*]] = arith.subi %[[N]], %{{.*}} : i64
// CHECK: %[[OFFSET:.*]] = arith.muli %[[LAST]], %[[STEP:.*]] : i64
// CHECK: %[[START:.*]] = arith.addi %[[BEGIN:.*]], %[[OFFSET]] : i64
// CHECK: %[[STOP:.*]] = arith.subi %[[BEGIN]], %[[STEP]] : i64
// CHECK: %[[NEGSTEP:.*]] = arith.subi %{{.*}}, %[[STEP]] : i64
// CHECK: return %{{.*}}, %[[START]], %[[STOP]], %[[NEGSTEP]] : i32, i64, i64, i64
func.func @reversed_range(%n: si64) -> !nb.range<si64> {
  %range = nb.global("range") : !nb.function<"range">
  %r = nb.call %range(%n) : (!nb.function<"range">, si64) -> !nb.range<si64>
  %f = nb.global("reversed") : !nb.function<"reversed">
  %rr = nb.call %f(%r) : (!nb.function<"reversed">, !nb.range<si64>) -> !nb.range<si64>
  nb.return %rr : !nb.range<si64>
}

// RUN: mumba-opt %s -convert-nb-to-std | FileCheck %s

// Lowering of the call templates and comparisons added with the type
// system: compile-time answers, libm calls, exact rounding and comparisons.

// The C library's functions are declared once, at the top.
// CHECK-DAG: func.func private @expm1(f64) -> f64
// CHECK-DAG: func.func private @tgamma(f64) -> f64
// CHECK-DAG: func.func private @log1pf(f32) -> f32

// isinstance is decided by the types: a constant.
// CHECK-LABEL: func.func @isinstance
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: return %{{.*}}, %[[FALSE]] : i32, i1
func.func @isinstance(%x: f64) -> i1 {
  %f = nb.global("isinstance") : !nb.function<"isinstance">
  %int = nb.global("int") : !nb.function<"int">
  %0 = nb.call %f(%x, %int) : (!nb.function<"isinstance">, f64, !nb.function<"int">) -> i1
  nb.return %0 : i1
}

// math.gamma calls libm's tgamma; its poles (zero and the negative
// integers) raise ValueError("math domain error") as Python does.
// CHECK-LABEL: func.func @gamma
// CHECK: %[[NONPOS:.*]] = arith.cmpf ole, %arg0
// CHECK: %[[FLOOR:.*]] = math.floor %arg0
// CHECK: %[[INT:.*]] = arith.cmpf oeq, %arg0, %[[FLOOR]]
// CHECK: %[[POLE:.*]] = arith.andi %[[NONPOS]], %[[INT]] : i1
// CHECK: cf.cond_br %[[POLE]], ^[[RAISE:.*]], ^[[OK:[a-z0-9]*]]
// CHECK: ^[[RAISE]]:
// CHECK: call @mumbaRaiseUser
// CHECK: ^[[OK]]:
// CHECK: call @tgamma(%arg0) : (f64) -> f64
func.func @gamma(%x: f64) -> f64 {
  %m = nb.global("math") : !nb.module<"math">
  %g = nb.getattr %m, "gamma" : !nb.module<"math"> -> !nb.function<"math.gamma">
  %0 = nb.call %g(%x) : (!nb.function<"math.gamma">, f64) -> f64
  nb.return %0 : f64
}

// expm1 and log1p call libm: the math dialect's lowering of them
// (exp(x) - 1, log(1 + x)) loses the accuracy they exist for.
// CHECK-LABEL: func.func @math_expm1
// CHECK: %[[X:.*]] = arith.extf %arg0 : f32 to f64
// CHECK: call @expm1(%[[X]]) : (f64) -> f64
func.func @math_expm1(%x: f32) -> f64 {
  %m = nb.global("math") : !nb.module<"math">
  %g = nb.getattr %m, "expm1" : !nb.module<"math"> -> !nb.function<"math.expm1">
  %0 = nb.call %g(%x) : (!nb.function<"math.expm1">, f32) -> f64
  nb.return %0 : f64
}

// round(x, n), correctly rounded: scale by 10**|n|, take the scaling's
// rounding error with an FMA, and let it break ties the scaled value only
// seems to have.
// CHECK-LABEL: func.func @round
// CHECK: %[[P:.*]] = math.powf
// CHECK: %[[Y:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f64
// CHECK: %[[NEGY:.*]] = arith.negf %[[Y]]
// CHECK: math.fma %[[NEGY]], %[[P]], %arg0
// CHECK: math.fma %arg0, %[[P]], %[[NEGY]]
// CHECK: %[[HALF:.*]] = arith.cmpf oeq, %{{.*}}, %{{.*}} : f64
// CHECK: math.roundeven %[[Y]]
func.func @round(%x: f64, %n: si64) -> f64 {
  %f = nb.global("round") : !nb.function<"round">
  %0 = nb.call %f(%x, %n) : (!nb.function<"round">, f64, si64) -> f64
  nb.return %0 : f64
}

// uint64 against int64 compares exactly: a negative signed value is
// smaller than any unsigned one; otherwise both compare unsigned.
// CHECK-LABEL: func.func @compare_uint64
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %arg1, %{{.*}} : i64
// CHECK: %[[ULT:.*]] = arith.cmpi ult, %arg0, %arg1 : i64
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %[[FALSE]], %[[ULT]] : i1
// CHECK: return %{{.*}}, %[[R]] : i32, i1
func.func @compare_uint64(%u: ui64, %s: si64) -> i1 {
  %0 = nb.compare lt %u, %s : (ui64, si64) -> i1
  nb.return %0 : i1
}

// `x in t` compares with each element.
// CHECK-LABEL: func.func @in_tuple
// CHECK: %[[E0:.*]] = arith.cmpi eq, %arg0, %arg1 : i64
// CHECK: %[[F:.*]] = arith.sitofp %arg0 : i64 to f64
// CHECK: %[[E1:.*]] = arith.cmpf oeq, %[[F]], %arg2 : f64
// CHECK: %[[ANY:.*]] = arith.ori %{{.*}}, %[[E1]] : i1
// CHECK: return %{{.*}}, %[[ANY]] : i32, i1
func.func @in_tuple(%x: si64, %t: tuple<si64, f64>) -> i1 {
  %0 = nb.compare in %x, %t : (si64, tuple<si64, f64>) -> i1
  nb.return %0 : i1
}

// numpy.logaddexp as NumPy computes it: x + log(2) for equal arguments
// (so inf stays inf), else max(x, y) + log1p(exp(-|x - y|)) through libm's
// log1pf for float32.
// CHECK-LABEL: func.func @numpy_logaddexp
// CHECK: %[[EQ:.*]] = arith.cmpf oeq, %arg0, %arg1 : f32
// CHECK: %[[TWICE:.*]] = arith.addf %arg0, %{{.*}} : f32
// CHECK: %[[D:.*]] = math.absf
// CHECK: %[[N:.*]] = arith.negf %[[D]]
// CHECK: %[[E:.*]] = math.exp %[[N]]
// CHECK: %[[T:.*]] = call @log1pf(%[[E]]) : (f32) -> f32
// CHECK: %[[M:.*]] = arith.maximumf %arg0, %arg1 : f32
// CHECK: %[[APART:.*]] = arith.addf %[[M]], %[[T]] : f32
// CHECK: arith.select %[[EQ]], %[[TWICE]], %[[APART]] : f32
func.func @numpy_logaddexp(%x: f32, %y: f32) -> f32 {
  %np = nb.global("numpy") : !nb.module<"numpy">
  %f = nb.getattr %np, "logaddexp" : !nb.module<"numpy"> -> !nb.function<"numpy.logaddexp">
  %0 = nb.call %f(%x, %y) : (!nb.function<"numpy.logaddexp">, f32, f32) -> f32
  nb.return %0 : f32
}

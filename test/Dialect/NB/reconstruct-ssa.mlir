// RUN: mumba-opt %s -nb-reconstruct-ssa | FileCheck %s
// RUN: mumba-opt %s -nb-reconstruct-ssa | FileCheck %s --check-prefix=NOSLOT
// RUN: mumba-opt %s -nb-reconstruct-ssa -mlir-print-debuginfo -mlir-print-local-scope | FileCheck %s --check-prefix=LOC

// No variable slot, load or store survives the pass.
// NOSLOT-NOT: nb.var
// NOSLOT-NOT: nb.load_var
// NOSLOT-NOT: nb.store_var
// NOSLOT-NOT: !nb.var

// Loads read the last store; a redefinition is just another store.
// CHECK-LABEL: func.func @straight_line
// CHECK: %[[A:.*]] = nb.arg 0 "x" : !nb.unknown
// CHECK: %[[ONE:.*]] = nb.const(1 : i64) : !nb.unknown
// CHECK: %[[SUM:.*]] = nb.binop add %[[A]], %[[ONE]]
// CHECK: %[[PROD:.*]] = nb.binop mul %[[SUM]], %[[SUM]]
// CHECK: nb.return %[[PROD]] : !nb.unknown
func.func @straight_line(%arg0: si64) -> !nb.unknown {
  %x = nb.var "x"
  %y = nb.var "y"
  %0 = nb.arg 0 "x" : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  %1 = nb.load_var %x : !nb.unknown
  %2 = nb.const(1) : !nb.unknown
  %3 = nb.binop add %1, %2 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %3 to %y : !nb.unknown
  nb.store_var %3 to %x : !nb.unknown
  %4 = nb.load_var %x : !nb.unknown
  %5 = nb.load_var %y : !nb.unknown
  %6 = nb.binop mul %4, %5 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.return %6 : !nb.unknown
}

// A variable assigned in both branches merges into a block argument that
// carries the variable's name in its location.
// CHECK-LABEL: func.func @if_else
// CHECK: cf.cond_br %{{.*}}, ^[[THEN:bb[0-9]+]], ^[[ELSE:bb[0-9]+]]{{$}}
// CHECK: ^[[THEN]]:
// CHECK: %[[ONE:.*]] = nb.const(1 : i64)
// CHECK: cf.br ^[[JOIN:bb[0-9]+]](%[[ONE]] : !nb.unknown)
// CHECK: ^[[ELSE]]:
// CHECK: %[[TWO:.*]] = nb.const(2.000000e+00 : f64)
// CHECK: cf.br ^[[JOIN]](%[[TWO]] : !nb.unknown)
// CHECK: ^[[JOIN]](%[[X:.*]]: !nb.unknown):
// CHECK: nb.return %[[X]] : !nb.unknown
// LOC-LABEL: func.func @if_else
// LOC: ^bb3(%{{.*}}: !nb.unknown loc("x"({{.*}}))):
func.func @if_else(%arg0: si64) -> !nb.unknown {
  %c = nb.var "c"
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  nb.store_var %0 to %c : !nb.unknown
  %1 = nb.load_var %c : !nb.unknown
  %2 = nb.truth %1 : !nb.unknown
  cf.cond_br %2, ^then, ^else
^then:
  %3 = nb.const(1) : !nb.unknown
  nb.store_var %3 to %x : !nb.unknown
  cf.br ^join
^else:
  %4 = nb.const(2.0) : !nb.unknown
  nb.store_var %4 to %x : !nb.unknown
  cf.br ^join
^join:
  %5 = nb.load_var %x : !nb.unknown
  nb.return %5 : !nb.unknown
}

// A variable assigned in only one branch: the other path carries nb.undef
// (Python would raise UnboundLocalError there).
// CHECK-LABEL: func.func @maybe_unbound
// CHECK: %[[U:.*]] = nb.undef : !nb.unknown
// CHECK: cf.cond_br %{{.*}}, ^[[THEN:bb[0-9]+]], ^[[JOIN:bb[0-9]+]](%[[U]] : !nb.unknown)
// CHECK: ^[[THEN]]:
// CHECK: %[[ONE:.*]] = nb.const(1 : i64)
// CHECK: cf.br ^[[JOIN]](%[[ONE]] : !nb.unknown)
// CHECK: ^[[JOIN]](%[[X:.*]]: !nb.unknown):
// CHECK: nb.return %[[X]]
func.func @maybe_unbound(%arg0: i1) -> !nb.unknown {
  %c = nb.var "c"
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  nb.store_var %0 to %c : !nb.unknown
  %1 = nb.load_var %c : !nb.unknown
  %2 = nb.truth %1 : !nb.unknown
  cf.cond_br %2, ^then, ^join
^then:
  %3 = nb.const(1) : !nb.unknown
  nb.store_var %3 to %x : !nb.unknown
  cf.br ^join
^join:
  %5 = nb.load_var %x : !nb.unknown
  nb.return %5 : !nb.unknown
}

// Read before any assignment on every path.
// CHECK-LABEL: func.func @unbound
// CHECK: %[[U:.*]] = nb.undef : !nb.unknown
// CHECK: nb.return %[[U]] : !nb.unknown
func.func @unbound() -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.load_var %x : !nb.unknown
  nb.return %0 : !nb.unknown
}

// A store that nothing reads disappears with its slot; no nb.undef is left
// behind for a slot that is never read.
// CHECK-LABEL: func.func @dead_store
// CHECK-NOT: nb.undef
// CHECK: %[[ONE:.*]] = nb.const(1 : i64)
// CHECK-NEXT: nb.return %[[ONE]]
func.func @dead_store() -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.const(1) : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  nb.return %0 : !nb.unknown
}

// `t = 0; for i in range(len(a)): t += a[i]; return t`: t is carried around
// the loop in a block argument of the header; the iterator, assigned once
// before the loop, is not.
// CHECK-LABEL: func.func @loop_carried
// CHECK: %[[A:.*]] = nb.arg 0 "a"
// CHECK: %[[ZERO:.*]] = nb.const(0 : i64)
// CHECK: %[[IT:.*]] = nb.getiter
// CHECK: cf.br ^[[HEAD:bb[0-9]+]](%[[ZERO]] : !nb.unknown)
// CHECK: ^[[HEAD]](%[[T:.*]]: !nb.unknown):
// CHECK: %[[P:.*]] = nb.iternext %[[IT]]
// CHECK: cf.cond_br %{{.*}}, ^[[BODY:bb[0-9]+]], ^[[EXIT:bb[0-9]+]]{{$}}
// CHECK: ^[[BODY]]:
// CHECK: %[[I:.*]] = nb.pair_first %[[P]]
// CHECK: %[[X:.*]] = nb.getitem %[[A]][%[[I]]]
// CHECK: %[[NEXT:.*]] = nb.inplace_binop add %[[T]], %[[X]]
// CHECK: cf.br ^[[HEAD]](%[[NEXT]] : !nb.unknown)
// CHECK: ^[[EXIT]]:
// CHECK: nb.return %[[T]] : !nb.unknown
// LOC-LABEL: func.func @loop_carried
// LOC: ^bb1(%{{.*}}: !nb.unknown loc("t"({{.*}}))):
func.func @loop_carried(%arg0: !nb.array<f64, 1, C>) -> !nb.unknown {
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

// Two variables carried around a while loop (`while n != 1: n = n // 2;
// s += 1`), each in its own header argument.
// CHECK-LABEL: func.func @two_carried
// CHECK: %[[N0:.*]] = nb.arg 0 "n"
// CHECK: %[[S0:.*]] = nb.const(0 : i64)
// CHECK: cf.br ^[[HEAD:bb[0-9]+]](%[[N0]], %[[S0]] : !nb.unknown, !nb.unknown)
// CHECK: ^[[HEAD]](%[[N:[^:]+]]: !nb.unknown, %[[S:[^:]+]]: !nb.unknown):
// CHECK: nb.compare ne %[[N]], %{{.*}}
// CHECK: %[[N1:.*]] = nb.binop floordiv %[[N]], %{{.*}}
// CHECK: %[[S1:.*]] = nb.inplace_binop add %[[S]], %{{.*}}
// CHECK: cf.br ^[[HEAD]](%[[N1]], %[[S1]] : !nb.unknown, !nb.unknown)
// CHECK: nb.return %[[S]]
func.func @two_carried(%arg0: si64) -> !nb.unknown {
  %n = nb.var "n"
  %s = nb.var "s"
  %0 = nb.arg 0 "n" : !nb.unknown
  nb.store_var %0 to %n : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  nb.store_var %1 to %s : !nb.unknown
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
  %8 = nb.binop floordiv %6, %7 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %8 to %n : !nb.unknown
  %9 = nb.load_var %s : !nb.unknown
  %10 = nb.const(1) : !nb.unknown
  %11 = nb.inplace_binop add %9, %10 : (!nb.unknown, !nb.unknown) -> !nb.unknown
  nb.store_var %11 to %s : !nb.unknown
  cf.br ^head
^exit:
  %12 = nb.load_var %s : !nb.unknown
  nb.return %12 : !nb.unknown
}

// A function without slots is left alone.
// CHECK-LABEL: func.func @no_slots
// CHECK-NEXT: %[[C:.*]] = nb.const(1 : i64) : !nb.unknown
// CHECK-NEXT: nb.return %[[C]]
func.func @no_slots() -> !nb.unknown {
  %0 = nb.const(1) : !nb.unknown
  nb.return %0 : !nb.unknown
}

// An unreachable block reads what it stores itself and feeds the join like
// any predecessor; the join needs no argument, since only the entry's store
// reaches it from the entry.
// CHECK-LABEL: func.func @unreachable_block
// CHECK: %[[ONE:.*]] = nb.const(1 : i64)
// CHECK: cf.br ^[[JOIN:bb[0-9]+]]{{$}}
// CHECK: ^{{bb[0-9]+}}:  // no predecessors
// CHECK: cf.br ^[[JOIN]]{{$}}
// CHECK: ^[[JOIN]]:
// CHECK: nb.return %[[ONE]]
func.func @unreachable_block(%arg0: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.const(1) : !nb.unknown
  nb.store_var %0 to %x : !nb.unknown
  cf.br ^join
^dead:
  %1 = nb.load_var %x : !nb.unknown
  %2 = nb.const(2) : !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  cf.br ^join
^join:
  %3 = nb.load_var %x : !nb.unknown
  nb.return %3 : !nb.unknown
}

// A store in a nested branch merges at the inner join, whose argument then
// flows into the outer join's (the iterated dominance frontier).
// CHECK-LABEL: func.func @nested_joins
// CHECK: %[[ZERO:.*]] = nb.const(0 : i64)
// CHECK: cf.cond_br %{{.*}}, ^[[OUTER:bb[0-9]+]], ^[[JOIN:bb[0-9]+]](%[[ZERO]] : !nb.unknown)
// CHECK: ^[[OUTER]]:
// CHECK: cf.cond_br %{{.*}}, ^[[INNER:bb[0-9]+]], ^[[INNERJOIN:bb[0-9]+]](%[[ZERO]] : !nb.unknown)
// CHECK: ^[[INNER]]:
// CHECK: %[[TWO:.*]] = nb.const(2 : i64)
// CHECK: cf.br ^[[INNERJOIN]](%[[TWO]] : !nb.unknown)
// CHECK: ^[[INNERJOIN]](%[[X1:.*]]: !nb.unknown):
// CHECK: cf.br ^[[JOIN]](%[[X1]] : !nb.unknown)
// CHECK: ^[[JOIN]](%[[X2:.*]]: !nb.unknown):
// CHECK: nb.return %[[X2]]
func.func @nested_joins(%arg0: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  nb.store_var %1 to %x : !nb.unknown
  %t = nb.truth %0 : !nb.unknown
  cf.cond_br %t, ^outer, ^join
^outer:
  cf.cond_br %t, ^inner, ^innerjoin
^inner:
  %2 = nb.const(2) : !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  cf.br ^innerjoin
^innerjoin:
  cf.br ^join
^join:
  %3 = nb.load_var %x : !nb.unknown
  nb.return %3 : !nb.unknown
}

// The same variable never read after the joins: both merge arguments, the
// inner one only feeding the outer one, are dropped.
// CHECK-LABEL: func.func @dead_joins
// CHECK-NOT: ^bb{{[0-9]+}}(
// CHECK-NOT: cf.br ^bb{{[0-9]+}}(
// CHECK: nb.return
func.func @dead_joins(%arg0: si64) -> !nb.unknown {
  %x = nb.var "x"
  %0 = nb.arg 0 "c" : !nb.unknown
  %1 = nb.const(0) : !nb.unknown
  nb.store_var %1 to %x : !nb.unknown
  %t = nb.truth %0 : !nb.unknown
  cf.cond_br %t, ^outer, ^join
^outer:
  cf.cond_br %t, ^inner, ^innerjoin
^inner:
  %2 = nb.const(2) : !nb.unknown
  nb.store_var %2 to %x : !nb.unknown
  cf.br ^innerjoin
^innerjoin:
  cf.br ^join
^join:
  nb.return %0 : !nb.unknown
}

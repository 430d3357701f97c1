//===- RecursionGuard.cpp - RecursionError instead of a stack overflow ----===//
//
// Compiled recursion has no depth limit of its own: deep enough, it would
// overflow the thread's stack and crash the interpreter. Functions on a
// call cycle check the stack on entry (one runtime call) and raise
// RecursionError when it is nearly full. Functions that do not recurse pay
// nothing.
//
//===----------------------------------------------------------------------===//
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Symbols.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

/// The runtime's stack check.

/// The functions of `module` that can reach themselves through calls.
static SmallVector<func::FuncOp> recursiveFunctions(ModuleOp module) {
  DenseMap<Operation *, SmallVector<func::FuncOp>> callees;
  SymbolTable symbols(module);
  for (auto func : module.getOps<func::FuncOp>())
    func.walk([&](func::CallOp call) {
      if (auto callee = symbols.lookup<func::FuncOp>(call.getCallee()))
        if (!callee.isExternal())
          callees[func].push_back(callee);
    });
  SmallVector<func::FuncOp> result;
  for (auto func : module.getOps<func::FuncOp>()) {
    llvm::SetVector<Operation *> seen;
    SmallVector<func::FuncOp> work(callees[func]);
    bool recursive = false;
    while (!work.empty() && !recursive) {
      func::FuncOp next = work.pop_back_val();
      recursive = next == func;
      if (seen.insert(next))
        llvm::append_range(work, callees[next]);
    }
    if (recursive)
      result.push_back(func);
  }
  return result;
}

void mumba::detail::guardRecursion(ModuleOp module) {
  SmallVector<func::FuncOp> recursive = recursiveFunctions(module);
  if (recursive.empty())
    return;
  OpBuilder b(module.getContext());
  if (!module.lookupSymbol<func::FuncOp>(MUMBA_SYMBOL_CHECK_STACK)) {
    b.setInsertionPointToStart(module.getBody());
    auto decl =
        func::FuncOp::create(b, module.getLoc(), MUMBA_SYMBOL_CHECK_STACK,
                             b.getFunctionType({}, {b.getI32Type()}));
    decl.setPrivate();
  }
  for (func::FuncOp func : recursive) {
    Location loc = func.getLoc();
    b.setInsertionPointToStart(&func.getBody().front());
    Value status = func::CallOp::create(b, loc, MUMBA_SYMBOL_CHECK_STACK,
                                        TypeRange{b.getI32Type()}, {})
                       .getResult(0);
    Value full = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, status,
                                       statusConstant(b, loc, MUMBA_OK));
    raiseIf(b, loc, full, status);
  }
}

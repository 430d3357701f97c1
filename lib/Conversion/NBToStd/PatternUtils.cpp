//===- PatternUtils.cpp - Shared pieces of the nb lowering ----------------===//
//
// What the pass and its pattern files share: status constants, the raise
// path (nb.raise_if and nb.raise, both expanded into one kind of exit once
// conversion is done).
//
//===----------------------------------------------------------------------===//
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

Value mumba::detail::statusConstant(OpBuilder &b, Location loc,
                                    int32_t status) {
  return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                   b.getI32IntegerAttr(status));
}

Value mumba::detail::single(ValueRange values) {
  assert(values.size() == 1 && "expected a scalar lowered to one value");
  return values.front();
}

/// A value of `type` for results that a raising path returns but nobody
/// reads. Poison for scalars; for memrefs an empty stack buffer, since
/// buffer deallocation compares returned pointers and must not see poison.
static Value placeholderFor(OpBuilder &b, Location loc, Type type) {
  auto memrefType = dyn_cast<MemRefType>(type);
  if (!memrefType)
    return ub::PoisonOp::create(b, loc, type);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> sizes(memrefType.getNumDynamicDims(), zero);
  auto plain =
      MemRefType::get(memrefType.getShape(), memrefType.getElementType());
  Value empty = memref::AllocaOp::create(b, loc, plain, sizes);
  if (plain == memrefType)
    return empty;
  return memref::CastOp::create(b, loc, memrefType, empty);
}

/// Leaves the enclosing function with `status` (placeholders for its other
/// results), after calling `recorder`, if any, with `details`: the one exit
/// of every raise, conditional (nb.raise_if) or not (nb.raise).
static void returnRaising(OpBuilder &b, Location loc, Value status,
                          FlatSymbolRefAttr recorder, ValueRange details) {
  auto func =
      b.getInsertionBlock()->getParent()->getParentOfType<func::FuncOp>();
  if (recorder)
    func::CallOp::create(b, loc, recorder, TypeRange{}, details);
  SmallVector<Value> values{status};
  for (Type type : func.getResultTypes().drop_front())
    values.push_back(placeholderFor(b, loc, type));
  func::ReturnOp::create(b, loc, values);
}

void mumba::detail::raiseIf(OpBuilder &b, Location loc, Value cond,
                            Value status, StringRef recorder,
                            ValueRange details) {
  RaiseIfOp::create(b, loc, cond, status, details,
                    recorder.empty()
                        ? FlatSymbolRefAttr()
                        : FlatSymbolRefAttr::get(b.getContext(), recorder));
}

void mumba::detail::expandRaises(ModuleOp module) {
  SmallVector<RaiseIfOp> raises;
  module.walk([&](RaiseIfOp op) { raises.push_back(op); });
  IRRewriter rewriter(module.getContext());
  for (RaiseIfOp op : raises) {
    Location loc = op.getLoc();
    Block *before = op->getBlock();
    Block *after = rewriter.splitBlock(before, std::next(op->getIterator()));
    Block *raise = rewriter.createBlock(after);
    returnRaising(rewriter, loc, op.getStatus(), op.getRecorderAttr(),
                  op.getDetails());
    rewriter.setInsertionPoint(op);
    cf::CondBranchOp::create(rewriter, loc, op.getCondition(), raise,
                             ValueRange{}, after, ValueRange{});
    rewriter.eraseOp(op);
  }
}

void mumba::detail::expandRaiseStatements(ModuleOp module) {
  SmallVector<RaiseOp> raises;
  module.walk([&](RaiseOp op) {
    if (op.getExcClass())
      raises.push_back(op);
  });
  if (raises.empty())
    return;
  OpBuilder b(module.getContext());
  for (RaiseOp op : raises) {
    Location loc = op.getLoc();
    b.setInsertionPoint(op);
    StringRef recorder = declareExternalFunction(
        b, loc, MUMBA_SYMBOL_RAISE_USER,
        b.getFunctionType({b.getI64Type(), b.getI64Type()}, {}));
    Value excClass = constantStringAddress(b, loc, *op.getExcClass());
    // The arguments' literal, for the dispatcher to evaluate, or a message.
    std::optional<StringRef> args = op.getExcArgs();
    Value message = constantStringAddress(
        b, loc, args ? *args : op.getMessage().value_or(""));
    returnRaising(
        b, loc,
        statusConstant(b, loc, args ? MUMBA_RAISE_ARGS : MUMBA_USER_EXCEPTION),
        FlatSymbolRefAttr::get(b.getContext(), recorder),
        ValueRange{excClass, message});
    op.erase();
  }
}

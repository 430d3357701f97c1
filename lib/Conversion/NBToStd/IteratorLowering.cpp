//===- IteratorLowering.cpp - Iterators as cursors and values -------------===//
#include "IteratorLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

using namespace mlir;
using namespace mumba::nb;

Value mumba::nb::createCursorSlot(OpBuilder &b, Location loc, Value start) {
  auto func = b.getInsertionBlock()->getParentOp();
  if (!isa<func::FuncOp>(func))
    func = func->getParentOfType<func::FuncOp>();
  Value cursor;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&cast<func::FuncOp>(func).getBody().front());
    cursor =
        memref::AllocaOp::create(b, loc, MemRefType::get({}, b.getI64Type()));
  }
  memref::StoreOp::create(b, loc, start, cursor);
  return cursor;
}

static Value i64Constant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(value));
}

SmallVector<Value> mumba::nb::lowerGetIter(OpBuilder &b, Location loc,
                                           Type iterable, ValueRange values) {
  SmallVector<Value> result;
  if (isa<RangeType>(iterable)) {
    result.push_back(createCursorSlot(b, loc, values[0]));
    result.append({values[1], values[2]});
  } else if (isa<ArrayType, TupleType>(iterable)) {
    result.push_back(createCursorSlot(b, loc, i64Constant(b, loc, 0)));
    llvm::append_range(result, values);
  } else {
    // Enumerate and zip objects.
    llvm::append_range(result, values);
  }
  return result;
}

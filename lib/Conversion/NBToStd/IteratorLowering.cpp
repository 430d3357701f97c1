//===- IteratorLowering.cpp - Iterators as cursors and values -------------===//
#include "IteratorLowering.h"
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

using namespace mlir;
using namespace mumba::detail;
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

/// How many values a value of nb type `type` lowers to.
static size_t loweredSize(const TypeConverter &converter, Type type) {
  SmallVector<Type> types;
  (void)converter.convertType(type, types);
  return types.size();
}

Value mumba::nb::lowerIterNext(OpBuilder &b, Location loc,
                               const TypeConverter &converter, Type type,
                               ValueRange iter,
                               SmallVectorImpl<Value> &element) {
  Type i64 = b.getI64Type();
  if (isa<RangeIterType>(type)) {
    Value cursor = iter[0], stop = iter[1], step = iter[2];
    Value current = memref::LoadOp::create(b, loc, cursor);
    Value up = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, step,
                                     i64Constant(b, loc, 0));
    Value valid = arith::SelectOp::create(
        b, loc, up,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, current, stop),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, current,
                              stop));
    memref::StoreOp::create(
        b, loc, arith::AddIOp::create(b, loc, current, step), cursor);
    element.push_back(current);
    return valid;
  }
  if (isa<ArrayIterType>(type)) {
    Value cursor = iter[0], memref = iter[1];
    Value current = memref::LoadOp::create(b, loc, cursor);
    // The cursor is compared as an i64 and cast to an index only for the
    // load, so that the loop is `cursor < size; cursor + 1` as for a range,
    // which the lifting to scf.for recognises.
    Value size = arith::IndexCastOp::create(
        b, loc, i64, memref::DimOp::create(b, loc, memref, 0));
    Value valid =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, current, size);
    memref::StoreOp::create(
        b, loc, arith::AddIOp::create(b, loc, current, i64Constant(b, loc, 1)),
        cursor);
    element.push_back(arrayIteratorElement(b, loc, memref, current, valid));
    return valid;
  }
  if (auto tupleIter = dyn_cast<TupleIterType>(type)) {
    TupleType tuple = tupleIter.getTupleType();
    Value cursor = iter[0];
    ValueRange values = iter.drop_front();
    Value current = memref::LoadOp::create(b, loc, cursor);
    Value valid = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::slt, current,
        i64Constant(b, loc, static_cast<int64_t>(tuple.size())));
    memref::StoreOp::create(
        b, loc, arith::AddIOp::create(b, loc, current, i64Constant(b, loc, 1)),
        cursor);
    if (tuple.size() == 0)
      return valid;
    // Elements all have the same type, so the same lowered layout: pick
    // each of its values from the current element by a chain of selects.
    size_t width = values.size() / tuple.size();
    for (size_t k = 0; k < width; ++k) {
      Value picked = values[k];
      for (size_t i = 1; i < tuple.size(); ++i) {
        Value isI =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, current,
                                  i64Constant(b, loc, static_cast<int64_t>(i)));
        picked =
            arith::SelectOp::create(b, loc, isI, values[i * width + k], picked);
      }
      element.push_back(picked);
    }
    return valid;
  }
  if (auto enumerate = dyn_cast<EnumerateType>(type)) {
    Value counter = iter[0];
    Value count = memref::LoadOp::create(b, loc, counter);
    element.push_back(count);
    Value valid = lowerIterNext(b, loc, converter, enumerate.getIterator(),
                                iter.drop_front(), element);
    memref::StoreOp::create(
        b, loc, arith::AddIOp::create(b, loc, count, i64Constant(b, loc, 1)),
        counter);
    return valid;
  }
  auto zip = cast<ZipType>(type);
  Value valid;
  size_t offset = 0;
  for (Type inner : zip.getIterators()) {
    size_t size = loweredSize(converter, inner);
    Value v = lowerIterNext(b, loc, converter, inner, iter.slice(offset, size),
                            element);
    valid = valid ? arith::AndIOp::create(b, loc, valid, v).getResult() : v;
    offset += size;
  }
  return valid;
}

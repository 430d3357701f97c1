//===- IterationPatterns.cpp - Tuple, enumerate and zip iterators ---------===//
//
// Iterators beyond ranges and arrays (StructurePatterns.cpp lowers those at
// the top level): tuples, enumerate and zip objects, which wrap any
// iterator, ranges and arrays included. Layouts are in
// mumba/Dialect/NB/Typing/IteratorLowering.h.
//
//===----------------------------------------------------------------------===//
#include "IterationPatterns.h"
#include "IteratorLowering.h"
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

/// How many values a value of nb type `type` lowers to.
static size_t loweredSize(const TypeConverter &converter, Type type) {
  SmallVector<Type> types;
  (void)converter.convertType(type, types);
  return types.size();
}

static Value i64Constant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(value));
}

/// Advances the iterator of nb type `type` lowered to `iter`: appends the
/// lowered values of the next element to `element` and returns whether
/// there was one.
static Value lowerNext(OpBuilder &b, Location loc,
                       const TypeConverter &converter, Type type,
                       ValueRange iter, SmallVectorImpl<Value> &element) {
  Type i64 = b.getI64Type();
  if (isa<RangeIterType>(type)) {
    // As StructurePatterns.cpp lowers a range at the top level.
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
    Value valid = lowerNext(b, loc, converter, enumerate.getIterator(),
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
    Value v =
        lowerNext(b, loc, converter, inner, iter.slice(offset, size), element);
    valid = valid ? arith::AndIOp::create(b, loc, valid, v).getResult() : v;
    offset += size;
  }
  return valid;
}

namespace {
struct GetIterLowering : public OpConversionPattern<GetIterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetIterOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getValue().getType();
    if (!isa<TupleType, EnumerateType, ZipType>(type))
      return failure();
    rewriter.replaceOpWithMultiple(
        op, {lowerGetIter(rewriter, op.getLoc(), type, adaptor.getValue())});
    return success();
  }
};

struct IterNextLowering : public OpConversionPattern<IterNextOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(IterNextOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getIterator().getType();
    if (!isa<TupleIterType, EnumerateType, ZipType>(type))
      return failure();
    SmallVector<Value> values;
    Value valid = lowerNext(rewriter, op.getLoc(), *getTypeConverter(), type,
                            adaptor.getIterator(), values);
    values.push_back(valid);
    rewriter.replaceOpWithMultiple(op, {values});
    return success();
  }
};
} // namespace

void mumba::detail::addIterationTypeConversions(NBTypeConverter &converter,
                                                MLIRContext *ctx) {
  Type cursor = MemRefType::get({}, IntegerType::get(ctx, 64));
  converter.addConversion(
      [&converter,
       cursor](TupleIterType type,
               SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        results.push_back(cursor);
        return converter.convertType(type.getTupleType(), results);
      });
  converter.addConversion(
      [&converter,
       cursor](EnumerateType type,
               SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        results.push_back(cursor);
        return converter.convertType(type.getIterator(), results);
      });
  converter.addConversion(
      [&converter](ZipType type, SmallVectorImpl<Type> &results)
          -> std::optional<LogicalResult> {
        for (Type inner : type.getIterators())
          if (failed(converter.convertType(inner, results)))
            return failure();
        return success();
      });
  // String literals are known at compile time: nothing at run time.
  converter.addConversion(
      [](StrType, SmallVectorImpl<Type> &) -> std::optional<LogicalResult> {
        return success();
      });
}

void mumba::detail::populateIterationPatterns(NBTypeConverter &converter,
                                              RewritePatternSet &patterns) {
  patterns.add<GetIterLowering, IterNextLowering>(converter,
                                                  patterns.getContext());
}

//===- IterationPatterns.cpp - nb.getiter and nb.iternext -----------------===//
//
// The one lowering of Python's iteration, for every iterable: ranges,
// arrays, tuples, enumerate and zip objects (which wrap any iterator).
// Layouts and the per-kind code are in IteratorLowering.h.
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
#include "mumba/Transforms/ParallelLoops.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

/// Marks the comparisons that decide whether a prange loop goes on (one for
/// each sign of the step; canonicalisation keeps the one the step's sign
/// picks), so that the loop is recognised once it is an scf.for.
static void markParallelHeader(Value valid) {
  SmallVector<Value> worklist{valid};
  if (auto select = valid.getDefiningOp<arith::SelectOp>())
    worklist = {select.getTrueValue(), select.getFalseValue()};
  for (Value value : worklist)
    if (auto cmp = value.getDefiningOp<arith::CmpIOp>())
      cmp->setAttr(kParallelLoopAttr, UnitAttr::get(cmp.getContext()));
}

namespace {
struct GetIterLowering : public OpConversionPattern<GetIterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetIterOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getValue().getType();
    if (!getIteratorType(type))
      return rewriter.notifyMatchFailure(op, "not an iterable");
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
    if (!getIteratorElementType(type))
      return rewriter.notifyMatchFailure(op, "not an iterator");
    SmallVector<Value> values;
    Value valid = lowerIterNext(rewriter, op.getLoc(), *getTypeConverter(),
                                type, adaptor.getIterator(), values);
    if (op.getParallel() && isa<RangeIterType>(type))
      markParallelHeader(valid);
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

//===- IteratorLowering.h - Iterators as cursors and values -----*- C++ -*-===//
//
// How `iter(x)` lowers for every iterable, so that enumerate and zip can
// wrap the iterators of any of them. Lowered layouts (the type converter of
// convert-nb-to-std agrees):
//   range_iter    cursor slot, stop, step
//   array_iter    cursor slot, the memref
//   tuple_iter    cursor slot, the tuple's values
//   enumerate     counter slot, the inner iterator's values
//   zip           the inner iterators' values, one after the other
// A cursor slot is a memref<i64> allocated at the function's entry.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_ITERATORLOWERING_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_ITERATORLOWERING_H

#include "mlir/IR/Builders.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mumba::nb {

/// A memref<i64> slot allocated at the entry of the function around the
/// insertion point (so that loops in loops do not grow the stack), set to
/// `start` at the insertion point.
mlir::Value createCursorSlot(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value start);

/// The lowered values of `iter(x)`, for `x` of nb type `iterable` lowered
/// to `values`. Enumerate and zip objects are their own iterators.
llvm::SmallVector<mlir::Value> lowerGetIter(mlir::OpBuilder &b,
                                            mlir::Location loc,
                                            mlir::Type iterable,
                                            mlir::ValueRange values);

/// Advances the iterator of nb type `iterator` lowered to `iter`: appends
/// the lowered values of the next element to `element` and returns whether
/// there was one.
mlir::Value lowerIterNext(mlir::OpBuilder &b, mlir::Location loc,
                          const mlir::TypeConverter &converter,
                          mlir::Type iterator, mlir::ValueRange iter,
                          llvm::SmallVectorImpl<mlir::Value> &element);

} // namespace mumba::nb

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_ITERATORLOWERING_H

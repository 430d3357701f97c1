//===- ArrayAllocation.h - The one way compiled code allocates arrays -*- C++
//-*-===//
//
// Every array buffer that compiled code allocates goes through
// allocateArray: array constructors, copies, *_like, arange, and the
// results of array expressions. It checks what NumPy checks when it makes
// an array, at the cost of one overflow-checked multiply per dimension
// before the allocation and one null test after it.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_ARRAYALLOCATION_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_ARRAYALLOCATION_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mumba::nb {

/// Which of NumPy's size checks an allocation makes first.
enum class SizeCheck {
  /// An array constructor's: the byte size, zero extents skipped.
  Array,
  /// A ufunc's result: NumPy's iterator first counts the elements, in
  /// order and zeros included ("iterator is too large"), then allocates.
  Broadcast,
};

/// Allocates a C-contiguous, 64-byte-aligned buffer of `type` (a memref of
/// dynamic extents) with the non-negative index extents `sizes`; `dtype` is
/// the nb element type, for messages. Raises (as nb.raise_if, for use inside
/// convert-nb-to-std) NumPy's ValueError "array is too big; ..." when
/// itemsize times the non-zero extents exceeds the largest intp, before
/// allocating, and MemoryError "Unable to allocate ..." when the allocator
/// returns null. With SizeCheck::Broadcast, the element count is checked
/// first, as NumPy's iterator does for the results of array expressions.
mlir::Value allocateArray(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::MemRefType type, mlir::ValueRange sizes,
                          mlir::Type dtype, SizeCheck check = SizeCheck::Array);

} // namespace mumba::nb

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_ARRAYALLOCATION_H

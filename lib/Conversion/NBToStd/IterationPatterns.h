//===- IterationPatterns.h - More nb lowering patterns ----------*- C++ -*-===//
//
// Lowerings added for Python's iterators and print, kept apart from the
// patterns of StructurePatterns.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_ITERATIONPATTERNS_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_ITERATIONPATTERNS_H

#include "mumba/Conversion/NBToStd/NBToStd.h"

namespace mumba::detail {

/// Teaches the type converter the tuple, enumerate and zip iterators and
/// string literals (which lower to nothing).
void addIterationTypeConversions(NBTypeConverter &converter,
                                 mlir::MLIRContext *ctx);

/// getiter/iternext on every iterable.
void populateIterationPatterns(NBTypeConverter &converter,
                               mlir::RewritePatternSet &patterns);

/// nb.print as calls of the runtime's mumbaPrint.
void populatePrintPatterns(NBTypeConverter &converter,
                           mlir::RewritePatternSet &patterns);

} // namespace mumba::detail

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_ITERATIONPATTERNS_H

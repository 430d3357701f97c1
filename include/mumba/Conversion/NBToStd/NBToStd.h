//===- NBToStd.h - Lowering typed nb to upstream dialects -------*- C++ -*-===//
#ifndef MUMBA_CONVERSION_NBTOSTD_NBTOSTD_H
#define MUMBA_CONVERSION_NBTOSTD_NBTOSTD_H

#include "mlir/Transforms/DialectConversion.h"

namespace mumba {

/// Converts nb types to upstream ones: signed and unsigned integers to
/// signless, arrays to memrefs, tuples, ranges and iterator pairs to several
/// values, and compile-time-only types (None, modules, functions) to none.
class NBTypeConverter : public mlir::TypeConverter {
public:
  explicit NBTypeConverter(mlir::MLIRContext *ctx);
};

/// How lowered code treats Python's runtime errors.
struct NBToStdOptions {
  /// Division by zero raises ZeroDivisionError (Python's error model);
  /// otherwise floats follow IEEE and integer division by zero gives 0
  /// (NumPy's, as Numba has it).
  bool pythonErrorModel = true;
  /// Array indices out of bounds raise IndexError.
  bool boundscheck = false;
  /// Lowering the scalar body of an array expression, inside a
  /// linalg.generic: nothing may raise there (NumPy's semantics).
  bool arrayElements = false;
};

/// Adds the patterns that lower typed nb ops, and func signatures with a
/// leading i32 status result.
void populateNBToStdConversionPatterns(NBTypeConverter &converter,
                                       mlir::RewritePatternSet &patterns,
                                       const NBToStdOptions &options = {});

/// Marks what the patterns produce as legal and nb as illegal.
void configureNBToStdConversionTarget(mlir::ConversionTarget &target,
                                      NBTypeConverter &converter);

} // namespace mumba

#endif // MUMBA_CONVERSION_NBTOSTD_NBTOSTD_H

//===- NBTypes.h - Types of the nb dialect ----------------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBTYPES_H
#define MUMBA_DIALECT_NB_IR_NBTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"
#include "mumba/Dialect/NB/IR/NBEnums.h"

#define GET_TYPEDEF_CLASSES
#include "mumba/Dialect/NB/IR/NBOpsTypes.h.inc"

namespace mumba::nb {

/// True for the builtin types that model Python and NumPy numbers: i1
/// (bool), signed and unsigned integers, f32, f64.
bool isNumberType(mlir::Type type);

/// True for i1, the type of Python's bool.
bool isBoolType(mlir::Type type);

/// True for integer types that are not bool.
bool isIntType(mlir::Type type);

/// The type of a Python int after inference: si64.
mlir::IntegerType getInt64Type(mlir::MLIRContext *ctx);

/// The NumPy dtype named `numpy.<name>` (`float32`, `int64`, `bool_`, ...),
/// or null.
mlir::Type lookupNumpyDType(mlir::MLIRContext *ctx, llvm::StringRef name);

/// The type two numbers meet at in arithmetic (`a + b`), following Numba:
/// ints and bools widen to int64, int and float mix to a float wide enough.
/// Null when either is not a number.
mlir::Type promoteNumbers(mlir::Type lhs, mlir::Type rhs);

/// The type that values of both `lhs` and `rhs` can be converted to where
/// control flow merges (`x = 0` on one path, `x = 1.5` on another): the
/// same type, or the wider number. Null when there is none. `!nb.unknown`
/// is the identity.
mlir::Type unifyTypes(mlir::Type lhs, mlir::Type rhs);

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_IR_NBTYPES_H

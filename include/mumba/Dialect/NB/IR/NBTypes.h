//===- NBTypes.h - Types of the nb dialect ----------------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBTYPES_H
#define MUMBA_DIALECT_NB_IR_NBTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"
#include "mumba/Dialect/NB/IR/NBEnums.h"
#include <string>

#define GET_TYPEDEF_CLASSES
#include "mumba/Dialect/NB/IR/NBOpsTypes.h.inc"

namespace mumba::nb {

/// The highest rank of an nb array: NumPy's NPY_MAXDIMS.
inline constexpr unsigned kMaxArrayRank = 32;

/// True for the builtin types that model Python and NumPy real numbers: i1
/// (bool), signed and unsigned integers of 8 to 64 bits, f32, f64.
bool isRealType(mlir::Type type);

/// True for complex<f32> (complex64) and complex<f64> (complex128).
bool isComplexType(mlir::Type type);

/// True for every number: the real types and the complex ones.
bool isNumberType(mlir::Type type);

/// True for i1, the type of Python's bool.
bool isBoolType(mlir::Type type);

/// True for integer types that are not bool.
bool isIntType(mlir::Type type);

/// Whether nb.cast converts `from` to `to`: reals to reals and to complex
/// numbers, complex to complex, into an optional, tuples element by element.
bool isCastableType(mlir::Type from, mlir::Type to);

/// The type of a Python int after inference: si64.
mlir::IntegerType getInt64Type(mlir::MLIRContext *ctx);

/// The NumPy dtype named `numpy.<name>` (`float32`, `int64`, `bool_`,
/// `complex128`, ...), or null.
mlir::Type lookupNumpyDType(mlir::MLIRContext *ctx, llvm::StringRef name);

/// The type two numbers meet at in arithmetic (`a + b`), following Numba:
/// ints and bools widen to int64 (uint64 when both are unsigned, float64 for
/// uint64 with a signed int), int and float mix to a float wide enough (an
/// int of up to 16 bits fits float32), complex absorbs the rest. Null when
/// either is not a number.
mlir::Type promoteNumbers(mlir::Type lhs, mlir::Type rhs);

/// The type that values of both `lhs` and `rhs` can be converted to where
/// control flow merges (`x = 0` on one path, `x = 1.5` on another): the
/// same type, NumPy's promote_types for numbers (int8 and uint8 meet at
/// int16, int64 and uint64 at float64), element-wise for tuples of the same
/// length. Null when there is none. `!nb.unknown` is the identity.
mlir::Type unifyTypes(mlir::Type lhs, mlir::Type rhs);

/// The iterator that `iter(x)` gives for `x` of type `iterable`: a
/// range's, a 1-D array's, a homogeneous tuple's; enumerate and zip objects
/// are their own iterators. Null for what cannot be iterated.
mlir::Type getIteratorType(mlir::Type iterable);

/// The type of the values an iterator of type `iterator` yields, or null.
mlir::Type getIteratorElementType(mlir::Type iterator);

/// The name a Python programmer knows a type by, after Numba: `int64`,
/// `float32`, `complex128`, `bool`, `none`, `array(float64, 2d, C)`,
/// `tuple(int64, float64)`, `range(int64)`, `function(math.sqrt)`.
std::string describeType(mlir::Type type);

/// `describeType` in single quotes, for diagnostics.
std::string quoteType(mlir::Type type);

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_IR_NBTYPES_H

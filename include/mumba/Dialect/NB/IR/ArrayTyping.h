//===- ArrayTyping.h - NumPy's typing of element-wise operations -*- C++
//-*-===//
//
// Arrays are values (../shared/DESIGN.md, "Arrays as values"): operators and
// ufuncs on arrays are element-wise, with NumPy 1.24's broadcasting and
// result dtypes. These rules type them; nb-fuse-array-exprs uses the same
// rules to build the scalar body of an nb.arrayexpr.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_DIALECT_NB_IR_ARRAYTYPING_H
#define MUMBA_DIALECT_NB_IR_ARRAYTYPING_H

#include "mlir/IR/Value.h"
#include "mumba/Dialect/NB/IR/NBEnums.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include <string>

namespace mumba::nb {

/// The dtype of an operand of an element-wise operation: an array's dtype,
/// or the scalar itself.
mlir::Type getElementDtype(mlir::Type type);

/// The dtype NumPy computes `lhs op rhs` in, its ufunc loop's input type,
/// when at least one side is an array: promote_types of two arrays' dtypes;
/// with a scalar, NumPy 1.24's value-based casting (a literal that does not
/// fit widens, `int8_array + 1000` is int16; a scalar of a higher kind
/// brings its own, `int32_array * 2.0` is float64; a scalar variable of the
/// same kind is assumed to fit, `int32_array * n` is int32). `lhsValue` and
/// `rhsValue` give the literals. Null when there is no common dtype.
mlir::Type getArrayComputeDtype(mlir::Value lhsValue, mlir::Value rhsValue);

/// The result type of `lhs kind rhs` where one side is an array: an array
/// of the broadcast rank, C layout. Null with NumPy's reason in `why`.
mlir::Type inferArrayBinary(BinOpKind kind, mlir::Value lhs, mlir::Value rhs,
                            std::string &why);

/// The result dtype of `kind` computed in `dtype` (truediv of ints is
/// float64, bool arithmetic keeps or widens bools as NumPy's loops do).
/// Null with NumPy's reason in `why`.
mlir::Type getArrayBinaryDtype(BinOpKind kind, mlir::Type dtype,
                               std::string &why);

/// The result type of comparing `lhs` and `rhs` element-wise: a bool array.
mlir::Type inferArrayCompare(CmpOpKind kind, mlir::Value lhs, mlir::Value rhs,
                             std::string &why);

/// The result type of unary `kind` on an array of `type`.
mlir::Type inferArrayUnary(UnaryOpKind kind, ArrayType type, std::string &why);

/// The rank of the broadcast of `types` (arrays and scalars): the highest.
unsigned getBroadcastRank(llvm::ArrayRef<mlir::Type> types);

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_IR_ARRAYTYPING_H

//===- ScalarLowering.h - Lowering helpers for Python numbers ---*- C++ -*-===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_SCALARLOWERING_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_SCALARLOWERING_H

#include "mlir/IR/Builders.h"

namespace mumba::nb {

/// The std type of an nb number type: signed and unsigned integers become
/// signless, the rest stays.
mlir::Type toStdScalarType(mlir::Type type);

/// Converts `value` (lowered from nb type `from`) to nb type `to` with
/// Python's rules: ints widen with their sign, int to float rounds, float to
/// int truncates, anything to bool is `!= 0`.
mlir::Value castNumber(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::Value value, mlir::Type from, mlir::Type to);

/// A constant of nb number type `type`.
mlir::Value numberConstant(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Type type, double value);

/// Python truthiness of a lowered number of nb type `type`.
mlir::Value truthOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                    mlir::Type type);

/// Raises the builtin exception `excClass(message)` when `cond` holds, as a
/// `raise` statement would: the class and message become constant strings,
/// and an nb.raise_if records them through the runtime's `mumbaRaiseUser`
/// before the function returns MUMBA_USER_EXCEPTION. For use inside
/// convert-nb-to-std, which expands the nb.raise_if afterwards.
void raiseException(mlir::OpBuilder &b, mlir::Location loc, mlir::Value cond,
                    llvm::StringRef excClass, llvm::StringRef message);

/// The address, as an i64, of a NUL-terminated copy of `text` in a private
/// constant global of the enclosing module (shared by equal texts).
mlir::Value constantStringAddress(mlir::OpBuilder &b, mlir::Location loc,
                                  llvm::StringRef text);

/// Calls the C math library's `name` (`namef` when the first operand is a
/// float32), declaring it in the module; the result has the first
/// operand's type. For functions whose math-dialect lowering loses accuracy
/// (expm1 and log1p become exp(x) - 1 and log(1 + x)) or that have no op.
mlir::Value callLibm(mlir::OpBuilder &b, mlir::Location loc,
                     llvm::StringRef name, mlir::ValueRange operands);

/// Declares the external function `name` of type `type` in the enclosing
/// module unless it exists, and returns its name.
llvm::StringRef declareExternalFunction(mlir::OpBuilder &b, mlir::Location loc,
                                        llvm::StringRef name,
                                        mlir::FunctionType type);

} // namespace mumba::nb

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_SCALARLOWERING_H

//===- ArrayCreation.h - Templates that create arrays -----------*- C++ -*-===//
#ifndef MUMBA_LIB_DIALECT_NB_TYPING_ARRAYCREATION_H
#define MUMBA_LIB_DIALECT_NB_TYPING_ARRAYCREATION_H

#include "mumba/Dialect/NB/Typing/CallTemplates.h"

namespace mumba::nb::detail {

/// np.empty / np.zeros / np.ones(shape, dtype=float64).
mlir::Type typeEmpty(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);
LoweredCall lowerEmpty(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::ArrayRef<mlir::ValueRange> args,
                       llvm::ArrayRef<mlir::Type> argTypes,
                       mlir::Type resultType);
LoweredCall lowerZeros(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::ArrayRef<mlir::ValueRange> args,
                       llvm::ArrayRef<mlir::Type> argTypes,
                       mlir::Type resultType);
LoweredCall lowerOnes(mlir::OpBuilder &b, mlir::Location loc,
                      llvm::ArrayRef<mlir::ValueRange> args,
                      llvm::ArrayRef<mlir::Type> argTypes,
                      mlir::Type resultType);

/// np.full(shape, fill_value, dtype=type of fill_value).
mlir::Type typeFull(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);
LoweredCall lowerFull(mlir::OpBuilder &b, mlir::Location loc,
                      llvm::ArrayRef<mlir::ValueRange> args,
                      llvm::ArrayRef<mlir::Type> argTypes,
                      mlir::Type resultType);

/// np.empty_like / zeros_like / ones_like(a, dtype=a.dtype).
mlir::Type typeLike(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);
LoweredCall lowerEmptyLike(mlir::OpBuilder &b, mlir::Location loc,
                           llvm::ArrayRef<mlir::ValueRange> args,
                           llvm::ArrayRef<mlir::Type> argTypes,
                           mlir::Type resultType);
LoweredCall lowerZerosLike(mlir::OpBuilder &b, mlir::Location loc,
                           llvm::ArrayRef<mlir::ValueRange> args,
                           llvm::ArrayRef<mlir::Type> argTypes,
                           mlir::Type resultType);
LoweredCall lowerOnesLike(mlir::OpBuilder &b, mlir::Location loc,
                          llvm::ArrayRef<mlir::ValueRange> args,
                          llvm::ArrayRef<mlir::Type> argTypes,
                          mlir::Type resultType);

/// np.arange([start,] stop[, step], dtype=None).
mlir::Type typeArange(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);
LoweredCall lowerArange(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<mlir::ValueRange> args,
                        llvm::ArrayRef<mlir::Type> argTypes,
                        mlir::Type resultType);

/// a.copy(): a new C-contiguous array with the same elements.
mlir::Type typeCopy(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);
LoweredCall lowerCopy(mlir::OpBuilder &b, mlir::Location loc,
                      llvm::ArrayRef<mlir::ValueRange> args,
                      llvm::ArrayRef<mlir::Type> argTypes,
                      mlir::Type resultType);

} // namespace mumba::nb::detail

#endif // MUMBA_LIB_DIALECT_NB_TYPING_ARRAYCREATION_H

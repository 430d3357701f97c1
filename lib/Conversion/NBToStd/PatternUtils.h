//===- PatternUtils.h - Shared pieces of the nb lowering --------*- C++ -*-===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_PATTERNUTILS_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_PATTERNUTILS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mumba/Conversion/NBToStd/NBToStd.h"
#include "mumba/Runtime/Status.h"

namespace mumba::detail {

/// The result types of `func` after lowering: the i32 status, then the
/// converted Python result (none for None).
llvm::SmallVector<mlir::Type>
loweredResultTypes(mlir::func::FuncOp func,
                   const mlir::TypeConverter &converter);

/// Types every typed op of `module` again by its rule (calls by their
/// typing entries) and fails, with an error at the op, where the IR does not
/// agree: the lowering relies on what the rules guarantee.
llvm::LogicalResult recheckTypes(mlir::ModuleOp module);

/// A constant i32 status code.
mlir::Value statusConstant(mlir::OpBuilder &b, mlir::Location loc,
                           int32_t status);

/// Raises at the insertion point: when `cond` holds, control leaves the
/// function with `status`, after calling `recorder` (if given) with
/// `details`. Emits an nb.raise_if that the pass expands once conversion is
/// done.
void raiseIf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value cond,
             mlir::Value status, llvm::StringRef recorder = {},
             mlir::ValueRange details = {});

/// Makes the functions of `module` that recurse check the stack on entry
/// and raise RecursionError when it is nearly full (as nb.raise_if).
void guardRecursion(mlir::ModuleOp module);

/// Expands every nb.raise_if in `module` into a branch to a returning block.
void expandRaises(mlir::ModuleOp module);

/// Lowers every `nb.raise {exc_class, message}`: the strings become
/// constant globals, the runtime records them, the function returns
/// MUMBA_USER_EXCEPTION.
void expandRaiseStatements(mlir::ModuleOp module);

/// Whether the float nb value `value` provably never equals zero (a sum of
/// squares plus a positive constant, a square root of such, ...), so that
/// dividing by it needs no zero test.
bool isNonZeroFloat(mlir::Value value);

/// The element of an array iterator at i64 position `current`, valid when
/// `valid` holds: a guarded load for a 1-D array, the row view for more
/// dimensions (a view is only arithmetic, so it needs no guard).
mlir::Value arrayIteratorElement(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::Value memref, mlir::Value current,
                                 mlir::Value valid);

/// The single value an nb value of scalar type lowers to.
mlir::Value single(mlir::ValueRange values);

void populateArithmeticPatterns(NBTypeConverter &converter,
                                mlir::RewritePatternSet &patterns,
                                const NBToStdOptions &options);
void populateArrayPatterns(NBTypeConverter &converter,
                           mlir::RewritePatternSet &patterns,
                           const NBToStdOptions &options);
/// nb.arrayexpr as linalg.generic over broadcast views; nb.copyto.
void populateArrayExprPatterns(NBTypeConverter &converter,
                               mlir::RewritePatternSet &patterns);
void populateStructurePatterns(NBTypeConverter &converter,
                               mlir::RewritePatternSet &patterns);

} // namespace mumba::detail

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_PATTERNUTILS_H

//===- LoweringHelpers.h - Writing lowerings of registered calls -*- C++
//-*-===//
//
// The lowering registry is one table per family, keyed by the names of the
// typing registry; CallLowering.cpp builds the name map from them. Shared
// helpers for writing lowerers live here.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LOWERINGHELPERS_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LOWERINGHELPERS_H

#include "mumba/Conversion/NBToStd/CallLowering.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "llvm/ADT/STLExtras.h"

namespace mumba::nb::detail {

llvm::ArrayRef<CallLowering> getBuiltinLowering();
llvm::ArrayRef<CallLowering> getMathLowering();
llvm::ArrayRef<CallLowering> getCmathLowering();
llvm::ArrayRef<CallLowering> getNumpyScalarLowering();
llvm::ArrayRef<CallLowering> getArrayLowering();
llvm::ArrayRef<CallLowering> getLinalgLowering();
llvm::ArrayRef<CallLowering> getRandomLowering();

/// A lowered call with one result and nothing to raise.
inline LoweredCall single(mlir::Value v) {
  return LoweredCall{{v}, {}, MUMBA_OK};
}

/// A constant of the std type `type` (an integer or a float).
mlir::Value stdConstant(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                        double value);

/// Runs `body` for every index of an array of the given extents (an
/// scf.for nest), as array creation and np.random's fills do.
void forEachIndex(mlir::OpBuilder &b, mlir::Location loc,
                  mlir::ValueRange sizes,
                  llvm::function_ref<void(mlir::OpBuilder &, mlir::Location,
                                          mlir::ValueRange)>
                      body);

enum class FloatClass { NaN, Inf, Finite };

/// Whether real `x` (of nb type `type`) is NaN, infinite or finite; ints
/// and bools are always finite.
mlir::Value classify(mlir::OpBuilder &b, mlir::Location loc, FloatClass kind,
                     mlir::Value x, mlir::Type type);

/// isnan/isinf/isfinite of a real or complex argument.
LoweredCall lowerFloatClass(FloatClass kind, mlir::OpBuilder &b,
                            mlir::Location loc,
                            llvm::ArrayRef<mlir::ValueRange> args,
                            llvm::ArrayRef<mlir::Type> argTypes);

template <FloatClass kind>
LoweredCall lowerClassify(mlir::OpBuilder &b, mlir::Location loc,
                          llvm::ArrayRef<mlir::ValueRange> args,
                          llvm::ArrayRef<mlir::Type> argTypes, mlir::Type) {
  return lowerFloatClass(kind, b, loc, args, argTypes);
}

} // namespace mumba::nb::detail

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LOWERINGHELPERS_H

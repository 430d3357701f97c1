//===- Templates.h - The families of call templates -------------*- C++ -*-===//
//
// The registry is one table per family; CallTemplates.cpp searches them.
// Shared helpers for writing typers and lowerers live here too.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_DIALECT_NB_TYPING_TEMPLATES_H
#define MUMBA_LIB_DIALECT_NB_TYPING_TEMPLATES_H

#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Dialect/NB/Typing/CallTemplates.h"
#include "llvm/ADT/STLExtras.h"

namespace mumba::nb::detail {

/// range, len, abs, min, max, int, float, bool, complex, round, isinstance,
/// enumerate, zip, reversed.
llvm::ArrayRef<CallTemplate> getBuiltinTemplates();
/// math.* and cmath.*.
llvm::ArrayRef<CallTemplate> getMathTemplates();
/// numpy.* on scalars.
llvm::ArrayRef<CallTemplate> getNumpyScalarTemplates();
/// numpy.* that make arrays, and array methods.
llvm::ArrayRef<CallTemplate> getArrayTemplates();

/// A lowered call with one result and nothing to raise.
inline LoweredCall single(mlir::Value v) {
  return LoweredCall{{v}, {}, MUMBA_OK};
}

/// A constant of the std type `type` (an integer or a float).
mlir::Value stdConstant(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                        double value);

/// The argument types that are present (omitted parameters are null).
inline llvm::SmallVector<mlir::Type>
presentArgs(llvm::ArrayRef<mlir::Type> args) {
  llvm::SmallVector<mlir::Type> present;
  for (mlir::Type arg : args)
    if (arg)
      present.push_back(arg);
  return present;
}

/// Whether `args` has between `min` and `max` present arguments, all
/// satisfying `pred`, and none missing before the last present one.
template <typename Pred>
bool argsMatch(llvm::ArrayRef<mlir::Type> args, size_t min, size_t max,
               Pred pred) {
  size_t count = 0;
  bool gap = false;
  for (mlir::Type arg : args) {
    if (!arg) {
      gap = true;
      continue;
    }
    if (gap || !pred(arg))
      return false;
    ++count;
  }
  return count >= min && count <= max;
}

inline bool isRealArg(mlir::Type t) { return isRealType(t); }
inline bool isNumberArg(mlir::Type t) { return isNumberType(t); }
/// Integers and bools: what Python's `operator.index` accepts.
inline bool isIntegerArg(mlir::Type t) { return isIntType(t) || isBoolType(t); }

/// The float type that math functions compute a real argument in: float64
/// (Python floats), whatever the argument.
inline mlir::Type f64Type(mlir::MLIRContext *ctx) {
  return mlir::Float64Type::get(ctx);
}

/// Result types of typers whose result does not depend on the arguments.
inline mlir::Type int64Result(mlir::MLIRContext *ctx) {
  return getInt64Type(ctx);
}
inline mlir::Type boolResult(mlir::MLIRContext *ctx) {
  return mlir::IntegerType::get(ctx, 1);
}
inline mlir::Type complex128Result(mlir::MLIRContext *ctx) {
  return mlir::ComplexType::get(f64Type(ctx));
}

/// A typer for a call of `Min` to `Max` arguments, each accepted by
/// `Accept`, whose result type `Result` is fixed: most math and cmath
/// functions, the predicates, int()/float()/bool().
template <size_t Min, size_t Max, bool (*Accept)(mlir::Type),
          mlir::Type (*Result)(mlir::MLIRContext *)>
mlir::Type typeFixed(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args) {
  if (!argsMatch(args, Min, Max, Accept))
    return argumentError(op, args);
  return Result(op->getContext());
}

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

#endif // MUMBA_LIB_DIALECT_NB_TYPING_TEMPLATES_H

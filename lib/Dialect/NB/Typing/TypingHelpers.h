//===- TypingHelpers.h - Writing typers of registered calls -----*- C++ -*-===//
//
// The typing registry is one table per family (builtins, math, cmath, NumPy,
// array creation); CallTyping.cpp builds the name map from them. Shared
// helpers for writing typers live here.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_DIALECT_NB_TYPING_TYPINGHELPERS_H
#define MUMBA_LIB_DIALECT_NB_TYPING_TYPINGHELPERS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"
#include "llvm/ADT/STLExtras.h"

namespace mumba::nb::detail {

/// range, len, abs, min, max, int, float, bool, complex, round, isinstance,
/// enumerate, zip, reversed, pow.
llvm::ArrayRef<CallTyping> getBuiltinTyping();
/// math.*.
llvm::ArrayRef<CallTyping> getMathTyping();
/// cmath.*.
llvm::ArrayRef<CallTyping> getCmathTyping();
/// numpy.* on scalars.
llvm::ArrayRef<CallTyping> getNumpyScalarTyping();
/// numpy.* that make arrays, and array methods.
llvm::ArrayRef<CallTyping> getArrayTyping();
/// Matrix products and numpy.linalg.
llvm::ArrayRef<CallTyping> getLinalgTyping();
/// numpy.random.*.
llvm::ArrayRef<CallTyping> getRandomTyping();

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

} // namespace mumba::nb::detail

#endif // MUMBA_LIB_DIALECT_NB_TYPING_TYPINGHELPERS_H

//===- CallTyping.h - The typing registry of global calls -------*- C++ -*-===//
//
// The typing facet of the functions that nopython code may call (builtins,
// math, cmath, a NumPy subset, array methods), after Numba's typing
// templates (`*decl.py`). Each entry names a function, its parameters and
// what it accepts, and computes the call's result type. The lowering facet,
// keyed by the same names, lives in mumba/Conversion/NBToStd/CallLowering.h;
// a test keeps the two registries' keys equal.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_DIALECT_NB_TYPING_CALLTYPING_H
#define MUMBA_DIALECT_NB_TYPING_CALLTYPING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Types.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include <optional>
#include <vector>

namespace mumba::nb {
class CallOp;

/// Types a call; returns null after emitting an error at `op`. `args` are
/// in parameter order; an omitted optional parameter is a null type.
using CallTyper = mlir::Type (*)(mlir::Operation *op,
                                 llvm::ArrayRef<mlir::Type> args);

/// One function's typing entry.
struct CallTyping {
  /// The registry name: "range", "math.sqrt", "numpy.exp", "array.copy".
  llvm::StringLiteral name;
  CallTyper type;
  /// Parameter names, for keyword arguments; empty for functions that take
  /// positional arguments only.
  llvm::ArrayRef<llvm::StringLiteral> params = {};
  /// What the function accepts, for error messages: `(x: real)`.
  llvm::StringLiteral accepts = "";
};

/// The typing entry of `name`, or null. The registry is a map built once
/// from the family tables (builtins, math, cmath, NumPy, array creation).
const CallTyping *lookupCallTyping(llvm::StringRef name);

/// Every registered name, sorted: for the test that compares the typing
/// and lowering registries, and for generated documentation.
std::vector<llvm::StringRef> getCallTypingNames();

/// Emits "invalid arguments to NAME(): got (T, ...); it accepts ..." at
/// `op`, a registered call, with the given argument types (null ones,
/// omitted parameters, left out) and the entry's `accepts`. Returns null
/// so that a typer can `return argumentError(op, args);`.
mlir::Type argumentError(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);

/// Orders a call's operands (`numPositional` positional ones, then one per
/// name in `kwnames`) by the entry's parameters: entry i is the operand
/// index of parameter i, or -1 where it is omitted. Emits an error at `op`
/// for an unknown or repeated keyword.
mlir::FailureOr<llvm::SmallVector<int>>
matchCallArguments(mlir::Operation *op, const CallTyping &entry,
                   unsigned numPositional, mlir::ArrayAttr kwnames);

/// The result type of `op`, a call of the registered function `name` with
/// `operands` (positional, then keyword, as the op has them) after the
/// receiver `receiver` of a bound method (null for a function): the
/// arguments matched to the entry's parameters and its typer run. Emits an
/// error at `op` and fails when the call does not type. nb-infer-types types
/// calls with it, and convert-nb-to-std re-types every call with it before
/// lowering, so a lowering never meets arguments its entry rejects.
mlir::FailureOr<mlir::Type>
typeRegisteredCall(CallOp op, llvm::StringRef name, mlir::Type receiver,
                   llvm::ArrayRef<mlir::Type> operands);

/// The result type of a call of a NumPy scalar type, `np.float32(x)`: one
/// number (complex only into a complex type), no keywords.
mlir::FailureOr<mlir::Type> typeDTypeCall(CallOp op, DTypeType dtype,
                                          llvm::ArrayRef<mlir::Type> operands);

/// The type of `module.attr`: a constant (`math.pi`), a NumPy scalar type
/// or a registered function; an error at `op` otherwise.
mlir::FailureOr<mlir::Type>
typeModuleAttr(mlir::Operation *op, ModuleType module, llvm::StringRef attr);

/// The value of a module constant such as `math.pi`, if `name` is one.
std::optional<double> lookupModuleConstant(llvm::StringRef name);

/// Whether a value of `type` is an instance of `classinfo` (a class type or
/// a tuple of them), decided at compile time as Numba does; nullopt when
/// `classinfo` is not a class or tuple of classes.
std::optional<bool> evaluateIsInstance(mlir::Type type, mlir::Type classinfo);

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_TYPING_CALLTYPING_H

//===- CallTemplates.h - Typing and lowering of global calls ----*- C++ -*-===//
//
// The registry of functions that nopython code may call (builtins, math, a
// NumPy subset), after Numba's typing templates. Each entry types a call and
// lowers it, so adding a function is one entry.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_DIALECT_NB_TYPING_CALLTEMPLATES_H
#define MUMBA_DIALECT_NB_TYPING_CALLTEMPLATES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/ValueRange.h"
#include "mumba/Runtime/Status.h"
#include <optional>

namespace mumba::nb {

/// A lowered call: its result values (a tuple or range is several), and
/// optionally a condition under which compiled code must raise `status`.
struct LoweredCall {
  llvm::SmallVector<mlir::Value> results;
  mlir::Value raiseIf;
  MumbaStatus status = MUMBA_OK;
};

/// Types a call; returns null after emitting an error at `op`. `args` are
/// in parameter order; an omitted optional parameter is a null type.
using CallTyper = mlir::Type (*)(mlir::Operation *op,
                                 llvm::ArrayRef<mlir::Type> args);

/// Lowers a typed call to arith/math/memref/scf. `args` are the converted
/// operands in parameter order (one range per nb operand, empty for an
/// omitted parameter) and `argTypes` their nb types (null when omitted).
using CallLowerer = LoweredCall (*)(mlir::OpBuilder &b, mlir::Location loc,
                                    llvm::ArrayRef<mlir::ValueRange> args,
                                    llvm::ArrayRef<mlir::Type> argTypes,
                                    mlir::Type resultType);

struct CallTemplate {
  llvm::StringLiteral name;
  CallTyper type;
  CallLowerer lower;
  /// Parameter names, for keyword arguments; empty for functions that take
  /// positional arguments only.
  llvm::ArrayRef<llvm::StringLiteral> params = {};
  /// What the function accepts, for error messages: `(x: real)`.
  llvm::StringLiteral accepts = "";
};

/// Emits "invalid arguments to NAME(): got (T, ...); it accepts ..." at
/// `op`, a call of a template, with the given argument types (null ones,
/// omitted parameters, left out) and the template's `accepts`. Returns null
/// so that a typer can `return argumentError(op, args);`.
mlir::Type argumentError(mlir::Operation *op, llvm::ArrayRef<mlir::Type> args);

/// Orders a call's operands (`numPositional` positional ones, then one per
/// name in `kwnames`) by the template's parameters: entry i is the operand
/// index of parameter i, or -1 where it is omitted. Emits an error at `op`
/// for an unknown or repeated keyword.
mlir::FailureOr<llvm::SmallVector<int>>
matchCallArguments(mlir::Operation *op, const CallTemplate &tmpl,
                   unsigned numPositional, mlir::ArrayAttr kwnames);

/// The template of `name` ("range", "math.sqrt", "numpy.exp"), or null.
/// Templates live in tables by family (builtins, math and cmath, NumPy
/// scalars, array creation); this searches them all.
const CallTemplate *lookupCallTemplate(llvm::StringRef name);

/// The value of a module constant such as `math.pi`, if `name` is one.
std::optional<double> lookupModuleConstant(llvm::StringRef name);

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_TYPING_CALLTEMPLATES_H

//===- NBInterfaces.h - Interfaces of the nb dialect ------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBINTERFACES_H
#define MUMBA_DIALECT_NB_IR_NBINTERFACES_H

#include "mlir/IR/OpDefinition.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

namespace mumba::nb {
class CallOp;

/// What an op's typing rule may ask of the inference driver: the rules for
/// calls and module attributes live in the call-template registry, and calls
/// to other jitted functions need the driver to specialise the callee.
class TypingContext {
public:
  virtual ~TypingContext();

  /// Types `op`, a call of `callee` with the given operand types
  /// (positional arguments, then keyword arguments named by the op's
  /// `kwnames`); emits an error at `op` and fails when the call does not
  /// type.
  virtual mlir::FailureOr<mlir::Type>
  inferCall(CallOp op, mlir::Type callee,
            llvm::ArrayRef<mlir::Type> operands) = 0;

  /// Types `module.attr` (e.g. `math.sqrt`, `math.pi`).
  virtual mlir::FailureOr<mlir::Type> inferModuleAttr(mlir::Operation *op,
                                                      ModuleType module,
                                                      llvm::StringRef attr) = 0;
};

} // namespace mumba::nb

#include "mumba/Dialect/NB/IR/NBInterfaces.h.inc"

#endif // MUMBA_DIALECT_NB_IR_NBINTERFACES_H

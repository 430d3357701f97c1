//===- CallLowering.h - The lowering registry of global calls ---*- C++ -*-===//
//
// The lowering facet of the registered calls (Numba's `*impl.py` beside the
// typing templates): for each name of the typing registry
// (mumba/Dialect/NB/Typing/CallTyping.h), how convert-nb-to-std lowers a
// typed call to arith/math/complex/memref/scf ops and runtime calls.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_CONVERSION_NBTOSTD_CALLLOWERING_H
#define MUMBA_CONVERSION_NBTOSTD_CALLLOWERING_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/ValueRange.h"
#include "mumba/Runtime/Status.h"
#include <vector>

namespace mumba::nb {

/// A lowered call: its result values (a tuple or range is several), and
/// optionally a condition under which compiled code must raise `status`.
struct LoweredCall {
  llvm::SmallVector<mlir::Value> results;
  mlir::Value raiseIf;
  MumbaStatus status = MUMBA_OK;
};

/// Lowers a typed call. `args` are the converted operands in parameter
/// order (one range per nb operand, empty for an omitted parameter) and
/// `argTypes` their nb types (null when omitted).
using CallLowerer = LoweredCall (*)(mlir::OpBuilder &b, mlir::Location loc,
                                    llvm::ArrayRef<mlir::ValueRange> args,
                                    llvm::ArrayRef<mlir::Type> argTypes,
                                    mlir::Type resultType);

/// One function's lowering entry, keyed by its typing entry's name.
struct CallLowering {
  llvm::StringLiteral name;
  CallLowerer lower;
};

/// The lowering entry of `name`, or null; a map built once from the family
/// tables under lib/Conversion/NBToStd/Calls.
const CallLowering *lookupCallLowering(llvm::StringRef name);

/// Every registered name, sorted.
std::vector<llvm::StringRef> getCallLoweringNames();

} // namespace mumba::nb

#endif // MUMBA_CONVERSION_NBTOSTD_CALLLOWERING_H

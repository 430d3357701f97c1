//===- TypeRecheck.cpp - Typed nb must be what inference would make -------===//
//
// The lowering assumes the typing rules held: a call has the arguments its
// typing entry accepts, a subscript's index is in range, an operator's
// result type is the one its rule gives. Typed IR written by hand (or
// mutated) can break that and still verify, and a pattern that trusted it
// read past an argument list or cast to the wrong type. So before lowering,
// every typed op is typed again by its rule, calls through the registry's
// typers, and any disagreement is an error at the op.
//
//===----------------------------------------------------------------------===//
#include "PatternUtils.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

namespace {
/// Answers a rule's questions from the registry and the module, as the
/// inference driver would for IR it had finished typing.
class RecheckContext final : public TypingContext {
public:
  explicit RecheckContext(ModuleOp module) : symbols(module) {}

  FailureOr<Type> inferCall(CallOp op, Type callee,
                            ArrayRef<Type> operands) override {
    if (auto function = dyn_cast<PyFunctionType>(callee))
      return typeRegisteredCall(op, function.getName(), Type(), operands);
    if (auto method = dyn_cast<BoundMethodType>(callee))
      return typeRegisteredCall(op, ("array." + method.getName()).str(),
                                method.getReceiver(), operands);
    if (auto dtype = dyn_cast<DTypeType>(callee))
      return typeDTypeCall(op, dtype, operands);
    auto dispatcher = dyn_cast<DispatcherType>(callee);
    if (!dispatcher)
      return op.emitError()
             << "cannot call a value of type " << quoteType(callee);
    auto func = symbols.lookup<func::FuncOp>(dispatcher.getCallee());
    if (!func)
      return op.emitError()
             << "no function '" << dispatcher.getCallee() << "' for this call";
    if (!op.getKwargs().empty() ||
        !llvm::equal(func.getArgumentTypes(), operands) ||
        func.getNumResults() != 1)
      return op.emitError() << "call does not match the signature of '"
                            << func.getSymName() << "'";
    return func.getResultTypes().front();
  }

  FailureOr<Type> inferModuleAttr(Operation *op, ModuleType module,
                                  StringRef attr) override {
    return typeModuleAttr(op, module, attr);
  }

private:
  SymbolTable symbols;
};
} // namespace

LogicalResult mumba::detail::recheckTypes(ModuleOp module) {
  RecheckContext ctx(module);
  WalkResult result = module.walk([&](TypeInferenceOpInterface rule) {
    Operation *op = rule.getOperation();
    SmallVector<Type> expected;
    if (failed(rule.inferTypes(ctx, expected)))
      return WalkResult::interrupt();
    // Element-wise operators on arrays are lowered inside nb.arrayexpr
    // only; the operator patterns handle numbers.
    if (isa<BinOp, InplaceBinOp, UnaryOp, CompareOp>(op) &&
        llvm::any_of(op->getResultTypes(), llvm::IsaPred<ArrayType>)) {
      op->emitOpError("on arrays is lowered as part of an nb.arrayexpr; run "
                      "nb-fuse-array-exprs before convert-nb-to-std");
      return WalkResult::interrupt();
    }
    // Ops with no result (print, setitem) only check their operands.
    if (op->getNumResults() == 0 || TypeRange(expected) == op->getResultTypes())
      return WalkResult::advance();
    InFlightDiagnostic diag = op->emitOpError("has result type ");
    llvm::interleaveComma(op->getResultTypes(), diag);
    diag << " but its typing rule gives ";
    llvm::interleaveComma(expected, diag);
    diag << " for these operands";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

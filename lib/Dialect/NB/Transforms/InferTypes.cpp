//===- InferTypes.cpp - Type inference for the nb dialect -----------------===//
//
// Forward data-flow to a fixed point over each function: every op's typing
// rule computes its result types from its operands, block arguments take the
// unification of their incoming values, and the function's result type is
// the unification of its returns. Calls to other jitted functions specialise
// their templates per argument types.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace mumba::nb {
#define GEN_PASS_DEF_NBINFERTYPESPASS
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"
} // namespace mumba::nb

using namespace mlir;
using namespace mumba::nb;

/// Where a specialisation records the template it came from.
static constexpr StringLiteral kTemplateAttr = "nb.template";
/// The result type an explicit signature declares: every return casts to it.
static constexpr StringLiteral kDeclaredResultAttr = "nb.declared_result";
/// Bounds on the fixed point and on nested specialisation.
static constexpr unsigned kMaxIterations = 256;
static constexpr unsigned kMaxSpecializationDepth = 64;

static bool isUnknown(Type type) { return isa<UnknownType>(type); }

/// Functions with an untyped argument are templates of jitted callees.
/// So are private functions not yet typed (a jitted callee without
/// arguments): entry functions are public, specialisations record their
/// template.
static bool isTemplate(func::FuncOp func) {
  if (llvm::any_of(func.getArgumentTypes(), isUnknown))
    return true;
  return func.isPrivate() && !func->hasAttr(kTemplateAttr) &&
         llvm::any_of(func.getResultTypes(), isUnknown);
}

/// `g` specialised for (si64, !nb.array<f64, 1, C>) is `g__si64_array_f64_1_C`.
static std::string mangle(StringRef name, ArrayRef<Type> types) {
  std::string result = name.str() + "_";
  for (Type type : types) {
    std::string text;
    llvm::raw_string_ostream os(text);
    type.print(os);
    result += '_';
    bool lastWasSep = false;
    for (char c : text) {
      if (llvm::isAlnum(c)) {
        result += c;
        lastWasSep = false;
      } else if (!lastWasSep && c != '!') {
        result += '_';
        lastWasSep = true;
      }
    }
    while (!result.empty() && result.back() == '_')
      result.pop_back();
  }
  return result;
}

/// The name of the variable a value stands for, if mem2reg gave it one (a
/// block argument or an undefined value carries it in a NameLoc).
static std::optional<std::string> variableName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().getValue().str();
  return std::nullopt;
}

static std::string describeBlockArgument(BlockArgument arg) {
  std::optional<std::string> name = variableName(arg.getLoc());
  if (!name)
    return "a value merged from several branches";
  // The frontend's temporaries ($ifexp0, $or1, ...) hold expressions.
  StringRef text = *name;
  if (text.starts_with("$ifexp"))
    return "the two branches of a conditional expression";
  if (text.starts_with("$and") || text.starts_with("$or"))
    return ("the operands of '" + text.drop_front().rtrim("0123456789") + "'")
        .str();
  if (text.starts_with("$"))
    return "a value merged from several branches";
  return "variable '" + *name + "'";
}

/// Where a value flowing into a merge was assigned: its op when the branch
/// that passes it computed it, else the branch itself (which the frontend
/// places at the last statement of that path, such as `y = x`).
static Location incomingLoc(Value value, Operation *branch) {
  // An argument's op is at the parameter, not at any assignment.
  if (Operation *op = value.getDefiningOp();
      op && op->getBlock() == branch->getBlock() && !isa<ArgOp>(op))
    return op->getLoc();
  return branch->getLoc();
}

/// The first op, in block order, that uses `value`; null if none.
static Operation *firstUser(func::FuncOp func, Value value) {
  Operation *found = nullptr;
  func.walk([&](Operation *op) {
    if (llvm::is_contained(op->getOperands(), value)) {
      found = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

namespace {
class InferenceDriver : public TypingContext {
public:
  explicit InferenceDriver(ModuleOp module) : symbols(module), module(module) {}

  LogicalResult run();

  FailureOr<Type> inferCall(CallOp op, Type callee,
                            ArrayRef<Type> args) override;
  FailureOr<Type> inferModuleAttr(Operation *op, ModuleType moduleType,
                                  StringRef attr) override;

private:
  LogicalResult inferFunction(func::FuncOp func);
  LogicalResult runFixedPoint(func::FuncOp func);
  LogicalResult inferBlockArguments(Block &block, bool &changed);
  LogicalResult inferReturnType(func::FuncOp func, bool &changed);
  LogicalResult finalizeFunction(func::FuncOp func);
  FailureOr<func::FuncOp> specialize(CallOp call, func::FuncOp tmpl,
                                     ArrayRef<Type> args);

  SymbolTable symbols;
  ModuleOp module;
  DenseMap<std::pair<Operation *, Attribute>, func::FuncOp> specializations;
  /// Functions whose fixed point is being computed (the call stack of
  /// specialisation), and those typed and finalized.
  DenseSet<Operation *> inProgress, complete;
  unsigned depth = 0;
};
} // namespace

LogicalResult InferenceDriver::run() {
  SmallVector<func::FuncOp> roots, templates;
  for (auto func : module.getOps<func::FuncOp>())
    (isTemplate(func) ? templates : roots).push_back(func);
  for (func::FuncOp func : roots)
    if (!func.isExternal() && failed(inferFunction(func)))
      return failure();
  // A specialisation left waiting on a recursive caller's return type has
  // it now.
  // Inferring one may specialise more, so take a fresh list each round.
  while (true) {
    SmallVector<func::FuncOp> waiting;
    for (auto &entry : specializations)
      if (!complete.contains(entry.second))
        waiting.push_back(entry.second);
    if (waiting.empty())
      break;
    for (func::FuncOp spec : waiting)
      if (failed(inferFunction(spec)))
        return failure();
  }
  for (func::FuncOp tmpl : templates)
    symbols.erase(tmpl);
  return success();
}

/// Why two types do not unify, when one of them is None: Numba would make
/// an Optional, which nopython code here does not have.
static StringRef optionalHint(Type lhs, Type rhs) {
  if (isa<PyNoneType>(lhs) != isa<PyNoneType>(rhs))
    return " (only a function's result may be None or a number; a variable "
           "that may be None is not supported: use a sentinel of the same "
           "type, such as -1 or nan)";
  return "";
}

LogicalResult InferenceDriver::inferBlockArguments(Block &block,
                                                   bool &changed) {
  for (BlockArgument arg : block.getArguments()) {
    Type type = arg.getType();
    // Where the incoming value that first gave the argument a type comes
    // from, for notes.
    std::optional<Location> first;
    for (auto it = block.pred_begin(), e = block.pred_end(); it != e; ++it) {
      auto branch = dyn_cast<BranchOpInterface>((*it)->getTerminator());
      if (!branch)
        return (*it)->getTerminator()->emitOpError(
            "must implement BranchOpInterface to branch to a block with "
            "arguments");
      Value incoming = branch.getSuccessorOperands(
          it.getSuccessorIndex())[arg.getArgNumber()];
      Type unified = unifyTypes(type, incoming.getType());
      if (!unified) {
        // At the assignment that conflicts, with a note at the one before.
        Type have = incoming.getType();
        InFlightDiagnostic diag = emitError(incomingLoc(incoming, branch))
                                  << "cannot unify " << quoteType(type)
                                  << " and " << quoteType(have) << " for "
                                  << describeBlockArgument(arg)
                                  << optionalHint(type, have);
        if (first)
          diag.attachNote(*first) << "the other value, of type "
                                  << quoteType(type) << ", comes from here";
        return diag;
      }
      if (!first && !isUnknown(incoming.getType()) &&
          !incoming.getDefiningOp<UndefOp>())
        first = incomingLoc(incoming, branch);
      type = unified;
    }
    if (type != arg.getType()) {
      arg.setType(type);
      changed = true;
    }
  }
  return success();
}

/// Returns unify as values do, and None with a value makes the result
/// optional, as Numba's OptionalType does for results.
static Type unifyReturnTypes(Type lhs, Type rhs) {
  if (Type unified = unifyTypes(lhs, rhs))
    return unified;
  auto valueOf = [](Type type) -> Type {
    if (auto optional = dyn_cast<OptionalType>(type))
      return optional.getValueType();
    return type;
  };
  bool lhsMaybeNone = isa<PyNoneType, OptionalType>(lhs);
  bool rhsMaybeNone = isa<PyNoneType, OptionalType>(rhs);
  if (!lhsMaybeNone && !rhsMaybeNone)
    return {};
  Type value;
  if (isa<PyNoneType>(lhs))
    value = valueOf(rhs);
  else if (isa<PyNoneType>(rhs))
    value = valueOf(lhs);
  else
    value = unifyTypes(valueOf(lhs), valueOf(rhs));
  if (!value || isa<PyNoneType>(value) || !isNumberType(value))
    return {};
  return OptionalType::get(lhs.getContext(), value);
}

LogicalResult InferenceDriver::inferReturnType(func::FuncOp func,
                                               bool &changed) {
  Type type = UnknownType::get(func.getContext());
  ReturnOp firstReturn;
  WalkResult result = func.walk([&](ReturnOp ret) {
    Type have = ret.getValue().getType();
    Type unified = unifyReturnTypes(type, have);
    if (!unified) {
      InFlightDiagnostic diag =
          ret.emitError() << "function '" << func.getSymName() << "' returns "
                          << quoteType(have) << " here but " << quoteType(type)
                          << " elsewhere, and the two do not unify"
                          << optionalHint(type, have);
      if (firstReturn)
        diag.attachNote(firstReturn.getLoc())
            << "returns " << quoteType(type) << " here";
      return WalkResult::interrupt();
    }
    if (!firstReturn && !isUnknown(have))
      firstReturn = ret;
    type = unified;
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();
  if (auto declared = func->getAttrOfType<TypeAttr>(kDeclaredResultAttr)) {
    // The signature decides; what the body returns must convert to it.
    if (!isUnknown(type) && !isCastableType(type, declared.getValue()))
      return firstReturn.emitError()
             << "function '" << func.getSymName() << "' is declared to return "
             << quoteType(declared.getValue()) << ", but cannot cast "
             << quoteType(type) << " to it";
    type = declared.getValue();
  }
  if (type != func.getResultTypes().front()) {
    func.setType(
        FunctionType::get(func.getContext(), func.getArgumentTypes(), {type}));
    changed = true;
  }
  return success();
}

/// True while some value of `func` still has no type.
static bool hasUnknownValues(func::FuncOp func) {
  for (Block &block : func.getBody())
    for (BlockArgument arg : block.getArguments())
      if (isUnknown(arg.getType()) && !arg.use_empty())
        return true;
  WalkResult result = func.walk([](Operation *op) {
    if (!isa<UndefOp>(op) && llvm::any_of(op->getResultTypes(), isUnknown))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

LogicalResult InferenceDriver::inferFunction(func::FuncOp func) {
  inProgress.insert(func);
  LogicalResult result = runFixedPoint(func);
  inProgress.erase(func);
  if (failed(result))
    return failure();
  // Mutual recursion: a value may wait for the return type of a caller
  // still in progress; the caller asks again on its next iteration.
  if (!inProgress.empty() && hasUnknownValues(func))
    return success();
  complete.insert(func);
  return finalizeFunction(func);
}

LogicalResult InferenceDriver::runFixedPoint(func::FuncOp func) {
  bool changed = true;
  for (unsigned iteration = 0; changed; ++iteration) {
    if (iteration == kMaxIterations)
      return func.emitError("type inference did not converge");
    changed = false;
    for (Block &block : func.getBody()) {
      if (!block.isEntryBlock() && failed(inferBlockArguments(block, changed)))
        return failure();
      for (Operation &op : block) {
        auto rule = dyn_cast<TypeInferenceOpInterface>(op);
        if (!rule || llvm::any_of(op.getOperandTypes(), isUnknown))
          continue;
        SmallVector<Type> types;
        if (failed(rule.inferTypes(*this, types)))
          return failure();
        for (auto [result, type] : llvm::zip(op.getResults(), types))
          if (!isUnknown(type) && result.getType() != type) {
            result.setType(type);
            changed = true;
          }
      }
    }
    if (failed(inferReturnType(func, changed)))
      return failure();
  }
  return success();
}

/// After the fixed point: every value typed, casts where values meet wider
/// types, and undefined values typed after what they merge with.
LogicalResult InferenceDriver::finalizeFunction(func::FuncOp func) {
  // An undefined value takes the type of the block argument it flows into.
  OpBuilder builder(func.getContext());
  for (Block &block : func.getBody()) {
    auto branch = dyn_cast<BranchOpInterface>(block.getTerminator());
    if (!branch)
      continue;
    for (unsigned s = 0, e = branch->getNumSuccessors(); s < e; ++s) {
      Block *dest = branch->getSuccessor(s);
      MutableOperandRange operands =
          branch.getSuccessorOperands(s).getMutableForwardedOperands();
      for (unsigned i = 0, n = operands.size(); i < n; ++i) {
        OpOperand &operand = operands[i];
        Type want = dest->getArgument(i).getType();
        Type have = operand.get().getType();
        if (have == want || isUnknown(want))
          continue;
        builder.setInsertionPoint(branch);
        if (isUnknown(have)) {
          operand.set(UndefOp::create(builder, branch.getLoc(), want));
          continue;
        }
        operand.set(CastOp::create(builder, operand.get().getLoc(), want,
                                   operand.get()));
      }
    }
  }
  Type resultType = func.getResultTypes().front();
  if (isUnknown(resultType)) {
    // No return is reachable with a typed value: a function that never
    // returns normally. Give it None.
    resultType = PyNoneType::get(func.getContext());
    func.setType(FunctionType::get(func.getContext(), func.getArgumentTypes(),
                                   {resultType}));
  }
  func.walk([&](ReturnOp ret) {
    Value value = ret.getValue();
    if (value.getType() == resultType)
      return;
    builder.setInsertionPoint(ret);
    ret.getValueMutable().assign(
        isUnknown(value.getType())
            ? UndefOp::create(builder, ret.getLoc(), resultType).getResult()
            : CastOp::create(builder, value.getLoc(), resultType, value)
                  .getResult());
  });

  // Drop what no longer has a use (stale undefs and globals), then check
  // that nothing is left untyped.
  SmallVector<Operation *> dead;
  func.walk([&](Operation *op) {
    if (isa<UndefOp, GlobalOp>(op) && op->use_empty())
      dead.push_back(op);
  });
  for (Operation *op : dead)
    op->erase();
  // A variable read before any assignment on every path: at the read.
  auto unbound = [&](Value value) -> LogicalResult {
    Operation *user = firstUser(func, value);
    std::optional<std::string> name = variableName(value.getLoc());
    InFlightDiagnostic diag =
        user ? user->emitError() : emitError(value.getLoc());
    if (name)
      diag << "local variable '" << *name << "' is read before any assignment";
    else
      diag << "cannot infer the type of "
           << (isa<BlockArgument>(value)
                   ? describeBlockArgument(cast<BlockArgument>(value))
                   : std::string("this value"))
           << ": it is read before any assignment";
    if (name || user)
      diag.attachNote(value.getLoc())
          << (name ? "the variable is declared here" : "the value is here");
    return diag;
  };
  for (Block &block : func.getBody())
    for (BlockArgument arg : block.getArguments())
      if (isUnknown(arg.getType()) && !arg.use_empty())
        return unbound(arg);
  Value untyped;
  Operation *untypedOp = nullptr;
  func.walk([&](Operation *op) {
    for (Value v : op->getResults())
      if (isUnknown(v.getType())) {
        untyped = v;
        untypedOp = op;
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  if (!untypedOp)
    return success();
  if (isa<UndefOp>(untypedOp))
    return unbound(untyped);
  return untypedOp->emitError("cannot infer the type of this value");
}

FailureOr<func::FuncOp> InferenceDriver::specialize(CallOp call,
                                                    func::FuncOp tmpl,
                                                    ArrayRef<Type> args) {
  MLIRContext *ctx = call.getContext();
  auto key = std::make_pair(tmpl.getOperation(),
                            Attribute(Builder(ctx).getTypeArrayAttr(args)));
  if (auto it = specializations.find(key); it != specializations.end()) {
    func::FuncOp spec = it->second;
    if (complete.contains(spec) || inProgress.contains(spec))
      return spec;
    if (failed(inferFunction(spec)))
      return failure();
    return spec;
  }
  if (depth == kMaxSpecializationDepth)
    return call.emitError("calls nest more than ")
           << kMaxSpecializationDepth << " specialisations deep";

  func::FuncOp spec = tmpl.clone();
  spec.setSymName(mangle(tmpl.getSymName(), args));
  spec.setType(FunctionType::get(ctx, args, {UnknownType::get(ctx)}));
  for (auto [arg, type] : llvm::zip(spec.getArguments(), args))
    arg.setType(type);
  spec->setAttr(kTemplateAttr, tmpl.getSymNameAttr());
  symbols.insert(spec, Block::iterator(tmpl));
  specializations[key] = spec;

  ++depth;
  LogicalResult result = inferFunction(spec);
  --depth;
  if (failed(result)) {
    InFlightDiagnostic diag = call.emitError()
                              << "while specialising '" << tmpl.getSymName()
                              << "' for argument types (";
    llvm::interleaveComma(args, diag, [&](Type t) { diag << describeType(t); });
    diag << ")";
    return diag;
  }
  return spec;
}

FailureOr<Type> InferenceDriver::inferCall(CallOp op, Type callee,
                                           ArrayRef<Type> operands) {
  if (auto function = dyn_cast<PyFunctionType>(callee))
    return typeRegisteredCall(op, function.getName(), Type(), operands);
  if (auto method = dyn_cast<BoundMethodType>(callee)) {
    std::string name = ("array." + method.getName()).str();
    return typeRegisteredCall(op, name, method.getReceiver(), operands);
  }
  if (auto dtype = dyn_cast<DTypeType>(callee))
    return typeDTypeCall(op, dtype, operands);
  if (!op.getKwargs().empty())
    return op.emitError("keyword arguments to jitted functions are bound by "
                        "the frontend; this call still has some");
  ArrayRef<Type> args = operands;
  auto dispatcher = dyn_cast<DispatcherType>(callee);
  if (!dispatcher)
    return op.emitError() << "cannot call a value of type "
                          << quoteType(callee);

  auto func = symbols.lookup<func::FuncOp>(dispatcher.getCallee());
  if (!func)
    return op.emitError() << "no function '" << dispatcher.getCallee()
                          << "' for this call";
  // A call already pointing at a specialisation keeps it while the argument
  // types still match; otherwise it goes back to the template.
  if (!isTemplate(func)) {
    if (llvm::equal(func.getArgumentTypes(), args))
      return func.getResultTypes().front();
    auto tmplName = func->getAttrOfType<StringAttr>(kTemplateAttr);
    func = tmplName ? symbols.lookup<func::FuncOp>(tmplName) : func::FuncOp();
    if (!func) {
      InFlightDiagnostic diag = op.emitError()
                                << "cannot call '" << dispatcher.getCallee()
                                << "' with argument types (";
      llvm::interleaveComma(args, diag,
                            [&](Type t) { diag << describeType(t); });
      return diag << ")";
    }
  }
  if (func.getNumArguments() != args.size())
    return op.emitError() << "'" << func.getSymName() << "' takes "
                          << func.getNumArguments()
                          << " positional arguments but " << args.size()
                          << " were given";
  FailureOr<func::FuncOp> spec = specialize(op, func, args);
  if (failed(spec))
    return failure();

  // Point the call at the specialisation.
  OpBuilder builder(op);
  auto global =
      GlobalOp::create(builder, op.getCallee().getLoc(),
                       DispatcherType::get(op.getContext(), spec->getSymName()),
                       FlatSymbolRefAttr::get(spec->getSymNameAttr()));
  op.getCalleeMutable().assign(global);
  return spec->getResultTypes().front();
}

FailureOr<Type> InferenceDriver::inferModuleAttr(Operation *op,
                                                 ModuleType moduleType,
                                                 StringRef attr) {
  return typeModuleAttr(op, moduleType, attr);
}

namespace {
struct InferTypesPass
    : public mumba::nb::impl::NBInferTypesPassBase<InferTypesPass> {
  void runOnOperation() override {
    InferenceDriver driver(getOperation());
    if (failed(driver.run()))
      signalPassFailure();
  }
};
} // namespace

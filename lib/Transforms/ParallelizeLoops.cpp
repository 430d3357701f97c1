//===- ParallelizeLoops.cpp - prange loops to scf.parallel ----------------===//
//
// A prange loop's scf.for becomes an scf.parallel. Its iteration arguments
// (the variables the body assigns that live on after an iteration) must be
// reductions; any other one would race between threads and is an error.
//
// A reduction is found by following the uses of the iteration argument
// through the body: each must be one combining operation of a single kind
// (`+`/`-` on the left, `*`, `|`, `&`, `^`, Python's min and max), an
// scf.if or inner scf.for or scf.while that passes the value on, or the
// loop's yield.
// The body then computes its iteration's contribution from the kind's
// identity in place of the argument (s + x + y with s = -0.0 is x + y), and
// scf.reduce combines the contributions with the initial value.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mumba/Transforms/ParallelLoops.h"
#include "mumba/Transforms/Passes.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAPARALLELIZELOOPSPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// The reductions, by their combining operation (min/max: float, signed,
/// unsigned).
enum class Kind {
  None,
  Add,
  Mul,
  Or,
  And,
  Xor,
  MinF,
  MaxF,
  MinS,
  MaxS,
  MinU,
  MaxU
};

/// The kind of min/max that `select(cmp(l, r), t, f)` computes when {t, f}
/// is {l, r} (Python's `min(a, b)` is `b < a ? b : a`), or None.
static Kind selectKind(arith::SelectOp select) {
  Value t = select.getTrueValue(), f = select.getFalseValue();
  Operation *cmp = select.getCondition().getDefiningOp();
  if (!cmp || !isa<arith::CmpFOp, arith::CmpIOp>(cmp))
    return Kind::None;
  Value l = cmp->getOperand(0), r = cmp->getOperand(1);
  bool same = t == l && f == r, swapped = t == r && f == l;
  if (!same && !swapped)
    return Kind::None;
  // less: -1, greater: +1; float, signed or unsigned.
  int order = 0;
  char family = 0;
  if (auto cmpf = dyn_cast<arith::CmpFOp>(cmp)) {
    family = 'f';
    switch (cmpf.getPredicate()) {
    case arith::CmpFPredicate::OLT:
    case arith::CmpFPredicate::OLE:
      order = -1;
      break;
    case arith::CmpFPredicate::OGT:
    case arith::CmpFPredicate::OGE:
      order = 1;
      break;
    default:
      return Kind::None;
    }
  } else {
    switch (cast<arith::CmpIOp>(cmp).getPredicate()) {
    case arith::CmpIPredicate::slt:
    case arith::CmpIPredicate::sle:
      order = -1, family = 's';
      break;
    case arith::CmpIPredicate::sgt:
    case arith::CmpIPredicate::sge:
      order = 1, family = 's';
      break;
    case arith::CmpIPredicate::ult:
    case arith::CmpIPredicate::ule:
      order = -1, family = 'u';
      break;
    case arith::CmpIPredicate::ugt:
    case arith::CmpIPredicate::uge:
      order = 1, family = 'u';
      break;
    default:
      return Kind::None;
    }
  }
  bool isMin = (order < 0) == same;
  switch (family) {
  case 'f':
    return isMin ? Kind::MinF : Kind::MaxF;
  case 's':
    return isMin ? Kind::MinS : Kind::MaxS;
  default:
    return isMin ? Kind::MinU : Kind::MaxU;
  }
}

/// The kind of a combining op, and whether the chain may be its operand
/// `index` (only the left of a subtraction).
static Kind combineKind(Operation *op, unsigned index) {
  return llvm::TypeSwitch<Operation *, Kind>(op)
      .Case<arith::AddFOp, arith::AddIOp>([](auto) { return Kind::Add; })
      .Case<arith::SubFOp, arith::SubIOp>(
          [&](auto) { return index == 0 ? Kind::Add : Kind::None; })
      .Case<arith::MulFOp, arith::MulIOp>([](auto) { return Kind::Mul; })
      .Case<arith::OrIOp>([](auto) { return Kind::Or; })
      .Case<arith::AndIOp>([](auto) { return Kind::And; })
      .Case<arith::XOrIOp>([](auto) { return Kind::Xor; })
      .Case<arith::MinimumFOp, arith::MinNumFOp>(
          [](auto) { return Kind::MinF; })
      .Case<arith::MaximumFOp, arith::MaxNumFOp>(
          [](auto) { return Kind::MaxF; })
      .Case<arith::MinSIOp>([](auto) { return Kind::MinS; })
      .Case<arith::MaxSIOp>([](auto) { return Kind::MaxS; })
      .Case<arith::MinUIOp>([](auto) { return Kind::MinU; })
      .Case<arith::MaxUIOp>([](auto) { return Kind::MaxU; })
      .Default([](Operation *) { return Kind::None; });
}

/// Booleans are one bit: min and max of them are `and` and `or` (signed,
/// true is -1 and the smaller).
static Kind boolKind(Kind kind) {
  switch (kind) {
  case Kind::MinS:
  case Kind::MaxU:
    return Kind::Or;
  case Kind::MaxS:
  case Kind::MinU:
    return Kind::And;
  default:
    return kind;
  }
}

/// Follows an iteration argument through the loop body; finds whether it is
/// a reduction and of which kind.
class ReductionAnalysis {
public:
  ReductionAnalysis(scf::ForOp loop, unsigned index)
      : loop(loop), index(index) {}

  /// The kind, Kind::None when the value never changes; failure when the
  /// argument is not a reduction.
  FailureOr<Kind> run();

private:
  bool visitUse(OpOperand &use);
  bool join(Value value);
  bool setKind(Kind k);

  scf::ForOp loop;
  unsigned index;
  Kind kind = Kind::None;
  llvm::SetVector<Value> chain;
  SmallVector<Value> worklist;
  /// What must hold once the chain is known.
  SmallVector<Operation *> combines;        // exactly one operand in chain
  SmallVector<std::pair<Value, Value>> ifs; // both in chain
};

bool ReductionAnalysis::join(Value value) {
  if (chain.insert(value))
    worklist.push_back(value);
  return true;
}

bool ReductionAnalysis::setKind(Kind k) {
  if (k == Kind::None || (kind != Kind::None && kind != k))
    return false;
  kind = k;
  return true;
}

bool ReductionAnalysis::visitUse(OpOperand &use) {
  Operation *user = use.getOwner();
  unsigned number = use.getOperandNumber();
  if (auto yield = dyn_cast<scf::YieldOp>(user)) {
    Operation *parent = yield->getParentOp();
    if (parent == loop.getOperation())
      return number == index;
    if (auto ifOp = dyn_cast<scf::IfOp>(parent)) {
      // Both branches must pass the chain on.
      Region *other = yield->getParentRegion() == &ifOp.getThenRegion()
                          ? &ifOp.getElseRegion()
                          : &ifOp.getThenRegion();
      if (other->empty())
        return false;
      auto otherYield = cast<scf::YieldOp>(other->front().getTerminator());
      ifs.push_back({use.get(), otherYield.getOperand(number)});
      return join(ifOp.getResult(number));
    }
    if (auto inner = dyn_cast<scf::ForOp>(parent)) {
      ifs.push_back({inner.getRegionIterArg(number), use.get()});
      return join(inner.getResult(number));
    }
    if (auto inner = dyn_cast<scf::WhileOp>(parent)) {
      // The `do` region passes it back to the `before` region.
      ifs.push_back({inner.getBeforeArguments()[number], use.get()});
      return true;
    }
    return false;
  }
  if (auto condition = dyn_cast<scf::ConditionOp>(user)) {
    // An inner while loop (a `while`, or a `for` with a `break`) passes it
    // on to its body and its results.
    if (number == 0)
      return false;
    auto inner = cast<scf::WhileOp>(condition->getParentOp());
    return join(inner.getAfterArguments()[number - 1]) &&
           join(inner.getResult(number - 1));
  }
  if (auto inner = dyn_cast<scf::WhileOp>(user))
    return join(inner.getBeforeArguments()[number]);
  if (auto inner = dyn_cast<scf::ForOp>(user)) {
    if (number < inner.getNumControlOperands())
      return false;
    unsigned position = number - inner.getNumControlOperands();
    return join(inner.getRegionIterArg(position));
  }
  if (isa<arith::CmpFOp, arith::CmpIOp>(user)) {
    // Only as part of a min/max select, which the select's use handles.
    if (!user->hasOneUse())
      return false;
    auto select = dyn_cast<arith::SelectOp>(*user->getUsers().begin());
    return select && select.getCondition() == user->getResult(0) &&
           selectKind(select) != Kind::None;
  }
  if (auto select = dyn_cast<arith::SelectOp>(user)) {
    if (number == 0)
      return false;
    Kind k = selectKind(select);
    if (k == Kind::None) {
      // A choice between two values of the chain.
      ifs.push_back({select.getTrueValue(), select.getFalseValue()});
      return join(select.getResult());
    }
    combines.push_back(select);
    return setKind(k) && join(select.getResult());
  }
  Kind k = combineKind(user, number);
  if (k == Kind::None || user->getNumResults() != 1)
    return false;
  combines.push_back(user);
  return setKind(k) && join(user->getResult(0));
}

FailureOr<Kind> ReductionAnalysis::run() {
  BlockArgument arg = loop.getRegionIterArg(index);
  join(arg);
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses())
      if (!visitUse(use))
        return failure();
  }
  for (Operation *op : combines) {
    ValueRange operands = op->getOperands();
    if (auto select = dyn_cast<arith::SelectOp>(op))
      operands = operands.drop_front();
    if (llvm::count_if(operands, [&](Value v) { return chain.contains(v); }) !=
        1)
      return failure();
  }
  // lift-cf-to-scf passes poison where a path does not need a value (out
  // of a loop left by `break`): it goes with any.
  auto carries = [&](Value v) {
    return chain.contains(v) || v.getDefiningOp<ub::PoisonOp>();
  };
  for (auto [a, b] : ifs)
    if (!carries(a) || !carries(b))
      return failure();
  Value yielded = loop.getYieldedValues()[index];
  if (!chain.contains(yielded))
    return failure();
  if (arg.getType().isInteger(1))
    return boolKind(kind);
  return kind;
}

/// The value `x` for which `x op y == y` (for min and max, the far end).
static Value identity(OpBuilder &b, Location loc, Kind kind, Type type) {
  if (auto floatType = dyn_cast<FloatType>(type)) {
    const llvm::fltSemantics &sem = floatType.getFloatSemantics();
    APFloat value = APFloat::getZero(sem, /*Negative=*/true);
    if (kind == Kind::Mul)
      value = APFloat::getOne(sem);
    else if (kind == Kind::MinF)
      value = APFloat::getInf(sem);
    else if (kind == Kind::MaxF)
      value = APFloat::getInf(sem, /*Negative=*/true);
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
  }
  unsigned width = type.getIntOrFloatBitWidth();
  APInt value = APInt::getZero(width);
  switch (kind) {
  case Kind::Mul:
    value = APInt(width, 1);
    break;
  case Kind::And:
  case Kind::MinU:
    value = APInt::getAllOnes(width);
    break;
  case Kind::MinS:
    value = APInt::getSignedMaxValue(width);
    break;
  case Kind::MaxS:
    value = APInt::getSignedMinValue(width);
    break;
  default:
    break;
  }
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

/// `lhs op rhs`, in the forms upstream's OpenMP lowering recognises.
static Value combine(OpBuilder &b, Location loc, Kind kind, Value lhs,
                     Value rhs) {
  bool isFloat = isa<FloatType>(lhs.getType());
  auto select = [&](auto predicate) -> Value {
    Value cmp;
    if constexpr (std::is_same_v<decltype(predicate), arith::CmpFPredicate>)
      cmp = arith::CmpFOp::create(b, loc, predicate, lhs, rhs);
    else
      cmp = arith::CmpIOp::create(b, loc, predicate, lhs, rhs);
    return arith::SelectOp::create(b, loc, cmp, lhs, rhs);
  };
  switch (kind) {
  case Kind::Add:
    return isFloat ? arith::AddFOp::create(b, loc, lhs, rhs).getResult()
                   : arith::AddIOp::create(b, loc, lhs, rhs).getResult();
  case Kind::Mul:
    return isFloat ? arith::MulFOp::create(b, loc, lhs, rhs).getResult()
                   : arith::MulIOp::create(b, loc, lhs, rhs).getResult();
  case Kind::Or:
    return arith::OrIOp::create(b, loc, lhs, rhs);
  case Kind::And:
    return arith::AndIOp::create(b, loc, lhs, rhs);
  case Kind::Xor:
    return arith::XOrIOp::create(b, loc, lhs, rhs);
  case Kind::MinF:
    return select(arith::CmpFPredicate::OLT);
  case Kind::MaxF:
    return select(arith::CmpFPredicate::OGT);
  case Kind::MinS:
    return select(arith::CmpIPredicate::slt);
  case Kind::MaxS:
    return select(arith::CmpIPredicate::sgt);
  case Kind::MinU:
    return select(arith::CmpIPredicate::ult);
  case Kind::MaxU:
    return select(arith::CmpIPredicate::ugt);
  case Kind::None:
    break;
  }
  llvm_unreachable("a reduction has a kind");
}

/// The variable a value stands for, from the name the SSA construction
/// gave its block argument.
static std::string variableName(Value value) {
  Location loc = value.getLoc();
  if (auto name = dyn_cast<NameLoc>(loc))
    return "'" + name.getName().str() + "'";
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (auto name = dyn_cast<NameLoc>(inner))
        return "'" + name.getName().str() + "'";
  return "a variable";
}

struct ParallelizeLoopsPass
    : public mumba::impl::MumbaParallelizeLoopsPassBase<ParallelizeLoopsPass> {
  void runOnOperation() override;

private:
  LogicalResult parallelize(scf::ForOp loop, IRRewriter &rewriter);
};

} // namespace

LogicalResult ParallelizeLoopsPass::parallelize(scf::ForOp loop,
                                                IRRewriter &rewriter) {
  Location loc = loop.getLoc();
  SmallVector<Kind> kinds;
  for (unsigned i = 0, e = loop.getNumRegionIterArgs(); i < e; ++i) {
    FailureOr<Kind> kind = ReductionAnalysis(loop, i).run();
    if (failed(kind)) {
      Value arg = loop.getRegionIterArg(i);
      InFlightDiagnostic diag =
          loop.emitError()
          << "prange loop: " << variableName(arg)
          << " is assigned in the loop's body and read after it or by a "
             "later iteration, but it is not a reduction (+=, -=, *=, |=, "
             "&=, ^= or min/max of a scalar); the iterations would race "
             "for it";
      // Where the body computes the value it leaves (when the name was
      // lost on the way, this still says which one).
      if (Operation *def = loop.getYieldedValues()[i].getDefiningOp())
        diag.attachNote(def->getLoc()) << "the value an iteration leaves";
      return diag;
    }
    kinds.push_back(*kind);
  }
  if (loop.getUnsignedCmp())
    return loop.emitError("prange loop: unsigned loop bounds are not "
                          "supported");

  rewriter.setInsertionPoint(loop);
  Type ivType = loop.getInductionVar().getType();
  auto toIndex = [&](Value v) -> Value {
    if (v.getType().isIndex())
      return v;
    return arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(),
                                      v);
  };
  // Reductions of booleans are done on bytes: OpenMP combines them with
  // atomic operations, which LLVM has for 8 bits and more.
  auto widen = [&](Value v) -> Value {
    if (!v.getType().isInteger(1))
      return v;
    return arith::ExtUIOp::create(rewriter, loc, rewriter.getI8Type(), v);
  };
  SmallVector<Value> inits;
  SmallVector<unsigned> reduced;
  for (auto [i, kind] : llvm::enumerate(kinds)) {
    if (kind == Kind::None)
      continue;
    reduced.push_back(i);
    inits.push_back(widen(loop.getInitArgs()[i]));
  }
  auto parallel = scf::ParallelOp::create(
      rewriter, loc, ValueRange{toIndex(loop.getLowerBound())},
      ValueRange{toIndex(loop.getUpperBound())},
      ValueRange{toIndex(loop.getStep())}, inits);
  Block *body = parallel.getBody();
  if (!body->empty())
    rewriter.eraseOp(&body->back());

  // The body, with each reduction's argument its identity and the others
  // (which never change) their initial value.
  rewriter.setInsertionPointToStart(body);
  Value iv = parallel.getInductionVars().front();
  if (!ivType.isIndex())
    iv = arith::IndexCastOp::create(rewriter, loc, ivType, iv);
  SmallVector<Value> arguments{iv};
  for (auto [i, kind] : llvm::enumerate(kinds)) {
    Value arg = loop.getRegionIterArg(i);
    arguments.push_back(kind == Kind::None
                            ? loop.getInitArgs()[i]
                            : identity(rewriter, loc, kind, arg.getType()));
  }
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  rewriter.inlineBlockBefore(loop.getBody(), body, body->end(), arguments);
  // The yield came along with the body: what it yields is the iteration's
  // contribution to each reduction.
  rewriter.setInsertionPoint(yield);
  SmallVector<Value> contributions;
  for (unsigned i : reduced)
    contributions.push_back(widen(yield.getOperand(i)));
  rewriter.eraseOp(yield);
  auto reduce = scf::ReduceOp::create(rewriter, loc, contributions);
  for (auto [region, i] : llvm::zip(reduce.getReductions(), reduced)) {
    Block &block = region.front();
    rewriter.setInsertionPointToEnd(&block);
    Value combined = combine(rewriter, loc, kinds[i], block.getArgument(0),
                             block.getArgument(1));
    scf::ReduceReturnOp::create(rewriter, loc, combined);
  }

  rewriter.setInsertionPointAfter(parallel);
  SmallVector<Value> results;
  unsigned next = 0;
  for (auto [i, kind] : llvm::enumerate(kinds)) {
    if (kind == Kind::None) {
      results.push_back(loop.getInitArgs()[i]);
      continue;
    }
    Value result = parallel.getResult(next++);
    if (loop.getResult(i).getType().isInteger(1))
      result =
          arith::TruncIOp::create(rewriter, loc, rewriter.getI1Type(), result);
    results.push_back(result);
  }
  rewriter.replaceOp(loop, results);
  return success();
}

void ParallelizeLoopsPass::runOnOperation() {
  SmallVector<scf::ForOp> loops;
  getOperation().walk([&](scf::ForOp loop) {
    if (loop->hasAttr(mumba::kParallelLoopAttr))
      loops.push_back(loop);
  });
  IRRewriter rewriter(&getContext());
  for (scf::ForOp loop : loops)
    if (failed(parallelize(loop, rewriter)))
      return signalPassFailure();
}

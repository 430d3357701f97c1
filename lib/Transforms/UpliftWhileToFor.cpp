//===- UpliftWhileToFor.cpp - Counted scf.while loops to scf.for ----------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"
#include "mumba/Transforms/ParallelLoops.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAUPLIFTWHILETOFORPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;
using mumba::kParallelLoopAttr;

namespace {

/// Whether `value` is defined outside `loop`.
static bool isDefinedOutside(Value value, Operation *loop) {
  return !loop->isAncestor(value.getParentBlock()->getParentOp());
}

/// Moves a pure op of the `before` region whose result `scf.condition` only
/// passes on, and whose operands are passed on too (or come from outside the
/// loop), to where its result is used: recomputed at the start of the
/// `after` region and after the loop. The increment `%next = %i + 1` of a
/// range cursor is the case that matters: once it has moved, the `before`
/// region is the comparison alone, as upstream's uplifting wants.
struct SinkForwardedComputation : public OpRewritePattern<scf::WhileOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::WhileOp loop,
                                PatternRewriter &rewriter) const override {
    Block *before = loop.getBeforeBody();
    Block *after = loop.getAfterBody();
    scf::ConditionOp condition = loop.getConditionOp();
    OperandRange forwarded = condition.getArgs();

    // Where each `before` argument is passed on unchanged.
    DenseMap<Value, unsigned> forwardedAt;
    for (auto [index, value] : llvm::enumerate(forwarded))
      if (auto arg = dyn_cast<BlockArgument>(value);
          arg && arg.getOwner() == before)
        forwardedAt.try_emplace(arg, index);

    bool changed = false;
    for (auto [index, value] : llvm::enumerate(forwarded)) {
      Operation *def = value.getDefiningOp();
      if (!def || def->getBlock() != before || def->getNumResults() != 1 ||
          def->getNumRegions() != 0 || !isPure(def))
        continue;
      Value afterArg = after->getArgument(index);
      Value result = loop.getResult(index);
      if (afterArg.use_empty() && result.use_empty())
        continue;
      bool movable = llvm::all_of(def->getOperands(), [&](Value operand) {
        return forwardedAt.contains(operand) || isDefinedOutside(operand, loop);
      });
      if (!movable)
        continue;

      IRMapping inAfter, afterLoop;
      for (Value operand : def->getOperands()) {
        auto it = forwardedAt.find(operand);
        if (it == forwardedAt.end())
          continue;
        inAfter.map(operand, after->getArgument(it->second));
        afterLoop.map(operand, loop.getResult(it->second));
      }
      if (!afterArg.use_empty()) {
        OpBuilder::InsertionGuard guard(rewriter);
        rewriter.setInsertionPointToStart(after);
        Operation *clone = rewriter.clone(*def, inAfter);
        rewriter.replaceAllUsesWith(afterArg, clone->getResult(0));
      }
      if (!result.use_empty()) {
        OpBuilder::InsertionGuard guard(rewriter);
        rewriter.setInsertionPointAfter(loop);
        Operation *clone = rewriter.clone(*def, afterLoop);
        rewriter.replaceAllUsesWith(result, clone->getResult(0));
      }
      changed = true;
    }
    return success(changed);
  }
};

/// A while loop in the shape upstream's uplifting takes, counting up by a
/// positive constant: the `before` region is `iv < ub` (or `ub > iv`) alone
/// and forwards its arguments in order, the `after` region adds the step.
struct CountedLoop {
  unsigned index;
  Value lb, ub, step;
};

static FailureOr<CountedLoop> matchCountedLoop(scf::WhileOp loop) {
  Block *before = loop.getBeforeBody();
  scf::ConditionOp condition = loop.getConditionOp();
  if (!llvm::hasSingleElement(before->without_terminator()))
    return failure();
  auto cmp = dyn_cast<arith::CmpIOp>(before->front());
  if (!cmp || !cmp->hasOneUse() || condition.getCondition() != cmp ||
      ValueRange(before->getArguments()) != condition.getArgs())
    return failure();
  Value counter, ub;
  if (cmp.getPredicate() == arith::CmpIPredicate::slt) {
    counter = cmp.getLhs();
    ub = cmp.getRhs();
  } else if (cmp.getPredicate() == arith::CmpIPredicate::sgt) {
    counter = cmp.getRhs();
    ub = cmp.getLhs();
  } else {
    return failure();
  }
  auto iv = dyn_cast<BlockArgument>(counter);
  if (!iv || iv.getOwner() != before || !llvm::hasNItems(iv.getUses(), 2) ||
      !isDefinedOutside(ub, loop))
    return failure();
  unsigned index = iv.getArgNumber();
  Value afterIV = loop.getAfterBody()->getArgument(index);
  auto add =
      loop.getYieldOp().getResults()[index].getDefiningOp<arith::AddIOp>();
  if (!add || (add.getLhs() != afterIV && add.getRhs() != afterIV))
    return failure();
  Value step = add.getLhs() == afterIV ? add.getRhs() : add.getLhs();
  std::optional<int64_t> stepValue = getConstantIntValue(step);
  if (!stepValue || *stepValue <= 0 || !isDefinedOutside(step, loop))
    return failure();
  return CountedLoop{index, loop.getInits()[index], ub, step};
}

/// The counter's value when a counted loop exits, for its users after the
/// loop: `lb + ceil(max(ub - lb, 0) / step) * step`. (Upstream's uplifting
/// would give them the last value inside the loop instead.)
struct MaterializeExitValue : public OpRewritePattern<scf::WhileOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::WhileOp loop,
                                PatternRewriter &rewriter) const override {
    FailureOr<CountedLoop> counted = matchCountedLoop(loop);
    if (failed(counted))
      return failure();
    Value exit = loop.getResult(counted->index);
    if (exit.use_empty())
      return failure();
    Location loc = loop.getLoc();
    Value lb = counted->lb;
    rewriter.setInsertionPoint(loop);
    Value zero = arith::ConstantOp::create(rewriter, loc,
                                           rewriter.getZeroAttr(lb.getType()));
    Value span = arith::MaxSIOp::create(
        rewriter, loc, arith::SubIOp::create(rewriter, loc, counted->ub, lb),
        zero);
    Value trips =
        arith::CeilDivSIOp::create(rewriter, loc, span, counted->step);
    Value value = arith::AddIOp::create(
        rewriter, loc, lb,
        arith::MulIOp::create(rewriter, loc, trips, counted->step));
    rewriter.replaceAllUsesWith(exit, value);
    return success();
  }
};

/// Upstream's uplifting, once nothing after the loop needs the counter.
struct UpliftCountedLoop : public OpRewritePattern<scf::WhileOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::WhileOp loop,
                                PatternRewriter &rewriter) const override {
    FailureOr<CountedLoop> counted = matchCountedLoop(loop);
    if (failed(counted) || !loop.getResult(counted->index).use_empty())
      return failure();
    // A prange loop's mark moves from its comparison to the loop, and the
    // iteration arguments keep the variable names (NameLocs) that the SSA
    // construction gave them, for diagnostics.
    Operation *cmp = &loop.getBeforeBody()->front();
    bool parallel = cmp->hasAttr(kParallelLoopAttr);
    Location header = cmp->getLoc();
    SmallVector<Location> names;
    for (BlockArgument arg : loop.getBeforeArguments())
      if (arg.getArgNumber() != counted->index)
        names.push_back(arg.getLoc());
    FailureOr<scf::ForOp> uplifted = scf::upliftWhileToForLoop(rewriter, loop);
    if (failed(uplifted))
      return failure();
    if (parallel) {
      (*uplifted)->setAttr(kParallelLoopAttr, rewriter.getUnitAttr());
      // Its diagnostics point at the `for` statement.
      (*uplifted)->setLoc(header);
    }
    if (names.size() == uplifted->getNumRegionIterArgs())
      for (auto [arg, name] : llvm::zip(uplifted->getRegionIterArgs(), names))
        if (isa<NameLoc>(name))
          arg.setLoc(name);
    return success();
  }
};

struct UpliftWhileToForPass
    : public mumba::impl::MumbaUpliftWhileToForPassBase<UpliftWhileToForPass> {
  void runOnOperation() override {
    // A bound computed in the loop (the size of an iterated array is read
    // in every loop header) must come out before the loop can be counted.
    getOperation().walk([](scf::WhileOp loop) { moveLoopInvariantCode(loop); });
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns
        .add<SinkForwardedComputation, MaterializeExitValue, UpliftCountedLoop>(
            ctx);
    // Dropping the arguments and results left unused, and lining up the
    // `before` arguments with the condition's, is scf.while's own
    // canonicalisation.
    scf::WhileOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

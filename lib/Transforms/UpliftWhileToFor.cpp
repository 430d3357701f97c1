//===- UpliftWhileToFor.cpp - Counted scf.while loops to scf.for ----------===//
#include "mumba/Transforms/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAUPLIFTWHILETOFORPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

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
        return forwardedAt.contains(operand) ||
               isDefinedOutside(operand, loop);
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

struct UpliftWhileToForPass
    : public mumba::impl::MumbaUpliftWhileToForPassBase<UpliftWhileToForPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<SinkForwardedComputation>(ctx);
    scf::populateUpliftWhileToForPatterns(patterns);
    // Dropping the arguments and results left unused, and lining up the
    // `before` arguments with the condition's, is scf.while's own
    // canonicalisation.
    scf::WhileOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

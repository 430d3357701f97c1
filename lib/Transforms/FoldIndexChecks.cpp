//===- FoldIndexChecks.cpp - Index checks made redundant by loop ranges ---===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mumba/Transforms/Passes.h"
#include "llvm/ADT/DepthFirstIterator.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAFOLDINDEXCHECKSPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// `base + offset`, with `base` null for a constant. i64 and index values
/// are the same 64-bit numbers, so casts between them are looked through.
struct Linear {
  Value base;
  int64_t offset = 0;
};

static Linear linearize(Value value) {
  if (std::optional<int64_t> c = getConstantIntValue(value))
    return {nullptr, *c};
  Operation *def = value.getDefiningOp();
  if (auto cast = dyn_cast_or_null<arith::IndexCastOp>(def)) {
    Type from = cast.getIn().getType();
    if (from.isIndex() || from.isInteger(64))
      return linearize(cast.getIn());
  }
  if (auto add = dyn_cast_or_null<arith::AddIOp>(def)) {
    if (std::optional<int64_t> c = getConstantIntValue(add.getRhs())) {
      Linear l = linearize(add.getLhs());
      return {l.base, l.offset + *c};
    }
    if (std::optional<int64_t> c = getConstantIntValue(add.getLhs())) {
      Linear l = linearize(add.getRhs());
      return {l.base, l.offset + *c};
    }
  }
  if (auto sub = dyn_cast_or_null<arith::SubIOp>(def)) {
    if (std::optional<int64_t> c = getConstantIntValue(sub.getRhs())) {
      Linear l = linearize(sub.getLhs());
      return {l.base, l.offset - *c};
    }
  }
  // The wrap-around of an index whose test is already decided.
  if (auto select = dyn_cast_or_null<arith::SelectOp>(def)) {
    if (matchPattern(select.getCondition(), m_Zero()))
      return linearize(select.getFalseValue());
    if (matchPattern(select.getCondition(), m_One()))
      return linearize(select.getTrueValue());
  }
  return {value, 0};
}

/// Inside `body`, `lower <= iv < bound`.
struct CountedLoop {
  Block *body;
  Value iv;
  int64_t lower;
  Value bound;
};

/// The least value `value` entering a loop can have, if it is known not to
/// be negative.
static std::optional<int64_t> nonNegativeLowerBound(Value value) {
  if (std::optional<int64_t> c = getConstantIntValue(value))
    return *c >= 0 ? std::optional<int64_t>(*c) : std::nullopt;
  if (value.getDefiningOp<memref::DimOp>())
    return 0;
  if (auto cast = value.getDefiningOp<arith::IndexCastOp>())
    return nonNegativeLowerBound(cast.getIn());
  return std::nullopt;
}

/// `head` ends in `cf.cond_br (iv < bound), body, exit`, is entered with
/// non-negative values and re-entered with `iv + c`, c > 0.
static std::optional<CountedLoop> matchCountedLoop(Block *head,
                                                   DominanceInfo &dominance) {
  auto branch = dyn_cast<cf::CondBranchOp>(head->getTerminator());
  if (!branch)
    return std::nullopt;
  auto cmp = branch.getCondition().getDefiningOp<arith::CmpIOp>();
  if (!cmp || cmp.getPredicate() != arith::CmpIPredicate::slt)
    return std::nullopt;
  auto iv = dyn_cast<BlockArgument>(cmp.getLhs());
  Block *body = branch.getTrueDest();
  if (!iv || iv.getOwner() != head || body->getSinglePredecessor() != head ||
      body == branch.getFalseDest())
    return std::nullopt;
  Value bound = cmp.getRhs();
  Block *boundBlock = bound.getParentBlock();
  if (boundBlock == head || !dominance.dominates(boundBlock, head))
    return std::nullopt;

  std::optional<int64_t> lower;
  for (auto it = head->pred_begin(), e = head->pred_end(); it != e; ++it) {
    Block *pred = *it;
    auto terminator = dyn_cast<BranchOpInterface>(pred->getTerminator());
    if (!terminator)
      return std::nullopt;
    SuccessorOperands operands =
        terminator.getSuccessorOperands(it.getSuccessorIndex());
    Value incoming = operands[iv.getArgNumber()];
    if (!incoming)
      return std::nullopt;
    if (dominance.dominates(head, pred)) {
      // A back edge: the counter grows.
      auto add = incoming.getDefiningOp<arith::AddIOp>();
      Value step = !add                 ? Value()
                   : add.getLhs() == iv ? add.getRhs()
                   : add.getRhs() == iv ? add.getLhs()
                                        : Value();
      std::optional<int64_t> c =
          step ? getConstantIntValue(step) : std::nullopt;
      if (!c || *c <= 0)
        return std::nullopt;
      continue;
    }
    std::optional<int64_t> entry = nonNegativeLowerBound(incoming);
    if (!entry)
      return std::nullopt;
    lower = lower ? std::min(*lower, *entry) : *entry;
  }
  if (!lower)
    return std::nullopt;
  return CountedLoop{body, iv, *lower, bound};
}

/// The value of `cmp` where `loop` holds, if it decides it.
static std::optional<bool> decide(arith::CmpIOp cmp, const CountedLoop &loop) {
  Linear index = linearize(cmp.getLhs());
  if (index.base != loop.iv)
    return std::nullopt;
  bool nonNegative = loop.lower + index.offset >= 0;
  using Predicate = arith::CmpIPredicate;
  Predicate predicate = cmp.getPredicate();
  // The wrap-around test: index < 0.
  if (matchPattern(cmp.getRhs(), m_Zero())) {
    if (!nonNegative)
      return std::nullopt;
    if (predicate == Predicate::slt)
      return false;
    if (predicate == Predicate::sge)
      return true;
    return std::nullopt;
  }
  // The bounds test: index >= size, unsigned (a negative index is huge).
  if (predicate != Predicate::uge && predicate != Predicate::ult)
    return std::nullopt;
  Linear size = linearize(cmp.getRhs());
  Linear bound = linearize(loop.bound);
  // index = iv + o < bound + o, within the size when bound + o <= size.
  if (!nonNegative || !size.base || size.base != bound.base ||
      bound.offset + index.offset > size.offset)
    return std::nullopt;
  return predicate == Predicate::ult;
}

struct FoldIndexChecksPass
    : public mumba::impl::MumbaFoldIndexChecksPassBase<FoldIndexChecksPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    DominanceInfo &dominance = getAnalysis<DominanceInfo>();
    SmallVector<CountedLoop> loops;
    for (Block &block : func.getBody())
      if (std::optional<CountedLoop> loop = matchCountedLoop(&block, dominance))
        loops.push_back(*loop);
    if (loops.empty())
      return markAllAnalysesPreserved();

    // In dominance order, so that a wrap-around decided first is looked
    // through by the bounds test after it.
    OpBuilder builder(&getContext());
    bool changed = false;
    SmallVector<Block *> blocks;
    for (DominanceInfoNode *node :
         llvm::depth_first(dominance.getRootNode(&func.getBody())))
      blocks.push_back(node->getBlock());
    for (Block *block : blocks) {
      for (Operation &op : llvm::make_early_inc_range(*block)) {
        auto cmp = dyn_cast<arith::CmpIOp>(op);
        if (!cmp)
          continue;
        for (const CountedLoop &loop : loops) {
          if (!dominance.dominates(loop.body, block))
            continue;
          std::optional<bool> value = decide(cmp, loop);
          if (!value)
            continue;
          builder.setInsertionPoint(cmp);
          Value constant = arith::ConstantOp::create(
              builder, cmp.getLoc(), builder.getBoolAttr(*value));
          cmp.replaceAllUsesWith(constant);
          cmp.erase();
          changed = true;
          break;
        }
      }
    }
    if (!changed)
      markAllAnalysesPreserved();
  }
};

} // namespace

//===- ReconstructSSA.cpp - nb.var slots to SSA values --------------------===//
//
// Classic SSA construction (Cytron et al.) for all slots of a function at
// once: the dominator tree and the dominance frontiers are computed once,
// each slot's merge blocks are the iterated frontier of the blocks that store
// to it, and a single walk down the dominator tree renames every load. Then
// merge arguments that nothing reads are dropped.
//
// Upstream mem2reg promotes one slot at a time and walks every block of the
// function for each, which is quadratic in the size of generated or long
// functions (a 10,000-line function spent 2 s here); this is linear in the
// function plus the size of the frontiers, which structured code keeps small.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"
#include "llvm/ADT/BitVector.h"

namespace mumba::nb {
#define GEN_PASS_DEF_NBRECONSTRUCTSSAPASS
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"
} // namespace mumba::nb

using namespace mlir;
using namespace mumba::nb;

namespace {
/// A merge block argument placed for one slot.
struct Merge {
  unsigned slot;
  BlockArgument arg;
};

/// Promotes the slots of one function body.
class SSABuilder {
public:
  SSABuilder(Region &body, ArrayRef<VarOp> slots, DominanceInfo &dominance)
      : body(body), slots(slots), dominance(dominance), current(slots.size()),
        undefs(slots.size()) {}

  /// Rewrites every load and store of `slots` and erases them; returns the
  /// slots that could not be promoted, left as they are.
  SmallVector<VarOp> run();

private:
  void numberBlocks();
  void computeFrontiers();
  void placeMerges();
  void rename();
  void renameBlock(Block *block);
  void removeDeadMerges();

  Value reaching(unsigned slot);
  void define(unsigned slot, Value value);
  void undoTo(size_t mark);

  Region &body;
  ArrayRef<VarOp> slots;
  DominanceInfo &dominance;
  /// The slot an nb.var op stands for.
  DenseMap<Operation *, unsigned> slotOf;
  SmallVector<Block *> blocks;
  DenseMap<Block *, unsigned> blockIndex;
  /// Dominance frontier of each reachable block, by block index.
  SmallVector<SmallVector<unsigned, 2>> frontier;
  /// Merge arguments of each block, in slot order.
  SmallVector<SmallVector<Merge, 1>> merges;
  DenseSet<Value> mergeArgs;
  /// The value each slot holds at the current point of the walk, and the
  /// previous values to restore when the walk leaves a dominator subtree.
  SmallVector<Value> current;
  SmallVector<std::pair<unsigned, Value>> undoLog;
  /// nb.undef of each slot, created on first need.
  SmallVector<Value> undefs;
  llvm::BitVector visited;
  SmallVector<VarOp> unpromoted;
};
} // namespace

void SSABuilder::numberBlocks() {
  for (Block &block : body) {
    blockIndex[&block] = blocks.size();
    blocks.push_back(&block);
  }
  frontier.resize(blocks.size());
  merges.resize(blocks.size());
  visited.resize(blocks.size());
  for (auto [index, var] : llvm::enumerate(slots))
    slotOf[var] = index;
}

void SSABuilder::computeFrontiers() {
  if (body.hasOneBlock())
    return;
  // Cooper, Harvey and Kennedy: a join block is in the frontier of every
  // block on the dominator-tree path from each predecessor up to (not
  // including) the join's immediate dominator.
  auto &tree = dominance.getDomTree(&body);
  for (Block *block : blocks) {
    DominanceInfoNode *node = tree.getNode(block);
    if (!node || block->hasNoPredecessors() || block->getSinglePredecessor())
      continue;
    unsigned index = blockIndex[block];
    for (Block *pred : block->getPredecessors()) {
      for (DominanceInfoNode *runner = tree.getNode(pred);
           runner && runner != node->getIDom(); runner = runner->getIDom()) {
        SmallVector<unsigned, 2> &df = frontier[blockIndex[runner->getBlock()]];
        if (!df.empty() && df.back() == index)
          break; // This path is already recorded from here up.
        df.push_back(index);
      }
    }
  }
}

void SSABuilder::placeMerges() {
  // Stamps (slot + 1) mark membership per slot without clearing per slot.
  SmallVector<unsigned> queued(blocks.size()), placed(blocks.size());
  SmallVector<unsigned> worklist;
  for (unsigned slot = 0, e = slots.size(); slot != e; ++slot) {
    VarOp var = slots[slot];
    unsigned stamp = slot + 1;
    for (Operation *user : var->getUsers())
      if (isa<StoreVarOp>(user)) {
        unsigned index = blockIndex[user->getBlock()];
        if (queued[index] != stamp) {
          queued[index] = stamp;
          worklist.push_back(index);
        }
      }
    SmallVector<unsigned> joins;
    while (!worklist.empty()) {
      unsigned index = worklist.pop_back_val();
      for (unsigned join : frontier[index]) {
        if (placed[join] == stamp)
          continue;
        placed[join] = stamp;
        joins.push_back(join);
        if (queued[join] != stamp) {
          queued[join] = stamp;
          worklist.push_back(join);
        }
      }
    }
    // Every way into a merge block must be able to pass the value.
    auto passesValues = [&](unsigned join) {
      return llvm::all_of(blocks[join]->getPredecessors(), [](Block *pred) {
        return isa<BranchOpInterface>(pred->getTerminator());
      });
    };
    if (!llvm::all_of(joins, passesValues)) {
      slotOf.erase(var);
      unpromoted.push_back(var);
      continue;
    }
    for (unsigned join : joins) {
      Block *block = blocks[join];
      BlockArgument arg =
          block->addArgument(UnknownType::get(var.getContext()), var.getLoc());
      OpBuilder builder = OpBuilder::atBlockBegin(block);
      var.handleBlockArgument(var.getPromotableSlots().front(), arg, builder);
      mergeArgs.insert(arg);
      merges[join].push_back({slot, arg});
    }
  }
}

Value SSABuilder::reaching(unsigned slot) {
  if (current[slot])
    return current[slot];
  if (!undefs[slot]) {
    VarOp var = slots[slot];
    OpBuilder builder = OpBuilder::atBlockBegin(&body.front());
    undefs[slot] =
        var.getDefaultValue(var.getPromotableSlots().front(), builder);
  }
  return undefs[slot];
}

void SSABuilder::define(unsigned slot, Value value) {
  undoLog.push_back({slot, current[slot]});
  current[slot] = value;
}

void SSABuilder::undoTo(size_t mark) {
  while (undoLog.size() > mark) {
    auto [slot, value] = undoLog.pop_back_val();
    current[slot] = value;
  }
}

void SSABuilder::renameBlock(Block *block) {
  unsigned index = blockIndex[block];
  visited.set(index);
  for (const Merge &merge : merges[index])
    define(merge.slot, merge.arg);
  for (Operation &op : llvm::make_early_inc_range(*block)) {
    if (auto load = dyn_cast<LoadVarOp>(op)) {
      auto it = slotOf.find(load.getSlot().getDefiningOp());
      if (it == slotOf.end())
        continue;
      load.getResult().replaceAllUsesWith(reaching(it->second));
      load.erase();
    } else if (auto store = dyn_cast<StoreVarOp>(op)) {
      auto it = slotOf.find(store.getSlot().getDefiningOp());
      if (it == slotOf.end())
        continue;
      define(it->second, store.getValue());
      store.erase();
    }
  }
  Operation *terminator = block->getTerminator();
  for (unsigned i = 0, e = terminator->getNumSuccessors(); i != e; ++i) {
    Block *succ = terminator->getSuccessor(i);
    ArrayRef<Merge> succMerges = merges[blockIndex[succ]];
    if (succMerges.empty())
      continue;
    SuccessorOperands operands =
        cast<BranchOpInterface>(terminator).getSuccessorOperands(i);
    for (const Merge &merge : succMerges)
      operands.append(reaching(merge.slot));
  }
}

void SSABuilder::rename() {
  if (body.hasOneBlock()) {
    renameBlock(&body.front());
    return;
  }
  // Depth-first down the dominator tree: a block sees the values reaching
  // the end of its immediate dominator. Iterative, as generated code makes
  // the tree as deep as the function is long.
  struct Job {
    DominanceInfoNode *node;
    size_t mark; // undo-log size to restore on leaving, or ~0 on entering
  };
  constexpr size_t entering = ~size_t(0);
  SmallVector<Job> stack{{dominance.getNode(&body.front()), entering}};
  while (!stack.empty()) {
    Job job = stack.pop_back_val();
    if (job.mark != entering) {
      undoTo(job.mark);
      continue;
    }
    size_t mark = undoLog.size();
    renameBlock(job.node->getBlock());
    stack.push_back({job.node, mark});
    for (DominanceInfoNode *child : llvm::reverse(job.node->children()))
      stack.push_back({child, entering});
  }
  // Unreachable blocks start from unassigned slots; the walk has restored
  // `current` to exactly that.
  for (Block *block : blocks)
    if (!visited.test(blockIndex[block])) {
      size_t mark = undoLog.size();
      renameBlock(block);
      undoTo(mark);
    }
}

void SSABuilder::removeDeadMerges() {
  // A merge argument is live if something other than another merge's
  // incoming edge reads it, or if it flows into a live merge.
  auto isMergeEdge = [&](OpOperand &use) {
    auto branch = dyn_cast<BranchOpInterface>(use.getOwner());
    if (!branch)
      return false;
    std::optional<BlockArgument> target =
        branch.getSuccessorBlockArgument(use.getOperandNumber());
    return target && mergeArgs.count(*target);
  };
  DenseSet<Value> live;
  SmallVector<BlockArgument> worklist;
  for (ArrayRef<Merge> blockMerges : merges)
    for (const Merge &merge : blockMerges)
      if (llvm::any_of(merge.arg.getUses(),
                       [&](OpOperand &use) { return !isMergeEdge(use); }) &&
          live.insert(merge.arg).second)
        worklist.push_back(merge.arg);
  while (!worklist.empty()) {
    BlockArgument arg = worklist.pop_back_val();
    for (BlockOperand &edge : arg.getOwner()->getUses()) {
      auto branch = cast<BranchOpInterface>(edge.getOwner());
      Value incoming = branch.getSuccessorOperands(
          edge.getOperandNumber())[arg.getArgNumber()];
      if (mergeArgs.count(incoming) && live.insert(incoming).second)
        worklist.push_back(cast<BlockArgument>(incoming));
    }
  }
  // Drop the rest: every edge first, since a dead argument may feed another
  // block's (highest position first keeps the lower positions valid), then
  // the arguments.
  SmallVector<std::pair<Block *, llvm::BitVector>> deadArgs;
  for (auto [index, blockMerges] : llvm::enumerate(merges)) {
    Block *block = blocks[index];
    llvm::BitVector dead(block->getNumArguments());
    for (const Merge &merge : blockMerges)
      if (!live.count(merge.arg))
        dead.set(merge.arg.getArgNumber());
    if (dead.none())
      continue;
    for (BlockOperand &edge : block->getUses()) {
      SuccessorOperands operands =
          cast<BranchOpInterface>(edge.getOwner())
              .getSuccessorOperands(edge.getOperandNumber());
      for (int position = dead.find_last(); position >= 0;
           position = dead.find_prev(position))
        operands.erase(position);
    }
    deadArgs.push_back({block, std::move(dead)});
  }
  for (auto &[block, dead] : deadArgs)
    block->eraseArguments(dead);
}

SmallVector<VarOp> SSABuilder::run() {
  numberBlocks();
  computeFrontiers();
  placeMerges();
  rename();
  removeDeadMerges();
  for (Value undef : undefs)
    if (undef && undef.use_empty())
      undef.getDefiningOp()->erase();
  for (VarOp var : slots) {
    if (!slotOf.count(var))
      continue;
    assert(var->use_empty() && "a promoted slot is still accessed");
    var.erase();
  }
  return std::move(unpromoted);
}

/// A slot is promotable if it is only loaded and stored to in its own region,
/// never stored as a value.
static bool isPromotable(VarOp var) {
  for (OpOperand &use : var->getUses()) {
    Operation *user = use.getOwner();
    if (user->getParentRegion() != var->getParentRegion())
      return false;
    if (isa<LoadVarOp>(user))
      continue;
    auto store = dyn_cast<StoreVarOp>(user);
    if (!store || store.getValue() == var.getSlot())
      return false;
  }
  return true;
}

namespace {
struct ReconstructSSAPass
    : public mumba::nb::impl::NBReconstructSSAPassBase<ReconstructSSAPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    SmallVector<VarOp> slots, unpromoted;
    func.walk([&](VarOp var) {
      if (var->use_empty())
        var.erase();
      else if (isPromotable(var))
        slots.push_back(var);
      else
        unpromoted.push_back(var);
    });
    if (!slots.empty()) {
      DominanceInfo dominance(func);
      unpromoted.append(SSABuilder(func.getBody(), slots, dominance).run());
    }
    // A slot stored as a value, say.
    if (!unpromoted.empty()) {
      unpromoted.front().emitOpError("could not be promoted to SSA values");
      signalPassFailure();
    }
  }
};
} // namespace

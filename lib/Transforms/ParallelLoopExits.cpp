//===- ParallelLoopExits.cpp - Raises in prange bodies become a status ----===//
//
// An iteration of a parallel loop runs on some thread of an OpenMP team: it
// cannot return from the function. Every exit of a prange loop's body that
// returns (a raise: ZeroDivisionError, IndexError, a callee's status, ...)
// becomes a store of its status into a record on the caller's stack and a
// jump to the next iteration; the iterations that start after a raise skip
// their body; after the loop, the function raises what the record holds.
// With only the header leaving it, the loop can then be counted (scf.for)
// and run in parallel (scf.parallel).
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mumba/Runtime/Symbols.h"
#include "mumba/Transforms/ParallelLoops.h"
#include "mumba/Transforms/Passes.h"
#include "llvm/ADT/SetVector.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAPARALLELLOOPEXITSPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// A natural loop of the CFG: the header and the blocks that reach one of
/// its back edges without passing through it.
struct NaturalLoop {
  Block *header;
  llvm::SetVector<Block *> blocks;
};

static FailureOr<NaturalLoop> findLoop(Block *header, DominanceInfo &dom) {
  NaturalLoop loop{header, {}};
  loop.blocks.insert(header);
  SmallVector<Block *> worklist;
  for (Block *pred : header->getPredecessors())
    if (dom.dominates(header, pred))
      worklist.push_back(pred);
  if (worklist.empty())
    return failure();
  while (!worklist.empty()) {
    Block *block = worklist.pop_back_val();
    if (!loop.blocks.insert(block))
      continue;
    for (Block *pred : block->getPredecessors())
      worklist.push_back(pred);
  }
  return loop;
}

/// The declaration of runtime function `name`, added once per module.
static void declareRuntime(OpBuilder &b, ModuleOp module, StringRef name,
                           FunctionType type) {
  if (module.lookupSymbol(name))
    return;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  auto decl = func::FuncOp::create(b, module.getLoc(), name, type);
  decl.setPrivate();
}

/// A block placed on the edge `from -> to` (successor `index` of `from`),
/// with `to`'s arguments, ending with whatever `fill` builds; returns it.
static Block *splitEdge(OpBuilder &b, Block *from, unsigned index,
                        function_ref<void(Block *)> fill) {
  Block *to = from->getTerminator()->getSuccessor(index);
  Block *edge = new Block();
  edge->insertBefore(to);
  for (BlockArgument arg : to->getArguments())
    edge->addArgument(arg.getType(), arg.getLoc());
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(edge);
  fill(edge);
  from->getTerminator()->setSuccessor(edge, index);
  return edge;
}

/// Clones into `into`, in order, the ops of `from` that the return's
/// operands other than the status need (its placeholder results), and
/// returns them mapped.
static SmallVector<Value> clonePlaceholders(OpBuilder &b, func::ReturnOp ret) {
  Block *from = ret->getBlock();
  llvm::SetVector<Operation *> needed;
  SmallVector<Value> worklist(llvm::drop_begin(ret.getOperands()));
  while (!worklist.empty()) {
    Operation *def = worklist.pop_back_val().getDefiningOp();
    if (!def || def->getBlock() != from || !needed.insert(def))
      continue;
    llvm::append_range(worklist, def->getOperands());
  }
  IRMapping mapping;
  for (Operation &op : from->without_terminator())
    if (needed.contains(&op))
      b.clone(op, mapping);
  SmallVector<Value> values;
  for (Value operand : llvm::drop_begin(ret.getOperands()))
    values.push_back(mapping.lookupOrDefault(operand));
  return values;
}

struct ParallelLoopExitsPass
    : public mumba::impl::MumbaParallelLoopExitsPassBase<
          ParallelLoopExitsPass> {
  void runOnOperation() override;

private:
  LogicalResult rewriteLoop(NaturalLoop &loop, OpBuilder &b);
};

} // namespace

LogicalResult ParallelLoopExitsPass::rewriteLoop(NaturalLoop &loop,
                                                 OpBuilder &b) {
  Block *header = loop.header;
  // Exits from the header end the loop; every other exit must raise: go
  // to a block of its own that returns a status other than 0.
  SmallVector<std::pair<Block *, unsigned>> raises, ends, entries;
  auto isRaise = [&](Block *to) {
    auto ret = dyn_cast<func::ReturnOp>(to->getTerminator());
    if (!ret || to->getNumArguments() != 0 || ret.getNumOperands() == 0 ||
        llvm::is_contained(header->getSuccessors(), to))
      return false;
    std::optional<int64_t> status = getConstantIntValue(ret.getOperand(0));
    return !status || *status != 0;
  };
  for (Block *block : loop.blocks) {
    Operation *terminator = block->getTerminator();
    for (unsigned i = 0, e = terminator->getNumSuccessors(); i < e; ++i) {
      Block *to = terminator->getSuccessor(i);
      bool inside = loop.blocks.contains(to);
      if (block == header) {
        (inside ? entries : ends).push_back({block, i});
        continue;
      }
      if (inside)
        continue;
      if (!isRaise(to))
        return terminator->emitError(
            "a prange loop may be left only by finishing or by raising "
            "('break' and 'return' are not allowed in its body)");
      raises.push_back({block, i});
    }
  }
  if (raises.empty())
    return success();

  auto func = header->getParent()->getParentOfType<func::FuncOp>();
  auto module = func->getParentOfType<ModuleOp>();
  Location loc = header->getTerminator()->getLoc();
  Type i64 = b.getI64Type(), i32 = b.getI32Type();
  declareRuntime(b, module, MUMBA_SYMBOL_PARALLEL_RAISE,
                 b.getFunctionType({i64, i32}, {}));
  declareRuntime(b, module, MUMBA_SYMBOL_PARALLEL_STATUS,
                 b.getFunctionType({i64}, {i32}));

  // The record lives on the stack of the thread that runs the loop; the
  // runtime and the skip test see it through its address.
  b.setInsertionPointToStart(&func.getBody().front());
  auto record = memref::AllocaOp::create(
      b, loc, MemRefType::get({mumba::kParallelStatusWords}, i64));
  record.setAlignment(8);
  Value address = arith::IndexCastOp::create(
      b, loc, i64,
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, record));
  for (Block *pred : header->getPredecessors()) {
    if (loop.blocks.contains(pred))
      continue;
    b.setInsertionPoint(pred->getTerminator());
    Value zero = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    Value first = arith::ConstantIndexOp::create(b, loc, 0);
    memref::StoreOp::create(b, loc, zero, record, ValueRange{first});
  }

  // A raise stores its status and goes on with the next iteration (the
  // header's arguments as this one received them: a raised loop's values
  // are never read).
  SmallVector<Block *> raiseBlocks;
  for (auto [from, index] : raises) {
    Block *to = from->getTerminator()->getSuccessor(index);
    raiseBlocks.push_back(to);
    splitEdge(b, from, index, [&](Block *edge) {
      IRMapping mapping;
      for (Operation &op : to->without_terminator())
        b.clone(op, mapping);
      auto ret = cast<func::ReturnOp>(to->getTerminator());
      Value status = mapping.lookupOrDefault(ret.getOperand(0));
      func::CallOp::create(b, ret.getLoc(), MUMBA_SYMBOL_PARALLEL_RAISE,
                           TypeRange{}, ValueRange{address, status});
      cf::BranchOp::create(b, ret.getLoc(), header, header->getArguments());
    });
  }

  // Once some iteration raised, the others skip their body.
  auto ptrType = LLVM::LLVMPointerType::get(b.getContext());
  for (auto [from, index] : entries) {
    splitEdge(b, from, index, [&](Block *edge) {
      Value pointer = LLVM::IntToPtrOp::create(b, loc, ptrType, address);
      Value status = LLVM::LoadOp::create(b, loc, i64, pointer, /*alignment=*/8,
                                          false, false, false, false,
                                          LLVM::AtomicOrdering::monotonic);
      Value zero = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
      Value raised =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, status, zero);
      Block *body = edge->getNextNode();
      cf::CondBranchOp::create(b, loc, raised, header, header->getArguments(),
                               body, edge->getArguments());
    });
  }

  // After the loop, its status is the function's.
  auto someReturn = cast<func::ReturnOp>(raiseBlocks.front()->getTerminator());
  for (auto [from, index] : ends) {
    splitEdge(b, from, index, [&](Block *edge) {
      Value status = func::CallOp::create(b, loc, MUMBA_SYMBOL_PARALLEL_STATUS,
                                          TypeRange{i32}, ValueRange{address})
                         .getResult(0);
      Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
      Value raised =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, status, zero);
      Block *raise = new Block();
      raise->insertBefore(edge->getNextNode());
      Block *end = raise->getNextNode();
      cf::CondBranchOp::create(b, loc, raised, raise, ValueRange{}, end,
                               edge->getArguments());
      b.setInsertionPointToEnd(raise);
      SmallVector<Value> results{status};
      llvm::append_range(results, clonePlaceholders(b, someReturn));
      func::ReturnOp::create(b, someReturn.getLoc(), results);
    });
  }

  for (Block *block : raiseBlocks)
    if (block->use_empty() && block->getParent())
      block->erase();
  return success();
}

void ParallelLoopExitsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  SmallVector<Block *> headers;
  func.walk([&](arith::CmpIOp cmp) {
    if (cmp->hasAttr(mumba::kParallelLoopAttr) &&
        !llvm::is_contained(headers, cmp->getBlock()))
      headers.push_back(cmp->getBlock());
  });
  if (headers.empty())
    return;
  OpBuilder b(&getContext());
  for (Block *header : headers) {
    // Each rewrite changes the CFG: find the loop afresh.
    DominanceInfo dom(func);
    FailureOr<NaturalLoop> loop = findLoop(header, dom);
    if (failed(loop))
      continue;
    if (failed(rewriteLoop(*loop, b)))
      return signalPassFailure();
  }
}

//===- FuseArrayExprs.cpp - The nb-fuse-array-exprs pass ------------------===//
#include "mlir/IR/IRMapping.h"
#include "mumba/Dialect/NB/IR/ArrayTyping.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"
#include "llvm/ADT/SetVector.h"

namespace mumba::nb {
#define GEN_PASS_DEF_NBFUSEARRAYEXPRSPASS
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"
} // namespace mumba::nb

using namespace mlir;
using namespace mumba::nb;

/// An element-wise operation on arrays: an operator with an array result.
static bool isElementwise(Operation *op) {
  return isa<BinOp, InplaceBinOp, UnaryOp, CompareOp>(op) &&
         op->getNumResults() == 1 && isa<ArrayType>(op->getResult(0).getType());
}

/// Ops that may stand between an operation and the expression using it:
/// they neither write memory nor call out.
static bool isHarmless(Operation *op) {
  if (isa<ConstOp, GlobalOp, GetAttrOp, CastOp, BuildSliceOp, BuildTupleOp,
          GetItemOp, StaticGetItemOp, ArgOp, UndefOp>(op))
    return true;
  return isa<BinOp, UnaryOp, CompareOp>(op) && !isElementwise(op);
}

namespace {
/// Scalar rules never consult the driver: operators only.
struct OperatorsOnly : public TypingContext {
  FailureOr<Type> inferCall(CallOp, Type, ArrayRef<Type>) override {
    return failure();
  }
  FailureOr<Type> inferModuleAttr(Operation *, ModuleType, StringRef) override {
    return failure();
  }
};

/// Builds one nb.arrayexpr from the tree rooted at an element-wise op.
class ExprBuilder {
public:
  ExprBuilder(Operation *root) : root(root) {}

  /// Collects the tree: operands made by element-wise ops used only here,
  /// in this block, with nothing that may write memory in between.
  void collect(Operation *op) {
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (def && isElementwise(def) && !isa<InplaceBinOp>(def) &&
          def->getBlock() == root->getBlock() && operand.hasOneUse() &&
          nothingWritesBetween(def, op)) {
        collect(def);
        continue;
      }
      leaves.insert(operand);
    }
    tree.push_back(op);
  }

  /// Replaces the tree by one nb.arrayexpr (and an nb.copyto for an
  /// in-place root). Fails, with the IR unchanged, where a scalar rule
  /// rejects an element type.
  LogicalResult rewrite() {
    OpBuilder b(root);
    Location loc = root->getLoc();
    auto resultType = cast<ArrayType>(root->getResult(0).getType());
    SmallVector<Value> inputs(leaves.begin(), leaves.end());
    auto expr = ArrayExprOp::create(b, loc, exprType(resultType), inputs);
    Block *body = b.createBlock(&expr.getBody());
    IRMapping elements;
    for (Value input : inputs)
      elements.map(input,
                   body->addArgument(getElementDtype(input.getType()), loc));
    for (Operation *op : tree) {
      FailureOr<Value> element = scalarOf(b, op, elements);
      if (failed(element)) {
        expr.erase();
        return failure();
      }
      elements.map(op->getResult(0), *element);
    }
    YieldOp::create(b, loc, elements.lookup(root->getResult(0)));
    b.setInsertionPoint(root);
    if (auto inplace = dyn_cast<InplaceBinOp>(root)) {
      CopyToOp::create(b, loc, inplace.getLhs(), expr.getResult());
      root->getResult(0).replaceAllUsesWith(inplace.getLhs());
    } else {
      root->getResult(0).replaceAllUsesWith(expr.getResult());
    }
    for (Operation *op : llvm::reverse(tree))
      op->erase();
    return success();
  }

private:
  bool nothingWritesBetween(Operation *def, Operation *user) {
    for (Operation *op = def->getNextNode(); op && op != user;
         op = op->getNextNode())
      if (!isHarmless(op) && !llvm::is_contained(tree, op) &&
          !isElementwise(op))
        return false;
    return true;
  }

  /// The expression's own result: what the root computes before an
  /// in-place root stores it into its left operand.
  ArrayType exprType(ArrayType rootType) {
    auto inplace = dyn_cast<InplaceBinOp>(root);
    if (!inplace)
      return rootType;
    std::string why;
    return cast<ArrayType>(inferArrayBinary(inplace.getKind(), inplace.getLhs(),
                                            inplace.getRhs(), why));
  }

  /// `value` as `dtype` in the body.
  Value convert(OpBuilder &b, Location loc, Value value, Type dtype) {
    if (value.getType() == dtype)
      return value;
    return CastOp::create(b, loc, dtype, value);
  }

  /// Types a scalar op by its own rule and converts its result to `dtype`.
  FailureOr<Value> typed(OpBuilder &b, Operation *op, Type dtype) {
    OperatorsOnly context;
    SmallVector<Type> types;
    if (failed(cast<TypeInferenceOpInterface>(op).inferTypes(context, types)))
      return failure();
    op->getResult(0).setType(types.front());
    return convert(b, op->getLoc(), op->getResult(0), dtype);
  }

  FailureOr<Value> scalarOf(OpBuilder &b, Operation *op, IRMapping &elements) {
    Location loc = op->getLoc();
    Type unknown = UnknownType::get(op->getContext());
    auto element = [&](Value v) { return elements.lookup(v); };
    if (isa<BinOp, InplaceBinOp>(op)) {
      Value lhs = op->getOperand(0), rhs = op->getOperand(1);
      BinOpKind kind = isa<BinOp>(op) ? cast<BinOp>(op).getKind()
                                      : cast<InplaceBinOp>(op).getKind();
      Type dtype = getArrayComputeDtype(lhs, rhs);
      std::string why;
      Type result = getArrayBinaryDtype(kind, dtype, why);
      auto scalar = BinOp::create(b, loc, unknown, kind,
                                  convert(b, loc, element(lhs), dtype),
                                  convert(b, loc, element(rhs), dtype));
      return typed(b, scalar, result);
    }
    if (auto compare = dyn_cast<CompareOp>(op)) {
      Type dtype = getArrayComputeDtype(compare.getLhs(), compare.getRhs());
      auto scalar =
          CompareOp::create(b, loc, unknown, compare.getKind(),
                            convert(b, loc, element(compare.getLhs()), dtype),
                            convert(b, loc, element(compare.getRhs()), dtype));
      return typed(b, scalar, IntegerType::get(op->getContext(), 1));
    }
    auto unary = cast<UnaryOp>(op);
    Type dtype = cast<ArrayType>(unary.getType()).getDtype();
    // `~` of a bool array is logical not, as NumPy's invert.
    UnaryOpKind kind = unary.getKind();
    if (kind == UnaryOpKind::Invert && isBoolType(dtype))
      kind = UnaryOpKind::Not;
    auto scalar =
        UnaryOp::create(b, loc, unknown, kind, element(unary.getOperand()));
    return typed(b, scalar, dtype);
  }

  Operation *root;
  llvm::SetVector<Value> leaves;
  SmallVector<Operation *> tree;
};

struct NBFuseArrayExprsPass
    : public mumba::nb::impl::NBFuseArrayExprsPassBase<NBFuseArrayExprsPass> {
  void runOnOperation() override {
    // Roots: element-wise ops whose result does not feed one expression.
    SmallVector<Operation *> roots;
    getOperation().walk([&](Operation *op) {
      if (!isElementwise(op))
        return;
      Value result = op->getResult(0);
      bool feeds = !isa<InplaceBinOp>(op) && result.hasOneUse() &&
                   isElementwise(*result.getUsers().begin()) &&
                   (*result.getUsers().begin())->getBlock() == op->getBlock();
      if (!feeds || isa<InplaceBinOp>(op))
        roots.push_back(op);
    });
    for (Operation *root : roots) {
      ExprBuilder builder(root);
      builder.collect(root);
      if (failed(builder.rewrite())) {
        root->emitOpError("has an element type its scalar rule rejects");
        return signalPassFailure();
      }
    }
    // A producer left out of a tree (something wrote memory in between) is
    // a root of its own now.
    SmallVector<Operation *> rest;
    getOperation().walk([&](Operation *op) {
      if (isElementwise(op))
        rest.push_back(op);
    });
    for (Operation *root : rest) {
      ExprBuilder builder(root);
      builder.collect(root);
      if (failed(builder.rewrite())) {
        root->emitOpError("has an element type its scalar rule rejects");
        return signalPassFailure();
      }
    }
  }
};
} // namespace

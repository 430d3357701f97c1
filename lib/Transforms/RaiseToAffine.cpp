//===- RaiseToAffine.cpp - scf.for and memref accesses to affine ----------===//
//
// Upstream MLIR lowers affine to scf but has no way back for loops. Its
// `affine-raise-from-memref` raises only memref.load/store whose indices
// are already affine in values of an affine scope: it raises no scf.for,
// and it stops at the i64 arithmetic and index_casts that Python ints lower
// to. This pass raises the loops of Python's `range` and the array accesses
// in them, following index arithmetic through those i64 values.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mumba/Transforms/Passes.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBARAISETOAFFINEPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// `constant + sum(dims[i] * d_i) + sum(symbols[j] * s_j)`.
struct LinearForm {
  SmallVector<int64_t> dims, symbols;
  int64_t constant = 0;
};

/// Decomposes an affine expression without divisions or modulos.
static bool linearize(AffineExpr expr, int64_t scale, LinearForm &form) {
  switch (expr.getKind()) {
  case AffineExprKind::Constant:
    form.constant += scale * cast<AffineConstantExpr>(expr).getValue();
    return true;
  case AffineExprKind::DimId:
    form.dims[cast<AffineDimExpr>(expr).getPosition()] += scale;
    return true;
  case AffineExprKind::SymbolId:
    form.symbols[cast<AffineSymbolExpr>(expr).getPosition()] += scale;
    return true;
  case AffineExprKind::Add: {
    auto add = cast<AffineBinaryOpExpr>(expr);
    return linearize(add.getLHS(), scale, form) &&
           linearize(add.getRHS(), scale, form);
  }
  case AffineExprKind::Mul: {
    auto mul = cast<AffineBinaryOpExpr>(expr);
    if (auto c = dyn_cast<AffineConstantExpr>(mul.getRHS()))
      return linearize(mul.getLHS(), scale * c.getValue(), form);
    if (auto c = dyn_cast<AffineConstantExpr>(mul.getLHS()))
      return linearize(mul.getRHS(), scale * c.getValue(), form);
    return false;
  }
  default:
    return false;
  }
}

/// Values that are never negative whatever the input: sizes and
/// non-negative constants.
static bool isKnownNonNegative(Value value) {
  if (std::optional<int64_t> c = getConstantIntValue(value))
    return *c >= 0;
  if (value.getDefiningOp<memref::DimOp>())
    return true;
  if (auto cast = value.getDefiningOp<arith::IndexCastOp>())
    return isKnownNonNegative(cast.getIn());
  return false;
}

/// Whether `expr`, over `dims` and `symbols`, is non-negative on every
/// iteration of the affine loops whose induction variables appear in it:
/// each of those starts at its lower bound and only grows (steps are
/// positive), so the least value takes every loop at its lower bound.
static bool isNonNegative(AffineExpr expr, ValueRange dims, ValueRange symbols,
                          unsigned depth = 0) {
  if (depth > 8)
    return false;
  LinearForm form;
  form.dims.assign(dims.size(), 0);
  form.symbols.assign(symbols.size(), 0);
  if (!linearize(expr, 1, form))
    return false;
  int64_t least = form.constant;
  for (auto [coefficient, dim] : llvm::zip(form.dims, dims)) {
    if (coefficient == 0)
      continue;
    if (coefficient < 0)
      return false;
    affine::AffineForOp loop = affine::getForInductionVarOwner(dim);
    if (!loop) {
      if (!isKnownNonNegative(dim))
        return false;
      continue;
    }
    if (loop.hasConstantLowerBound()) {
      least += coefficient * loop.getConstantLowerBound();
      continue;
    }
    // The lower bound is the maximum of its map's results: one of them
    // being non-negative is enough.
    AffineMap lb = loop.getLowerBoundMap();
    ValueRange operands = loop.getLowerBoundOperands();
    bool nonNegative = llvm::any_of(lb.getResults(), [&](AffineExpr result) {
      return isNonNegative(result, operands.take_front(lb.getNumDims()),
                           operands.drop_front(lb.getNumDims()), depth + 1);
    });
    if (!nonNegative)
      return false;
  }
  for (auto [coefficient, symbol] : llvm::zip(form.symbols, symbols)) {
    if (coefficient == 0)
      continue;
    if (coefficient < 0 || !isKnownNonNegative(symbol))
      return false;
  }
  return least >= 0;
}

/// Python's `a[i]` lowers its index to `select(i < 0, i + size, i)`;
/// returns `i` for that shape.
static Value matchNegativeIndexWrap(arith::SelectOp select) {
  Value index = select.getFalseValue();
  auto negative = select.getCondition().getDefiningOp<arith::CmpIOp>();
  if (!negative || negative.getPredicate() != arith::CmpIPredicate::slt ||
      negative.getLhs() != index || !matchPattern(negative.getRhs(), m_Zero()))
    return nullptr;
  auto wrapped = select.getTrueValue().getDefiningOp<arith::AddIOp>();
  if (!wrapped || (wrapped.getLhs() != index && wrapped.getRhs() != index))
    return nullptr;
  return index;
}

/// Builds affine expressions of index values, collecting the induction
/// variables of affine loops as dims and the values defined at the
/// function's top level as symbols.
class AffineIndexBuilder {
public:
  AffineIndexBuilder(RewriterBase &rewriter, Region *scope,
                     DenseMap<Value, Value> &indexCasts)
      : rewriter(rewriter), scope(scope), indexCasts(indexCasts) {}

  FailureOr<AffineExpr> build(Value value);

  /// The map of `exprs` over the dims and symbols collected so far, and its
  /// operands, canonicalised.
  std::pair<AffineMap, SmallVector<Value>> getMap(ArrayRef<AffineExpr> exprs) {
    AffineMap map = AffineMap::get(dims.size(), symbols.size(), exprs,
                                   rewriter.getContext());
    SmallVector<Value> operands(dims);
    llvm::append_range(operands, symbols);
    affine::canonicalizeMapAndOperands(&map, &operands);
    return {map, operands};
  }

private:
  static AffineExpr position(SmallVectorImpl<Value> &list, Value value,
                             function_ref<AffineExpr(unsigned)> make) {
    auto it = llvm::find(list, value);
    if (it != list.end())
      return make(it - list.begin());
    list.push_back(value);
    return make(list.size() - 1);
  }
  AffineExpr dim(Value value) {
    return position(dims, value, [&](unsigned pos) {
      return rewriter.getAffineDimExpr(pos);
    });
  }
  AffineExpr symbol(Value value) {
    return position(symbols, value, [&](unsigned pos) {
      return rewriter.getAffineSymbolExpr(pos);
    });
  }
  /// An index value for the top-level i64 `value`, itself at top level and
  /// so a valid affine symbol.
  Value asIndex(Value value);

  RewriterBase &rewriter;
  Region *scope;
  DenseMap<Value, Value> &indexCasts;
  SmallVector<Value> dims, symbols;
};

} // namespace

Value AffineIndexBuilder::asIndex(Value value) {
  auto [it, inserted] = indexCasts.try_emplace(value);
  if (!inserted)
    return it->second;
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointAfterValue(value);
  it->second = arith::IndexCastOp::create(rewriter, value.getLoc(),
                                          rewriter.getIndexType(), value);
  return it->second;
}

FailureOr<AffineExpr> AffineIndexBuilder::build(Value value) {
  Type type = value.getType();
  if (!type.isIndex() && !type.isInteger(64))
    return failure();
  if (std::optional<int64_t> c = getConstantIntValue(value))
    return rewriter.getAffineConstantExpr(*c);
  if (affine::isAffineForInductionVar(value))
    return dim(value);

  using Result = FailureOr<AffineExpr>;
  if (Operation *def = value.getDefiningOp()) {
    std::optional<Result> result =
        llvm::TypeSwitch<Operation *, std::optional<Result>>(def)
            // i64 and index are both 64 bits: the arithmetic is the same.
            .Case([&](arith::IndexCastOp cast) -> std::optional<Result> {
              Type from = cast.getIn().getType();
              if (!from.isIndex() && !from.isInteger(64))
                return std::nullopt;
              return build(cast.getIn());
            })
            .Case([&](arith::AddIOp add) -> std::optional<Result> {
              Result lhs = build(add.getLhs()), rhs = build(add.getRhs());
              if (failed(lhs) || failed(rhs))
                return Result(failure());
              return Result(*lhs + *rhs);
            })
            .Case([&](arith::SubIOp sub) -> std::optional<Result> {
              Result lhs = build(sub.getLhs()), rhs = build(sub.getRhs());
              if (failed(lhs) || failed(rhs))
                return Result(failure());
              return Result(*lhs - *rhs);
            })
            .Case([&](arith::MulIOp mul) -> std::optional<Result> {
              Result lhs = build(mul.getLhs()), rhs = build(mul.getRhs());
              if (failed(lhs) || failed(rhs))
                return Result(failure());
              if (!isa<AffineConstantExpr>(*lhs) &&
                  !isa<AffineConstantExpr>(*rhs))
                return std::nullopt;
              return Result(*lhs * *rhs);
            })
            .Case([&](arith::SelectOp select) -> std::optional<Result> {
              Value index = matchNegativeIndexWrap(select);
              if (!index)
                return std::nullopt;
              Result expr = build(index);
              if (failed(expr) || !isNonNegative(*expr, dims, symbols))
                return Result(failure());
              return expr;
            })
            .Default([](Operation *) { return std::nullopt; });
    if (result)
      return *result;
  }

  // A leaf: it must be a valid affine symbol.
  if (!affine::isTopLevelValue(value, scope))
    return failure();
  if (type.isIndex())
    return symbol(value);
  return symbol(asIndex(value));
}

namespace {

struct RaiseToAffinePass
    : public mumba::impl::MumbaRaiseToAffinePassBase<RaiseToAffinePass> {
  void runOnOperation() override;

private:
  LogicalResult raiseLoop(scf::ForOp loop, IRRewriter &rewriter);
  void raiseAccess(Operation *op, IRRewriter &rewriter);
  DenseMap<Value, Value> indexCasts;
};

} // namespace

LogicalResult RaiseToAffinePass::raiseLoop(scf::ForOp loop,
                                           IRRewriter &rewriter) {
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  Type ivType = loop.getInductionVar().getType();
  if (!step || *step <= 0 || loop.getUnsignedCmp() ||
      (!ivType.isIndex() && !ivType.isInteger(64)))
    return failure();
  Region *scope = &getOperation().getBody();
  AffineIndexBuilder lbBuilder(rewriter, scope, indexCasts);
  AffineIndexBuilder ubBuilder(rewriter, scope, indexCasts);
  FailureOr<AffineExpr> lb = lbBuilder.build(loop.getLowerBound());
  FailureOr<AffineExpr> ub = ubBuilder.build(loop.getUpperBound());
  if (failed(lb) || failed(ub))
    return failure();
  auto [lbMap, lbOperands] = lbBuilder.getMap(*lb);
  auto [ubMap, ubOperands] = ubBuilder.getMap(*ub);

  rewriter.setInsertionPoint(loop);
  auto raised = affine::AffineForOp::create(
      rewriter, loop.getLoc(), lbOperands, lbMap, ubOperands, ubMap, *step,
      loop.getInitArgs(), [](OpBuilder &, Location, Value, ValueRange) {});
  Block *body = raised.getBody();
  rewriter.setInsertionPointToStart(body);
  Value iv = raised.getInductionVar();
  if (!ivType.isIndex())
    iv = arith::IndexCastOp::create(rewriter, loop.getLoc(), ivType, iv);
  SmallVector<Value> arguments{iv};
  llvm::append_range(arguments, raised.getRegionIterArgs());
  rewriter.mergeBlocks(loop.getBody(), body, arguments);
  auto yield = cast<scf::YieldOp>(body->getTerminator());
  rewriter.setInsertionPoint(yield);
  rewriter.replaceOpWithNewOp<affine::AffineYieldOp>(yield,
                                                     yield.getOperands());
  rewriter.replaceOp(loop, raised.getResults());
  return success();
}

void RaiseToAffinePass::raiseAccess(Operation *op, IRRewriter &rewriter) {
  Region *scope = &getOperation().getBody();
  AffineIndexBuilder builder(rewriter, scope, indexCasts);
  auto indices = isa<memref::LoadOp>(op)
                     ? cast<memref::LoadOp>(op).getIndices()
                     : cast<memref::StoreOp>(op).getIndices();
  SmallVector<AffineExpr> exprs;
  for (Value index : indices) {
    FailureOr<AffineExpr> expr = builder.build(index);
    if (failed(expr))
      return;
    exprs.push_back(*expr);
  }
  auto [map, operands] = builder.getMap(exprs);
  rewriter.setInsertionPoint(op);
  if (auto load = dyn_cast<memref::LoadOp>(op)) {
    rewriter.replaceOpWithNewOp<affine::AffineLoadOp>(load, load.getMemRef(),
                                                      map, operands);
    return;
  }
  auto store = cast<memref::StoreOp>(op);
  rewriter.replaceOpWithNewOp<affine::AffineStoreOp>(
      store, store.getValueToStore(), store.getMemRef(), map, operands);
}

void RaiseToAffinePass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (func.isExternal())
    return;
  indexCasts.clear();
  IRRewriter rewriter(&getContext());

  // Outer loops first, so that inner bounds may use outer induction
  // variables; raising moves the bodies, so the inner ops stay valid.
  SmallVector<scf::ForOp> loops;
  func.walk<WalkOrder::PreOrder>(
      [&](scf::ForOp loop) { loops.push_back(loop); });
  for (scf::ForOp loop : loops)
    (void)raiseLoop(loop, rewriter);

  SmallVector<Operation *> accesses;
  func.walk([&](Operation *op) {
    if (isa<memref::LoadOp, memref::StoreOp>(op) &&
        op->getParentOfType<affine::AffineForOp>())
      accesses.push_back(op);
  });
  for (Operation *op : accesses)
    raiseAccess(op, rewriter);
}

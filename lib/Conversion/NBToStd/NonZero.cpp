//===- NonZero.cpp - Proving float divisors non-zero ----------------------===//
//
// A division-by-zero test inside a loop keeps LLVM from vectorising it
// (DESIGN.md: Numba stays scalar on n-body for this reason). Many divisors
// are non-zero by construction: `dx*dx + dy*dy + eps`, `sqrt(r2) * r2`,
// `1 + k * abs(x)`. A lower bound computed over the nb expression proves it,
// and the lowering then drops the test.
//
// Soundness: every bound is computed with the operation and precision the
// compiled code uses, and rounding is monotonic, so the real value is never
// below the bound. NaN compares unequal to zero, so NaN inputs never make a
// bound unsound for this purpose.
//
//===----------------------------------------------------------------------===//
#include "PatternUtils.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include <cmath>

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

/// Expressions deeper than this are not analysed.
static constexpr unsigned kMaxDepth = 12;

namespace {
/// A non-negative lower bound of a float expression, or none.
class LowerBound {
public:
  explicit LowerBound(bool single) : single(single) {}

  std::optional<double> of(Value value, unsigned depth = 0) const;

private:
  /// Rounds to the precision of the compiled arithmetic.
  double round(double x) const {
    return single ? static_cast<double>(static_cast<float>(x)) : x;
  }
  std::optional<double> ofBinary(BinOpKind kind, Value lhs, Value rhs,
                                 unsigned depth) const;
  std::optional<double> ofCall(CallOp call, unsigned depth) const;

  bool single;
};
} // namespace

std::optional<double> LowerBound::ofBinary(BinOpKind kind, Value lhs, Value rhs,
                                           unsigned depth) const {
  if (kind == BinOpKind::Mul && lhs == rhs)
    return 0.0; // a square
  std::optional<double> a = of(lhs, depth + 1);
  if (!a)
    return std::nullopt;
  std::optional<double> b = of(rhs, depth + 1);
  if (!b)
    return std::nullopt;
  switch (kind) {
  case BinOpKind::Add:
    return round(*a + *b);
  case BinOpKind::Mul:
    return round(*a * *b);
  default:
    return std::nullopt;
  }
}

std::optional<double> LowerBound::ofCall(CallOp call, unsigned depth) const {
  auto function = dyn_cast<PyFunctionType>(call.getCallee().getType());
  if (!function || call.getArgs().size() != 1 || !call.getKwargs().empty())
    return std::nullopt;
  StringRef name = function.getName();
  if (name == "math.fabs" || name == "abs" || name == "numpy.abs" ||
      name == "numpy.absolute" || name == "math.exp" || name == "numpy.exp")
    return 0.0;
  if (name == "math.sqrt" || name == "numpy.sqrt") {
    std::optional<double> a = of(call.getArgs()[0], depth + 1);
    if (!a)
      return std::nullopt;
    return round(std::sqrt(*a));
  }
  return std::nullopt;
}

std::optional<double> LowerBound::of(Value value, unsigned depth) const {
  if (depth > kMaxDepth)
    return std::nullopt;
  Operation *def = value.getDefiningOp();
  if (!def)
    return std::nullopt;
  if (auto constant = dyn_cast<ConstOp>(def)) {
    double v;
    if (auto f = dyn_cast<FloatAttr>(constant.getValue()))
      v = f.getValueAsDouble();
    else if (auto i = dyn_cast<IntegerAttr>(constant.getValue()))
      v = static_cast<double>(i.getValue().getSExtValue());
    else
      return std::nullopt;
    if (!(v >= 0))
      return std::nullopt;
    // Rounding to the compiled precision may only lower the bound.
    double r = round(v);
    return r <= v ? r : std::nextafter(r, 0.0);
  }
  if (auto cast = dyn_cast<CastOp>(def))
    return of(cast.getValue(), depth + 1);
  if (auto unary = dyn_cast<UnaryOp>(def))
    return unary.getKind() == UnaryOpKind::Pos
               ? of(unary.getOperand(), depth + 1)
               : std::nullopt;
  if (auto binary = dyn_cast<BinOp>(def))
    return ofBinary(binary.getKind(), binary.getLhs(), binary.getRhs(), depth);
  if (auto binary = dyn_cast<InplaceBinOp>(def))
    return ofBinary(binary.getKind(), binary.getLhs(), binary.getRhs(), depth);
  if (auto call = dyn_cast<CallOp>(def))
    return ofCall(call, depth);
  return std::nullopt;
}

bool mumba::detail::isNonZeroFloat(Value value) {
  Type type = value.getType();
  if (!isa<Float32Type, Float64Type>(type))
    return false;
  std::optional<double> bound = LowerBound(type.isF32()).of(value);
  return bound && *bound > 0;
}

//===- LinalgNorms.cpp - Lowering of numpy.linalg.norm and cond -----------===//
//
// Vector norms and the entry-wise matrix norms are loops in the real type
// of the input's precision (ints compute in float64), as NumPy's
// reductions; the 2-norm, -2-norm and nuclear norm take the singular values
// from the runtime. An order known only at run time selects its branch at
// run time; invalid orders raise NumPy's ValueError.
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LinalgLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Linalg.h"
#include "mumba/Runtime/Symbols.h"
#include <limits>

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::linalg;
using mumba::nb::detail::single;

namespace {
/// Loads element `i` of what a norm reduces, in the work type.
using Loader = function_ref<Value(OpBuilder &, Location, Value)>;
using BranchBuilder = function_ref<Value(OpBuilder &, Location)>;

enum class Order { Default, Fro, Nuc, Number };
} // namespace

static constexpr double kInf = std::numeric_limits<double>::infinity();

static Value realConstant(OpBuilder &b, Location loc, Type real, double v) {
  return arith::ConstantOp::create(b, loc, real, b.getFloatAttr(real, v));
}

static Value absOf(OpBuilder &b, Location loc, Value x, Type work) {
  if (isa<ComplexType>(work))
    return complexAbs(b, loc, x);
  return math::AbsFOp::create(b, loc, x);
}

static Value absSquared(OpBuilder &b, Location loc, Value x, Type work) {
  if (isa<ComplexType>(work)) {
    ComplexParts parts = complexParts(b, loc, x);
    return arith::AddFOp::create(
        b, loc, arith::MulFOp::create(b, loc, parts.re, parts.re),
        arith::MulFOp::create(b, loc, parts.im, parts.im));
  }
  return arith::MulFOp::create(b, loc, x, x);
}

/// fold(acc, load(i)) over i < len, from `init`.
static Value
reduce(OpBuilder &b, Location loc, Value len, Value init, Loader load,
       function_ref<Value(OpBuilder &, Location, Value, Value)> fold) {
  auto loop = scf::ForOp::create(
      b, loc, indexConstant(b, loc, 0), len, indexConstant(b, loc, 1),
      ValueRange{init},
      [&](OpBuilder &kb, Location l, Value i, ValueRange acc) {
        scf::YieldOp::create(kb, l, fold(kb, l, acc[0], load(kb, l, i)));
      });
  return loop.getResult(0);
}

static Value ifElse(OpBuilder &b, Location loc, Value cond, Type type,
                    BranchBuilder then, BranchBuilder otherwise) {
  auto op = scf::IfOp::create(
      b, loc, cond,
      [&](OpBuilder &tb, Location l) {
        scf::YieldOp::create(tb, l, then(tb, l));
      },
      [&](OpBuilder &eb, Location l) {
        scf::YieldOp::create(eb, l, otherwise(eb, l));
      });
  return op.getResult(0);
}

static Value equals(OpBuilder &b, Location loc, Value p, double v) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, p,
                               realConstant(b, loc, p.getType(), v));
}

/// sqrt(sum |x|^2): the default vector norm and the Frobenius norm.
static Value twoNorm(OpBuilder &b, Location loc, Value len, Loader load,
                     Type work, Type real) {
  Value sum = reduce(b, loc, len, realConstant(b, loc, real, 0), load,
                     [&](OpBuilder &fb, Location l, Value acc, Value x) {
                       return arith::AddFOp::create(fb, l, acc,
                                                    absSquared(fb, l, x, work));
                     });
  return math::SqrtOp::create(b, loc, sum);
}

/// The vector norm of order `p` (a float64; null for the default).
static Value vectorNorm(OpBuilder &b, Location loc, Value p, Value len,
                        Loader load, Type work, Type real) {
  if (!p)
    return twoNorm(b, loc, len, load, work, real);
  auto sumOf = [&](OpBuilder &fb, Location l,
                   function_ref<Value(OpBuilder &, Location, Value)> term) {
    return reduce(fb, l, len, realConstant(fb, l, real, 0), load,
                  [&](OpBuilder &tb, Location tl, Value acc, Value x) {
                    return arith::AddFOp::create(tb, tl, acc, term(tb, tl, x));
                  });
  };
  auto maxNorm = [&](OpBuilder &fb, Location l) {
    return reduce(fb, l, len, realConstant(fb, l, real, -kInf), load,
                  [&](OpBuilder &tb, Location tl, Value acc, Value x) {
                    return arith::MaximumFOp::create(tb, tl, acc,
                                                     absOf(tb, tl, x, work));
                  });
  };
  auto minNorm = [&](OpBuilder &fb, Location l) {
    return reduce(fb, l, len, realConstant(fb, l, real, kInf), load,
                  [&](OpBuilder &tb, Location tl, Value acc, Value x) {
                    return arith::MinimumFOp::create(tb, tl, acc,
                                                     absOf(tb, tl, x, work));
                  });
  };
  auto count = [&](OpBuilder &fb, Location l) {
    return sumOf(fb, l, [&](OpBuilder &tb, Location tl, Value x) -> Value {
      return arith::UIToFPOp::create(tb, tl, real, truthOf(tb, tl, x, work));
    });
  };
  auto oneNorm = [&](OpBuilder &fb, Location l) {
    return sumOf(fb, l, [&](OpBuilder &tb, Location tl, Value x) {
      return absOf(tb, tl, x, work);
    });
  };
  auto two = [&](OpBuilder &fb, Location l) {
    return twoNorm(fb, l, len, load, work, real);
  };
  auto general = [&](OpBuilder &fb, Location l) -> Value {
    Value order = castNumber(fb, l, p, Float64Type::get(fb.getContext()), real);
    Value sum = sumOf(fb, l, [&](OpBuilder &tb, Location tl, Value x) {
      return math::PowFOp::create(tb, tl, absOf(tb, tl, x, work), order);
    });
    Value inverse =
        arith::DivFOp::create(fb, l, realConstant(fb, l, real, 1), order);
    return math::PowFOp::create(fb, l, sum, inverse);
  };
  // inf, -inf, 0, 1, 2, then any other order.
  return ifElse(b, loc, equals(b, loc, p, kInf), real, maxNorm,
                [&](OpBuilder &b1, Location l1) {
                  return ifElse(
                      b1, l1, equals(b1, l1, p, -kInf), real, minNorm,
                      [&](OpBuilder &b2, Location l2) {
                        return ifElse(
                            b2, l2, equals(b2, l2, p, 0), real, count,
                            [&](OpBuilder &b3, Location l3) {
                              return ifElse(
                                  b3, l3, equals(b3, l3, p, 1), real, oneNorm,
                                  [&](OpBuilder &b4, Location l4) {
                                    return ifElse(b4, l4, equals(b4, l4, p, 2),
                                                  real, two, general);
                                  });
                            });
                      });
                });
}

/// Raises NumPy's error for max/min over nothing where `empty` holds and
/// the order is +inf (maximum) or -inf (minimum), or for matrix orders
/// whose reduction is empty.
static void raiseEmptyReduction(OpBuilder &b, Location loc, Value empty,
                                Value isMax, Value isMin) {
  raiseException(b, loc, arith::AndIOp::create(b, loc, empty, isMax),
                 "ValueError",
                 "zero-size array to reduction operation maximum which has "
                 "no identity");
  raiseException(b, loc, arith::AndIOp::create(b, loc, empty, isMin),
                 "ValueError",
                 "zero-size array to reduction operation minimum which has "
                 "no identity");
}

static Value isZero(OpBuilder &b, Location loc, Value index) {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, index,
                               indexConstant(b, loc, 0));
}

/// All elements of 2-D `x` as one sequence (row-major).
static Value
overAll(OpBuilder &b, Location loc, Value x,
        function_ref<Value(OpBuilder &, Location, Value, Loader)> body) {
  Value cols = dim(b, loc, x, 1);
  Value total = arith::MulIOp::create(b, loc, dim(b, loc, x, 0), cols);
  auto load = [&](OpBuilder &lb, Location l, Value i) -> Value {
    Value r = arith::DivUIOp::create(lb, l, i, cols);
    Value c = arith::RemUIOp::create(lb, l, i, cols);
    return memref::LoadOp::create(lb, l, x, ValueRange{r, c});
  };
  return body(b, loc, total, load);
}

/// The matrix norm of 2-D `x` (work type) for `order` (`p` for numbers).
static Value matrixNorm(OpBuilder &b, Location loc, Value x, Type work,
                        Type real, Order order, Value p) {
  if (order == Order::Default || order == Order::Fro)
    return overAll(b, loc, x,
                   [&](OpBuilder &ib, Location l, Value len, Loader load) {
                     return twoNorm(ib, l, len, load, work, real);
                   });
  if (order == Order::Nuc) {
    Value s = singularValues(b, loc, x, work);
    return reduce(
        b, loc, dim(b, loc, s, 0), realConstant(b, loc, real, 0),
        [&](OpBuilder &lb, Location l, Value i) -> Value {
          return memref::LoadOp::create(lb, l, s, ValueRange{i});
        },
        [](OpBuilder &fb, Location l, Value acc, Value v) -> Value {
          return arith::AddFOp::create(fb, l, acc, v);
        });
  }
  Value isInf = equals(b, loc, p, kInf), isNegInf = equals(b, loc, p, -kInf);
  Value isOne = equals(b, loc, p, 1), isNegOne = equals(b, loc, p, -1);
  Value isTwo = equals(b, loc, p, 2), isNegTwo = equals(b, loc, p, -2);
  Value rowSums = arith::OrIOp::create(b, loc, isInf, isNegInf);
  Value colSums = arith::OrIOp::create(b, loc, isOne, isNegOne);
  Value spectral = arith::OrIOp::create(b, loc, isTwo, isNegTwo);
  Value valid = arith::OrIOp::create(
      b, loc, rowSums, arith::OrIOp::create(b, loc, colSums, spectral));
  raiseException(b, loc,
                 arith::XOrIOp::create(
                     b, loc, valid,
                     arith::ConstantOp::create(b, loc, b.getBoolAttr(true))),
                 "ValueError", "Invalid norm order for matrices.");
  Value m = dim(b, loc, x, 0), n = dim(b, loc, x, 1);
  Value k = arith::MinUIOp::create(b, loc, m, n);
  Value isMax = arith::OrIOp::create(
      b, loc, isInf, arith::OrIOp::create(b, loc, isOne, isTwo));
  Value isMin = arith::OrIOp::create(
      b, loc, isNegInf, arith::OrIOp::create(b, loc, isNegOne, isNegTwo));
  // Row sums reduce to m values, column sums to n, the spectrum to k.
  Value empty = arith::OrIOp::create(
      b, loc,
      arith::OrIOp::create(
          b, loc, arith::AndIOp::create(b, loc, rowSums, isZero(b, loc, m)),
          arith::AndIOp::create(b, loc, colSums, isZero(b, loc, n))),
      arith::AndIOp::create(b, loc, spectral, isZero(b, loc, k)));
  raiseEmptyReduction(b, loc, empty, isMax, isMin);

  Value s = allocArray(b, loc, real, {k});
  auto svd = buildIf(
      b, loc, b.getI32Type(), spectral,
      [&](OpBuilder &tb, Location l) -> SmallVector<Value> {
        SmallVector<Value> operands{
            typeCodeConstant(tb, l, work),
            arith::ConstantOp::create(tb, l, tb.getI32Type(),
                                      tb.getI32IntegerAttr(0))};
        llvm::append_range(operands, viewOperands(tb, l, {matView(tb, l, x)}));
        llvm::append_range(operands, vectorOperands(tb, l, s));
        llvm::append_range(operands, absentView(tb, l));
        llvm::append_range(operands, absentView(tb, l));
        return {callRuntime(tb, l, MUMBA_SYMBOL_LINALG_SVD, operands)};
      },
      [&](OpBuilder &eb, Location l) -> SmallVector<Value> {
        return {arith::ConstantOp::create(eb, l, eb.getI32Type(),
                                          eb.getI32IntegerAttr(MUMBA_OK))};
      });
  raiseOnStatus(b, loc, svd.getResult(0));

  auto fromSpectrum = [&](OpBuilder &tb, Location l) -> Value {
    // Descending: s[0] is the largest, s[k - 1] the smallest.
    Value last = arith::SubIOp::create(tb, l, k, indexConstant(tb, l, 1));
    Value i =
        arith::SelectOp::create(tb, l, isTwo, indexConstant(tb, l, 0), last);
    return memref::LoadOp::create(tb, l, s, ValueRange{i});
  };
  auto fromSums = [&](OpBuilder &tb, Location l) -> Value {
    // Row sums (inf): outer rows, inner columns; column sums the other way.
    Value outer = arith::SelectOp::create(tb, l, rowSums, m, n);
    Value inner = arith::SelectOp::create(tb, l, rowSums, n, m);
    Value init =
        arith::SelectOp::create(tb, l, isMax, realConstant(tb, l, real, -kInf),
                                realConstant(tb, l, real, kInf));
    return reduce(
        tb, l, outer, init,
        [&](OpBuilder &lb, Location ll, Value o) -> Value {
          return reduce(
              lb, ll, inner, realConstant(lb, ll, real, 0),
              [&](OpBuilder &eb, Location el, Value i) -> Value {
                Value r = arith::SelectOp::create(eb, el, rowSums, o, i);
                Value c = arith::SelectOp::create(eb, el, rowSums, i, o);
                return memref::LoadOp::create(eb, el, x, ValueRange{r, c});
              },
              [&](OpBuilder &fb, Location fl, Value acc, Value v) -> Value {
                return arith::AddFOp::create(fb, fl, acc,
                                             absOf(fb, fl, v, work));
              });
        },
        [&](OpBuilder &fb, Location fl, Value acc, Value v) -> Value {
          return arith::SelectOp::create(
              fb, fl, isMax, arith::MaximumFOp::create(fb, fl, acc, v),
              arith::MinimumFOp::create(fb, fl, acc, v));
        });
  };
  return ifElse(b, loc, spectral, real, fromSpectrum, fromSums);
}

static Order orderOf(ArrayRef<Type> argTypes, unsigned index) {
  if (index >= argTypes.size() || !argTypes[index] ||
      isa<PyNoneType>(argTypes[index]))
    return Order::Default;
  if (auto str = dyn_cast<StrType>(argTypes[index]))
    return str.getValue() == "nuc" ? Order::Nuc : Order::Fro;
  return Order::Number;
}

/// The input as its work type: floats and complex numbers kept, the rest
/// float64.
static Value workInput(OpBuilder &b, Location loc, Value x, Type dtype,
                       Type &work) {
  work = isBlasType(dtype) ? dtype : Float64Type::get(b.getContext());
  return convertArray(b, loc, x, dtype, work);
}

LoweredCall linalg::lowerNorm(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Type dtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type work;
  Value x = workInput(b, loc, args[0].front(), dtype, work);
  Type real = elementTypeOf(resultType);
  Order order = orderOf(argTypes, 1);
  Value p = order == Order::Number
                ? castNumber(b, loc, args[1].front(), argTypes[1],
                             Float64Type::get(b.getContext()))
                : Value();
  int64_t ndim = cast<MemRefType>(x.getType()).getRank();
  bool hasAxis =
      argTypes.size() > 2 && argTypes[2] && !isa<PyNoneType>(argTypes[2]);
  Value axis = hasAxis ? castNumber(b, loc, args[2].front(), argTypes[2],
                                    getInt64Type(b.getContext()))
                       : Value();
  auto axisIs = [&](int64_t v) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, axis,
                                 i64Constant(b, loc, v));
  };
  Value isMax = p ? equals(b, loc, p, kInf) : Value();
  Value isMin = p ? equals(b, loc, p, -kInf) : Value();

  if (ndim == 1) {
    if (axis)
      raiseException(
          b, loc,
          arith::XOrIOp::create(
              b, loc, arith::OrIOp::create(b, loc, axisIs(0), axisIs(-1)),
              arith::ConstantOp::create(b, loc, b.getBoolAttr(true))),
          "ValueError", "axis is out of bounds for array of dimension 1");
    Value len = dim(b, loc, x, 0);
    if (p)
      raiseEmptyReduction(b, loc, isZero(b, loc, len), isMax, isMin);
    auto load = [&](OpBuilder &lb, Location l, Value i) -> Value {
      return memref::LoadOp::create(lb, l, x, ValueRange{i});
    };
    return single(vectorNorm(b, loc, p, len, load, work, real));
  }
  if (!axis)
    return single(matrixNorm(b, loc, x, work, real, order, p));

  // Vector norms along one axis of a matrix: of each row for axis 1 or -1.
  Value valid = arith::OrIOp::create(
      b, loc, arith::OrIOp::create(b, loc, axisIs(0), axisIs(1)),
      arith::OrIOp::create(b, loc, axisIs(-1), axisIs(-2)));
  raiseException(b, loc,
                 arith::XOrIOp::create(
                     b, loc, valid,
                     arith::ConstantOp::create(b, loc, b.getBoolAttr(true))),
                 "ValueError",
                 "axis is out of bounds for array of dimension 2");
  Value rows = arith::OrIOp::create(b, loc, axisIs(1), axisIs(-1));
  Value m = dim(b, loc, x, 0), n = dim(b, loc, x, 1);
  Value outer = arith::SelectOp::create(b, loc, rows, m, n);
  Value inner = arith::SelectOp::create(b, loc, rows, n, m);
  if (p)
    raiseEmptyReduction(
        b, loc,
        arith::AndIOp::create(
            b, loc, isZero(b, loc, inner),
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, outer,
                                  indexConstant(b, loc, 0))),
        isMax, isMin);
  Value out = allocArray(b, loc, real, {outer});
  forEachIndex(b, loc, {outer}, [&](OpBuilder &ib, Location l, ValueRange o) {
    auto load = [&](OpBuilder &lb, Location ll, Value i) -> Value {
      Value r = arith::SelectOp::create(lb, ll, rows, o[0], i);
      Value c = arith::SelectOp::create(lb, ll, rows, i, o[0]);
      return memref::LoadOp::create(lb, ll, x, ValueRange{r, c});
    };
    memref::StoreOp::create(
        ib, l, vectorNorm(ib, l, p, inner, load, work, real), out, o);
  });
  return single(out);
}

/// Whether any element of 2-D `x` is NaN.
static Value anyNaN(OpBuilder &b, Location loc, Value x, Type work) {
  return overAll(
      b, loc, x, [&](OpBuilder &ib, Location l, Value len, Loader load) {
        return reduce(
            ib, l, len, arith::ConstantOp::create(ib, l, ib.getBoolAttr(false)),
            load, [&](OpBuilder &fb, Location fl, Value acc, Value v) {
              Value nan;
              if (isa<ComplexType>(work)) {
                ComplexParts parts = complexParts(fb, fl, v);
                nan = arith::CmpFOp::create(fb, fl, arith::CmpFPredicate::UNO,
                                            parts.re, parts.im);
              } else {
                nan = arith::CmpFOp::create(fb, fl, arith::CmpFPredicate::UNO,
                                            v, v);
              }
              return arith::OrIOp::create(fb, fl, acc, nan);
            });
      });
}

/// s[0] / s[k - 1] (largest over smallest singular value) from the
/// singular values `s`; raises NumPy's IndexError when there are none.
static Value singularRatio(OpBuilder &b, Location loc, Value s) {
  Value k = dim(b, loc, s, 0);
  raiseException(b, loc, isZero(b, loc, k), "IndexError",
                 "index 0 is out of bounds for axis 0 with size 0");
  Value first =
      memref::LoadOp::create(b, loc, s, ValueRange{indexConstant(b, loc, 0)});
  Value last = memref::LoadOp::create(
      b, loc, s,
      ValueRange{arith::SubIOp::create(b, loc, k, indexConstant(b, loc, 1))});
  return arith::DivFOp::create(b, loc, first, last);
}

/// cond(x, p): from the singular values for p None, 2 and -2, else
/// norm(x, p) * norm(inv(x), p) (x square); a NaN result becomes inf unless
/// x holds a NaN (a singular matrix), as NumPy's.
LoweredCall linalg::lowerCond(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Type dtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type work;
  Value x = workInput(b, loc, args[0].front(), dtype, work);
  Type real =
      isa<ComplexType>(work) ? cast<ComplexType>(work).getElementType() : work;
  Order order = orderOf(argTypes, 1);
  Value r;
  if (order == Order::Default) {
    r = singularRatio(b, loc, singularValues(b, loc, x, work));
  } else {
    Value p = order == Order::Number
                  ? castNumber(b, loc, args[1].front(), argTypes[1],
                               Float64Type::get(b.getContext()))
                  : Value();
    Value falseValue = arith::ConstantOp::create(b, loc, b.getBoolAttr(false));
    Value spectral = p ? arith::OrIOp::create(b, loc, equals(b, loc, p, 2),
                                              equals(b, loc, p, -2))
                             .getResult()
                       : falseValue;
    Value n = dim(b, loc, x, 0);
    Value square = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, n,
                                         dim(b, loc, x, 1));
    raiseLinAlg(b, loc,
                arith::CmpIOp::create(
                    b, loc, arith::CmpIPredicate::eq,
                    arith::OrIOp::create(b, loc, square, spectral), falseValue),
                "Last 2 dimensions of the array must be square");
    // p = +-2: the singular values' ratio, rectangular x allowed.
    Value k = arith::MinUIOp::create(b, loc, n, dim(b, loc, x, 1));
    Value s = allocArray(b, loc, real, {k});
    auto svd = buildIf(
        b, loc, b.getI32Type(), spectral,
        [&](OpBuilder &tb, Location l) -> SmallVector<Value> {
          SmallVector<Value> operands{
              typeCodeConstant(tb, l, work),
              arith::ConstantOp::create(tb, l, tb.getI32Type(),
                                        tb.getI32IntegerAttr(0))};
          llvm::append_range(operands,
                             viewOperands(tb, l, {matView(tb, l, x)}));
          llvm::append_range(operands, vectorOperands(tb, l, s));
          llvm::append_range(operands, absentView(tb, l));
          llvm::append_range(operands, absentView(tb, l));
          return {callRuntime(tb, l, MUMBA_SYMBOL_LINALG_SVD, operands)};
        },
        [&](OpBuilder &eb, Location l) -> SmallVector<Value> {
          return {arith::ConstantOp::create(eb, l, eb.getI32Type(),
                                            eb.getI32IntegerAttr(MUMBA_OK))};
        });
    raiseOnStatus(b, loc, svd.getResult(0));
    raiseException(
        b, loc, arith::AndIOp::create(b, loc, spectral, isZero(b, loc, k)),
        "IndexError", "index 0 is out of bounds for axis 0 with size 0");
    Value ratio = realConstant(b, loc, real, 0);
    if (p)
      ratio = ifElse(
          b, loc, spectral, real,
          [&](OpBuilder &tb, Location l) -> Value {
            Value kk = dim(tb, l, s, 0);
            Value first = memref::LoadOp::create(
                tb, l, s, ValueRange{indexConstant(tb, l, 0)});
            Value last = memref::LoadOp::create(
                tb, l, s,
                ValueRange{
                    arith::SubIOp::create(tb, l, kk, indexConstant(tb, l, 1))});
            return arith::SelectOp::create(
                tb, l, equals(tb, l, p, -2),
                arith::DivFOp::create(tb, l, last, first),
                arith::DivFOp::create(tb, l, first, last));
          },
          [&](OpBuilder &eb, Location l) -> Value {
            return realConstant(eb, l, real, 0);
          });
    // Other orders: the inverse, unless x is singular (or p spectral).
    Value inverse = allocArray(b, loc, work, {n, n});
    auto inverted = buildIf(
        b, loc, b.getI32Type(), spectral,
        [&](OpBuilder &tb, Location l) -> SmallVector<Value> {
          return {arith::ConstantOp::create(
              tb, l, tb.getI32Type(),
              tb.getI32IntegerAttr(MUMBA_LINALG_ERROR))};
        },
        [&](OpBuilder &eb, Location l) -> SmallVector<Value> {
          SmallVector<Value> operands{typeCodeConstant(eb, l, work)};
          llvm::append_range(operands, viewOperands(eb, l,
                                                    {matView(eb, l, x),
                                                     matView(eb, l, inverse)}));
          return {callRuntime(eb, l, MUMBA_SYMBOL_LINALG_INV, operands)};
        });
    Value status = inverted.getResult(0);
    Value missing = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, status,
        arith::ConstantOp::create(b, loc, b.getI32Type(),
                                  b.getI32IntegerAttr(MUMBA_LINALG_ERROR)));
    raiseOnStatus(b, loc,
                  arith::SelectOp::create(
                      b, loc, missing,
                      arith::ConstantOp::create(b, loc, b.getI32Type(),
                                                b.getI32IntegerAttr(MUMBA_OK)),
                      status));
    // Zeros stand in for a missing inverse, so that the norms below run on
    // finite values; NumPy's NaN replaces that norm afterwards. (For p =
    // +-2 the norms are computed and discarded: the order is known only at
    // run time.)
    scf::IfOp::create(b, loc, missing, [&](OpBuilder &tb, Location l) {
      Value zero = numberConstant(tb, l, work, 0);
      forEachIndex(tb, l, {n, n},
                   [&](OpBuilder &ib, Location il, ValueRange ij) {
                     memref::StoreOp::create(ib, il, zero, inverse, ij);
                   });
      scf::YieldOp::create(tb, l);
    });
    Value normX = matrixNorm(b, loc, x, work, real, order, p);
    Value normInverse = arith::SelectOp::create(
        b, loc, missing,
        realConstant(b, loc, real, std::numeric_limits<double>::quiet_NaN()),
        matrixNorm(b, loc, inverse, work, real, order, p));
    r = arith::SelectOp::create(
        b, loc, spectral, ratio,
        arith::MulFOp::create(b, loc, normX, normInverse));
  }
  Value isNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, r, r);
  Value toInf = arith::AndIOp::create(
      b, loc, isNaN,
      arith::XOrIOp::create(
          b, loc, anyNaN(b, loc, x, work),
          arith::ConstantOp::create(b, loc, b.getBoolAttr(true))));
  r = arith::SelectOp::create(b, loc, toInf, realConstant(b, loc, real, kInf),
                              r);
  if (isa<ComplexType>(resultType))
    r = makeComplex(b, loc, resultType, r, realConstant(b, loc, real, 0));
  return single(r);
}

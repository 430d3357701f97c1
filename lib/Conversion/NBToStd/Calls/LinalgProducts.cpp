//===- LinalgProducts.cpp - Lowering of @, np.dot and friends -------------===//
//
// matmul/dot/inner of 1-D and 2-D operands check the summed extents (NumPy's
// ValueError), allocate the result and then either call BLAS through the
// runtime (gemm, gemv, dot) or run a generated loop nest: always for ints
// and bools, which BLAS lacks, and for floats and complex numbers when
// every extent is at most kSmallProductExtent, where a call's overhead
// outweighs BLAS's speed (docs/linalg.md). vdot, outer and trace are
// loops, vdot on floats excepted.
//
//===----------------------------------------------------------------------===//
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LinalgLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Linalg.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::linalg;
using mumba::nb::detail::single;

namespace {
enum class Product { Matmul, Dot, Inner };

/// One product's operands, extents and element access. `inner` reads b
/// transposed (np.inner sums over both operands' last axes).
struct ProductShape {
  Value a, b;
  Type aDtype, bDtype, dtype;
  unsigned aNdim, bNdim;
  bool transposeB;
  Value m, k, kb, n; // index extents: a is m x k, b (as seen) kb x n

  Value loadA(OpBuilder &bd, Location loc, Value i, Value kk) const {
    Value v = aNdim == 2 ? memref::LoadOp::create(bd, loc, a, {i, kk})
                         : memref::LoadOp::create(bd, loc, a, {kk});
    return castNumber(bd, loc, v, aDtype, dtype);
  }
  Value loadB(OpBuilder &bd, Location loc, Value kk, Value j) const {
    Value v = bNdim == 1   ? memref::LoadOp::create(bd, loc, b, {kk})
              : transposeB ? memref::LoadOp::create(bd, loc, b, {j, kk})
                           : memref::LoadOp::create(bd, loc, b, {kk, j});
    return castNumber(bd, loc, v, bDtype, dtype);
  }
};
} // namespace

/// The result's indices for element (i, j) of the m x n product.
static SmallVector<Value> resultIndices(const ProductShape &p, Value i, Value j,
                                        Value zero) {
  if (p.aNdim == 2 && p.bNdim == 2)
    return {i, j};
  if (p.aNdim == 2)
    return {i};
  if (p.bNdim == 2)
    return {j};
  return {zero};
}

/// The loop nest: c = 0, then c[i, :] += a[i, k] * b[k, :] for each i and
/// k. Each c[i, j] still sums its products in k's order (the rounding of a
/// dot product), while the innermost loop runs along rows of b and c, which
/// vectorises.
static void productLoops(OpBuilder &b, Location loc, const ProductShape &p,
                         Value c) {
  forEachIndex(b, loc, {p.m, p.n},
               [&](OpBuilder &ib, Location l, ValueRange ij) {
                 memref::StoreOp::create(
                     ib, l, numberConstant(ib, l, p.dtype, 0), c,
                     resultIndices(p, ij[0], ij[1], indexConstant(ib, l, 0)));
               });
  forEachIndex(
      b, loc, {p.m, p.k}, [&](OpBuilder &ib, Location l, ValueRange ik) {
        Value x = p.loadA(ib, l, ik[0], ik[1]);
        forEachIndex(
            ib, l, {p.n}, [&](OpBuilder &jb, Location jl, ValueRange j) {
              SmallVector<Value> at =
                  resultIndices(p, ik[0], j[0], indexConstant(jb, jl, 0));
              Value acc = memref::LoadOp::create(jb, jl, c, at);
              Value y = p.loadB(jb, jl, ik[1], j[0]);
              memref::StoreOp::create(
                  jb, jl, multiplyAdd(jb, jl, acc, x, y, p.dtype), c, at);
            });
      });
}

/// The BLAS call: gemm, gemv (either side) or dot, on operands converted
/// to the result's type where they differ. Returns the status.
static Value productCall(OpBuilder &b, Location loc, const ProductShape &p,
                         Value c) {
  Value a = convertArray(b, loc, p.a, p.aDtype, p.dtype);
  Value bm = convertArray(b, loc, p.b, p.bDtype, p.dtype);
  SmallVector<Value> operands{typeCodeConstant(b, loc, p.dtype)};
  if (p.aNdim == 2 && p.bNdim == 2) {
    Mat bView = matView(b, loc, bm);
    llvm::append_range(operands,
                       viewOperands(b, loc,
                                    {matView(b, loc, a),
                                     p.transposeB ? bView.transposed() : bView,
                                     matView(b, loc, c)}));
    return callRuntime(b, loc, MUMBA_SYMBOL_LINALG_GEMM, operands);
  }
  if (p.aNdim == 1 && p.bNdim == 1) {
    llvm::append_range(operands, vectorOperands(b, loc, a));
    llvm::append_range(operands, vectorOperands(b, loc, bm));
    operands.push_back(dataAddress(b, loc, c));
    return callRuntime(b, loc, MUMBA_SYMBOL_LINALG_DOT, operands);
  }
  // Matrix-vector: x @ B is B^T @ x (inner's B^T transposed back is B).
  Value matrix = p.aNdim == 2 ? a : bm;
  Value vector = p.aNdim == 2 ? bm : a;
  Mat view = matView(b, loc, matrix);
  if (p.aNdim == 1 && !p.transposeB)
    view = view.transposed();
  llvm::append_range(operands, viewOperands(b, loc, {view}));
  llvm::append_range(operands, vectorOperands(b, loc, vector));
  llvm::append_range(operands, vectorOperands(b, loc, c));
  return callRuntime(b, loc, MUMBA_SYMBOL_LINALG_GEMV, operands);
}

static LoweredCall lowerProduct(Product kind, OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  ProductShape p;
  p.a = args[0].front();
  p.b = args[1].front();
  auto aType = cast<ArrayType>(argTypes[0]);
  auto bType = cast<ArrayType>(argTypes[1]);
  p.aDtype = aType.getDtype();
  p.bDtype = bType.getDtype();
  p.dtype = elementTypeOf(resultType);
  p.aNdim = aType.getNdim();
  p.bNdim = bType.getNdim();
  p.transposeB = kind == Product::Inner && p.bNdim == 2;
  Value one = indexConstant(b, loc, 1);
  p.m = p.aNdim == 2 ? dim(b, loc, p.a, 0) : one;
  p.k = dim(b, loc, p.a, p.aNdim - 1);
  p.kb = p.bNdim == 1 ? dim(b, loc, p.b, 0)
                      : dim(b, loc, p.b, p.transposeB ? 1 : 0);
  p.n = p.bNdim == 2 ? dim(b, loc, p.b, p.transposeB ? 0 : 1) : one;

  Value mismatch =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, p.k, p.kb);
  raiseShapeError(
      b, loc, mismatch,
      kind == Product::Matmul ? MUMBA_SHAPE_MATMUL : MUMBA_SHAPE_DOT, p.aNdim,
      toI64(b, loc, dim(b, loc, p.a, 0)),
      p.aNdim == 2 ? toI64(b, loc, p.k) : Value(), p.bNdim, toI64(b, loc, p.kb),
      p.bNdim == 2 ? toI64(b, loc, p.n) : Value());

  unsigned ndim = p.aNdim + p.bNdim - 2;
  Value c;
  if (ndim == 2)
    c = allocArray(b, loc, p.dtype, {p.m, p.n});
  else if (ndim == 1)
    c = allocArray(b, loc, p.dtype, {p.aNdim == 2 ? p.m : p.n});
  else
    c = scalarSlot(b, loc, toStdScalarType(p.dtype));

  if (!isBlasType(p.dtype)) {
    productLoops(b, loc, p, c);
  } else {
    // Small extents: the loop nest; otherwise BLAS.
    Value limit = indexConstant(b, loc, kSmallProductExtent);
    auto within = [&](Value extent) {
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ule, extent,
                                   limit);
    };
    Value small = arith::AndIOp::create(
        b, loc, arith::AndIOp::create(b, loc, within(p.m), within(p.n)),
        within(p.k));
    // Operands BLAS reads in the result's type are converted before the
    // branch: converting allocates, and an allocation's checks raise, which
    // they cannot do from inside an scf.if region.
    ProductShape blas = p;
    blas.a = convertArray(b, loc, p.a, p.aDtype, p.dtype);
    blas.b = convertArray(b, loc, p.b, p.bDtype, p.dtype);
    blas.aDtype = blas.bDtype = p.dtype;
    auto choice = buildIf(
        b, loc, b.getI32Type(), small,
        [&](OpBuilder &tb, Location l) -> SmallVector<Value> {
          productLoops(tb, l, p, c);
          return {arith::ConstantOp::create(tb, l, tb.getI32Type(),
                                            tb.getI32IntegerAttr(MUMBA_OK))};
        },
        [&](OpBuilder &eb, Location l) -> SmallVector<Value> {
          return {productCall(eb, l, blas, c)};
        });
    raiseOnStatus(b, loc, choice.getResult(0));
  }
  if (ndim == 0)
    return LoweredCall{
        {memref::LoadOp::create(b, loc, c, ValueRange{indexConstant(b, loc, 0)})
             .getResult()},
        {},
        MUMBA_OK};
  return LoweredCall{{c}, {}, MUMBA_OK};
}

LoweredCall linalg::lowerMatmul(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  return lowerProduct(Product::Matmul, b, loc, args, argTypes, resultType);
}

LoweredCall linalg::lowerDot(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  return lowerProduct(Product::Dot, b, loc, args, argTypes, resultType);
}

LoweredCall linalg::lowerInner(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  return lowerProduct(Product::Inner, b, loc, args, argTypes, resultType);
}

LoweredCall linalg::lowerVdot(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Value x = args[0].front(), y = args[1].front();
  Type xDtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type yDtype = cast<ArrayType>(argTypes[1]).getDtype();
  Value n = dim(b, loc, x, 0), ny = dim(b, loc, y, 0);
  Value mismatch =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, n, ny);
  raiseShapeError(b, loc, mismatch, MUMBA_SHAPE_VDOT, 1, toI64(b, loc, n), {},
                  1, toI64(b, loc, ny), {});
  if (isBlasType(resultType)) {
    // ?dotc conjugates x, as np.vdot does.
    Value out = scalarSlot(b, loc, resultType);
    SmallVector<Value> operands{typeCodeConstant(b, loc, resultType)};
    llvm::append_range(
        operands,
        vectorOperands(b, loc, convertArray(b, loc, x, xDtype, resultType)));
    llvm::append_range(
        operands,
        vectorOperands(b, loc, convertArray(b, loc, y, yDtype, resultType)));
    operands.push_back(dataAddress(b, loc, out));
    raiseOnStatus(b, loc,
                  callRuntime(b, loc, MUMBA_SYMBOL_LINALG_VDOT, operands));
    return single(memref::LoadOp::create(b, loc, out,
                                         ValueRange{indexConstant(b, loc, 0)})
                      .getResult());
  }
  // Ints and bools: conjugation is the identity.
  auto loop = scf::ForOp::create(
      b, loc, indexConstant(b, loc, 0), n, indexConstant(b, loc, 1),
      ValueRange{numberConstant(b, loc, resultType, 0)},
      [&](OpBuilder &kb, Location l, Value k, ValueRange acc) {
        Value u = castNumber(kb, l, memref::LoadOp::create(kb, l, x, {k}),
                             xDtype, resultType);
        Value v = castNumber(kb, l, memref::LoadOp::create(kb, l, y, {k}),
                             yDtype, resultType);
        scf::YieldOp::create(kb, l,
                             multiplyAdd(kb, l, acc[0], u, v, resultType));
      });
  return single(loop.getResult(0));
}

/// x * y in nb number type `type` (and for bools).
static Value multiply(OpBuilder &b, Location loc, Value x, Value y, Type type) {
  if (isa<ComplexType>(type))
    return complexMul(b, loc, x, y);
  if (isa<FloatType>(type))
    return arith::MulFOp::create(b, loc, x, y);
  if (isBoolType(type))
    return arith::AndIOp::create(b, loc, x, y);
  return arith::MulIOp::create(b, loc, x, y);
}

LoweredCall linalg::lowerOuter(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Value x = args[0].front(), y = args[1].front();
  Type xDtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type yDtype = cast<ArrayType>(argTypes[1]).getDtype();
  Type dtype = elementTypeOf(resultType);
  Value m = dim(b, loc, x, 0), n = dim(b, loc, y, 0);
  Value c = allocArray(b, loc, dtype, {m, n});
  forEachIndex(b, loc, {m, n}, [&](OpBuilder &ib, Location l, ValueRange ij) {
    Value u = castNumber(ib, l, memref::LoadOp::create(ib, l, x, {ij[0]}),
                         xDtype, dtype);
    Value v = castNumber(ib, l, memref::LoadOp::create(ib, l, y, {ij[1]}),
                         yDtype, dtype);
    memref::StoreOp::create(ib, l, multiply(ib, l, u, v, dtype), c, ij);
  });
  return single(c);
}

LoweredCall linalg::lowerTrace(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Value a = args[0].front();
  Type dtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type i64Nb = getInt64Type(b.getContext());
  Value offset = args.size() > 1 && !args[1].empty()
                     ? castNumber(b, loc, args[1].front(), argTypes[1], i64Nb)
                     : i64Constant(b, loc, 0);
  // The diagonal starts at (max(0, -offset), max(0, offset)).
  Value zero = i64Constant(b, loc, 0);
  Value rowStart = arith::MaxSIOp::create(
      b, loc, zero, arith::SubIOp::create(b, loc, zero, offset));
  Value colStart = arith::MaxSIOp::create(b, loc, zero, offset);
  Value rows = toI64(b, loc, dim(b, loc, a, 0));
  Value cols = toI64(b, loc, dim(b, loc, a, 1));
  Value count = arith::MaxSIOp::create(
      b, loc, zero,
      arith::MinSIOp::create(b, loc,
                             arith::SubIOp::create(b, loc, rows, rowStart),
                             arith::SubIOp::create(b, loc, cols, colStart)));
  Value r0 = toIndex(b, loc, rowStart), c0 = toIndex(b, loc, colStart);
  auto loop = scf::ForOp::create(
      b, loc, indexConstant(b, loc, 0), toIndex(b, loc, count),
      indexConstant(b, loc, 1),
      ValueRange{numberConstant(b, loc, resultType, 0)},
      [&](OpBuilder &kb, Location l, Value i, ValueRange acc) {
        Value row = arith::AddIOp::create(kb, l, r0, i);
        Value col = arith::AddIOp::create(kb, l, c0, i);
        Value v =
            castNumber(kb, l, memref::LoadOp::create(kb, l, a, {row, col}),
                       dtype, resultType);
        scf::YieldOp::create(kb, l, add(kb, l, acc[0], v, resultType));
      });
  return single(loop.getResult(0));
}

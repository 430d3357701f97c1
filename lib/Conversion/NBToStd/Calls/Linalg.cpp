//===- Linalg.cpp - Lowering of numpy.linalg and the products' table ------===//
//
// Each numpy.linalg function converts its inputs to the work type where
// they differ (ints and bools to float64), allocates its results with the
// shapes NumPy gives, calls one runtime function (Linalg.h) with the
// memrefs' fields, and raises the status it returns. matrix_power
// multiplies through multiplyInto (BLAS, or loops for ints).
//
//===----------------------------------------------------------------------===//
#include "mumba/Runtime/Linalg.h"
#include "../ComplexLowering.h"
#include "../ScalarLowering.h"
#include "LinalgLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::linalg;
using mumba::nb::detail::single;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Type realOf(Type work) {
  if (auto complex = dyn_cast<ComplexType>(work))
    return complex.getElementType();
  return work;
}

/// Operand `i` (an array) as elements of `work`.
static Value input(OpBuilder &b, Location loc, ArrayRef<ValueRange> args,
                   ArrayRef<Type> argTypes, unsigned i, Type work) {
  return convertArray(b, loc, args[i].front(),
                      cast<ArrayType>(argTypes[i]).getDtype(), work);
}

static bool given(ArrayRef<ValueRange> args, unsigned i) {
  return i < args.size() && !args[i].empty();
}

static Value i32Constant(OpBuilder &b, Location loc, int32_t v) {
  return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                   b.getI32IntegerAttr(v));
}

static Value f64Constant(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF64Type(),
                                   b.getF64FloatAttr(v));
}

static Value load0(OpBuilder &b, Location loc, Value slot) {
  return memref::LoadOp::create(b, loc, slot,
                                ValueRange{indexConstant(b, loc, 0)});
}

/// Calls `name` with the type code of `work` and then `operands`, and
/// raises the status it returns.
static void callChecked(OpBuilder &b, Location loc, StringRef name, Type work,
                        ArrayRef<Value> operands) {
  SmallVector<Value> all{typeCodeConstant(b, loc, work)};
  llvm::append_range(all, operands);
  raiseOnStatus(b, loc, callRuntime(b, loc, name, all));
}

static SmallVector<Value> views(OpBuilder &b, Location loc,
                                ArrayRef<Value> memrefs) {
  SmallVector<Mat> mats;
  for (Value m : memrefs)
    mats.push_back(cast<MemRefType>(m.getType()).getRank() == 2
                       ? matView(b, loc, m)
                       : columnView(b, loc, m));
  return viewOperands(b, loc, mats);
}

/// A real copy of the real parts of complex memref `z`.
static Value realParts(OpBuilder &b, Location loc, Value z, Type real) {
  int64_t rank = cast<MemRefType>(z.getType()).getRank();
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(dim(b, loc, z, d));
  Value out = allocArray(b, loc, real, sizes);
  forEachIndex(b, loc, sizes, [&](OpBuilder &ib, Location l, ValueRange i) {
    Value v = memref::LoadOp::create(ib, l, z, i);
    memref::StoreOp::create(ib, l, complex::ReOp::create(ib, l, v), out, i);
  });
  return out;
}

//===----------------------------------------------------------------------===//
// Solvers and factorisations
//===----------------------------------------------------------------------===//

/// inv, cholesky: n x n from n x n.
template <const char *Name>
static LoweredCall lowerSquare(OpBuilder &b, Location loc,
                               ArrayRef<ValueRange> args,
                               ArrayRef<Type> argTypes, Type resultType) {
  Type work = elementTypeOf(resultType);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value n = dim(b, loc, a, 0);
  Value out = allocArray(b, loc, work, {n, n});
  callChecked(b, loc, Name, work, views(b, loc, {a, out}));
  return single(out);
}

static constexpr char kInv[] = MUMBA_SYMBOL_LINALG_INV;
static constexpr char kCholesky[] = MUMBA_SYMBOL_LINALG_CHOLESKY;

static LoweredCall lowerDet(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  Value a = input(b, loc, args, argTypes, 0, resultType);
  Value out = scalarSlot(b, loc, resultType);
  SmallVector<Value> operands = views(b, loc, {a});
  operands.push_back(dataAddress(b, loc, out));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_DET, resultType, operands);
  return single(load0(b, loc, out));
}

static LoweredCall lowerSlogdet(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  Type work = cast<TupleType>(resultType).getType(0);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value sign = scalarSlot(b, loc, work);
  Value logAbs = scalarSlot(b, loc, realOf(work));
  SmallVector<Value> operands = views(b, loc, {a});
  operands.append({dataAddress(b, loc, sign), dataAddress(b, loc, logAbs)});
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_SLOGDET, work, operands);
  return LoweredCall{
      {load0(b, loc, sign), load0(b, loc, logAbs)}, {}, MUMBA_OK};
}

static LoweredCall lowerSolve(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Type work = elementTypeOf(resultType);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value rhs = input(b, loc, args, argTypes, 1, work);
  Value n = dim(b, loc, a, 0);
  Value x;
  if (cast<MemRefType>(rhs.getType()).getRank() == 1) {
    // The runtime words a 1-D mismatch as 2-D solve's; NumPy says solve1
    // (after its squareness test).
    Value square = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, n,
                                         dim(b, loc, a, 1));
    Value bRows = dim(b, loc, rhs, 0);
    Value mismatch = arith::AndIOp::create(
        b, loc, square,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, bRows, n));
    raiseShapeError(b, loc, mismatch, MUMBA_SHAPE_SOLVE1, 2, toI64(b, loc, n),
                    toI64(b, loc, n), 1, toI64(b, loc, bRows), {});
    x = allocArray(b, loc, work, {n});
  } else {
    x = allocArray(b, loc, work, {n, dim(b, loc, rhs, 1)});
  }
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_SOLVE, work,
              views(b, loc, {a, rhs, x}));
  return single(x);
}

static LoweredCall lowerQr(OpBuilder &b, Location loc,
                           ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                           Type resultType) {
  Type work = elementTypeOf(isa<TupleType>(resultType)
                                ? cast<TupleType>(resultType).getType(0)
                                : resultType);
  StringRef modeName = argTypes.size() > 1 && argTypes[1]
                           ? cast<StrType>(argTypes[1]).getValue()
                           : "reduced";
  int mode = modeName == "complete" ? MUMBA_QR_COMPLETE
             : modeName == "r"      ? MUMBA_QR_R
                                    : MUMBA_QR_REDUCED;
  Value a = input(b, loc, args, argTypes, 0, work);
  Value m = dim(b, loc, a, 0), n = dim(b, loc, a, 1);
  Value k = arith::MinUIOp::create(b, loc, m, n);
  Value q, r;
  if (mode == MUMBA_QR_COMPLETE) {
    q = allocArray(b, loc, work, {m, m});
    r = allocArray(b, loc, work, {m, n});
  } else {
    if (mode == MUMBA_QR_REDUCED)
      q = allocArray(b, loc, work, {m, k});
    r = allocArray(b, loc, work, {k, n});
  }
  SmallVector<Value> operands{i32Constant(b, loc, mode)};
  llvm::append_range(operands, views(b, loc, {a}));
  llvm::append_range(operands, q ? views(b, loc, {q}) : absentView(b, loc));
  llvm::append_range(operands, views(b, loc, {r}));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_QR, work, operands);
  if (!q)
    return single(r);
  return LoweredCall{{q, r}, {}, MUMBA_OK};
}

static LoweredCall lowerLstsq(OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  auto tuple = cast<TupleType>(resultType);
  Type work = elementTypeOf(tuple.getType(0));
  Type real = realOf(work);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value rhs = input(b, loc, args, argTypes, 1, work);
  bool vector = cast<MemRefType>(rhs.getType()).getRank() == 1;
  Value m = dim(b, loc, a, 0), n = dim(b, loc, a, 1);
  Value nrhs = vector ? indexConstant(b, loc, 1) : dim(b, loc, rhs, 1);
  Value x = vector ? allocArray(b, loc, work, {n})
                   : allocArray(b, loc, work, {n, nrhs});
  Value residuals = allocArray(b, loc, real, {nrhs});
  Value s = allocArray(b, loc, real, {arith::MinUIOp::create(b, loc, m, n)});
  Value count = scalarSlot(b, loc, b.getI64Type());
  Value rank = scalarSlot(b, loc, b.getI64Type());
  // rcond omitted is NumPy 1.24's "warn": machine precision (-1), without
  // the FutureWarning; None is eps * max(m, n), float64's eps for all types.
  Value rcond;
  if (!given(args, 2))
    rcond = f64Constant(b, loc, -1);
  else if (isa<PyNoneType>(argTypes[2]))
    rcond = arith::MulFOp::create(
        b, loc, f64Constant(b, loc, 2.220446049250313e-16),
        arith::UIToFPOp::create(
            b, loc, b.getF64Type(),
            toI64(b, loc, arith::MaxUIOp::create(b, loc, m, n))));
  else
    rcond = castNumber(b, loc, args[2].front(), argTypes[2],
                       Float64Type::get(b.getContext()));
  SmallVector<Value> operands{rcond};
  llvm::append_range(operands, views(b, loc, {a, rhs, x}));
  llvm::append_range(operands, vectorOperands(b, loc, residuals));
  operands.append({dataAddress(b, loc, count), dataAddress(b, loc, rank)});
  llvm::append_range(operands, vectorOperands(b, loc, s));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_LSTSQ, work, operands);
  // NumPy returns the residuals only when rank == n < m: as many as the
  // runtime wrote.
  Value written = toIndex(b, loc, load0(b, loc, count));
  Value kept = allocArray(b, loc, real, {written});
  forEachIndex(b, loc, {written}, [&](OpBuilder &ib, Location l, ValueRange i) {
    memref::StoreOp::create(ib, l, memref::LoadOp::create(ib, l, residuals, i),
                            kept, i);
  });
  Value rank32 =
      arith::TruncIOp::create(b, loc, b.getI32Type(), load0(b, loc, rank));
  return LoweredCall{{x, kept, rank32, s}, {}, MUMBA_OK};
}

//===----------------------------------------------------------------------===//
// Eigenvalues and singular values
//===----------------------------------------------------------------------===//

/// eig and eigvals: complex results from the runtime; for real input the
/// real parts, after raising Numba's ValueError when any eigenvalue is not
/// real.
static LoweredCall lowerEigen(bool vectors, OpBuilder &b, Location loc,
                              ArrayRef<ValueRange> args,
                              ArrayRef<Type> argTypes, Type resultType) {
  Type work = elementTypeOf(vectors ? cast<TupleType>(resultType).getType(0)
                                    : resultType);
  Type complexWork =
      isa<ComplexType>(work) ? work : Type(ComplexType::get(work));
  Value a = input(b, loc, args, argTypes, 0, work);
  Value n = dim(b, loc, a, 0);
  Value w = allocArray(b, loc, complexWork, {n});
  Value v = vectors ? allocArray(b, loc, complexWork, {n, n}) : Value();
  Value allReal = scalarSlot(b, loc, b.getI64Type());
  SmallVector<Value> operands = views(b, loc, {a});
  llvm::append_range(operands, vectorOperands(b, loc, w));
  llvm::append_range(operands, v ? views(b, loc, {v}) : absentView(b, loc));
  operands.push_back(dataAddress(b, loc, allReal));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_EIG, work, operands);
  if (work == complexWork)
    return vectors ? LoweredCall{{w, v}, {}, MUMBA_OK} : single(w);
  Value complexValues =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                            load0(b, loc, allReal), i64Constant(b, loc, 0));
  raiseException(b, loc, complexValues, "ValueError",
                 vectors ? "eig() argument must not cause a domain change."
                         : "eigvals() argument must not cause a domain "
                           "change.");
  Value wr = realParts(b, loc, w, work);
  if (!vectors)
    return single(wr);
  return LoweredCall{{wr, realParts(b, loc, v, work)}, {}, MUMBA_OK};
}

static LoweredCall lowerEig(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  return lowerEigen(true, b, loc, args, argTypes, resultType);
}

static LoweredCall lowerEigvals(OpBuilder &b, Location loc,
                                ArrayRef<ValueRange> args,
                                ArrayRef<Type> argTypes, Type resultType) {
  return lowerEigen(false, b, loc, args, argTypes, resultType);
}

/// eigh and eigvalsh: UPLO is a literal (typing checked 'L' or 'U').
static LoweredCall lowerHermitian(bool vectors, OpBuilder &b, Location loc,
                                  ArrayRef<ValueRange> args,
                                  ArrayRef<Type> argTypes, Type resultType) {
  Type work =
      vectors ? elementTypeOf(cast<TupleType>(resultType).getType(1)) : Type();
  Type real = elementTypeOf(vectors ? cast<TupleType>(resultType).getType(0)
                                    : resultType);
  Type inputDtype = cast<ArrayType>(argTypes[0]).getDtype();
  if (!work)
    work = isa<ComplexType>(inputDtype) ? inputDtype : real;
  char uplo = argTypes.size() > 1 && argTypes[1]
                  ? cast<StrType>(argTypes[1]).getValue().front()
                  : 'L';
  Value a = input(b, loc, args, argTypes, 0, work);
  Value n = dim(b, loc, a, 0);
  Value w = allocArray(b, loc, real, {n});
  Value v = vectors ? allocArray(b, loc, work, {n, n}) : Value();
  SmallVector<Value> operands{i32Constant(b, loc, uplo)};
  llvm::append_range(operands, views(b, loc, {a}));
  llvm::append_range(operands, vectorOperands(b, loc, w));
  llvm::append_range(operands, v ? views(b, loc, {v}) : absentView(b, loc));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_EIGH, work, operands);
  return vectors ? LoweredCall{{w, v}, {}, MUMBA_OK} : single(w);
}

static LoweredCall lowerEigh(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  return lowerHermitian(true, b, loc, args, argTypes, resultType);
}

static LoweredCall lowerEigvalsh(OpBuilder &b, Location loc,
                                 ArrayRef<ValueRange> args,
                                 ArrayRef<Type> argTypes, Type resultType) {
  return lowerHermitian(false, b, loc, args, argTypes, resultType);
}

static LoweredCall lowerSvd(OpBuilder &b, Location loc,
                            ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                            Type resultType) {
  auto tuple = dyn_cast<TupleType>(resultType);
  if (!tuple) {
    // compute_uv=False: the singular values alone.
    Type inputDtype = cast<ArrayType>(argTypes[0]).getDtype();
    Type real = elementTypeOf(resultType);
    Type work = isa<ComplexType>(inputDtype) ? inputDtype : real;
    return single(
        singularValues(b, loc, input(b, loc, args, argTypes, 0, work), work));
  }
  Type work = elementTypeOf(tuple.getType(0));
  Type real = realOf(work);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value full =
      given(args, 1)
          ? truthOf(b, loc, args[1].front(), argTypes[1])
          : arith::ConstantOp::create(b, loc, b.getBoolAttr(true)).getResult();
  Value m = dim(b, loc, a, 0), n = dim(b, loc, a, 1);
  Value k = arith::MinUIOp::create(b, loc, m, n);
  Value u = allocArray(b, loc, work,
                       {m, arith::SelectOp::create(b, loc, full, m, k)});
  Value vh = allocArray(b, loc, work,
                        {arith::SelectOp::create(b, loc, full, n, k), n});
  Value s = allocArray(b, loc, real, {k});
  SmallVector<Value> operands{
      arith::ExtUIOp::create(b, loc, b.getI32Type(), full)};
  llvm::append_range(operands, views(b, loc, {a}));
  llvm::append_range(operands, vectorOperands(b, loc, s));
  llvm::append_range(operands, views(b, loc, {u, vh}));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_SVD, work, operands);
  return LoweredCall{{u, s, vh}, {}, MUMBA_OK};
}

static LoweredCall lowerPinv(OpBuilder &b, Location loc,
                             ArrayRef<ValueRange> args, ArrayRef<Type> argTypes,
                             Type resultType) {
  Type work = elementTypeOf(resultType);
  Value a = input(b, loc, args, argTypes, 0, work);
  Value rcond = given(args, 1)
                    ? castNumber(b, loc, args[1].front(), argTypes[1],
                                 Float64Type::get(b.getContext()))
                    : f64Constant(b, loc, 1e-15);
  Value out = allocArray(b, loc, work, {dim(b, loc, a, 1), dim(b, loc, a, 0)});
  SmallVector<Value> operands{rcond};
  llvm::append_range(operands, views(b, loc, {a, out}));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_PINV, work, operands);
  return single(out);
}

static LoweredCall lowerMatrixRank(OpBuilder &b, Location loc,
                                   ArrayRef<ValueRange> args,
                                   ArrayRef<Type> argTypes, Type) {
  Type dtype = cast<ArrayType>(argTypes[0]).getDtype();
  Type work = isBlasType(dtype) ? dtype : Float64Type::get(b.getContext());
  Value a = input(b, loc, args, argTypes, 0, work);
  bool hasTol = given(args, 1) && !isa<PyNoneType>(argTypes[1]);
  Value tol = hasTol ? castNumber(b, loc, args[1].front(), argTypes[1],
                                  Float64Type::get(b.getContext()))
                     : f64Constant(b, loc, 0);
  Value rank = scalarSlot(b, loc, b.getI64Type());
  SmallVector<Value> operands{i32Constant(b, loc, hasTol), tol};
  llvm::append_range(operands, views(b, loc, {a}));
  operands.push_back(dataAddress(b, loc, rank));
  callChecked(b, loc, MUMBA_SYMBOL_LINALG_MATRIX_RANK, work, operands);
  return single(load0(b, loc, rank));
}

//===----------------------------------------------------------------------===//
// matrix_power
//===----------------------------------------------------------------------===//

static void copyInto(OpBuilder &b, Location loc, Value from, Value to) {
  forEachIndex(b, loc, {dim(b, loc, to, 0), dim(b, loc, to, 1)},
               [&](OpBuilder &ib, Location l, ValueRange i) {
                 memref::StoreOp::create(
                     ib, l, memref::LoadOp::create(ib, l, from, i), to, i);
               });
}

/// Binary powering: result = identity, base = a (inv(a) for n < 0), and for
/// each bit of |n| from the lowest, result @= base where the bit is set,
/// base @= base. Products go through a scratch matrix, as the loop nests
/// must not overlap their operands.
static LoweredCall lowerMatrixPower(OpBuilder &b, Location loc,
                                    ArrayRef<ValueRange> args,
                                    ArrayRef<Type> argTypes, Type resultType) {
  Type dtype = elementTypeOf(resultType);
  Value a = args[0].front();
  Type i64Nb = getInt64Type(b.getContext());
  Value exponent = castNumber(b, loc, args[1].front(), argTypes[1], i64Nb);
  Value n = dim(b, loc, a, 0);
  raiseLinAlg(b, loc,
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, n,
                                    dim(b, loc, a, 1)),
              "Last 2 dimensions of the array must be square");
  Value zero = i64Constant(b, loc, 0);
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, exponent, zero);
  Value base = allocArray(b, loc, dtype, {n, n});
  if (isBlasType(dtype)) {
    auto inverted = buildIf(
        b, loc, b.getI32Type(), negative,
        [&](OpBuilder &tb, Location l) -> SmallVector<Value> {
          SmallVector<Value> operands{typeCodeConstant(tb, l, dtype)};
          llvm::append_range(operands, views(tb, l, {a, base}));
          return {callRuntime(tb, l, MUMBA_SYMBOL_LINALG_INV, operands)};
        },
        [&](OpBuilder &eb, Location l) -> SmallVector<Value> {
          copyInto(eb, l, a, base);
          return {i32Constant(eb, l, MUMBA_OK)};
        });
    raiseOnStatus(b, loc, inverted.getResult(0));
  } else {
    // NumPy's result would be inv(a) in float64: not this static type.
    raiseException(b, loc, negative, "TypeError",
                   "matrix_power of an integer matrix to a negative power is "
                   "not supported (NumPy's result would be float64)");
    copyInto(b, loc, a, base);
  }
  Value result = allocArray(b, loc, dtype, {n, n});
  Value scratch = allocArray(b, loc, dtype, {n, n});
  forEachIndex(b, loc, {n, n}, [&](OpBuilder &ib, Location l, ValueRange ij) {
    Value diagonal =
        arith::CmpIOp::create(ib, l, arith::CmpIPredicate::eq, ij[0], ij[1]);
    Value v = arith::SelectOp::create(ib, l, diagonal,
                                      numberConstant(ib, l, dtype, 1),
                                      numberConstant(ib, l, dtype, 0));
    memref::StoreOp::create(ib, l, v, result, ij);
  });
  Value magnitude = arith::SelectOp::create(
      b, loc, negative, arith::SubIOp::create(b, loc, zero, exponent),
      exponent);
  Value ok = i32Constant(b, loc, MUMBA_OK);
  Value falseValue = arith::ConstantOp::create(b, loc, b.getBoolAttr(false));
  Type i64 = b.getI64Type(), i32 = b.getI32Type(), i1 = b.getI1Type();
  // The loop's regions are built detached: declare what they call now.
  if (isBlasType(dtype))
    declareGemm(b, loc);
  auto loop = scf::WhileOp::create(
      b, loc, TypeRange{i64, i32, i1}, ValueRange{magnitude, ok, falseValue},
      [&](OpBuilder &cb, Location l, ValueRange state) {
        Value more = arith::AndIOp::create(
            cb, l,
            arith::CmpIOp::create(cb, l, arith::CmpIPredicate::ne, state[0],
                                  i64Constant(cb, l, 0)),
            arith::CmpIOp::create(cb, l, arith::CmpIPredicate::eq, state[1],
                                  i32Constant(cb, l, MUMBA_OK)));
        scf::ConditionOp::create(cb, l, more, state);
      },
      [&](OpBuilder &bb, Location l, ValueRange state) {
        Value bit = arith::TruncIOp::create(bb, l, bb.getI1Type(), state[0]);
        // The lowest set bit copies base; later ones multiply.
        auto step = scf::IfOp::create(
            bb, l, bit,
            [&](OpBuilder &tb, Location tl) {
              auto product = scf::IfOp::create(
                  tb, tl, state[2],
                  [&](OpBuilder &pb, Location pl) {
                    Value st =
                        multiplyInto(pb, pl, dtype, result, base, scratch);
                    copyInto(pb, pl, scratch, result);
                    scf::YieldOp::create(pb, pl, st);
                  },
                  [&](OpBuilder &pb, Location pl) {
                    copyInto(pb, pl, base, result);
                    scf::YieldOp::create(pb, pl, i32Constant(pb, pl, MUMBA_OK));
                  });
              scf::YieldOp::create(tb, tl, product.getResult(0));
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, i32Constant(eb, el, MUMBA_OK));
            });
        Value rest =
            arith::ShRUIOp::create(bb, l, state[0], i64Constant(bb, l, 1));
        Value more = arith::CmpIOp::create(bb, l, arith::CmpIPredicate::ne,
                                           rest, i64Constant(bb, l, 0));
        auto square = scf::IfOp::create(
            bb, l, more,
            [&](OpBuilder &tb, Location tl) {
              Value st = multiplyInto(tb, tl, dtype, base, base, scratch);
              copyInto(tb, tl, scratch, base);
              scf::YieldOp::create(tb, tl, st);
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, i32Constant(eb, el, MUMBA_OK));
            });
        Value status =
            arith::OrIOp::create(bb, l, step.getResult(0), square.getResult(0));
        Value started = arith::OrIOp::create(bb, l, state[2], bit);
        scf::YieldOp::create(bb, l, ValueRange{rest, status, started});
      });
  raiseOnStatus(b, loc, loop.getResult(1));
  return single(result);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static const CallLowering kTable[] = {
    {"numpy.dot", lowerDot},
    {"numpy.matmul", lowerMatmul},
    {"numpy.inner", lowerInner},
    {"numpy.vdot", lowerVdot},
    {"numpy.outer", lowerOuter},
    {"numpy.trace", lowerTrace},
    {"numpy.linalg.solve", lowerSolve},
    {"numpy.linalg.inv", lowerSquare<kInv>},
    {"numpy.linalg.cholesky", lowerSquare<kCholesky>},
    {"numpy.linalg.det", lowerDet},
    {"numpy.linalg.slogdet", lowerSlogdet},
    {"numpy.linalg.eig", lowerEig},
    {"numpy.linalg.eigvals", lowerEigvals},
    {"numpy.linalg.eigh", lowerEigh},
    {"numpy.linalg.eigvalsh", lowerEigvalsh},
    {"numpy.linalg.svd", lowerSvd},
    {"numpy.linalg.qr", lowerQr},
    {"numpy.linalg.lstsq", lowerLstsq},
    {"numpy.linalg.pinv", lowerPinv},
    {"numpy.linalg.matrix_rank", lowerMatrixRank},
    {"numpy.linalg.matrix_power", lowerMatrixPower},
    {"numpy.linalg.norm", lowerNorm},
    {"numpy.linalg.cond", lowerCond},
};

ArrayRef<CallLowering> mumba::nb::detail::getLinalgLowering() { return kTable; }

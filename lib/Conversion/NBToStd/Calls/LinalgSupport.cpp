//===- LinalgSupport.cpp - Views, buffers and raises for linalg calls -----===//
//
// The runtime takes a matrix as five i64s (Linalg.h): they come from the
// memref's aligned pointer and strided metadata, so any layout passes
// without a copy. Results are memref.alloc'ed like np.empty's.
//
//===----------------------------------------------------------------------===//
#include "../ArrayAllocation.h"
#include "../ComplexLowering.h"
#include "../PatternUtils.h"
#include "../ScalarLowering.h"
#include "LinalgLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Linalg.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba::nb;
using namespace mumba::nb::linalg;

int linalg::typeCode(Type dtype) {
  if (dtype.isF32())
    return MUMBA_LINALG_F32;
  if (dtype.isF64())
    return MUMBA_LINALG_F64;
  if (auto complex = dyn_cast<ComplexType>(dtype)) {
    if (complex.getElementType().isF32())
      return MUMBA_LINALG_C64;
    if (complex.getElementType().isF64())
      return MUMBA_LINALG_C128;
  }
  return -1;
}

Value linalg::i64Constant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64Type(),
                                   b.getI64IntegerAttr(v));
}

Value linalg::indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value linalg::toI64(OpBuilder &b, Location loc, Value index) {
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
}

Value linalg::toIndex(OpBuilder &b, Location loc, Value i64) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
}

Value linalg::dim(OpBuilder &b, Location loc, Value memref, int64_t d) {
  return memref::DimOp::create(b, loc, memref, d);
}

/// Bytes per element of a std element type (bools take a byte).
static int64_t elementBytes(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return 2 * elementBytes(complex.getElementType());
  return std::max<int64_t>(1, type.getIntOrFloatBitWidth() / 8);
}

Value linalg::dataAddress(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  Value base = toI64(
      b, loc, memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref));
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  Value offset = arith::MulIOp::create(
      b, loc, toI64(b, loc, metadata.getOffset()),
      i64Constant(b, loc, elementBytes(type.getElementType())));
  return arith::AddIOp::create(b, loc, base, offset);
}

Mat linalg::matView(OpBuilder &b, Location loc, Value memref) {
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  return Mat{dataAddress(b, loc, memref), toI64(b, loc, metadata.getSizes()[0]),
             toI64(b, loc, metadata.getSizes()[1]),
             toI64(b, loc, metadata.getStrides()[0]),
             toI64(b, loc, metadata.getStrides()[1])};
}

Mat linalg::columnView(OpBuilder &b, Location loc, Value memref) {
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  // The stride of the extent-1 dimension is never read (Linalg.h).
  return Mat{dataAddress(b, loc, memref), toI64(b, loc, metadata.getSizes()[0]),
             i64Constant(b, loc, 1), toI64(b, loc, metadata.getStrides()[0]),
             i64Constant(b, loc, 0)};
}

Mat linalg::rowView(OpBuilder &b, Location loc, Value memref) {
  return columnView(b, loc, memref).transposed();
}

Value linalg::allocArray(OpBuilder &b, Location loc, Type dtype,
                         ValueRange sizes) {
  SmallVector<int64_t> shape(sizes.size(), ShapedType::kDynamic);
  auto type = MemRefType::get(shape, toStdScalarType(dtype));
  // Checked and aligned as np.empty's arrays (ArrayAllocation.h).
  return allocateArray(b, loc, type, sizes, dtype);
}

Value linalg::scalarSlot(OpBuilder &b, Location loc, Type type) {
  return memref::AllocaOp::create(b, loc, MemRefType::get({1}, type));
}

void linalg::forEachIndex(
    OpBuilder &b, Location loc, ValueRange sizes,
    function_ref<void(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<Value> zeros(sizes.size(), indexConstant(b, loc, 0));
  SmallVector<Value> ones(sizes.size(), indexConstant(b, loc, 1));
  scf::buildLoopNest(b, loc, zeros, sizes, ones, body);
}

Value linalg::convertArray(OpBuilder &b, Location loc, Value memref, Type from,
                           Type to) {
  if (from == to)
    return memref;
  int64_t rank = cast<MemRefType>(memref.getType()).getRank();
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(dim(b, loc, memref, d));
  Value copy = allocArray(b, loc, to, sizes);
  forEachIndex(b, loc, sizes, [&](OpBuilder &nested, Location l, ValueRange i) {
    Value v = memref::LoadOp::create(nested, l, memref, i);
    memref::StoreOp::create(nested, l, castNumber(nested, l, v, from, to), copy,
                            i);
  });
  return copy;
}

/// Whether `b` inserts into an op that is already in a module (region
/// builders of ops under construction are not).
static bool isAttached(OpBuilder &b) {
  Block *block = b.getInsertionBlock();
  Operation *parent = block ? block->getParentOp() : nullptr;
  return parent &&
         (isa<ModuleOp>(parent) || parent->getParentOfType<ModuleOp>());
}

Value linalg::callRuntime(OpBuilder &b, Location loc, StringRef name,
                          ValueRange operands) {
  // Detached builders rely on a declaration made beforehand (declareGemm).
  if (isAttached(b)) {
    SmallVector<Type> inputs(operands.getTypes());
    declareExternalFunction(b, loc, name,
                            b.getFunctionType(inputs, {b.getI32Type()}));
  }
  return func::CallOp::create(b, loc, name, TypeRange{b.getI32Type()}, operands)
      .getResult(0);
}

void linalg::declareGemm(OpBuilder &b, Location loc) {
  SmallVector<Type> inputs{b.getI32Type()};
  inputs.append(15, b.getI64Type());
  declareExternalFunction(b, loc, MUMBA_SYMBOL_LINALG_GEMM,
                          b.getFunctionType(inputs, {b.getI32Type()}));
}

scf::IfOp linalg::buildIf(
    OpBuilder &b, Location loc, TypeRange types, Value cond,
    function_ref<SmallVector<Value>(OpBuilder &, Location)> thenBody,
    function_ref<SmallVector<Value>(OpBuilder &, Location)> elseBody) {
  auto op = scf::IfOp::create(b, loc, types, cond, /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  for (auto [region, body] : {std::pair(&op.getThenRegion(), thenBody),
                              std::pair(&op.getElseRegion(), elseBody)}) {
    Block &block = region->front();
    // Without results the block has its yield already.
    if (types.empty()) {
      b.setInsertionPoint(block.getTerminator());
      body(b, loc);
    } else {
      b.setInsertionPointToEnd(&block);
      scf::YieldOp::create(b, loc, body(b, loc));
    }
  }
  return op;
}

SmallVector<Value> linalg::viewOperands(OpBuilder &b, Location loc,
                                        ArrayRef<Mat> views) {
  SmallVector<Value> operands;
  for (const Mat &m : views)
    operands.append({m.data, m.rows, m.cols, m.rs, m.cs});
  return operands;
}

void linalg::raiseOnStatus(OpBuilder &b, Location loc, Value status) {
  Value failed =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, status,
                            mumba::detail::statusConstant(b, loc, MUMBA_OK));
  mumba::detail::raiseIf(b, loc, failed, status);
}

void linalg::raiseLinAlg(OpBuilder &b, Location loc, Value cond,
                         StringRef message) {
  StringRef recorder =
      declareExternalFunction(b, loc, MUMBA_SYMBOL_RAISE_LINALG,
                              b.getFunctionType({b.getI64Type()}, {}));
  mumba::detail::raiseIf(
      b, loc, cond, mumba::detail::statusConstant(b, loc, MUMBA_LINALG_ERROR),
      recorder, ValueRange{constantStringAddress(b, loc, message)});
}

void linalg::raiseShapeError(OpBuilder &b, Location loc, Value cond, int kind,
                             int64_t aNdim, Value a0, Value a1, int64_t bNdim,
                             Value b0, Value b1) {
  Type i64 = b.getI64Type();
  StringRef recorder =
      declareExternalFunction(b, loc, MUMBA_SYMBOL_LINALG_SHAPE_ERROR,
                              b.getFunctionType(SmallVector<Type>(7, i64), {}));
  Value zero = i64Constant(b, loc, 0);
  mumba::detail::raiseIf(
      b, loc, cond, mumba::detail::statusConstant(b, loc, MUMBA_USER_EXCEPTION),
      recorder,
      ValueRange{i64Constant(b, loc, kind), i64Constant(b, loc, aNdim), a0,
                 a1 ? a1 : zero, i64Constant(b, loc, bNdim), b0,
                 b1 ? b1 : zero});
}

Value linalg::add(OpBuilder &b, Location loc, Value x, Value y, Type type) {
  if (isa<ComplexType>(type))
    return complex::AddOp::create(b, loc, x, y);
  if (isa<FloatType>(type))
    return arith::AddFOp::create(b, loc, x, y);
  if (isBoolType(type))
    return arith::OrIOp::create(b, loc, x, y);
  return arith::AddIOp::create(b, loc, x, y);
}

Value linalg::multiplyAdd(OpBuilder &b, Location loc, Value acc, Value x,
                          Value y, Type type) {
  Value product;
  if (isa<ComplexType>(type))
    product = complexMul(b, loc, x, y);
  else if (isa<FloatType>(type))
    product = arith::MulFOp::create(b, loc, x, y);
  else if (isBoolType(type))
    product = arith::AndIOp::create(b, loc, x, y);
  else
    product = arith::MulIOp::create(b, loc, x, y);
  return add(b, loc, acc, product, type);
}

Value linalg::multiplyInto(OpBuilder &b, Location loc, Type dtype, Value a,
                           Value bm, Value c) {
  if (isBlasType(dtype)) {
    SmallVector<Value> operands{arith::ConstantOp::create(
        b, loc, b.getI32Type(), b.getI32IntegerAttr(typeCode(dtype)))};
    llvm::append_range(operands,
                       viewOperands(b, loc,
                                    {matView(b, loc, a), matView(b, loc, bm),
                                     matView(b, loc, c)}));
    return callRuntime(b, loc, MUMBA_SYMBOL_LINALG_GEMM, operands);
  }
  Value rows = dim(b, loc, a, 0), inner = dim(b, loc, a, 1),
        cols = dim(b, loc, bm, 1);
  forEachIndex(
      b, loc, {rows, cols}, [&](OpBuilder &ib, Location l, ValueRange ij) {
        Value zero = numberConstant(ib, l, dtype, 0);
        auto loop = scf::ForOp::create(
            ib, l, indexConstant(ib, l, 0), inner, indexConstant(ib, l, 1),
            ValueRange{zero},
            [&](OpBuilder &kb, Location kl, Value k, ValueRange acc) {
              Value x = memref::LoadOp::create(kb, kl, a, ValueRange{ij[0], k});
              Value y =
                  memref::LoadOp::create(kb, kl, bm, ValueRange{k, ij[1]});
              scf::YieldOp::create(kb, kl,
                                   multiplyAdd(kb, kl, acc[0], x, y, dtype));
            });
        memref::StoreOp::create(ib, l, loop.getResult(0), c, ij);
      });
  return mumba::detail::statusConstant(b, loc, MUMBA_OK);
}

Type linalg::elementTypeOf(Type resultType) {
  if (auto array = dyn_cast<ArrayType>(resultType))
    return array.getDtype();
  return resultType;
}

Value linalg::typeCodeConstant(OpBuilder &b, Location loc, Type dtype) {
  return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                   b.getI32IntegerAttr(typeCode(dtype)));
}

SmallVector<Value> linalg::vectorOperands(OpBuilder &b, Location loc,
                                          Value memref) {
  Mat v = columnView(b, loc, memref);
  return {v.data, v.rows, v.rs};
}

SmallVector<Value> linalg::absentView(OpBuilder &b, Location loc) {
  return SmallVector<Value>(5, i64Constant(b, loc, 0));
}

Value linalg::singularValues(OpBuilder &b, Location loc, Value a, Type work) {
  Type real = work;
  if (auto complex = dyn_cast<ComplexType>(work))
    real = complex.getElementType();
  Value k =
      arith::MinUIOp::create(b, loc, dim(b, loc, a, 0), dim(b, loc, a, 1));
  Value s = allocArray(b, loc, real, {k});
  SmallVector<Value> operands{
      typeCodeConstant(b, loc, work),
      arith::ConstantOp::create(b, loc, b.getI32Type(),
                                b.getI32IntegerAttr(0))};
  llvm::append_range(operands, viewOperands(b, loc, {matView(b, loc, a)}));
  llvm::append_range(operands, vectorOperands(b, loc, s));
  llvm::append_range(operands, absentView(b, loc));
  llvm::append_range(operands, absentView(b, loc));
  raiseOnStatus(b, loc, callRuntime(b, loc, MUMBA_SYMBOL_LINALG_SVD, operands));
  return s;
}

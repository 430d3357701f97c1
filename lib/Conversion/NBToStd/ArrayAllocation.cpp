//===- ArrayAllocation.cpp - The one way compiled code allocates arrays ---===//
//
// NumPy's rule (PyArray_NewFromDescr): the byte size is the item size times
// every non-zero extent, and must fit in an intp even when another extent
// is zero; otherwise ValueError, before anything is allocated. Unchecked,
// the size wrapped and a huge array got a tiny buffer. A null from the
// allocator is MemoryError with NumPy's message; unchecked, the fill loop
// wrote through null.
//
//===----------------------------------------------------------------------===//
#include "ArrayAllocation.h"
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

/// The bytes one element of the std type `type` takes in memory.
static int64_t itemSize(Type type) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return 2 * itemSize(complex.getElementType());
  return (type.getIntOrFloatBitWidth() + 7) / 8;
}

/// Whether `itemsize` times the extents of `sizes` (the non-zero ones when
/// `skipZeros`) exceeds the largest int64: each step an unsigned multiply
/// whose high half or sign bit says it overflowed. Once set the flag stays,
/// whatever follows.
static Value productOverflows(OpBuilder &b, Location loc, int64_t itemsize,
                              ValueRange sizes, bool skipZeros) {
  Type i64 = b.getI64Type();
  auto constant = [&](int64_t v) {
    return arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(v));
  };
  Value zero = constant(0);
  Value one = constant(1);
  Value bytes = constant(itemsize);
  Value overflow =
      arith::ConstantOp::create(b, loc, b.getI1Type(), b.getBoolAttr(false));
  for (Value size : sizes) {
    Value n = arith::IndexCastOp::create(b, loc, i64, size);
    // NumPy's constructors skip zero extents: (0, 2**62, 2**62) is too
    // big, too.
    Value factor = skipZeros ? arith::MaxSIOp::create(b, loc, n, one) : n;
    auto product = arith::MulUIExtendedOp::create(b, loc, bytes, factor);
    bytes = product.getLow();
    Value high = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                       product.getHigh(), zero);
    Value negative =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, bytes, zero);
    overflow = arith::OrIOp::create(
        b, loc, overflow, arith::OrIOp::create(b, loc, high, negative));
  }
  return overflow;
}

/// On the failing path only: records the extents, item size and dtype name
/// so that the runtime formats NumPy's MemoryError message.
static void recordFailedAllocation(OpBuilder &b, Location loc, Value failed,
                                   ValueRange sizes, int64_t itemsize,
                                   Type dtype) {
  Type i64 = b.getI64Type();
  StringRef recordExtent =
      declareExternalFunction(b, loc, MUMBA_SYMBOL_RECORD_ARRAY_EXTENT,
                              b.getFunctionType({i64, i64}, {}));
  StringRef raise =
      declareExternalFunction(b, loc, MUMBA_SYMBOL_RAISE_ARRAY_MEMORY,
                              b.getFunctionType({i64, i64, i64}, {}));
  auto ifOp = scf::IfOp::create(b, loc, failed, /*withElseRegion=*/false);
  // Built in place: the string global needs the enclosing module.
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
  auto constant = [&](int64_t v) {
    return arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(v));
  };
  for (auto [axis, size] : llvm::enumerate(sizes))
    func::CallOp::create(b, loc, recordExtent, TypeRange{},
                         ValueRange{constant(axis), arith::IndexCastOp::create(
                                                        b, loc, i64, size)});
  Value dtypeName = constantStringAddress(b, loc, describeType(dtype));
  func::CallOp::create(
      b, loc, raise, TypeRange{},
      ValueRange{constant(sizes.size()), constant(itemsize), dtypeName});
}

Value mumba::nb::allocateArray(OpBuilder &b, Location loc, MemRefType type,
                               ValueRange sizes, Type dtype, SizeCheck check) {
  int64_t itemsize = itemSize(type.getElementType());
  if (check == SizeCheck::Broadcast)
    raiseException(b, loc,
                   productOverflows(b, loc, 1, sizes, /*skipZeros=*/false),
                   "ValueError", "iterator is too large");
  mumba::detail::raiseIf(
      b, loc, productOverflows(b, loc, itemsize, sizes, /*skipZeros=*/true),
      mumba::detail::statusConstant(b, loc, MUMBA_ARRAY_TOO_BIG));
  // 64-byte alignment: a cache line, and whole AVX-512 vectors.
  Value memref =
      memref::AllocOp::create(b, loc, type, sizes, b.getI64IntegerAttr(64));
  Value address =
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  Value failed =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, address,
                            arith::ConstantIndexOp::create(b, loc, 0));
  recordFailedAllocation(b, loc, failed, sizes, itemsize, dtype);
  mumba::detail::raiseIf(
      b, loc, failed, mumba::detail::statusConstant(b, loc, MUMBA_NO_MEMORY));
  return memref;
}

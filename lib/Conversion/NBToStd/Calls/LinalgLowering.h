//===- LinalgLowering.h - Shared pieces of the linalg lowering --*- C++ -*-===//
//
// Products (LinalgProducts.cpp) and numpy.linalg (Linalg.cpp) pass memref
// fields to the runtime of mumba/Runtime/Linalg.h and build loop nests over
// memrefs; the helpers both use live in LinalgSupport.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LINALGLOWERING_H
#define MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LINALGLOWERING_H

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mumba/Conversion/NBToStd/CallLowering.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace mumba::nb::linalg {

/// A strided matrix view as the runtime takes it: the address of element
/// [0, 0], rows, columns, row and column strides in elements (all i64).
struct Mat {
  mlir::Value data, rows, cols, rs, cs;
  Mat transposed() const { return Mat{data, cols, rows, cs, rs}; }
};

/// The runtime's element type code (MumbaLinalgType) of float32, float64,
/// complex64 and complex128, or -1.
int typeCode(mlir::Type dtype);

/// Whether BLAS and LAPACK compute in `dtype` (floats and complex numbers).
inline bool isBlasType(mlir::Type dtype) { return typeCode(dtype) >= 0; }

mlir::Value i64Constant(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
mlir::Value indexConstant(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
mlir::Value toI64(mlir::OpBuilder &b, mlir::Location loc, mlir::Value index);
mlir::Value toIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value i64);

/// Extent `d` of a memref, as an index.
mlir::Value dim(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref,
                int64_t d);

/// The view of a 2-D memref, or of a 1-D one as a column (n x 1) or a row
/// (1 x n).
Mat matView(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref);
Mat columnView(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref);
Mat rowView(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref);

/// The address of element 0 of a memref of any rank, as an i64.
mlir::Value dataAddress(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value memref);

/// A new C-contiguous memref of nb element type `dtype` with the given
/// index extents: memref.alloc, so that ownership-based deallocation frees
/// it unless it is returned (then NumPy owns it).
mlir::Value allocArray(mlir::OpBuilder &b, mlir::Location loc, mlir::Type dtype,
                       mlir::ValueRange sizes);

/// A one-element stack slot of std type `type`, for scalar outputs.
mlir::Value scalarSlot(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type);

/// `memref` (of nb element type `from`) as elements of `to`: itself when
/// the types agree, else a converted C-contiguous copy.
mlir::Value convertArray(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value memref, mlir::Type from, mlir::Type to);

/// Runs `body` for every index of the given index extents.
void forEachIndex(mlir::OpBuilder &b, mlir::Location loc,
                  mlir::ValueRange sizes,
                  llvm::function_ref<void(mlir::OpBuilder &, mlir::Location,
                                          mlir::ValueRange)>
                      body);

/// Calls runtime function `name` (declared from the operands' types, with
/// an i32 result) and returns its status.
mlir::Value callRuntime(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::StringRef name, mlir::ValueRange operands);

/// An scf.if built in place (so that runtime functions called in its
/// branches can be declared in the module): each branch builds its body
/// and returns what it yields (nothing when `types` is empty).
mlir::scf::IfOp
buildIf(mlir::OpBuilder &b, mlir::Location loc, mlir::TypeRange types,
        mlir::Value cond,
        llvm::function_ref<llvm::SmallVector<mlir::Value>(mlir::OpBuilder &,
                                                          mlir::Location)>
            thenBody,
        llvm::function_ref<llvm::SmallVector<mlir::Value>(mlir::OpBuilder &,
                                                          mlir::Location)>
            elseBody);

/// Declares mumbaLinalgGemm, for callers that build it inside a region
/// constructed detached (scf.while's builders).
void declareGemm(mlir::OpBuilder &b, mlir::Location loc);

/// The operands of a runtime call that passes the type code and then the
/// views.
llvm::SmallVector<mlir::Value>
viewOperands(mlir::OpBuilder &b, mlir::Location loc, llvm::ArrayRef<Mat> views);

/// Raises `status` (an i32 from the runtime) unless it is MUMBA_OK. Only
/// at the top level of a function body (nb.raise_if splits the block).
void raiseOnStatus(mlir::OpBuilder &b, mlir::Location loc, mlir::Value status);

/// Raises numpy.linalg.LinAlgError(message) where `cond` holds.
void raiseLinAlg(mlir::OpBuilder &b, mlir::Location loc, mlir::Value cond,
                 llvm::StringRef message);

/// Raises NumPy's ValueError for mismatched operands where `cond` holds
/// (MumbaLinalgShapeKind; shapes as i64, d1 ignored for 1-D).
void raiseShapeError(mlir::OpBuilder &b, mlir::Location loc, mlir::Value cond,
                     int kind, int64_t aNdim, mlir::Value a0, mlir::Value a1,
                     int64_t bNdim, mlir::Value b0, mlir::Value b1);

/// Adds `x * y` to `acc` in nb number type `type` (complex with CPython's
/// product, bools as or/and, ints wrapping).
mlir::Value multiplyAdd(mlir::OpBuilder &b, mlir::Location loc, mlir::Value acc,
                        mlir::Value x, mlir::Value y, mlir::Type type);
mlir::Value add(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                mlir::Value y, mlir::Type type);

/// c = a @ b for C-contiguous square or rectangular 2-D memrefs of nb
/// element type `dtype`: a generated loop nest for ints and bools, BLAS
/// otherwise. Returns the status (always MUMBA_OK for loops). Usable inside
/// regions.
mlir::Value multiplyInto(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Type dtype, mlir::Value a, mlir::Value bm,
                         mlir::Value c);

/// The products' lowerers (LinalgProducts.cpp).
LoweredCall lowerMatmul(mlir::OpBuilder &, mlir::Location,
                        llvm::ArrayRef<mlir::ValueRange>,
                        llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerDot(mlir::OpBuilder &, mlir::Location,
                     llvm::ArrayRef<mlir::ValueRange>,
                     llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerInner(mlir::OpBuilder &, mlir::Location,
                       llvm::ArrayRef<mlir::ValueRange>,
                       llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerVdot(mlir::OpBuilder &, mlir::Location,
                      llvm::ArrayRef<mlir::ValueRange>,
                      llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerOuter(mlir::OpBuilder &, mlir::Location,
                       llvm::ArrayRef<mlir::ValueRange>,
                       llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerTrace(mlir::OpBuilder &, mlir::Location,
                       llvm::ArrayRef<mlir::ValueRange>,
                       llvm::ArrayRef<mlir::Type>, mlir::Type);

/// numpy.linalg.norm and cond (LinalgNorms.cpp).
LoweredCall lowerNorm(mlir::OpBuilder &, mlir::Location,
                      llvm::ArrayRef<mlir::ValueRange>,
                      llvm::ArrayRef<mlir::Type>, mlir::Type);
LoweredCall lowerCond(mlir::OpBuilder &, mlir::Location,
                      llvm::ArrayRef<mlir::ValueRange>,
                      llvm::ArrayRef<mlir::Type>, mlir::Type);

/// The element type of a call's result: the dtype of an array, else the
/// type itself.
mlir::Type elementTypeOf(mlir::Type resultType);

/// An i32 constant holding the runtime type code of `dtype`.
mlir::Value typeCodeConstant(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Type dtype);

/// A vector's runtime operands: address, length, stride.
llvm::SmallVector<mlir::Value>
vectorOperands(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref);

/// Operands standing for an absent view (a NULL output): five zeros.
llvm::SmallVector<mlir::Value> absentView(mlir::OpBuilder &b,
                                          mlir::Location loc);

/// Singular values of 2-D `a` (work type `work`) into a new real vector of
/// min(m, n) elements; raises on failure. Top level only.
mlir::Value singularValues(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value a, mlir::Type work);

/// The largest extent for which a float or complex product runs as a
/// generated loop nest instead of BLAS (docs/linalg.md has the measure).
constexpr int64_t kSmallProductExtent = 8;

} // namespace mumba::nb::linalg

#endif // MUMBA_LIB_CONVERSION_NBTOSTD_CALLS_LINALGLOWERING_H

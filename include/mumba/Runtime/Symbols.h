/*===- Symbols.h - The runtime's symbols, one list ----------------*- C -*-===*\
|*                                                                          *|
|* Every function of lib/Runtime that compiled code calls, spelled once:    *|
|* the lowering names its calls with these, the JIT binds them to the      *|
|* runtime's addresses, and the Python frontend keeps user functions from  *|
|* taking these names (a test compares its copy with this list, which the  *|
|* extension exports).                                                     *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_SYMBOLS_H
#define MUMBA_RUNTIME_SYMBOLS_H

#define MUMBA_SYMBOL_RAISE_INDEX_ERROR "mumbaRaiseIndexError"
#define MUMBA_SYMBOL_RAISE_USER "mumbaRaiseUser"
#define MUMBA_SYMBOL_PRINT "mumbaPrint"
#define MUMBA_SYMBOL_MOD_POW "mumbaModPow"
#define MUMBA_SYMBOL_CHECK_STACK "mumbaCheckStack"
#define MUMBA_SYMBOL_RAISE_LINALG "mumbaRaiseLinAlg"
/* Linalg.h: BLAS and LAPACK behind @, np.dot and np.linalg. */
#define MUMBA_SYMBOL_LINALG_GEMM "mumbaLinalgGemm"
#define MUMBA_SYMBOL_LINALG_GEMV "mumbaLinalgGemv"
#define MUMBA_SYMBOL_LINALG_DOT "mumbaLinalgDot"
#define MUMBA_SYMBOL_LINALG_VDOT "mumbaLinalgVdot"
#define MUMBA_SYMBOL_LINALG_SHAPE_ERROR "mumbaLinalgShapeError"
#define MUMBA_SYMBOL_LINALG_SOLVE "mumbaLinalgSolve"
#define MUMBA_SYMBOL_LINALG_INV "mumbaLinalgInv"
#define MUMBA_SYMBOL_LINALG_DET "mumbaLinalgDet"
#define MUMBA_SYMBOL_LINALG_SLOGDET "mumbaLinalgSlogdet"
#define MUMBA_SYMBOL_LINALG_CHOLESKY "mumbaLinalgCholesky"
#define MUMBA_SYMBOL_LINALG_QR "mumbaLinalgQr"
#define MUMBA_SYMBOL_LINALG_LSTSQ "mumbaLinalgLstsq"
#define MUMBA_SYMBOL_LINALG_EIG "mumbaLinalgEig"
#define MUMBA_SYMBOL_LINALG_EIGH "mumbaLinalgEigh"
#define MUMBA_SYMBOL_LINALG_SVD "mumbaLinalgSvd"
#define MUMBA_SYMBOL_LINALG_PINV "mumbaLinalgPinv"
#define MUMBA_SYMBOL_LINALG_MATRIX_RANK "mumbaLinalgMatrixRank"
/* The allocator, under the names MLIR's memref-to-llvm lowering calls
   with use-generic-functions. */
#define MUMBA_SYMBOL_ALLOC "_mlir_memref_to_llvm_alloc"
#define MUMBA_SYMBOL_ALIGNED_ALLOC "_mlir_memref_to_llvm_aligned_alloc"
#define MUMBA_SYMBOL_FREE "_mlir_memref_to_llvm_free"

/* X(name, function) for each symbol above, for tables built from it. */
#define MUMBA_RUNTIME_SYMBOLS(X)                                               \
  X(MUMBA_SYMBOL_RAISE_INDEX_ERROR, mumbaRaiseIndexError)                      \
  X(MUMBA_SYMBOL_RAISE_USER, mumbaRaiseUser)                                   \
  X(MUMBA_SYMBOL_PRINT, mumbaPrint)                                            \
  X(MUMBA_SYMBOL_MOD_POW, mumbaModPow)                                         \
  X(MUMBA_SYMBOL_CHECK_STACK, mumbaCheckStack)                                 \
  X(MUMBA_SYMBOL_RAISE_LINALG, mumbaRaiseLinAlg)                               \
  X(MUMBA_SYMBOL_LINALG_GEMM, mumbaLinalgGemm)                                 \
  X(MUMBA_SYMBOL_LINALG_GEMV, mumbaLinalgGemv)                                 \
  X(MUMBA_SYMBOL_LINALG_DOT, mumbaLinalgDot)                                   \
  X(MUMBA_SYMBOL_LINALG_VDOT, mumbaLinalgVdot)                                 \
  X(MUMBA_SYMBOL_LINALG_SHAPE_ERROR, mumbaLinalgShapeError)                    \
  X(MUMBA_SYMBOL_LINALG_SOLVE, mumbaLinalgSolve)                               \
  X(MUMBA_SYMBOL_LINALG_INV, mumbaLinalgInv)                                   \
  X(MUMBA_SYMBOL_LINALG_DET, mumbaLinalgDet)                                   \
  X(MUMBA_SYMBOL_LINALG_SLOGDET, mumbaLinalgSlogdet)                           \
  X(MUMBA_SYMBOL_LINALG_CHOLESKY, mumbaLinalgCholesky)                         \
  X(MUMBA_SYMBOL_LINALG_QR, mumbaLinalgQr)                                     \
  X(MUMBA_SYMBOL_LINALG_LSTSQ, mumbaLinalgLstsq)                               \
  X(MUMBA_SYMBOL_LINALG_EIG, mumbaLinalgEig)                                   \
  X(MUMBA_SYMBOL_LINALG_EIGH, mumbaLinalgEigh)                                 \
  X(MUMBA_SYMBOL_LINALG_SVD, mumbaLinalgSvd)                                   \
  X(MUMBA_SYMBOL_LINALG_PINV, mumbaLinalgPinv)                                 \
  X(MUMBA_SYMBOL_LINALG_MATRIX_RANK, mumbaLinalgMatrixRank)                    \
  X(MUMBA_SYMBOL_ALLOC, _mlir_memref_to_llvm_alloc)                            \
  X(MUMBA_SYMBOL_ALIGNED_ALLOC, _mlir_memref_to_llvm_aligned_alloc)            \
  X(MUMBA_SYMBOL_FREE, _mlir_memref_to_llvm_free)

#endif /* MUMBA_RUNTIME_SYMBOLS_H */

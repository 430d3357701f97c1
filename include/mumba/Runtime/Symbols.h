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
#define MUMBA_SYMBOL_RAISE_BROADCAST "mumbaRaiseBroadcast"
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
#define MUMBA_SYMBOL_CMATH_EXP "mumbaCmathExp"
#define MUMBA_SYMBOL_CMATH_LOG "mumbaCmathLog"
#define MUMBA_SYMBOL_CMATH_SINH "mumbaCmathSinh"
#define MUMBA_SYMBOL_CMATH_COSH "mumbaCmathCosh"
#define MUMBA_SYMBOL_CMATH_TANH "mumbaCmathTanh"
#define MUMBA_SYMBOL_CMATH_RECT "mumbaCmathRect"
/* Parallel loops (docs/parallel.md). */
#define MUMBA_SYMBOL_PARALLEL_RAISE "mumbaParallelRaise"
#define MUMBA_SYMBOL_PARALLEL_STATUS "mumbaParallelStatus"
#define MUMBA_SYMBOL_GET_NUM_THREADS "mumbaGetNumThreads"
#define MUMBA_SYMBOL_RECORD_ARRAY_EXTENT "mumbaRecordArrayExtent"
#define MUMBA_SYMBOL_RAISE_ARRAY_MEMORY "mumbaRaiseArrayMemory"
/* The allocator, under the names MLIR's memref-to-llvm lowering calls
   with use-generic-functions. */
#define MUMBA_SYMBOL_ALLOC "_mlir_memref_to_llvm_alloc"
#define MUMBA_SYMBOL_ALIGNED_ALLOC "_mlir_memref_to_llvm_aligned_alloc"
#define MUMBA_SYMBOL_FREE "_mlir_memref_to_llvm_free"
/* np.random (Random.h). */
#define MUMBA_SYMBOL_RANDOM_STATUS "mumbaRandomStatus"
#define MUMBA_SYMBOL_RANDOM_SAVE_STATE "mumbaRandomSaveState"
#define MUMBA_SYMBOL_RANDOM_RESTORE_STATE "mumbaRandomRestoreState"
#define MUMBA_SYMBOL_RANDOM_SEED "mumbaRandomSeed"
#define MUMBA_SYMBOL_RANDOM_RANDOM "mumbaRandomRandom"
#define MUMBA_SYMBOL_RANDOM_FILL_RANDOM "mumbaRandomFillRandom"
#define MUMBA_SYMBOL_RANDOM_UNIFORM "mumbaRandomUniform"
#define MUMBA_SYMBOL_RANDOM_RANDINT "mumbaRandomRandint"
#define MUMBA_SYMBOL_RANDOM_RANDOM_INTEGERS "mumbaRandomRandomIntegers"
#define MUMBA_SYMBOL_RANDOM_RANDINT_FILL "mumbaRandomRandintFill"
#define MUMBA_SYMBOL_RANDOM_STANDARD_NORMAL "mumbaRandomStandardNormal"
#define MUMBA_SYMBOL_RANDOM_NORMAL "mumbaRandomNormal"
#define MUMBA_SYMBOL_RANDOM_LOGNORMAL "mumbaRandomLognormal"
#define MUMBA_SYMBOL_RANDOM_STANDARD_EXPONENTIAL "mumbaRandomStandardExponential"
#define MUMBA_SYMBOL_RANDOM_EXPONENTIAL "mumbaRandomExponential"
#define MUMBA_SYMBOL_RANDOM_STANDARD_GAMMA "mumbaRandomStandardGamma"
#define MUMBA_SYMBOL_RANDOM_GAMMA "mumbaRandomGamma"
#define MUMBA_SYMBOL_RANDOM_BETA "mumbaRandomBeta"
#define MUMBA_SYMBOL_RANDOM_CHISQUARE "mumbaRandomChisquare"
#define MUMBA_SYMBOL_RANDOM_F "mumbaRandomF"
#define MUMBA_SYMBOL_RANDOM_STANDARD_T "mumbaRandomStandardT"
#define MUMBA_SYMBOL_RANDOM_STANDARD_CAUCHY "mumbaRandomStandardCauchy"
#define MUMBA_SYMBOL_RANDOM_LAPLACE "mumbaRandomLaplace"
#define MUMBA_SYMBOL_RANDOM_LOGISTIC "mumbaRandomLogistic"
#define MUMBA_SYMBOL_RANDOM_GUMBEL "mumbaRandomGumbel"
#define MUMBA_SYMBOL_RANDOM_PARETO "mumbaRandomPareto"
#define MUMBA_SYMBOL_RANDOM_POWER "mumbaRandomPower"
#define MUMBA_SYMBOL_RANDOM_WEIBULL "mumbaRandomWeibull"
#define MUMBA_SYMBOL_RANDOM_RAYLEIGH "mumbaRandomRayleigh"
#define MUMBA_SYMBOL_RANDOM_TRIANGULAR "mumbaRandomTriangular"
#define MUMBA_SYMBOL_RANDOM_VONMISES "mumbaRandomVonmises"
#define MUMBA_SYMBOL_RANDOM_WALD "mumbaRandomWald"
#define MUMBA_SYMBOL_RANDOM_BINOMIAL "mumbaRandomBinomial"
#define MUMBA_SYMBOL_RANDOM_NEGATIVE_BINOMIAL "mumbaRandomNegativeBinomial"
#define MUMBA_SYMBOL_RANDOM_POISSON "mumbaRandomPoisson"
#define MUMBA_SYMBOL_RANDOM_GEOMETRIC "mumbaRandomGeometric"
#define MUMBA_SYMBOL_RANDOM_HYPERGEOMETRIC "mumbaRandomHypergeometric"
#define MUMBA_SYMBOL_RANDOM_LOGSERIES "mumbaRandomLogseries"
#define MUMBA_SYMBOL_RANDOM_ZIPF "mumbaRandomZipf"
#define MUMBA_SYMBOL_RANDOM_MULTINOMIAL "mumbaRandomMultinomial"
#define MUMBA_SYMBOL_RANDOM_SHUFFLE "mumbaRandomShuffle"
#define MUMBA_SYMBOL_RANDOM_PERMUTATION "mumbaRandomPermutation"
#define MUMBA_SYMBOL_RANDOM_CHOICE "mumbaRandomChoice"

/* X(name, function) for each symbol above, for tables built from it. */
#define MUMBA_RUNTIME_SYMBOLS(X)                                               \
  X(MUMBA_SYMBOL_RAISE_INDEX_ERROR, mumbaRaiseIndexError)                      \
  X(MUMBA_SYMBOL_RAISE_USER, mumbaRaiseUser)                                   \
  X(MUMBA_SYMBOL_PRINT, mumbaPrint)                                            \
  X(MUMBA_SYMBOL_MOD_POW, mumbaModPow)                                         \
  X(MUMBA_SYMBOL_CHECK_STACK, mumbaCheckStack)                                 \
  X(MUMBA_SYMBOL_RAISE_BROADCAST, mumbaRaiseBroadcast)                         \
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
  X(MUMBA_SYMBOL_CMATH_EXP, mumbaCmathExp)                                     \
  X(MUMBA_SYMBOL_CMATH_LOG, mumbaCmathLog)                                     \
  X(MUMBA_SYMBOL_CMATH_SINH, mumbaCmathSinh)                                   \
  X(MUMBA_SYMBOL_CMATH_COSH, mumbaCmathCosh)                                   \
  X(MUMBA_SYMBOL_CMATH_TANH, mumbaCmathTanh)                                   \
  X(MUMBA_SYMBOL_CMATH_RECT, mumbaCmathRect)                                   \
  X(MUMBA_SYMBOL_PARALLEL_RAISE, mumbaParallelRaise)                           \
  X(MUMBA_SYMBOL_PARALLEL_STATUS, mumbaParallelStatus)                         \
  X(MUMBA_SYMBOL_GET_NUM_THREADS, mumbaGetNumThreads)                          \
  X(MUMBA_SYMBOL_RECORD_ARRAY_EXTENT, mumbaRecordArrayExtent)                  \
  X(MUMBA_SYMBOL_RAISE_ARRAY_MEMORY, mumbaRaiseArrayMemory)                    \
  X(MUMBA_SYMBOL_ALLOC, _mlir_memref_to_llvm_alloc)                            \
  X(MUMBA_SYMBOL_ALIGNED_ALLOC, _mlir_memref_to_llvm_aligned_alloc)            \
  X(MUMBA_SYMBOL_FREE, _mlir_memref_to_llvm_free)                              \
  MUMBA_RANDOM_SYMBOLS(X)

/* The np.random part of the list. */
#define MUMBA_RANDOM_SYMBOLS(X)                                                \
  X(MUMBA_SYMBOL_RANDOM_STATUS, mumbaRandomStatus)                             \
  X(MUMBA_SYMBOL_RANDOM_SAVE_STATE, mumbaRandomSaveState)                      \
  X(MUMBA_SYMBOL_RANDOM_RESTORE_STATE, mumbaRandomRestoreState)                \
  X(MUMBA_SYMBOL_RANDOM_SEED, mumbaRandomSeed)                                 \
  X(MUMBA_SYMBOL_RANDOM_RANDOM, mumbaRandomRandom)                             \
  X(MUMBA_SYMBOL_RANDOM_FILL_RANDOM, mumbaRandomFillRandom)                    \
  X(MUMBA_SYMBOL_RANDOM_UNIFORM, mumbaRandomUniform)                           \
  X(MUMBA_SYMBOL_RANDOM_RANDINT, mumbaRandomRandint)                           \
  X(MUMBA_SYMBOL_RANDOM_RANDOM_INTEGERS, mumbaRandomRandomIntegers)            \
  X(MUMBA_SYMBOL_RANDOM_RANDINT_FILL, mumbaRandomRandintFill)                  \
  X(MUMBA_SYMBOL_RANDOM_STANDARD_NORMAL, mumbaRandomStandardNormal)            \
  X(MUMBA_SYMBOL_RANDOM_NORMAL, mumbaRandomNormal)                             \
  X(MUMBA_SYMBOL_RANDOM_LOGNORMAL, mumbaRandomLognormal)                       \
  X(MUMBA_SYMBOL_RANDOM_STANDARD_EXPONENTIAL, mumbaRandomStandardExponential)  \
  X(MUMBA_SYMBOL_RANDOM_EXPONENTIAL, mumbaRandomExponential)                   \
  X(MUMBA_SYMBOL_RANDOM_STANDARD_GAMMA, mumbaRandomStandardGamma)              \
  X(MUMBA_SYMBOL_RANDOM_GAMMA, mumbaRandomGamma)                               \
  X(MUMBA_SYMBOL_RANDOM_BETA, mumbaRandomBeta)                                 \
  X(MUMBA_SYMBOL_RANDOM_CHISQUARE, mumbaRandomChisquare)                       \
  X(MUMBA_SYMBOL_RANDOM_F, mumbaRandomF)                                       \
  X(MUMBA_SYMBOL_RANDOM_STANDARD_T, mumbaRandomStandardT)                      \
  X(MUMBA_SYMBOL_RANDOM_STANDARD_CAUCHY, mumbaRandomStandardCauchy)            \
  X(MUMBA_SYMBOL_RANDOM_LAPLACE, mumbaRandomLaplace)                           \
  X(MUMBA_SYMBOL_RANDOM_LOGISTIC, mumbaRandomLogistic)                         \
  X(MUMBA_SYMBOL_RANDOM_GUMBEL, mumbaRandomGumbel)                             \
  X(MUMBA_SYMBOL_RANDOM_PARETO, mumbaRandomPareto)                             \
  X(MUMBA_SYMBOL_RANDOM_POWER, mumbaRandomPower)                               \
  X(MUMBA_SYMBOL_RANDOM_WEIBULL, mumbaRandomWeibull)                           \
  X(MUMBA_SYMBOL_RANDOM_RAYLEIGH, mumbaRandomRayleigh)                         \
  X(MUMBA_SYMBOL_RANDOM_TRIANGULAR, mumbaRandomTriangular)                     \
  X(MUMBA_SYMBOL_RANDOM_VONMISES, mumbaRandomVonmises)                         \
  X(MUMBA_SYMBOL_RANDOM_WALD, mumbaRandomWald)                                 \
  X(MUMBA_SYMBOL_RANDOM_BINOMIAL, mumbaRandomBinomial)                         \
  X(MUMBA_SYMBOL_RANDOM_NEGATIVE_BINOMIAL, mumbaRandomNegativeBinomial)        \
  X(MUMBA_SYMBOL_RANDOM_POISSON, mumbaRandomPoisson)                           \
  X(MUMBA_SYMBOL_RANDOM_GEOMETRIC, mumbaRandomGeometric)                       \
  X(MUMBA_SYMBOL_RANDOM_HYPERGEOMETRIC, mumbaRandomHypergeometric)             \
  X(MUMBA_SYMBOL_RANDOM_LOGSERIES, mumbaRandomLogseries)                       \
  X(MUMBA_SYMBOL_RANDOM_ZIPF, mumbaRandomZipf)                                 \
  X(MUMBA_SYMBOL_RANDOM_MULTINOMIAL, mumbaRandomMultinomial)                   \
  X(MUMBA_SYMBOL_RANDOM_SHUFFLE, mumbaRandomShuffle)                           \
  X(MUMBA_SYMBOL_RANDOM_PERMUTATION, mumbaRandomPermutation)                   \
  X(MUMBA_SYMBOL_RANDOM_CHOICE, mumbaRandomChoice)

#endif /* MUMBA_RUNTIME_SYMBOLS_H */

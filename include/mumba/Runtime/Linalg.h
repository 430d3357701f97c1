/*===- Linalg.h - BLAS and LAPACK behind @, np.dot, np.linalg ---*- C -*-===*\
|*                                                                          *|
|* What compiled code calls for matrix products and numpy.linalg, over     *|
|* OpenBLAS. docs/linalg.md says which routine serves which function.      *|
|*                                                                          *|
|* Views. A matrix argument X is five parameters, the fields of a 2-D      *|
|* strided memref: `x` (the address of x[0, 0], i.e. aligned pointer plus  *|
|* offset), `xRows`, `xCols`, `xRs`, `xCs` (row and column strides in      *|
|* elements, any sign). A vector is three: `x`, `xLen`, `xStride`. A 1-D   *|
|* right-hand side `b` of solve/lstsq is passed as an n x 1 matrix.        *|
|* Strides of a dimension of size 0 or 1 are never read.                   *|
|*                                                                          *|
|* Outputs are views too, allocated by the caller with the shapes each     *|
|* function documents; the functions check them. Inputs are never          *|
|* written, and outputs may overlap inputs.                                *|
|*                                                                          *|
|* Precision. Products compute in the element type (sgemm for float32, as *|
|* NumPy). Everything else computes in double or double complex and      *|
|* rounds the results to the element type, as numpy.linalg does.          *|
|*                                                                          *|
|* Every function returns a MumbaStatus: MUMBA_OK, MUMBA_LINALG_ERROR      *|
|* (numpy.linalg.LinAlgError with NumPy's message recorded on the thread), *|
|* or MUMBA_USER_EXCEPTION with class ValueError (bad shapes or arguments) *|
|* or MemoryError (no memory for a work buffer) recorded.                  *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_LINALG_H
#define MUMBA_RUNTIME_LINALG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The element type of every array argument of a call (`type`); outputs
   documented as "real" or "complex" take the real or complex type of the
   same precision. */
enum MumbaLinalgType {
  MUMBA_LINALG_F32 = 0,
  MUMBA_LINALG_F64 = 1,
  MUMBA_LINALG_C64 = 2,
  MUMBA_LINALG_C128 = 3,
};

/* np.linalg.qr's modes. */
enum MumbaLinalgQrMode {
  MUMBA_QR_REDUCED = 0,  /* q: m x k, r: k x n, k = min(m, n) */
  MUMBA_QR_COMPLETE = 1, /* q: m x m, r: m x n */
  MUMBA_QR_R = 2,        /* r only: k x n; q is NULL */
};

/*--- Products (LinalgProducts.c) -----------------------------------------*/

/* c = a @ b: a is m x k, b k x n, c m x n. A vector-matrix product passes
   the vector as a 1 x k matrix, a transposed operand as a view with rows
   and columns (and their strides) swapped. */
int mumbaLinalgGemm(int type, const void *a, int64_t aRows, int64_t aCols,
                    int64_t aRs, int64_t aCs, const void *b, int64_t bRows,
                    int64_t bCols, int64_t bRs, int64_t bCs, void *c,
                    int64_t cRows, int64_t cCols, int64_t cRs, int64_t cCs);

/* y = a @ x: a is m x n, x has n elements, y m. x @ a is the same call
   with a's view transposed. */
int mumbaLinalgGemv(int type, const void *a, int64_t aRows, int64_t aCols,
                    int64_t aRs, int64_t aCs, const void *x, int64_t xLen,
                    int64_t xStride, void *y, int64_t yLen, int64_t yStride);

/* *out = sum(x * y) (np.dot of two vectors); *out has the element type. */
int mumbaLinalgDot(int type, const void *x, int64_t xLen, int64_t xStride,
                   const void *y, int64_t yLen, int64_t yStride, void *out);

/* *out = sum(conj(x) * y) (np.vdot of two vectors). */
int mumbaLinalgVdot(int type, const void *x, int64_t xLen, int64_t xStride,
                    const void *y, int64_t yLen, int64_t yStride, void *out);

/* How many operands and results the products above have copied to a
   temporary because BLAS could not address them in place (for tests). */
long long mumbaLinalgProductCopies(void);

/*--- Shape errors (LinalgShapes.c) ---------------------------------------*/

/* Which NumPy function's message mumbaLinalgShapeError records. */
enum MumbaLinalgShapeKind {
  MUMBA_SHAPE_DOT = 0,    /* np.dot, np.inner: "shapes (2,3) and (4,) not
                             aligned: 3 (dim 1) != 4 (dim 0)" */
  MUMBA_SHAPE_MATMUL = 1, /* np.matmul, @: "matmul: Input operand 1 has a
                             mismatch in its core dimension 0, ..." */
  MUMBA_SHAPE_VDOT = 2,   /* np.vdot: "cannot reshape array of size 4 into
                             shape (3,)" */
  MUMBA_SHAPE_SOLVE1 = 3, /* solve with a 1-D b */
  MUMBA_SHAPE_SOLVE = 4,  /* solve with a 2-D b */
};

/* Records NumPy's ValueError for operands a (aNdim = 1: a0 elements; 2: a0
   x a1) and b whose summed (or solved) extents differ; compiled code then
   returns MUMBA_USER_EXCEPTION. The sizes compared are a's last extent (a0
   for solve) and b0. */
void mumbaLinalgShapeError(long long kind, long long aNdim, long long a0,
                           long long a1, long long bNdim, long long b0,
                           long long b1);

/*--- Solvers and factorisations (LinalgSolve.c, LinalgFactor.c) ----------*/

/* x = solve(a, b): a is n x n, b and x n x nrhs. */
int mumbaLinalgSolve(int type, const void *a, int64_t aRows, int64_t aCols,
                     int64_t aRs, int64_t aCs, const void *b, int64_t bRows,
                     int64_t bCols, int64_t bRs, int64_t bCs, void *x,
                     int64_t xRows, int64_t xCols, int64_t xRs, int64_t xCs);

/* out = inv(a): both n x n. */
int mumbaLinalgInv(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *out, int64_t outRows,
                   int64_t outCols, int64_t outRs, int64_t outCs);

/* *out = det(a), of the element type; a singular matrix gives 0. */
int mumbaLinalgDet(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *out);

/* slogdet(a): *sign of the element type (complex for complex a, 0 for a
   singular matrix), *logAbsDet real (-inf for a singular matrix). */
int mumbaLinalgSlogdet(int type, const void *a, int64_t aRows, int64_t aCols,
                       int64_t aRs, int64_t aCs, void *sign, void *logAbsDet);

/* l = cholesky(a), lower triangular, both n x n; only a's lower triangle
   is read. */
int mumbaLinalgCholesky(int type, const void *a, int64_t aRows, int64_t aCols,
                        int64_t aRs, int64_t aCs, void *l, int64_t lRows,
                        int64_t lCols, int64_t lRs, int64_t lCs);

/* qr(a, mode) with a m x n; the shapes of q and r are those of
   MumbaLinalgQrMode. */
int mumbaLinalgQr(int type, int mode, const void *a, int64_t aRows,
                  int64_t aCols, int64_t aRs, int64_t aCs, void *q,
                  int64_t qRows, int64_t qCols, int64_t qRs, int64_t qCs,
                  void *r, int64_t rRows, int64_t rCols, int64_t rRs,
                  int64_t rCs);

/* lstsq(a, b, rcond) with a m x n, b m x nrhs: x is n x nrhs; s (real)
   has min(m, n) elements; *rank. The residuals (real) need room for nrhs
   elements; NumPy returns them only when rank == n < m, so the number
   written (nrhs or 0) comes back in *residualsCount and the caller returns
   that many. rcond is passed to gelsd as it is: NumPy's default
   (rcond=None) is 2.220446049250313e-16 * max(m, n) (float64's epsilon for
   every dtype, since NumPy computes in double); -1 means machine
   precision. */
int mumbaLinalgLstsq(int type, double rcond, const void *a, int64_t aRows,
                     int64_t aCols, int64_t aRs, int64_t aCs, const void *b,
                     int64_t bRows, int64_t bCols, int64_t bRs, int64_t bCs,
                     void *x, int64_t xRows, int64_t xCols, int64_t xRs,
                     int64_t xCs, void *residuals, int64_t residualsLen,
                     int64_t residualsStride, int64_t *residualsCount,
                     int64_t *rank, void *s, int64_t sLen, int64_t sStride);

/*--- Eigenvalues and singular values (LinalgSpectral.c, LinalgSvd.c) -----*/

/* eig(a) (or eigvals(a) when v is NULL), a n x n: w (n elements) and v
   (n x n, eigenvectors in columns) are complex. NumPy returns real arrays
   for real a when every eigenvalue is real, so *allReal says whether every
   imaginary part is zero (always 0 for complex a); a caller typed for real
   results takes the real parts then. */
int mumbaLinalgEig(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *w, int64_t wLen,
                   int64_t wStride, void *v, int64_t vRows, int64_t vCols,
                   int64_t vRs, int64_t vCs, int64_t *allReal);

/* eigh(a, UPLO) (or eigvalsh when v is NULL): uplo is 'L' or 'U' (the
   character code), a n x n; w real, ascending; v n x n of the element
   type. */
int mumbaLinalgEigh(int type, int uplo, const void *a, int64_t aRows,
                    int64_t aCols, int64_t aRs, int64_t aCs, void *w,
                    int64_t wLen, int64_t wStride, void *v, int64_t vRows,
                    int64_t vCols, int64_t vRs, int64_t vCs);

/* svd(a, full_matrices, compute_uv) with a m x n, k = min(m, n): s real,
   k elements, descending; u m x m (full) or m x k, vh n x n or k x n, of
   the element type. compute_uv=False passes u and vh as NULL. */
int mumbaLinalgSvd(int type, int fullMatrices, const void *a, int64_t aRows,
                   int64_t aCols, int64_t aRs, int64_t aCs, void *s,
                   int64_t sLen, int64_t sStride, void *u, int64_t uRows,
                   int64_t uCols, int64_t uRs, int64_t uCs, void *vh,
                   int64_t vhRows, int64_t vhCols, int64_t vhRs, int64_t vhCs);

/* out = pinv(a, rcond): a m x n, out n x m. NumPy's default rcond is
   1e-15. */
int mumbaLinalgPinv(int type, double rcond, const void *a, int64_t aRows,
                    int64_t aCols, int64_t aRs, int64_t aCs, void *out,
                    int64_t outRows, int64_t outCols, int64_t outRs,
                    int64_t outCs);

/* *rank = matrix_rank(a, tol) for a 2-D a. hasTol = 0 is tol=None:
   S.max() * max(m, n) * eps, eps that of a's real type (float32's for
   float32 and complex64). */
int mumbaLinalgMatrixRank(int type, int hasTol, double tol, const void *a,
                          int64_t aRows, int64_t aCols, int64_t aRs,
                          int64_t aCs, int64_t *rank);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_LINALG_H */

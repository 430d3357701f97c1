/*===- LinalgSolve.c - solve, inv, det, slogdet and lstsq over LAPACK -----===*/
#include "Lapack.h"
#include "LinalgCommon.h"
#include "mumba/Runtime/Status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* x = a^-1 b for a n x n and b n x nrhs, both column-major work buffers
   with leading dimension n; b is overwritten with x. */
static int gesv(int type, int n, int nrhs, void *a, void *b) {
  int status = MUMBA_OK, info = 0;
  int *ipiv = lgAlloc(n, sizeof(int), &status);
  if (!ipiv)
    return status;
  if (lgIsComplex(type))
    zgesv_(&n, &nrhs, a, &n, ipiv, b, &n, &info);
  else
    dgesv_(&n, &nrhs, a, &n, ipiv, b, &n, &info);
  free(ipiv);
  if (info > 0)
    return lgLinAlgError("Singular matrix");
  return info < 0 ? lgLapackFailure("gesv", info) : MUMBA_OK;
}

/* Solves a x = b with b either a view (identity == 0) or the identity, and
   writes x into out. */
static int solveInto(int type, LgMat A, LgMat B, int identity, LgMat X) {
  int64_t n = A.rows, nrhs = identity ? n : B.cols;
  int status = MUMBA_OK;
  if (n == 0 || nrhs == 0)
    return MUMBA_OK;
  size_t size = lgWorkSize(type);
  void *a = lgAlloc(n * n, size, &status);
  void *b = a ? lgAlloc(n * nrhs, size, &status) : NULL;
  if (b) {
    lgLoad(type, A, a, n);
    if (identity)
      lgIdentity(type, b, n, n);
    else
      lgLoad(type, B, b, n);
    status = gesv(type, (int)n, (int)nrhs, a, b);
    if (status == MUMBA_OK)
      lgStore(type, b, n, X);
  }
  free(a);
  free(b);
  return status;
}

int mumbaLinalgSolve(int type, const void *a, int64_t aRows, int64_t aCols,
                     int64_t aRs, int64_t aCs, const void *b, int64_t bRows,
                     int64_t bCols, int64_t bRs, int64_t bCs, void *x,
                     int64_t xRows, int64_t xCols, int64_t xRs, int64_t xCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat B = lgMat(b, bRows, bCols, bRs, bCs);
  LgMat X = lgMat(x, xRows, xCols, xRs, xCs);
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckSquare(A)))
    return status;
  if (bRows != aRows)
    return lgValueError("solve: Input operand 1 has a mismatch in its core "
                        "dimension 0, with gufunc signature (m,m),(m,n)->(m,n) "
                        "(size %lld is different from %lld)",
                        (long long)bRows, (long long)aRows);
  if ((status = lgCheckShape("solve", "the result", X, aRows, bCols)) ||
      (status = lgCheckBlasSize(aRows)) || (status = lgCheckBlasSize(bCols)))
    return status;
  return solveInto(type, A, B, 0, X);
}

int mumbaLinalgInv(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *out, int64_t outRows,
                   int64_t outCols, int64_t outRs, int64_t outCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat Out = lgMat(out, outRows, outCols, outRs, outCs);
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckSquare(A)) ||
      (status = lgCheckShape("inv", "the result", Out, aRows, aRows)) ||
      (status = lgCheckBlasSize(aRows)))
    return status;
  /* As NumPy: solve against the identity. */
  return solveInto(type, A, A, 1, Out);
}

/* The sign and log-magnitude of det(a) from its LU factors, the way NumPy
   accumulates them: the permutation's parity, then each pivot's sign (its
   phase for complex) and log|pivot|. */
static int logDet(int type, LgMat A, double complex *sign, double *logDet) {
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckSquare(A)) ||
      (status = lgCheckBlasSize(A.rows)))
    return status;
  int n = (int)A.rows, info = 0;
  *sign = 1;
  *logDet = 0;
  if (n == 0)
    return MUMBA_OK;
  void *a = lgAlloc((int64_t)n * n, lgWorkSize(type), &status);
  int *ipiv = a ? lgAlloc(n, sizeof(int), &status) : NULL;
  if (!ipiv) {
    free(a);
    return status;
  }
  lgLoad(type, A, a, n);
  if (lgIsComplex(type))
    zgetrf_(&n, &n, a, &n, ipiv, &info);
  else
    dgetrf_(&n, &n, a, &n, ipiv, &info);
  if (info > 0) {
    /* An exactly zero pivot: singular. */
    *sign = 0;
    *logDet = -INFINITY;
  } else if (info < 0) {
    status = lgLapackFailure("getrf", info);
  } else {
    int swaps = 0;
    for (int i = 0; i < n; ++i)
      swaps += ipiv[i] != i + 1;
    double complex s = swaps % 2 ? -1 : 1;
    double acc = 0;
    for (int i = 0; i < n; ++i) {
      if (lgIsComplex(type)) {
        double complex d = ((double complex *)a)[i + (int64_t)i * n];
        double magnitude = cabs(d);
        s *= d / magnitude;
        acc += log(magnitude);
      } else {
        double d = ((double *)a)[i + (int64_t)i * n];
        if (d < 0) {
          s = -s;
          d = -d;
        }
        acc += log(d);
      }
    }
    *sign = s;
    *logDet = acc;
  }
  free(a);
  free(ipiv);
  return status;
}

/* Stores one value of the work type as a scalar of type. */
static void storeScalar(int type, double complex value, void *out) {
  if (lgIsComplex(type))
    lgStore(type, &value, 1, lgMat(out, 1, 1, 1, 1));
  else {
    double real = creal(value);
    lgStore(type, &real, 1, lgMat(out, 1, 1, 1, 1));
  }
}

int mumbaLinalgDet(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *out) {
  double complex sign;
  double logAbs;
  int status = logDet(type, lgMat(a, aRows, aCols, aRs, aCs), &sign, &logAbs);
  if (status == MUMBA_OK)
    storeScalar(type, sign * exp(logAbs), out);
  return status;
}

int mumbaLinalgSlogdet(int type, const void *a, int64_t aRows, int64_t aCols,
                       int64_t aRs, int64_t aCs, void *sign, void *logAbsDet) {
  double complex s;
  double logAbs;
  int status = logDet(type, lgMat(a, aRows, aCols, aRs, aCs), &s, &logAbs);
  if (status == MUMBA_OK) {
    storeScalar(type, s, sign);
    storeScalar(lgRealType(type), logAbs, logAbsDet);
  }
  return status;
}

/* gelsd on work buffers: a m x n (ld max(1, m)), b ldb x nrhs; s gets
   min(m, n) singular values. */
static int gelsd(int type, int m, int n, int nrhs, void *a, void *b, int ldb,
                 double *s, double rcond, int *rank) {
  int lda = m > 1 ? m : 1, lwork = -1, info = 0, status = MUMBA_OK;
  int iworkQuery = 0;
  double complex workQuery = 0;
  double rworkQuery = 0;
  if (lgIsComplex(type))
    zgelsd_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank, &workQuery,
            &lwork, &rworkQuery, &iworkQuery, &info);
  else
    dgelsd_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank,
            (double *)&workQuery, &lwork, &iworkQuery, &info);
  if (info < 0)
    return lgLapackFailure("gelsd", info);
  lwork = lgWorkCount(creal(workQuery), 1);
  int liwork = iworkQuery > 1 ? iworkQuery : 1;
  int lrwork = lgWorkCount(rworkQuery, 1);
  void *work = lgAlloc(lwork, lgWorkSize(type), &status);
  int *iwork = work ? lgAlloc(liwork, sizeof(int), &status) : NULL;
  double *rwork = NULL;
  if (iwork && lgIsComplex(type))
    rwork = lgAlloc(lrwork, sizeof(double), &status);
  if (iwork && (rwork || !lgIsComplex(type))) {
    if (lgIsComplex(type))
      zgelsd_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank, work, &lwork,
              rwork, iwork, &info);
    else
      dgelsd_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, rank, work, &lwork,
              iwork, &info);
    if (info > 0)
      status = lgLinAlgError("SVD did not converge in Linear Least Squares");
    else if (info < 0)
      status = lgLapackFailure("gelsd", info);
  }
  free(work);
  free(iwork);
  free(rwork);
  return status;
}

int mumbaLinalgLstsq(int type, double rcond, const void *a, int64_t aRows,
                     int64_t aCols, int64_t aRs, int64_t aCs, const void *b,
                     int64_t bRows, int64_t bCols, int64_t bRs, int64_t bCs,
                     void *x, int64_t xRows, int64_t xCols, int64_t xRs,
                     int64_t xCs, void *residuals, int64_t residualsLen,
                     int64_t residualsStride, int64_t *residualsCount,
                     int64_t *rank, void *s, int64_t sLen, int64_t sStride) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat B = lgMat(b, bRows, bCols, bRs, bCs);
  LgMat X = lgMat(x, xRows, xCols, xRs, xCs);
  int64_t m = aRows, n = aCols, nrhs = bCols, k = m < n ? m : n;
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckBlasSize(m)) ||
      (status = lgCheckBlasSize(n)) || (status = lgCheckBlasSize(nrhs)))
    return status;
  if (bRows != m)
    return lgLinAlgError("Incompatible dimensions");
  if ((status = lgCheckShape("lstsq", "x", X, n, nrhs)) ||
      (status = lgCheckShape("lstsq", "s", lgVec(s, sLen, sStride), k, 1)))
    return status;
  if (residualsLen < nrhs)
    return lgValueError("lstsq: residuals have room for %lld values, %lld "
                        "needed",
                        (long long)residualsLen, (long long)nrhs);

  /* b's buffer holds x (n rows) on the way out; LAPACK cannot take zero
     right-hand sides, so NumPy passes one column of zeros then. */
  int64_t ldb = m > n ? m : n, cols = nrhs > 0 ? nrhs : 1;
  if (ldb < 1)
    ldb = 1;
  size_t size = lgWorkSize(type);
  void *wa = lgAlloc(m * n, size, &status);
  void *wb = wa ? lgAlloc(ldb * cols, size, &status) : NULL;
  double *ws = wb ? lgAlloc(k, sizeof(double), &status) : NULL;
  if (!ws)
    goto done;
  memset(wb, 0, (size_t)(ldb * cols) * size);
  lgLoad(type, A, wa, m > 1 ? m : 1);
  lgLoad(type, B, wb, ldb);
  int r = 0;
  /* With no rows or no columns LAPACK returns at once: rank 0, b as it
     was (zero when m == 0, as NumPy sets x then). */
  if (m > 0 && n > 0 &&
      (status = gelsd(type, (int)m, (int)n, (int)cols, wa, wb, (int)ldb, ws,
                      rcond, &r)))
    goto done;
  lgStore(type, wb, ldb, X);
  lgStore(lgRealType(type), ws, k, lgVec(s, k, sStride));
  *rank = r;
  *residualsCount = 0;
  if (r == n && m > n) {
    /* |b - a x|^2 per column: the squares of b's rows past n. */
    for (int64_t j = 0; j < nrhs; ++j) {
      double sum = 0;
      for (int64_t i = n; i < m; ++i) {
        int64_t at = i + j * ldb;
        if (lgIsComplex(type)) {
          double complex v = ((double complex *)wb)[at];
          sum += creal(v) * creal(v) + cimag(v) * cimag(v);
        } else {
          double v = ((double *)wb)[at];
          sum += v * v;
        }
      }
      storeScalar(lgRealType(type), sum,
                  (char *)residuals +
                      j * residualsStride * (int64_t)lgSize(lgRealType(type)));
    }
    *residualsCount = nrhs;
  }
done:
  free(wa);
  free(wb);
  free(ws);
  return status;
}

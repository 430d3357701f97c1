/*===- LinalgFactor.c - cholesky and qr over LAPACK -----------------------===*/
#include "Lapack.h"
#include "LinalgCommon.h"
#include "mumba/Runtime/Status.h"

#include <stdlib.h>
#include <string.h>

/* Zeroes the strictly upper triangle of an n x n column-major work
   matrix. */
static void clearUpper(int type, void *a, int64_t n) {
  size_t size = lgWorkSize(type);
  for (int64_t j = 1; j < n; ++j)
    memset((char *)a + j * n * (int64_t)size, 0, (size_t)j * size);
}

int mumbaLinalgCholesky(int type, const void *a, int64_t aRows, int64_t aCols,
                        int64_t aRs, int64_t aCs, void *l, int64_t lRows,
                        int64_t lCols, int64_t lRs, int64_t lCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat L = lgMat(l, lRows, lCols, lRs, lCs);
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckSquare(A)) ||
      (status = lgCheckShape("cholesky", "the result", L, aRows, aRows)) ||
      (status = lgCheckBlasSize(aRows)))
    return status;
  int n = (int)aRows, info = 0;
  if (n == 0)
    return MUMBA_OK;
  void *w = lgAlloc((int64_t)n * n, lgWorkSize(type), &status);
  if (!w)
    return status;
  lgLoad(type, A, w, n);
  if (lgIsComplex(type))
    zpotrf_("L", &n, w, &n, &info, 1);
  else
    dpotrf_("L", &n, w, &n, &info, 1);
  if (info > 0)
    status = lgLinAlgError("Matrix is not positive definite");
  else if (info < 0)
    status = lgLapackFailure("potrf", info);
  else {
    /* potrf leaves the upper triangle as it found it. */
    clearUpper(type, w, n);
    lgStore(type, w, n, L);
  }
  free(w);
  return status;
}

/* geqrf on a work matrix m x n with leading dimension m: r in the upper
   triangle, the reflectors below it and in tau. */
static int geqrf(int type, int m, int n, void *w, void *tau) {
  int lwork = -1, info = 0, status = MUMBA_OK;
  double complex query = 0;
  if (lgIsComplex(type))
    zgeqrf_(&m, &n, w, &m, tau, &query, &lwork, &info);
  else
    dgeqrf_(&m, &n, w, &m, tau, (double *)&query, &lwork, &info);
  if (info < 0)
    return lgLapackFailure("geqrf", info);
  lwork = lgWorkCount(creal(query), 1);
  void *work = lgAlloc(lwork, lgWorkSize(type), &status);
  if (!work)
    return status;
  if (lgIsComplex(type))
    zgeqrf_(&m, &n, w, &m, tau, work, &lwork, &info);
  else
    dgeqrf_(&m, &n, w, &m, tau, work, &lwork, &info);
  if (info < 0)
    status = lgLapackFailure("geqrf", info);
  free(work);
  return status;
}

/* q's first qCols columns from geqrf's k reflectors (orgqr/ungqr), in
   place. */
static int formQ(int type, int m, int qCols, int k, void *w, void *tau) {
  int lwork = -1, info = 0, status = MUMBA_OK;
  double complex query = 0;
  if (lgIsComplex(type))
    zungqr_(&m, &qCols, &k, w, &m, tau, &query, &lwork, &info);
  else
    dorgqr_(&m, &qCols, &k, w, &m, tau, (double *)&query, &lwork, &info);
  if (info < 0)
    return lgLapackFailure("orgqr", info);
  lwork = lgWorkCount(creal(query), 1);
  void *work = lgAlloc(lwork, lgWorkSize(type), &status);
  if (!work)
    return status;
  if (lgIsComplex(type))
    zungqr_(&m, &qCols, &k, w, &m, tau, work, &lwork, &info);
  else
    dorgqr_(&m, &qCols, &k, w, &m, tau, work, &lwork, &info);
  if (info < 0)
    status = lgLapackFailure("orgqr", info);
  free(work);
  return status;
}

int mumbaLinalgQr(int type, int mode, const void *a, int64_t aRows,
                  int64_t aCols, int64_t aRs, int64_t aCs, void *q,
                  int64_t qRows, int64_t qCols, int64_t qRs, int64_t qCs,
                  void *r, int64_t rRows, int64_t rCols, int64_t rRs,
                  int64_t rCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat Q = lgMat(q, qRows, qCols, qRs, qCs);
  LgMat R = lgMat(r, rRows, rCols, rRs, rCs);
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckBlasSize(aRows)) ||
      (status = lgCheckBlasSize(aCols)))
    return status;
  if (mode != MUMBA_QR_REDUCED && mode != MUMBA_QR_COMPLETE &&
      mode != MUMBA_QR_R)
    return lgValueError("Unrecognized mode '%d'", mode);
  int64_t m = aRows, n = aCols, k = m < n ? m : n;
  int64_t qc = mode == MUMBA_QR_COMPLETE ? m : k;
  int64_t rr = mode == MUMBA_QR_COMPLETE ? m : k;
  int wantQ = mode != MUMBA_QR_R;
  if ((wantQ && (status = lgCheckShape("qr", "q", Q, m, qc))) ||
      (status = lgCheckShape("qr", "r", R, rr, n)))
    return status;

  int64_t ld = m > 1 ? m : 1, cols = n > qc ? n : qc;
  size_t size = lgWorkSize(type);
  void *w = lgAlloc(ld * cols, size, &status);
  void *tau = w ? lgAlloc(k, size, &status) : NULL;
  if (!tau)
    goto done;
  memset(w, 0, (size_t)(ld * cols) * size);
  lgLoad(type, A, w, ld);
  if (k > 0 && (status = geqrf(type, (int)m, (int)n, w, tau)))
    goto done;
  /* r: the upper triangle of the factored rows, zero below. */
  {
    void *rw = lgAlloc(rr * n, size, &status);
    if (!rw)
      goto done;
    memset(rw, 0, (size_t)(rr * n) * size);
    int64_t ldr = rr > 1 ? rr : 1;
    for (int64_t j = 0; j < n; ++j) {
      int64_t top = j < rr - 1 ? j : rr - 1;
      memcpy((char *)rw + j * ldr * (int64_t)size,
             (char *)w + j * ld * (int64_t)size, (size_t)(top + 1) * size);
    }
    lgStore(type, rw, ldr, R);
    free(rw);
  }
  if (wantQ) {
    if (k == 0)
      /* No reflectors: q is the identity (complete) or empty. */
      lgIdentity(type, w, qc, ld);
    else if ((status = formQ(type, (int)m, (int)qc, (int)k, w, tau)))
      goto done;
    lgStore(type, w, ld, Q);
  }
done:
  free(w);
  free(tau);
  return status;
}

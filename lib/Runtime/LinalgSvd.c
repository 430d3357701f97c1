/*===- LinalgSvd.c - svd, pinv and matrix_rank over LAPACK's gesdd --------===*/
#include "Lapack.h"
#include "LinalgCommon.h"
#include "mumba/Runtime/Status.h"

#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

/* gesdd on a work matrix a (m x n, leading dimension m, m and n >= 1):
   jobz 'N' (s only), 'S' (u m x k, vt k x n) or 'A' (u m x m, vt n x n);
   u has leading dimension m, vt ldvt. a is overwritten. */
static int gesdd(int type, char jobz, int m, int n, void *a, double *s, void *u,
                 void *vt, int ldvt) {
  int k = m < n ? m : n, mx = m < n ? n : m;
  int lwork = -1, info = 0, status = MUMBA_OK;
  int ldu = jobz == 'N' ? 1 : m;
  if (jobz == 'N')
    ldvt = 1;
  double complex query = 0, dummy = 0;
  void *work = NULL;
  double *rwork = NULL;
  int *iwork = lgAlloc(8 * (int64_t)k, sizeof(int), &status);
  if (!iwork)
    return status;
  if (!u)
    u = vt = &dummy;
  if (lgIsComplex(type)) {
    /* LAPACK's documented minimum for rwork. */
    int64_t kk = k, lrwork = 7 * kk;
    if (jobz != 'N') {
      int64_t a1 = 5 * kk * kk + 5 * kk, a2 = 2 * mx * kk + 2 * kk * kk + kk;
      lrwork = a1 > a2 ? a1 : a2;
    }
    if (!(rwork = lgAlloc(lrwork, sizeof(double), &status)))
      goto done;
    zgesdd_(&jobz, &m, &n, a, &m, s, u, &ldu, vt, &ldvt, &query, &lwork, rwork,
            iwork, &info, 1);
  } else {
    dgesdd_(&jobz, &m, &n, a, &m, s, u, &ldu, vt, &ldvt, (double *)&query,
            &lwork, iwork, &info, 1);
  }
  if (info < 0) {
    status = lgLapackFailure("gesdd", info);
    goto done;
  }
  lwork = lgWorkCount(creal(query), 1);
  if (!(work = lgAlloc(lwork, lgWorkSize(type), &status)))
    goto done;
  if (lgIsComplex(type))
    zgesdd_(&jobz, &m, &n, a, &m, s, u, &ldu, vt, &ldvt, work, &lwork, rwork,
            iwork, &info, 1);
  else
    dgesdd_(&jobz, &m, &n, a, &m, s, u, &ldu, vt, &ldvt, work, &lwork, iwork,
            &info, 1);
  if (info > 0)
    status = lgLinAlgError("SVD did not converge");
  else if (info < 0)
    status = lgLapackFailure("gesdd", info);
done:
  free(iwork);
  free(rwork);
  free(work);
  return status;
}

/* Writes the identity into an n x n view. */
static int storeIdentity(int type, LgMat m) {
  int status = MUMBA_OK;
  int64_t n = m.rows, ld = n > 1 ? n : 1;
  void *w = lgAlloc(ld * n, lgWorkSize(type), &status);
  if (w) {
    lgIdentity(type, w, n, ld);
    lgStore(type, w, ld, m);
    free(w);
  }
  return status;
}

int mumbaLinalgSvd(int type, int fullMatrices, const void *a, int64_t aRows,
                   int64_t aCols, int64_t aRs, int64_t aCs, void *s,
                   int64_t sLen, int64_t sStride, void *u, int64_t uRows,
                   int64_t uCols, int64_t uRs, int64_t uCs, void *vh,
                   int64_t vhRows, int64_t vhCols, int64_t vhRs, int64_t vhCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat S = lgVec(s, sLen, sStride);
  LgMat U = lgMat(u, uRows, uCols, uRs, uCs);
  LgMat VH = lgMat(vh, vhRows, vhCols, vhRs, vhCs);
  int64_t m = aRows, n = aCols, k = m < n ? m : n;
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckBlasSize(m)) ||
      (status = lgCheckBlasSize(n)))
    return status;
  if (!u != !vh)
    return lgValueError("svd: u and vh are both given or both NULL");
  int uv = u != NULL;
  int64_t uc = fullMatrices ? m : k, vr = fullMatrices ? n : k;
  if ((status = lgCheckShape("svd", "s", S, k, 1)) ||
      (uv && ((status = lgCheckShape("svd", "u", U, m, uc)) ||
              (status = lgCheckShape("svd", "vh", VH, vr, n)))))
    return status;
  if (k == 0) {
    /* Nothing to factor; the full bases are the identities. */
    if (uv && fullMatrices && !(status = storeIdentity(type, U)))
      status = storeIdentity(type, VH);
    return status;
  }
  size_t size = lgWorkSize(type);
  char jobz = !uv ? 'N' : fullMatrices ? 'A' : 'S';
  void *wa = lgAlloc(m * n, size, &status);
  double *ws = wa ? lgAlloc(k, sizeof(double), &status) : NULL;
  void *wu = ws && uv ? lgAlloc(m * uc, size, &status) : NULL;
  void *wvt = wu ? lgAlloc(vr * n, size, &status) : NULL;
  if (!ws || (uv && !wvt))
    goto done;
  lgLoad(type, A, wa, m);
  if ((status = gesdd(type, jobz, (int)m, (int)n, wa, ws, wu, wvt, (int)vr)))
    goto done;
  lgStore(lgRealType(type), ws, k, S);
  if (uv) {
    lgStore(type, wu, m, U);
    lgStore(type, wvt, vr, VH);
  }
done:
  free(wa);
  free(ws);
  free(wu);
  free(wvt);
  return status;
}

/* The largest of n values, NaN if one is NaN (as np.amax). */
static double maxOf(const double *s, int64_t n) {
  double best = -INFINITY;
  for (int64_t i = 0; i < n; ++i) {
    if (isnan(s[i]))
      return s[i];
    if (s[i] > best)
      best = s[i];
  }
  return best;
}

int mumbaLinalgPinv(int type, double rcond, const void *a, int64_t aRows,
                    int64_t aCols, int64_t aRs, int64_t aCs, void *out,
                    int64_t outRows, int64_t outCols, int64_t outRs,
                    int64_t outCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat Out = lgMat(out, outRows, outCols, outRs, outCs);
  int64_t m = aRows, n = aCols, k = m < n ? m : n;
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckBlasSize(m)) ||
      (status = lgCheckBlasSize(n)) ||
      (status = lgCheckShape("pinv", "the result", Out, n, m)))
    return status;
  if (k == 0)
    return MUMBA_OK;
  size_t size = lgWorkSize(type);
  void *wa = lgAlloc(m * n, size, &status);
  double *ws = wa ? lgAlloc(k, sizeof(double), &status) : NULL;
  void *wu = ws ? lgAlloc(m * k, size, &status) : NULL;
  void *wvt = wu ? lgAlloc(k * n, size, &status) : NULL;
  void *wout = wvt ? lgAlloc(n * m, size, &status) : NULL;
  if (!wout)
    goto done;
  lgLoad(type, A, wa, m);
  if ((status = gesdd(type, 'S', (int)m, (int)n, wa, ws, wu, wvt, (int)k)))
    goto done;
  /* pinv = V diag(1/s) U^H over the singular values above the cutoff:
     scale u's columns, then one product. */
  double cutoff = rcond * maxOf(ws, k);
  for (int64_t l = 0; l < k; ++l) {
    double f = ws[l] > cutoff ? 1 / ws[l] : 0;
    for (int64_t i = 0; i < m; ++i) {
      if (lgIsComplex(type))
        ((double complex *)wu)[i + l * m] *= f;
      else
        ((double *)wu)[i + l * m] *= f;
    }
  }
  if (lgIsComplex(type)) {
    double complex one = 1, zero = 0;
    cblas_zgemm(CblasColMajor, CblasConjTrans, CblasConjTrans, (int)n, (int)m,
                (int)k, &one, wvt, (int)k, wu, (int)m, &zero, wout, (int)n);
  } else {
    cblas_dgemm(CblasColMajor, CblasTrans, CblasTrans, (int)n, (int)m, (int)k,
                1.0, wvt, (int)k, wu, (int)m, 0.0, wout, (int)n);
  }
  lgStore(type, wout, n, Out);
done:
  free(wa);
  free(ws);
  free(wu);
  free(wvt);
  free(wout);
  return status;
}

int mumbaLinalgMatrixRank(int type, int hasTol, double tol, const void *a,
                          int64_t aRows, int64_t aCols, int64_t aRs,
                          int64_t aCs, int64_t *rank) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  int64_t m = aRows, n = aCols, k = m < n ? m : n, mx = m < n ? n : m;
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckBlasSize(m)) ||
      (status = lgCheckBlasSize(n)))
    return status;
  if (k == 0) {
    if (!hasTol)
      return lgValueError("zero-size array to reduction operation maximum "
                          "which has no identity");
    *rank = 0;
    return MUMBA_OK;
  }
  void *wa = lgAlloc(m * n, lgWorkSize(type), &status);
  double *ws = wa ? lgAlloc(k, sizeof(double), &status) : NULL;
  if (!ws)
    goto done;
  lgLoad(type, A, wa, m);
  if ((status = gesdd(type, 'N', (int)m, (int)n, wa, ws, NULL, NULL, 1)))
    goto done;
  /* NumPy compares the singular values as svd returns them, rounded to
     a's precision, and its default tolerance uses that precision's eps. */
  int single = lgRealType(type) == MUMBA_LINALG_F32;
  if (single)
    for (int64_t i = 0; i < k; ++i)
      ws[i] = (float)ws[i];
  double threshold = tol;
  if (!hasTol) {
    double smax = maxOf(ws, k);
    threshold = single ? (double)((float)smax * (float)mx * FLT_EPSILON)
                       : smax * (double)mx * DBL_EPSILON;
  }
  int64_t count = 0;
  for (int64_t i = 0; i < k; ++i)
    count += ws[i] > threshold;
  *rank = count;
done:
  free(wa);
  free(ws);
  return status;
}

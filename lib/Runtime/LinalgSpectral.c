/*===- LinalgSpectral.c - eig and eigh over LAPACK ------------------------===*/
#include "Lapack.h"
#include "LinalgCommon.h"
#include "mumba/Runtime/Status.h"

#include <stdlib.h>

/* Checks the outputs of eig/eigh: w has n elements, v (when given) is
   n x n. */
static int checkEigOutputs(const char *function, int64_t n, int64_t wLen,
                           LgMat V, int wantV) {
  if (wLen != n)
    return lgValueError("%s: the eigenvalues have %lld elements, expected "
                        "%lld",
                        function, (long long)wLen, (long long)n);
  return wantV ? lgCheckShape(function, "the eigenvectors", V, n, n) : MUMBA_OK;
}

/* dgeev for a real work matrix: eigenvalues wr + i wi, right eigenvectors
   in vr (n x n) when wanted, in LAPACK's packed form. */
static int dgeev(int n, double *a, double *wr, double *wi, double *vr) {
  int lwork = -1, info = 0, one = 1, status = MUMBA_OK;
  int ldvr = vr ? n : 1;
  double query = 0, dummy = 0;
  const char *jobvr = vr ? "V" : "N";
  dgeev_("N", jobvr, &n, a, &n, wr, wi, &dummy, &one, vr ? vr : &dummy, &ldvr,
         &query, &lwork, &info, 1, 1);
  if (info < 0)
    return lgLapackFailure("geev", info);
  lwork = lgWorkCount(query, 1);
  double *work = lgAlloc(lwork, sizeof(double), &status);
  if (!work)
    return status;
  dgeev_("N", jobvr, &n, a, &n, wr, wi, &dummy, &one, vr ? vr : &dummy, &ldvr,
         work, &lwork, &info, 1, 1);
  free(work);
  if (info > 0)
    return lgLinAlgError("Eigenvalues did not converge");
  return info < 0 ? lgLapackFailure("geev", info) : MUMBA_OK;
}

/* zgeev for a complex work matrix. */
static int zgeev(int n, void *a, void *w, void *vr) {
  int lwork = -1, info = 0, one = 1, status = MUMBA_OK;
  int ldvr = vr ? n : 1;
  double complex query = 0, dummy = 0;
  const char *jobvr = vr ? "V" : "N";
  double *rwork = lgAlloc(2 * (int64_t)n, sizeof(double), &status);
  if (!rwork)
    return status;
  zgeev_("N", jobvr, &n, a, &n, w, &dummy, &one, vr ? vr : &dummy, &ldvr,
         &query, &lwork, rwork, &info, 1, 1);
  if (info < 0) {
    free(rwork);
    return lgLapackFailure("geev", info);
  }
  lwork = lgWorkCount(creal(query), 1);
  void *work = lgAlloc(lwork, sizeof(double complex), &status);
  if (work)
    zgeev_("N", jobvr, &n, a, &n, w, &dummy, &one, vr ? vr : &dummy, &ldvr,
           work, &lwork, rwork, &info, 1, 1);
  free(work);
  free(rwork);
  if (status)
    return status;
  if (info > 0)
    return lgLinAlgError("Eigenvalues did not converge");
  return info < 0 ? lgLapackFailure("geev", info) : MUMBA_OK;
}

int mumbaLinalgEig(int type, const void *a, int64_t aRows, int64_t aCols,
                   int64_t aRs, int64_t aCs, void *w, int64_t wLen,
                   int64_t wStride, void *v, int64_t vRows, int64_t vCols,
                   int64_t vRs, int64_t vCs, int64_t *allReal) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat W = lgVec(w, wLen, wStride), V = lgMat(v, vRows, vCols, vRs, vCs);
  int status;
  if ((status = lgCheckType(type)) || (status = lgCheckSquare(A)) ||
      (status = checkEigOutputs("eig", aRows, wLen, V, v != NULL)) ||
      (status = lgCheckBlasSize(aRows)))
    return status;
  if (!lgAllFinite(type, A))
    return lgLinAlgError("Array must not contain infs or NaNs");
  int64_t n = aRows;
  /* NumPy returns real arrays for an empty real matrix too. */
  *allReal = !lgIsComplex(type);
  if (n == 0)
    return MUMBA_OK;

  int complexType = lgComplexType(type);
  double *wa =
      lgAlloc(n * n * (lgIsComplex(type) ? 2 : 1), sizeof(double), &status);
  double complex *wc = wa ? lgAlloc(n, sizeof(double complex), &status) : NULL;
  double complex *vc =
      wc && v ? lgAlloc(n * n, sizeof(double complex), &status) : NULL;
  double *wr = NULL, *vr = NULL;
  if (!wc || (v && !vc))
    goto done;
  lgLoad(type, A, wa, n);
  if (lgIsComplex(type)) {
    if ((status = zgeev((int)n, wa, wc, vc)))
      goto done;
    *allReal = 0;
  } else {
    /* wr, wi, then vr: one buffer. */
    wr = lgAlloc(n * (2 + (v ? n : 0)), sizeof(double), &status);
    if (!wr)
      goto done;
    double *wi = wr + n;
    vr = v ? wi + n : NULL;
    if ((status = dgeev((int)n, wa, wr, wi, vr)))
      goto done;
    for (int64_t j = 0; j < n; ++j) {
      wc[j] = lgComplex(wr[j], wi[j]);
      if (wi[j] != 0)
        *allReal = 0;
    }
    /* A complex pair's vectors are vr[:, j] +- i vr[:, j + 1]. */
    for (int64_t j = 0; v && j < n; ++j) {
      double *re = vr + j * n;
      if (wi[j] == 0 || j + 1 == n) {
        for (int64_t i = 0; i < n; ++i)
          vc[i + j * n] = re[i];
        continue;
      }
      double *im = re + n;
      for (int64_t i = 0; i < n; ++i) {
        vc[i + j * n] = lgComplex(re[i], im[i]);
        vc[i + (j + 1) * n] = lgComplex(re[i], -im[i]);
      }
      ++j;
    }
  }
  lgStore(complexType, wc, n, W);
  if (v)
    lgStore(complexType, vc, n, V);
done:
  free(wa);
  free(wc);
  free(vc);
  free(wr);
  return status;
}

int mumbaLinalgEigh(int type, int uplo, const void *a, int64_t aRows,
                    int64_t aCols, int64_t aRs, int64_t aCs, void *w,
                    int64_t wLen, int64_t wStride, void *v, int64_t vRows,
                    int64_t vCols, int64_t vRs, int64_t vCs) {
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat W = lgVec(w, wLen, wStride), V = lgMat(v, vRows, vCols, vRs, vCs);
  int status;
  if ((status = lgCheckType(type)))
    return status;
  if (uplo != 'L' && uplo != 'U')
    return lgValueError("UPLO argument must be 'L' or 'U'");
  if ((status = lgCheckSquare(A)) ||
      (status = checkEigOutputs("eigh", aRows, wLen, V, v != NULL)) ||
      (status = lgCheckBlasSize(aRows)))
    return status;
  int n = (int)aRows;
  if (n == 0)
    return MUMBA_OK;
  char jobz[2] = {v ? 'V' : 'N', 0}, up[2] = {(char)uplo, 0};
  int lwork = -1, lrwork = -1, liwork = -1, info = 0, iquery = 0;
  double complex query = 0;
  double rquery = 0;
  void *work = NULL;
  double *rwork = NULL;
  int *iwork = NULL;
  void *wa = lgAlloc((int64_t)n * n, lgWorkSize(type), &status);
  double *ws = wa ? lgAlloc(n, sizeof(double), &status) : NULL;
  if (!ws)
    goto done;
  lgLoad(type, A, wa, n);
  if (lgIsComplex(type))
    zheevd_(jobz, up, &n, wa, &n, ws, &query, &lwork, &rquery, &lrwork, &iquery,
            &liwork, &info, 1, 1);
  else
    dsyevd_(jobz, up, &n, wa, &n, ws, (double *)&query, &lwork, &iquery,
            &liwork, &info, 1, 1);
  if (info < 0) {
    status = lgLapackFailure("syevd", info);
    goto done;
  }
  lwork = lgWorkCount(creal(query), 1);
  lrwork = lgWorkCount(rquery, 1);
  liwork = iquery > 1 ? iquery : 1;
  if (!(work = lgAlloc(lwork, lgWorkSize(type), &status)) ||
      !(iwork = lgAlloc(liwork, sizeof(int), &status)) ||
      (lgIsComplex(type) &&
       !(rwork = lgAlloc(lrwork, sizeof(double), &status))))
    goto done;
  if (lgIsComplex(type))
    zheevd_(jobz, up, &n, wa, &n, ws, work, &lwork, rwork, &lrwork, iwork,
            &liwork, &info, 1, 1);
  else
    dsyevd_(jobz, up, &n, wa, &n, ws, work, &lwork, iwork, &liwork, &info, 1,
            1);
  if (info > 0)
    status = lgLinAlgError("Eigenvalues did not converge");
  else if (info < 0)
    status = lgLapackFailure("syevd", info);
  else {
    lgStore(lgRealType(type), ws, n, W);
    if (v)
      lgStore(type, wa, n, V);
  }
done:
  free(wa);
  free(ws);
  free(work);
  free(rwork);
  free(iwork);
  return status;
}

/*===- LinalgProducts.c - gemm, gemv, dot and vdot over CBLAS -------------===*/
#include "LinalgCommon.h"
#include "mumba/Runtime/Status.h"

#include <cblas.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_llong productCopies;

long long mumbaLinalgProductCopies(void) { return atomic_load(&productCopies); }

/* A column-major temporary for a view BLAS cannot address. */
static void *temporary(int type, LgMat m, int *status) {
  atomic_fetch_add(&productCopies, 1);
  return lgAlloc(m.rows * m.cols, lgSize(type), status);
}

static const char matmulSignature[] = "(n?,k),(k,m?)->(n?,m?)";

static int inputMismatch(int64_t size, int64_t expected) {
  return lgValueError("matmul: Input operand 1 has a mismatch in its core "
                      "dimension 0, with gufunc signature %s (size %lld is "
                      "different from %lld)",
                      matmulSignature, (long long)size, (long long)expected);
}

static int outputMismatch(int dim, int64_t size, int64_t expected) {
  return lgValueError("matmul: Output operand 0 has a mismatch in its core "
                      "dimension %d, with gufunc signature %s (size %lld is "
                      "different from %lld)",
                      dim, matmulSignature, (long long)size,
                      (long long)expected);
}

/* How BLAS reads a matrix view in place, if it can: stored by columns or
   by rows with a leading dimension of at least max(1, extent). */
typedef struct {
  int ok, rowMajor, ld;
} Layout;

static Layout layoutOf(LgMat m) {
  Layout l = {0, 0, 0};
  int64_t minCol = m.rows > 1 ? m.rows : 1;
  if ((m.rows <= 1 || m.rs == 1) &&
      (m.cols <= 1 || (m.cs >= minCol && m.cs <= INT_MAX))) {
    l.ok = 1;
    l.ld = (int)(m.cols <= 1 ? minCol : m.cs);
    return l;
  }
  int64_t minRow = m.cols > 1 ? m.cols : 1;
  if ((m.cols <= 1 || m.cs == 1) &&
      (m.rows <= 1 || (m.rs >= minRow && m.rs <= INT_MAX))) {
    l.ok = 1;
    l.rowMajor = 1;
    l.ld = (int)(m.rows <= 1 ? minRow : m.rs);
  }
  return l;
}

/* How BLAS reads a vector view in place: the address of its lowest
   element and the increment (BLAS walks a negative increment from the
   end). Stride 0 over several elements is not allowed by BLAS. */
static int vectorOf(int type, LgMat v, char **base, int *inc) {
  if (v.rows <= 1) {
    *base = v.data;
    *inc = 1;
    return 1;
  }
  if (v.rs == 0 || v.rs > INT_MAX || v.rs < -INT_MAX)
    return 0;
  *inc = (int)v.rs;
  *base =
      v.rs > 0 ? v.data : v.data + (v.rows - 1) * v.rs * (int64_t)lgSize(type);
  return 1;
}

/* A column-major copy of m; NULL with *status set on failure. */
static void *gathered(int type, LgMat m, int *status) {
  void *p = temporary(type, m, status);
  if (p)
    lgGather(type, m, p, m.rows > 1 ? m.rows : 1);
  return p;
}

static void fillZero(int type, LgMat m) {
  size_t size = lgSize(type);
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i)
      memset(m.data + (i * m.rs + j * m.cs) * (int64_t)size, 0, size);
}

static void gemm(int type, enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE ta,
                 enum CBLAS_TRANSPOSE tb, int m, int n, int k, const void *a,
                 int lda, const void *b, int ldb, void *c, int ldc) {
  switch (type) {
  case MUMBA_LINALG_F32:
    cblas_sgemm(order, ta, tb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
    break;
  case MUMBA_LINALG_F64:
    cblas_dgemm(order, ta, tb, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
    break;
  case MUMBA_LINALG_C64: {
    float complex one = 1, zero = 0;
    cblas_cgemm(order, ta, tb, m, n, k, &one, a, lda, b, ldb, &zero, c, ldc);
    break;
  }
  default: {
    double complex one = 1, zero = 0;
    cblas_zgemm(order, ta, tb, m, n, k, &one, a, lda, b, ldb, &zero, c, ldc);
  }
  }
}

int mumbaLinalgGemm(int type, const void *a, int64_t aRows, int64_t aCols,
                    int64_t aRs, int64_t aCs, const void *b, int64_t bRows,
                    int64_t bCols, int64_t bRs, int64_t bCs, void *c,
                    int64_t cRows, int64_t cCols, int64_t cRs, int64_t cCs) {
  int status = lgCheckType(type);
  if (status)
    return status;
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat B = lgMat(b, bRows, bCols, bRs, bCs);
  LgMat C = lgMat(c, cRows, cCols, cRs, cCs);
  if (bRows != aCols)
    return inputMismatch(bRows, aCols);
  if (cRows != aRows)
    return outputMismatch(0, cRows, aRows);
  if (cCols != bCols)
    return outputMismatch(1, cCols, bCols);
  if ((status = lgCheckBlasSize(aRows)) || (status = lgCheckBlasSize(aCols)) ||
      (status = lgCheckBlasSize(bCols)))
    return status;
  if (cRows == 0 || cCols == 0)
    return MUMBA_OK;
  if (aCols == 0) {
    fillZero(type, C);
    return MUMBA_OK;
  }

  void *aTemp = NULL, *bTemp = NULL, *cTemp = NULL;
  Layout la = layoutOf(A), lb = layoutOf(B), lc = layoutOf(C);
  if (!la.ok) {
    if (!(aTemp = gathered(type, A, &status)))
      goto done;
    A = lgMat(aTemp, aRows, aCols, 1, aRows);
    la = layoutOf(A);
  }
  if (!lb.ok) {
    if (!(bTemp = gathered(type, B, &status)))
      goto done;
    B = lgMat(bTemp, bRows, bCols, 1, bRows);
    lb = layoutOf(B);
  }
  /* BLAS writes its result in place only into a view it can address that
     shares no memory with an operand. */
  LgMat out = C;
  if (!lc.ok || lgOverlap(type, C, A) || lgOverlap(type, C, B)) {
    if (!(cTemp = temporary(type, C, &status)))
      goto done;
    out = lgMat(cTemp, cRows, cCols, 1, cRows);
    lc = layoutOf(out);
  }
  /* Work in the result's storage order; an operand stored the other way
     is read transposed. */
  enum CBLAS_ORDER order = lc.rowMajor ? CblasRowMajor : CblasColMajor;
  gemm(type, order, la.rowMajor == lc.rowMajor ? CblasNoTrans : CblasTrans,
       lb.rowMajor == lc.rowMajor ? CblasNoTrans : CblasTrans, (int)cRows,
       (int)cCols, (int)aCols, A.data, la.ld, B.data, lb.ld, out.data, lc.ld);
  if (cTemp)
    lgScatter(type, cTemp, cRows, C);
done:
  free(aTemp);
  free(bTemp);
  free(cTemp);
  return status;
}

static void gemv(int type, enum CBLAS_ORDER order, int m, int n, const void *a,
                 int lda, const void *x, int incx, void *y, int incy) {
  switch (type) {
  case MUMBA_LINALG_F32:
    cblas_sgemv(order, CblasNoTrans, m, n, 1.0f, a, lda, x, incx, 0.0f, y,
                incy);
    break;
  case MUMBA_LINALG_F64:
    cblas_dgemv(order, CblasNoTrans, m, n, 1.0, a, lda, x, incx, 0.0, y, incy);
    break;
  case MUMBA_LINALG_C64: {
    float complex one = 1, zero = 0;
    cblas_cgemv(order, CblasNoTrans, m, n, &one, a, lda, x, incx, &zero, y,
                incy);
    break;
  }
  default: {
    double complex one = 1, zero = 0;
    cblas_zgemv(order, CblasNoTrans, m, n, &one, a, lda, x, incx, &zero, y,
                incy);
  }
  }
}

int mumbaLinalgGemv(int type, const void *a, int64_t aRows, int64_t aCols,
                    int64_t aRs, int64_t aCs, const void *x, int64_t xLen,
                    int64_t xStride, void *y, int64_t yLen, int64_t yStride) {
  int status = lgCheckType(type);
  if (status)
    return status;
  LgMat A = lgMat(a, aRows, aCols, aRs, aCs);
  LgMat X = lgVec(x, xLen, xStride), Y = lgVec(y, yLen, yStride);
  if (xLen != aCols)
    return inputMismatch(xLen, aCols);
  if (yLen != aRows)
    return outputMismatch(0, yLen, aRows);
  if ((status = lgCheckBlasSize(aRows)) || (status = lgCheckBlasSize(aCols)))
    return status;
  if (aRows == 0)
    return MUMBA_OK;
  if (aCols == 0) {
    fillZero(type, Y);
    return MUMBA_OK;
  }

  void *aTemp = NULL, *xTemp = NULL, *yTemp = NULL;
  Layout la = layoutOf(A);
  char *xBase, *yBase;
  int incx, incy;
  if (!la.ok) {
    if (!(aTemp = gathered(type, A, &status)))
      goto done;
    A = lgMat(aTemp, aRows, aCols, 1, aRows);
    la = layoutOf(A);
  }
  if (!vectorOf(type, X, &xBase, &incx)) {
    if (!(xTemp = gathered(type, X, &status)))
      goto done;
    xBase = xTemp;
    incx = 1;
  }
  if (!vectorOf(type, Y, &yBase, &incy) || lgOverlap(type, Y, A) ||
      lgOverlap(type, Y, X)) {
    if (!(yTemp = temporary(type, Y, &status)))
      goto done;
    yBase = yTemp;
    incy = 1;
  }
  gemv(type, la.rowMajor ? CblasRowMajor : CblasColMajor, (int)aRows,
       (int)aCols, A.data, la.ld, xBase, incx, yBase, incy);
  if (yTemp)
    lgScatter(type, yTemp, yLen, Y);
done:
  free(aTemp);
  free(xTemp);
  free(yTemp);
  return status;
}

/* sum(x * y), or sum(conj(x) * y) when conjugate. */
static int dot(int type, int conjugate, LgMat X, LgMat Y, void *out) {
  int status = lgCheckType(type);
  if (status)
    return status;
  if ((status = lgCheckBlasSize(X.rows)))
    return status;
  if (X.rows == 0) {
    memset(out, 0, lgSize(type));
    return MUMBA_OK;
  }
  void *xTemp = NULL, *yTemp = NULL;
  char *xBase, *yBase;
  int incx, incy, n = (int)X.rows;
  if (!vectorOf(type, X, &xBase, &incx)) {
    if (!(xTemp = gathered(type, X, &status)))
      goto done;
    xBase = xTemp;
    incx = 1;
  }
  if (!vectorOf(type, Y, &yBase, &incy)) {
    if (!(yTemp = gathered(type, Y, &status)))
      goto done;
    yBase = yTemp;
    incy = 1;
  }
  switch (type) {
  case MUMBA_LINALG_F32:
    *(float *)out = cblas_sdot(n, (float *)xBase, incx, (float *)yBase, incy);
    break;
  case MUMBA_LINALG_F64:
    *(double *)out =
        cblas_ddot(n, (double *)xBase, incx, (double *)yBase, incy);
    break;
  case MUMBA_LINALG_C64:
    if (conjugate)
      cblas_cdotc_sub(n, xBase, incx, yBase, incy, out);
    else
      cblas_cdotu_sub(n, xBase, incx, yBase, incy, out);
    break;
  default:
    if (conjugate)
      cblas_zdotc_sub(n, xBase, incx, yBase, incy, out);
    else
      cblas_zdotu_sub(n, xBase, incx, yBase, incy, out);
  }
done:
  free(xTemp);
  free(yTemp);
  return status;
}

int mumbaLinalgDot(int type, const void *x, int64_t xLen, int64_t xStride,
                   const void *y, int64_t yLen, int64_t yStride, void *out) {
  if (xLen != yLen)
    return lgValueError("shapes (%lld,) and (%lld,) not aligned: %lld (dim 0) "
                        "!= %lld (dim 0)",
                        (long long)xLen, (long long)yLen, (long long)xLen,
                        (long long)yLen);
  return dot(type, 0, lgVec(x, xLen, xStride), lgVec(y, yLen, yStride), out);
}

int mumbaLinalgVdot(int type, const void *x, int64_t xLen, int64_t xStride,
                    const void *y, int64_t yLen, int64_t yStride, void *out) {
  /* NumPy ravels b to a's shape, hence its wording. */
  if (xLen != yLen)
    return lgValueError("cannot reshape array of size %lld into shape (%lld,)",
                        (long long)yLen, (long long)xLen);
  return dot(type, 1, lgVec(x, xLen, xStride), lgVec(y, yLen, yStride), out);
}

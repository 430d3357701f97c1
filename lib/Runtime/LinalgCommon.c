/*===- LinalgCommon.c - Views, work buffers and errors of Linalg*.c -------===*/
#include "LinalgCommon.h"

#include "mumba/Runtime/Status.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lgValueError(const char *format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  mumbaRaiseUser((long long)"ValueError", (long long)message);
  return MUMBA_USER_EXCEPTION;
}

int lgLinAlgError(const char *message) {
  mumbaRaiseLinAlg((long long)message);
  return MUMBA_LINALG_ERROR;
}

int lgLapackFailure(const char *routine, int info) {
  return lgValueError("linear algebra: LAPACK's %s rejected argument %d",
                      routine, -info);
}

int lgCheckType(int type) {
  if (type < MUMBA_LINALG_F32 || type > MUMBA_LINALG_C128)
    return lgValueError("linear algebra: unsupported element type code %d",
                        type);
  return MUMBA_OK;
}

int lgCheckShape(const char *function, const char *what, LgMat m, int64_t rows,
                 int64_t cols) {
  if (m.rows == rows && m.cols == cols)
    return MUMBA_OK;
  return lgValueError("%s: %s has shape (%lld,%lld), expected (%lld,%lld)",
                      function, what, (long long)m.rows, (long long)m.cols,
                      (long long)rows, (long long)cols);
}

int lgCheckSquare(LgMat a) {
  if (a.rows != a.cols || a.rows < 0)
    return lgLinAlgError("Last 2 dimensions of the array must be square");
  return MUMBA_OK;
}

int lgCheckBlasSize(int64_t n) {
  if (n < 0)
    return lgValueError("negative dimensions are not allowed");
  if (n > INT_MAX)
    return lgValueError("linear algebra: dimension %lld exceeds the 32-bit "
                        "integers of BLAS and LAPACK",
                        (long long)n);
  return MUMBA_OK;
}

int64_t lgMul(int64_t count, int64_t size) {
  if (count < 0 || size < 0 || (size && count > INT64_MAX / size))
    return -1;
  return count * size;
}

void *lgAlloc(int64_t count, size_t size, int *status) {
  int64_t bytes = lgMul(count, (int64_t)size);
  void *p = bytes < 0 || (uint64_t)bytes > SIZE_MAX
                ? NULL
                : malloc(bytes ? (size_t)bytes : 1);
  if (!p) {
    char message[128];
    if (bytes < 0)
      snprintf(message, sizeof(message),
               "Unable to allocate a linear-algebra work buffer of %lld "
               "elements",
               (long long)count);
    else
      snprintf(message, sizeof(message),
               "Unable to allocate %.3g GiB for a linear-algebra work buffer",
               (double)bytes / (1024.0 * 1024 * 1024));
    mumbaRaiseUser((long long)"MemoryError", (long long)message);
    *status = MUMBA_USER_EXCEPTION;
  }
  return p;
}

/* The address of m[i, j]. */
static inline char *at(LgMat m, size_t size, int64_t i, int64_t j) {
  return m.data + (i * m.rs + j * m.cs) * (int64_t)size;
}

void lgGather(int type, LgMat m, void *dst, int64_t ld) {
  size_t size = lgSize(type);
  char *out = dst;
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i)
      memcpy(out + (i + j * ld) * (int64_t)size, at(m, size, i, j), size);
}

void lgScatter(int type, const void *src, int64_t ld, LgMat m) {
  size_t size = lgSize(type);
  const char *in = src;
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i)
      memcpy(at(m, size, i, j), in + (i + j * ld) * (int64_t)size, size);
}

void lgLoad(int type, LgMat m, void *dst, int64_t ld) {
  size_t size = lgSize(type);
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i) {
      const char *p = at(m, size, i, j);
      int64_t k = i + j * ld;
      switch (type) {
      case MUMBA_LINALG_F32:
        ((double *)dst)[k] = *(const float *)p;
        break;
      case MUMBA_LINALG_F64:
        ((double *)dst)[k] = *(const double *)p;
        break;
      case MUMBA_LINALG_C64:
        ((double complex *)dst)[k] = *(const float complex *)p;
        break;
      default:
        ((double complex *)dst)[k] = *(const double complex *)p;
      }
    }
}

void lgStore(int type, const void *src, int64_t ld, LgMat m) {
  size_t size = lgSize(type);
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i) {
      char *p = at(m, size, i, j);
      int64_t k = i + j * ld;
      switch (type) {
      case MUMBA_LINALG_F32:
        *(float *)p = (float)((const double *)src)[k];
        break;
      case MUMBA_LINALG_F64:
        *(double *)p = ((const double *)src)[k];
        break;
      case MUMBA_LINALG_C64:
        *(float complex *)p = (float complex)((const double complex *)src)[k];
        break;
      default:
        *(double complex *)p = ((const double complex *)src)[k];
      }
    }
}

void lgExtent(int type, LgMat m, char **lo, char **hi) {
  if (m.rows <= 0 || m.cols <= 0) {
    *lo = *hi = NULL;
    return;
  }
  int64_t size = (int64_t)lgSize(type);
  int64_t low = 0, high = 0;
  int64_t r = (m.rows - 1) * m.rs, c = (m.cols - 1) * m.cs;
  low += r < 0 ? r : 0;
  high += r > 0 ? r : 0;
  low += c < 0 ? c : 0;
  high += c > 0 ? c : 0;
  *lo = m.data + low * size;
  *hi = m.data + (high + 1) * size;
}

int lgOverlap(int type, LgMat a, LgMat b) {
  char *alo, *ahi, *blo, *bhi;
  lgExtent(type, a, &alo, &ahi);
  lgExtent(type, b, &blo, &bhi);
  return alo != ahi && blo != bhi && alo < bhi && blo < ahi;
}

int lgWorkCount(double query, int min) {
  /* Sizes come back as floating point; round up. */
  double n = ceil(query);
  if (!(n < (double)INT_MAX))
    n = (double)INT_MAX;
  return n < (double)min ? min : (int)n;
}

int lgAllFinite(int type, LgMat m) {
  size_t size = lgSize(type);
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t i = 0; i < m.rows; ++i) {
      const char *p = at(m, size, i, j);
      switch (type) {
      case MUMBA_LINALG_F32:
      case MUMBA_LINALG_C64:
        if (!isfinite(((const float *)p)[0]) ||
            (type == MUMBA_LINALG_C64 && !isfinite(((const float *)p)[1])))
          return 0;
        break;
      default:
        if (!isfinite(((const double *)p)[0]) ||
            (type == MUMBA_LINALG_C128 && !isfinite(((const double *)p)[1])))
          return 0;
      }
    }
  return 1;
}

void lgIdentity(int type, void *dst, int64_t n, int64_t ld) {
  size_t size = lgWorkSize(type);
  for (int64_t j = 0; j < n; ++j) {
    memset((char *)dst + j * ld * (int64_t)size, 0, n * size);
    if (lgIsComplex(type))
      ((double complex *)dst)[j + j * ld] = 1;
    else
      ((double *)dst)[j + j * ld] = 1;
  }
}

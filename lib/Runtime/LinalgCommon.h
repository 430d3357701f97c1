/*===- LinalgCommon.h - Views, work buffers and errors of Linalg*.c -*- C
-*-===*\
|*                                                                          *|
|* Private to lib/Runtime: what the linear-algebra files share.            *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_LINALGCOMMON_H
#define MUMBA_RUNTIME_LINALGCOMMON_H

#include "mumba/Runtime/Linalg.h"

#include <complex.h>
#include <stddef.h>
#include <stdint.h>

/* A strided matrix view, strides in elements; a vector is n x 1. */
typedef struct {
  char *data;
  int64_t rows, cols, rs, cs;
} LgMat;

static inline LgMat lgMat(const void *data, int64_t rows, int64_t cols,
                          int64_t rs, int64_t cs) {
  /* Inputs are views too; the functions never write them. */
  LgMat m = {(char *)(uintptr_t)data, rows, cols, rs, cs};
  return m;
}

static inline LgMat lgVec(const void *data, int64_t len, int64_t stride) {
  return lgMat(data, len, 1, stride, 0);
}

static inline int lgIsComplex(int type) {
  return type == MUMBA_LINALG_C64 || type == MUMBA_LINALG_C128;
}

/* re + i im (glibc's CMPLX is hidden from clang). */
static inline double complex lgComplex(double re, double im) {
  return __builtin_complex(re, im);
}

/* Bytes per element of a type. */
static inline size_t lgSize(int type) {
  static const size_t sizes[] = {4, 8, 8, 16};
  return sizes[type];
}

/* The real and complex types of a type's precision. */
static inline int lgRealType(int type) {
  return type == MUMBA_LINALG_C64    ? MUMBA_LINALG_F32
         : type == MUMBA_LINALG_C128 ? MUMBA_LINALG_F64
                                     : type;
}
static inline int lgComplexType(int type) {
  return type == MUMBA_LINALG_F32   ? MUMBA_LINALG_C64
         : type == MUMBA_LINALG_F64 ? MUMBA_LINALG_C128
                                    : type;
}

/* Bytes per element of the type LAPACK work buffers hold for a type:
   double or double complex (NumPy computes numpy.linalg in double). */
static inline size_t lgWorkSize(int type) {
  return lgIsComplex(type) ? sizeof(double complex) : sizeof(double);
}

/* MUMBA_USER_EXCEPTION with ValueError and a formatted message. */
int lgValueError(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* MUMBA_LINALG_ERROR with NumPy's message. */
int lgLinAlgError(const char *message);

/* A ValueError for LAPACK's info < 0 (a bad argument: a runtime bug). */
int lgLapackFailure(const char *routine, int info);

/* MUMBA_OK for one of the four types, a ValueError otherwise. */
int lgCheckType(int type);

/* A ValueError naming `what` unless m has the shape rows x cols. */
int lgCheckShape(const char *function, const char *what, LgMat m, int64_t rows,
                 int64_t cols);

/* A LinAlgError unless a is square, as np.linalg says it. */
int lgCheckSquare(LgMat a);

/* A ValueError when a dimension does not fit BLAS's 32-bit integers. */
int lgCheckBlasSize(int64_t n);

/* malloc for count elements of size bytes (at least one byte); NULL with
   a MemoryError recorded in *status when that fails or overflows. */
void *lgAlloc(int64_t count, size_t size, int *status);

/* count * size without overflow, or -1. */
int64_t lgMul(int64_t count, int64_t size);

/* Copies m into a column-major buffer of the same type, leading
   dimension ld >= rows. */
void lgGather(int type, LgMat m, void *dst, int64_t ld);

/* Copies a column-major buffer of m's type and shape into m. */
void lgScatter(int type, const void *src, int64_t ld, LgMat m);

/* Copies m into a column-major work buffer (double or double complex),
   converting. */
void lgLoad(int type, LgMat m, void *dst, int64_t ld);

/* Copies a column-major work buffer of m's shape into m, rounding to
   m's type. */
void lgStore(int type, const void *src, int64_t ld, LgMat m);

/* The lowest and one past the highest byte a view touches (both 0 for an
   empty view). */
void lgExtent(int type, LgMat m, char **lo, char **hi);

/* Whether two views may share memory. */
int lgOverlap(int type, LgMat a, LgMat b);

/* A LAPACK workspace size from a query's first element, at least min. */
int lgWorkCount(double query, int min);

/* Whether every element of m is finite. */
int lgAllFinite(int type, LgMat m);

/* n x n column-major identity of the work type. */
void lgIdentity(int type, void *dst, int64_t n, int64_t ld);

#endif /* MUMBA_RUNTIME_LINALGCOMMON_H */

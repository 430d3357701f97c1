/*===- Lapack.h - The Fortran LAPACK routines the runtime calls -*- C -*-===*\
|*                                                                          *|
|* Debian's OpenBLAS exports LAPACK's Fortran symbols but ships no         *|
|* lapacke.h, so the prototypes are declared here: arguments by address,   *|
|* 32-bit integers (OpenBLAS's LP64 build), and after the arguments one    *|
|* hidden length per character argument, as gfortran passes them.         *|
|* Complex arrays are double complex, passed as void *. Only the double    *|
|* routines: numpy.linalg computes in double for every dtype.              *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_LAPACK_H
#define MUMBA_RUNTIME_LAPACK_H

#include <stddef.h>

typedef size_t LapackLen;

void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv,
             int *info);
void zgetrf_(const int *m, const int *n, void *a, const int *lda, int *ipiv,
             int *info);

void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, int *info);
void zgesv_(const int *n, const int *nrhs, void *a, const int *lda, int *ipiv,
            void *b, const int *ldb, int *info);

void dpotrf_(const char *uplo, const int *n, double *a, const int *lda,
             int *info, LapackLen uploLen);
void zpotrf_(const char *uplo, const int *n, void *a, const int *lda, int *info,
             LapackLen uploLen);

void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);
void zgeqrf_(const int *m, const int *n, void *a, const int *lda, void *tau,
             void *work, const int *lwork, int *info);

void dorgqr_(const int *m, const int *n, const int *k, double *a,
             const int *lda, const double *tau, double *work, const int *lwork,
             int *info);
void zungqr_(const int *m, const int *n, const int *k, void *a, const int *lda,
             const void *tau, void *work, const int *lwork, int *info);

void dgelsd_(const int *m, const int *n, const int *nrhs, double *a,
             const int *lda, double *b, const int *ldb, double *s,
             const double *rcond, int *rank, double *work, const int *lwork,
             int *iwork, int *info);
void zgelsd_(const int *m, const int *n, const int *nrhs, void *a,
             const int *lda, void *b, const int *ldb, double *s,
             const double *rcond, int *rank, void *work, const int *lwork,
             double *rwork, int *iwork, int *info);

void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a,
            const int *lda, double *wr, double *wi, double *vl, const int *ldvl,
            double *vr, const int *ldvr, double *work, const int *lwork,
            int *info, LapackLen jobvlLen, LapackLen jobvrLen);
void zgeev_(const char *jobvl, const char *jobvr, const int *n, void *a,
            const int *lda, void *w, void *vl, const int *ldvl, void *vr,
            const int *ldvr, void *work, const int *lwork, double *rwork,
            int *info, LapackLen jobvlLen, LapackLen jobvrLen);

void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a,
             const int *lda, double *w, double *work, const int *lwork,
             int *iwork, const int *liwork, int *info, LapackLen jobzLen,
             LapackLen uploLen);
void zheevd_(const char *jobz, const char *uplo, const int *n, void *a,
             const int *lda, double *w, void *work, const int *lwork,
             double *rwork, const int *lrwork, int *iwork, const int *liwork,
             int *info, LapackLen jobzLen, LapackLen uploLen);

void dgesdd_(const char *jobz, const int *m, const int *n, double *a,
             const int *lda, double *s, double *u, const int *ldu, double *vt,
             const int *ldvt, double *work, const int *lwork, int *iwork,
             int *info, LapackLen jobzLen);
void zgesdd_(const char *jobz, const int *m, const int *n, void *a,
             const int *lda, double *s, void *u, const int *ldu, void *vt,
             const int *ldvt, void *work, const int *lwork, double *rwork,
             int *iwork, int *info, LapackLen jobzLen);

#endif /* MUMBA_RUNTIME_LAPACK_H */

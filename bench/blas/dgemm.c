/* OpenBLAS dgemm called from C: the speed `a @ b` on float64 matrices can
   reach once compiled code calls the runtime. Times cblas_dgemm directly and
   through mumbaLinalgGemm (C-contiguous operands, so no copies), best of
   several calls, and prints one line per variant.

   Usage: dgemm [n] [repeats]; bench/blas_gemm.py builds and runs it. */
#include "mumba/Runtime/Linalg.h"

#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static void direct(int n, const double *a, const double *b, double *c) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n,
              b, n, 0.0, c, n);
}

static void runtime(int n, const double *a, const double *b, double *c) {
  if (mumbaLinalgGemm(MUMBA_LINALG_F64, a, n, n, n, 1, b, n, n, n, 1, c, n, n,
                      n, 1) != 0) {
    fprintf(stderr, "mumbaLinalgGemm failed\n");
    exit(1);
  }
}

/* The best of `repeats` calls, after one warm-up call. */
static double best(void (*fn)(int, const double *, const double *, double *),
                   int n, int repeats, const double *a, const double *b,
                   double *c) {
  fn(n, a, b, c);
  double fastest = 1e300;
  for (int r = 0; r < repeats; ++r) {
    double t0 = now();
    fn(n, a, b, c);
    double t = now() - t0;
    if (t < fastest)
      fastest = t;
  }
  return fastest;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1024;
  int repeats = argc > 2 ? atoi(argv[2]) : 10;
  size_t count = (size_t)n * n;
  double *a = malloc(count * sizeof(double));
  double *b = malloc(count * sizeof(double));
  double *c = malloc(count * sizeof(double));
  if (!a || !b || !c)
    return 1;
  srand(1);
  for (size_t i = 0; i < count; ++i) {
    a[i] = rand() / (double)RAND_MAX - 0.5;
    b[i] = rand() / (double)RAND_MAX - 0.5;
  }
  double flops = 2.0 * n * (double)n * n;
  double t = best(direct, n, repeats, a, b, c);
  printf("cblas_dgemm n=%d threads=%d best_s=%.6f gflops=%.2f\n", n,
         openblas_get_num_threads(), t, flops / t * 1e-9);
  t = best(runtime, n, repeats, a, b, c);
  printf("mumbaLinalgGemm n=%d threads=%d best_s=%.6f gflops=%.2f\n", n,
         openblas_get_num_threads(), t, flops / t * 1e-9);
  free(a);
  free(b);
  free(c);
  return 0;
}

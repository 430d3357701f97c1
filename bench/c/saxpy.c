#include <stdint.h>

void bench_saxpy(double alpha, const double *x, int64_t n, const double *y, int64_t ny,
                 double *out, int64_t nout) {
  (void)ny, (void)nout;
  for (int64_t i = 0; i < n; ++i)
    out[i] = alpha * x[i] + y[i];
}

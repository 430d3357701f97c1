#include <stdint.h>

double bench_dot(const double *x, int64_t n, const double *y, int64_t ny) {
  (void)ny;
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i)
    s += x[i] * y[i];
  return s;
}

#include <stdint.h>

double bench_sum(const double *a, int64_t n) {
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i)
    s += a[i];
  return s;
}

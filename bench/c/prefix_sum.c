#include <stdint.h>

void bench_prefix_sum(const double *a, int64_t n, double *out, int64_t nout) {
  (void)nout;
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) {
    s += a[i];
    out[i] = s;
  }
}

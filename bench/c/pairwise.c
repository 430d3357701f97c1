#include <math.h>
#include <stdint.h>

void bench_pairwise(const double *x, int64_t n, int64_t m, double *d, int64_t nd, int64_t md) {
  (void)nd, (void)md;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double s = 0.0;
      for (int64_t k = 0; k < m; ++k) {
        double t = x[i * m + k] - x[j * m + k];
        s += t * t;
      }
      d[i * n + j] = sqrt(s);
    }
}

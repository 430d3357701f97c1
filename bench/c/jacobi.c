#include <stdint.h>

void bench_jacobi(const double *a, int64_t n, int64_t m, double *out, int64_t no, int64_t mo) {
  (void)no, (void)mo;
  for (int64_t i = 1; i < n - 1; ++i)
    for (int64_t j = 1; j < m - 1; ++j)
      out[i * m + j] = 0.25 * (a[(i - 1) * m + j] + a[(i + 1) * m + j] + a[i * m + j - 1] +
                               a[i * m + j + 1]);
}

#include <stdint.h>

void bench_matmul(const double *a, int64_t n, int64_t m, const double *b, int64_t mb, int64_t p,
                  double *c, int64_t nc, int64_t pc) {
  (void)mb, (void)nc, (void)pc;
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j < p; ++j)
      c[i * p + j] = 0.0;
    for (int64_t k = 0; k < m; ++k) {
      double aik = a[i * m + k];
      for (int64_t j = 0; j < p; ++j)
        c[i * p + j] += aik * b[k * p + j];
    }
  }
}

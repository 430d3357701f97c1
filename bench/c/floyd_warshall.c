#include <stdint.h>

void bench_floyd_warshall(const double *w, int64_t n, int64_t nw, double *d, int64_t nd,
                          int64_t md) {
  (void)nw, (void)nd, (void)md;
  for (int64_t i = 0; i < n * n; ++i)
    d[i] = w[i];
  for (int64_t k = 0; k < n; ++k)
    for (int64_t i = 0; i < n; ++i) {
      double dik = d[i * n + k];
      for (int64_t j = 0; j < n; ++j) {
        double c = dik + d[k * n + j];
        if (c < d[i * n + j])
          d[i * n + j] = c;
      }
    }
}

#include <stdint.h>

void bench_histogram(const double *x, int64_t n, int64_t *hist, int64_t nbins) {
  for (int64_t b = 0; b < nbins; ++b)
    hist[b] = 0;
  for (int64_t i = 0; i < n; ++i) {
    int64_t b = (int64_t)(x[i] * nbins);
    if (b >= nbins)
      b = nbins - 1;
    else if (b < 0)
      b = 0;
    hist[b] += 1;
  }
}

#include <stdint.h>

double bench_branch_sum(const double *a, int64_t n, double threshold) {
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) {
    double v = a[i];
    if (v > threshold)
      s += v;
    else
      s -= 0.5 * v;
  }
  return s;
}

#include <math.h>
#include <stdint.h>

/* Abramowitz & Stegun 26.2.17, as in bench/kernels/elementwise.py. */
static double cnd(double x) {
  double ax = x >= 0.0 ? x : -x;
  double k = 1.0 / (1.0 + 0.2316419 * ax);
  double poly =
      k * (0.319381530 +
           k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
  double w = 1.0 - 0.3989422804014327 * exp(-0.5 * x * x) * poly;
  if (x < 0.0)
    w = 1.0 - w;
  return w;
}

void bench_black_scholes(const double *price, int64_t n, const double *strike, int64_t n1,
                         const double *years, int64_t n2, double rate, double vol, double *call,
                         int64_t n3, double *put, int64_t n4) {
  (void)n1, (void)n2, (void)n3, (void)n4;
  for (int64_t i = 0; i < n; ++i) {
    double s = price[i], k = strike[i], t = years[i];
    double vol_t = vol * sqrt(t);
    double d1 = (log(s / k) + (rate + 0.5 * vol * vol) * t) / vol_t;
    double d2 = d1 - vol_t;
    double discount = k * exp(-rate * t);
    double c = s * cnd(d1) - discount * cnd(d2);
    call[i] = c;
    put[i] = c - s + discount;
  }
}

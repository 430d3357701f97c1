/*===- RandomDiscrete.c - np.random's integer-valued distributions --------===*/
/* NumPy's legacy (RandomState) algorithms, draw for draw. */
#include "RandomInternal.h"

#include "mumba/Runtime/Random.h"

#include <math.h>
#include <stdlib.h>

static int64_t fail(const char *message) {
  mumbaRandomFail("ValueError", message);
  return 0;
}

/* log(gamma(x)) for the integer-valued x these algorithms need: the
   Stirling series at x + n >= 7, then n steps down. */
double mumbaRandomLogGamma(double x) {
  /* B_2k / (2k (2k - 1)) for k = 1..10. */
  static const double coef[10] = {
      1.0 / 12.0,         -1.0 / 360.0,        1.0 / 1260.0, -1.0 / 1680.0,
      1.0 / 1188.0,       -691.0 / 360360.0,   1.0 / 156.0,  -3617.0 / 122400.0,
      43867.0 / 244188.0, -174611.0 / 125400.0};
  if (x == 1.0 || x == 2.0)
    return 0.0;
  int64_t n = x < 7.0 ? (int64_t)(7 - x) : 0;
  double x0 = x + n;
  double x2 = (1.0 / x0) * (1.0 / x0);
  double series = coef[9];
  for (int k = 8; k >= 0; --k) {
    series *= x2;
    series += coef[k];
  }
  const double log2Pi = 1.8378770664093453e+00;
  double gl = series / x0 + 0.5 * log2Pi + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (int64_t k = 1; k <= n; ++k) {
      gl -= log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/* Multiplication of uniforms, for lam < 10. */
static int64_t poissonMult(MumbaRandomState *s, double lam) {
  double enlam = exp(-lam);
  int64_t x = 0;
  double prod = 1.0;
  for (;;) {
    prod *= rngDouble(s);
    if (prod > enlam)
      x += 1;
    else
      return x;
  }
}

/* Hoermann's transformed rejection (PTRS), for lam >= 10. */
static int64_t poissonPtrs(MumbaRandomState *s, double lam) {
  double slam = sqrt(lam);
  double logLam = log(lam);
  double b = 0.931 + 2.53 * slam;
  double a = -0.059 + 0.02483 * b;
  double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    double u = rngDouble(s) - 0.5;
    double v = rngDouble(s);
    double us = 0.5 - fabs(u);
    int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr)
      return k;
    if (k < 0 || (us < 0.013 && v > us))
      continue;
    if (log(v) + log(invAlpha) - log(a / (us * us) + b) <=
        -lam + k * logLam - mumbaRandomLogGamma(k + 1))
      return k;
  }
}

int64_t mumbaRandomPoissonDraw(MumbaRandomState *s, double lam) {
  if (lam >= 10)
    return poissonPtrs(s, lam);
  if (lam == 0)
    return 0;
  return poissonMult(s, lam);
}

/* The largest lam whose draws fit in int64, as NumPy computes it. */
#define POISSON_LAM_MAX 9.223372006484771e18

int64_t mumbaRandomPoisson(double lam) {
  if (lam < 0 || isnan(lam))
    return fail("lam < 0 or lam is NaN");
  if (lam > POISSON_LAM_MAX)
    return fail("lam value too large");
  return mumbaRandomPoissonDraw(mumbaRandomState(), lam);
}

/* Inversion, for n * p <= 30. */
static int64_t binomialInversion(MumbaRandomState *s, int64_t n, double p) {
  double q = 1.0 - p;
  double qn = exp(n * log(q));
  double np = n * p;
  double bound = np + 10.0 * sqrt(np * q + 1);
  if ((double)n < bound)
    bound = (double)n;
  int64_t x = 0;
  double px = qn;
  double u = rngDouble(s);
  while (u > px) {
    x++;
    if (x > bound) {
      x = 0;
      px = qn;
      u = rngDouble(s);
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

/* Kachitvichyanukul and Schmeiser's BTPE, for n * p > 30 (p <= 0.5). */
static int64_t binomialBtpe(MumbaRandomState *s, int64_t n, double p) {
  double r = p < 1.0 - p ? p : 1.0 - p;
  double q = 1.0 - r;
  double fm = n * r + r;
  int64_t m = (int64_t)floor(fm);
  double p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5;
  double xm = m + 0.5;
  double xl = xm - p1;
  double xr = xm + p1;
  double c = 0.134 + 20.5 / (15.3 + m);
  double a = (fm - xl) / (fm - xl * r);
  double laml = a * (1.0 + a / 2.0);
  a = (xr - fm) / (xr * q);
  double lamr = a * (1.0 + a / 2.0);
  double p2 = p1 * (1.0 + 2.0 * c);
  double p3 = p2 + c / laml;
  double p4 = p3 + c / lamr;
  double nrq = n * r * q;
  for (;;) {
    double u = rngDouble(s) * p4;
    double v = rngDouble(s);
    int64_t y;
    if (u <= p1) {
      /* The triangle: accepted at once. */
      y = (int64_t)floor(xm - p1 * v + u);
      return p > 0.5 ? n - y : y;
    }
    if (u <= p2) {
      /* The parallelograms. */
      double x = xl + (u - p1) / c;
      v = v * c + 1.0 - fabs(m - x + 0.5) / p1;
      if (v > 1.0)
        continue;
      y = (int64_t)floor(x);
    } else if (u <= p3) {
      /* The left exponential tail. */
      y = (int64_t)floor(xl + log(v) / laml);
      if (y < 0 || v == 0.0)
        continue;
      v = v * (u - p2) * laml;
    } else {
      /* The right exponential tail. */
      y = (int64_t)floor(xr - log(v) / lamr);
      if (y > n || v == 0.0)
        continue;
      v = v * (u - p3) * lamr;
    }
    int64_t k = llabs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
      /* Explicit evaluation of f(y) / f(m). */
      double sr = r / q;
      double aa = sr * (n + 1);
      double f = 1.0;
      if (m < y) {
        for (int64_t i = m + 1; i <= y; i++)
          f *= (aa / i - sr);
      } else if (m > y) {
        for (int64_t i = y + 1; i <= m; i++)
          f /= (aa / i - sr);
      }
      if (v > f)
        continue;
      return p > 0.5 ? n - y : y;
    }
    /* Squeeze on log f(y) / f(m), then the Stirling bound. */
    double rho =
        (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    double t = -k * k / (2 * nrq);
    double logV = log(v);
    if (logV < t - rho)
      return p > 0.5 ? n - y : y;
    if (logV > t + rho)
      continue;
    double x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
    double x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
    double bound =
        xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) +
        (y - m) * log(w * r / (x1 * q)) +
        (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 /
            166320. +
        (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z /
            166320. +
        (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 /
            166320. +
        (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w /
            166320.;
    if (logV > bound)
      continue;
    return p > 0.5 ? n - y : y;
  }
}

/* The legacy generator draws even for n == 0 or p == 0. */
int64_t mumbaRandomBinomialDraw(MumbaRandomState *s, int64_t n, double p) {
  if (p <= 0.5)
    return p * n <= 30.0 ? binomialInversion(s, n, p) : binomialBtpe(s, n, p);
  double q = 1.0 - p;
  return n -
         (q * n <= 30.0 ? binomialInversion(s, n, q) : binomialBtpe(s, n, q));
}

int64_t mumbaRandomBinomial(int64_t n, double p) {
  if (!(p >= 0.0 && p <= 1.0))
    return fail("p < 0, p > 1 or p is NaN");
  if (n < 0)
    return fail("n < 0");
  return mumbaRandomBinomialDraw(mumbaRandomState(), n, p);
}

int64_t mumbaRandomNegativeBinomial(double n, double p) {
  if (!isnan(n) && (signbit(n) || n == 0.0))
    return fail("n <= 0");
  if (!(p >= 0.0 && p <= 1.0))
    return fail("p < 0, p > 1 or p is NaN");
  MumbaRandomState *s = mumbaRandomState();
  double y = ((1 - p) / p) * mumbaRandomGammaDraw(s, n);
  return mumbaRandomPoissonDraw(s, y);
}

int64_t mumbaRandomGeometric(double p) {
  if (!(p > 0.0 && p <= 1.0))
    return fail("p <= 0, p > 1 or p contains NaNs");
  MumbaRandomState *s = mumbaRandomState();
  if (p >= 0.333333333333333333333333) {
    /* Search: cheaper while the mean is small. */
    int64_t x = 1;
    double sum = p, prod = p, q = 1.0 - p;
    double u = rngDouble(s);
    while (u > sum) {
      prod *= q;
      sum += prod;
      x++;
    }
    return x;
  }
  return (int64_t)ceil(log1p(-rngDouble(s)) / log(1.0 - p));
}

/* Sampling without replacement, for nsample <= 10. */
static int64_t hypergeometricHyp(MumbaRandomState *s, int64_t good, int64_t bad,
                                 int64_t sample) {
  int64_t d1 = bad + good - sample;
  double d2 = (double)(bad < good ? bad : good);
  double y = d2;
  int64_t k = sample;
  while (y > 0.0) {
    double u = rngDouble(s);
    y -= (int64_t)floor(u + y / (d1 + k));
    k--;
    if (k == 0)
      break;
  }
  int64_t z = (int64_t)(d2 - y);
  return good > bad ? sample - z : z;
}

/* Stadlober's ratio of uniforms (HRUA), for nsample > 10. */
static int64_t hypergeometricHrua(MumbaRandomState *s, int64_t good,
                                  int64_t bad, int64_t sample) {
  const double d1 = 1.7155277699214135; /* 2 sqrt(2 / e) */
  const double d2 = 0.8989161620588988; /* 3 - 2 sqrt(3 / e) */
  int64_t minGoodBad = good < bad ? good : bad;
  int64_t maxGoodBad = good < bad ? bad : good;
  int64_t popSize = good + bad;
  int64_t m = sample < popSize - sample ? sample : popSize - sample;
  double d4 = (double)minGoodBad / popSize;
  double d5 = 1.0 - d4;
  double d6 = m * d4 + 0.5;
  double d7 =
      sqrt((double)(popSize - m) * sample * d4 * d5 / (popSize - 1) + 0.5);
  double d8 = d1 * d7 + d2;
  int64_t d9 =
      (int64_t)floor((double)(m + 1) * (minGoodBad + 1) / (popSize + 2));
  double d10 = mumbaRandomLogGamma(d9 + 1) +
               mumbaRandomLogGamma(minGoodBad - d9 + 1) +
               mumbaRandomLogGamma(m - d9 + 1) +
               mumbaRandomLogGamma(maxGoodBad - m + d9 + 1);
  double d11 = (m < minGoodBad ? m : minGoodBad) + 1.0;
  double tail = floor(d6 + 16 * d7);
  if (tail < d11)
    d11 = tail;
  int64_t z;
  for (;;) {
    double x = rngDouble(s);
    double y = rngDouble(s);
    double w = d6 + d8 * (y - 0.5) / x;
    if (w < 0.0 || w >= d11)
      continue;
    z = (int64_t)floor(w);
    double t = d10 - (mumbaRandomLogGamma(z + 1) +
                      mumbaRandomLogGamma(minGoodBad - z + 1) +
                      mumbaRandomLogGamma(m - z + 1) +
                      mumbaRandomLogGamma(maxGoodBad - m + z + 1));
    if (x * (4.0 - x) - 3.0 <= t)
      break;
    if (x * (x - t) >= 1)
      continue;
    if (2.0 * log(x) <= t)
      break;
  }
  if (good > bad)
    z = m - z;
  if (m < sample)
    z = good - z;
  return z;
}

int64_t mumbaRandomHypergeometric(int64_t ngood, int64_t nbad,
                                  int64_t nsample) {
  /* NumPy adds in int64, wrapping. */
  int64_t total = (int64_t)((uint64_t)ngood + (uint64_t)nbad);
  if (total < nsample)
    return fail("ngood + nbad < nsample");
  if (ngood < 0)
    return fail("ngood < 0");
  if (nbad < 0)
    return fail("nbad < 0");
  if (nsample < 1)
    return fail("nsample < 1 or nsample is NaN");
  MumbaRandomState *s = mumbaRandomState();
  if (nsample > 10)
    return hypergeometricHrua(s, ngood, nbad, nsample);
  return hypergeometricHyp(s, ngood, nbad, nsample);
}

/* Kemp's second accelerated generator (LK). */
int64_t mumbaRandomLogseries(double p) {
  if (!(p >= 0.0 && p < 1.0))
    return fail("p < 0, p >= 1 or p is NaN");
  MumbaRandomState *s = mumbaRandomState();
  double r = log1p(-p);
  for (;;) {
    double v = rngDouble(s);
    if (v >= p)
      return 1;
    double u = rngDouble(s);
    double q = -expm1(r * u);
    if (v <= q * q) {
      int64_t result = (int64_t)floor(1 + log(v) / log(q));
      if (result < 1 || v == 0.0)
        continue;
      return result;
    }
    return v >= q ? 1 : 2;
  }
}

/* Devroye's rejection. */
int64_t mumbaRandomZipf(double a) {
  if (!(a > 1.0))
    return fail("a <= 1 or a is NaN");
  /* NumPy loops forever here; every draw of the limit is 1. */
  if (isinf(a))
    return 1;
  MumbaRandomState *s = mumbaRandomState();
  double am1 = a - 1.0;
  double b = pow(2.0, am1);
  for (;;) {
    double u = 1.0 - rngDouble(s);
    double v = rngDouble(s);
    double x = floor(pow(u, -1.0 / am1));
    if (x > (double)INT64_MAX || x < 1.0)
      continue;
    double t = pow(1.0 + 1.0 / x, am1);
    if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
      return (int64_t)x;
  }
}

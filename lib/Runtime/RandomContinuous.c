/*===- RandomContinuous.c - np.random's continuous distributions ----------===*/
/* NumPy's legacy (RandomState) algorithms, draw for draw; the parameter
   checks and messages are NumPy's too. */
#include "RandomInternal.h"

#include "mumba/Runtime/Random.h"

#include <math.h>

/* NumPy's parameter constraints. Its "< 0" tests the sign bit, so -0.0
   fails them, while NaN passes. */
static inline int isNegative(double v) { return !isnan(v) && signbit(v); }
static inline int isNotPositive(double v) {
  return !isnan(v) && (signbit(v) || v == 0.0);
}

static double fail(const char *message) {
  return mumbaRandomFail("ValueError", message);
}

double mumbaRandomGaussPair(MumbaRandomState *s) {
  double x1, x2, r2;
  do {
    x1 = 2.0 * rngDouble(s) - 1.0;
    x2 = 2.0 * rngDouble(s) - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  double f = sqrt(-2.0 * log(r2) / r2);
  s->gauss = f * x1;
  s->hasGauss = 1;
  return f * x2;
}

double mumbaRandomStandardNormal(void) { return rngGauss(mumbaRandomState()); }

double mumbaRandomNormal(double loc, double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  return loc + scale * rngGauss(mumbaRandomState());
}

double mumbaRandomLognormal(double mean, double sigma) {
  if (isNegative(sigma))
    return fail("sigma < 0");
  return exp(mean + sigma * rngGauss(mumbaRandomState()));
}

double mumbaRandomStandardExponential(void) {
  return rngStandardExponential(mumbaRandomState());
}

double mumbaRandomExponential(double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  return scale * rngStandardExponential(mumbaRandomState());
}

/* Marsaglia and Tsang for shape > 1; below 1, the legacy generator's
   rejection from exponential and power draws. */
double mumbaRandomGammaDraw(MumbaRandomState *s, double shape) {
  if (shape == 1.0)
    return rngStandardExponential(s);
  if (shape == 0.0)
    return 0.0;
  if (shape < 1.0) {
    for (;;) {
      double u = rngDouble(s);
      double v = rngStandardExponential(s);
      if (u <= 1.0 - shape) {
        double x = pow(u, 1.0 / shape);
        if (x <= v)
          return x;
      } else {
        double y = -log((1.0 - u) / shape);
        double x = pow(1.0 - shape + shape * y, 1.0 / shape);
        if (x <= v + y)
          return x;
      }
    }
  }
  double b = shape - 1.0 / 3.0;
  double c = 1.0 / sqrt(9.0 * b);
  for (;;) {
    double x, v;
    do {
      x = rngGauss(s);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    double u = rngDouble(s);
    if (u < 1.0 - 0.0331 * (x * x) * (x * x))
      return b * v;
    if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v)))
      return b * v;
  }
}

double mumbaRandomStandardGamma(double shape) {
  if (isNegative(shape))
    return fail("shape < 0");
  return mumbaRandomGammaDraw(mumbaRandomState(), shape);
}

double mumbaRandomGamma(double shape, double scale) {
  if (isNegative(shape))
    return fail("shape < 0");
  if (isNegative(scale))
    return fail("scale < 0");
  return scale * mumbaRandomGammaDraw(mumbaRandomState(), shape);
}

double mumbaRandomBeta(double a, double b) {
  if (isNotPositive(a))
    return fail("a <= 0");
  if (isNotPositive(b))
    return fail("b <= 0");
  MumbaRandomState *s = mumbaRandomState();
  if (a <= 1.0 && b <= 1.0) {
    /* Johnk's algorithm. */
    for (;;) {
      double u = rngDouble(s);
      double v = rngDouble(s);
      double x = pow(u, 1.0 / a);
      double y = pow(v, 1.0 / b);
      if (x + y <= 1.0) {
        if (x + y > 0.0)
          return x / (x + y);
        /* Both underflowed: the same ratio in logs. */
        double logX = log(u) / a;
        double logY = log(v) / b;
        double logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return exp(logX - log(exp(logX) + exp(logY)));
      }
    }
  }
  double ga = mumbaRandomGammaDraw(s, a);
  double gb = mumbaRandomGammaDraw(s, b);
  return ga / (ga + gb);
}

double mumbaRandomChisquare(double df) {
  if (isNotPositive(df))
    return fail("df <= 0");
  return 2.0 * mumbaRandomGammaDraw(mumbaRandomState(), df / 2.0);
}

double mumbaRandomF(double dfnum, double dfden) {
  if (isNotPositive(dfnum))
    return fail("dfnum <= 0");
  if (isNotPositive(dfden))
    return fail("dfden <= 0");
  MumbaRandomState *s = mumbaRandomState();
  double num = 2.0 * mumbaRandomGammaDraw(s, dfnum / 2.0) * dfden;
  double den = 2.0 * mumbaRandomGammaDraw(s, dfden / 2.0) * dfnum;
  return num / den;
}

double mumbaRandomStandardT(double df) {
  if (isNotPositive(df))
    return fail("df <= 0");
  MumbaRandomState *s = mumbaRandomState();
  double num = rngGauss(s);
  double denom = mumbaRandomGammaDraw(s, df / 2.0);
  return sqrt(df / 2.0) * num / sqrt(denom);
}

double mumbaRandomStandardCauchy(void) {
  MumbaRandomState *s = mumbaRandomState();
  double num = rngGauss(s);
  return num / rngGauss(s);
}

double mumbaRandomLaplace(double loc, double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  MumbaRandomState *s = mumbaRandomState();
  for (;;) {
    double u = rngDouble(s);
    if (u >= 0.5)
      return loc - scale * log(2.0 - u - u);
    if (u > 0.0)
      return loc + scale * log(u + u);
    /* u == 0 would give -inf: NumPy draws again. */
  }
}

double mumbaRandomLogistic(double loc, double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  MumbaRandomState *s = mumbaRandomState();
  for (;;) {
    double u = rngDouble(s);
    if (u > 0.0)
      return loc + scale * log(u / (1.0 - u));
  }
}

double mumbaRandomGumbel(double loc, double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  MumbaRandomState *s = mumbaRandomState();
  for (;;) {
    double u = 1.0 - rngDouble(s);
    if (u < 1.0)
      return loc - scale * log(-log(u));
  }
}

double mumbaRandomPareto(double a) {
  if (isNotPositive(a))
    return fail("a <= 0");
  return exp(rngStandardExponential(mumbaRandomState()) / a) - 1.0;
}

double mumbaRandomPower(double a) {
  if (isNotPositive(a))
    return fail("a <= 0");
  double e = rngStandardExponential(mumbaRandomState());
  return pow(1.0 - exp(-e), 1.0 / a);
}

double mumbaRandomWeibull(double a) {
  if (isNegative(a))
    return fail("a < 0");
  /* a == 0 draws nothing. */
  if (a == 0.0)
    return 0.0;
  return pow(rngStandardExponential(mumbaRandomState()), 1.0 / a);
}

double mumbaRandomRayleigh(double scale) {
  if (isNegative(scale))
    return fail("scale < 0");
  return scale * sqrt(-2.0 * log1p(-rngDouble(mumbaRandomState())));
}

double mumbaRandomTriangular(double left, double mode, double right) {
  if (left > mode)
    return fail("left > mode");
  if (mode > right)
    return fail("mode > right");
  if (left == right)
    return fail("left == right");
  double base = right - left;
  double leftBase = mode - left;
  double ratio = leftBase / base;
  double leftProd = leftBase * base;
  double rightProd = (right - mode) * base;
  double u = rngDouble(mumbaRandomState());
  if (u <= ratio)
    return left + sqrt(u * leftProd);
  return right - sqrt((1.0 - u) * rightProd);
}

double mumbaRandomVonmises(double mu, double kappa) {
  if (isNegative(kappa))
    return fail("kappa < 0");
  MumbaRandomState *s = mumbaRandomState();
  if (isnan(kappa))
    return NAN;
  if (kappa < 1e-8)
    return M_PI * (2.0 * rngDouble(s) - 1.0);
  double r, rho, sv;
  if (kappa < 1e-5) {
    /* Second-order Taylor expansion around kappa = 0. */
    sv = 1.0 / kappa + kappa;
  } else {
    /* The legacy generator has no wrapped-normal branch for huge kappa. */
    r = 1.0 + sqrt(1.0 + 4.0 * kappa * kappa);
    rho = (r - sqrt(2.0 * r)) / (2.0 * kappa);
    sv = (1.0 + rho * rho) / (2.0 * rho);
  }
  double w;
  for (;;) {
    double u = rngDouble(s);
    double z = cos(M_PI * u);
    w = (1.0 + sv * z) / (sv + z);
    double y = kappa * (sv - w);
    double v = rngDouble(s);
    if (y * (2.0 - y) - v >= 0.0 || log(y / v) + 1.0 - y >= 0.0)
      break;
  }
  double u = rngDouble(s);
  double result = acos(w);
  if (u < 0.5)
    result = -result;
  result += mu;
  /* Wrap into [-pi, pi], keeping the sign. */
  int negative = result < 0.0;
  double mod = fmod(fabs(result) + M_PI, 2.0 * M_PI) - M_PI;
  return negative ? -mod : mod;
}

double mumbaRandomWald(double mean, double scale) {
  if (isNotPositive(mean))
    return fail("mean <= 0");
  if (isNotPositive(scale))
    return fail("scale <= 0");
  MumbaRandomState *s = mumbaRandomState();
  double mu2l = mean / (2.0 * scale);
  double y = rngGauss(s);
  y = mean * y * y;
  double x = mean + mu2l * (y - sqrt(4.0 * scale * y + y * y));
  double u = rngDouble(s);
  if (u <= mean / (mean + x))
    return x;
  return mean * mean / x;
}

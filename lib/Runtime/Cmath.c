/*===- Cmath.c - cmath functions for compiled code ------------------------===*/
/* Finite arguments take the formulas; the rest is the case analysis of C99
   Annex G as CPython resolves it (its cmath_testcases.txt documents every
   case, including which sign an unspecified zero or infinity gets). */
#include "mumba/Runtime/Cmath.h"

#include <float.h>
#include <math.h>

/* exp, sinh and cosh of more than this overflow before a factor below one
   (a cosine) brings them back: they compute with x - 1 and multiply by e. */
static const double kLogLarge = 708.0;

static MumbaComplex make(double re, double im) {
  MumbaComplex z = {re, im};
  return z;
}

MumbaComplex mumbaCmathExp(double x, double y) {
  if (isfinite(x) && isfinite(y)) {
    if (y == 0) /* exact, and no inf * 0 when exp(x) overflows */
      return make(exp(x), y);
    if (x > kLogLarge) {
      double l = exp(x - 1);
      return make(l * cos(y) * M_E, l * sin(y) * M_E);
    }
    double l = exp(x);
    return make(l * cos(y), l * sin(y));
  }
  if (isinf(x) && isfinite(y)) {
    if (y == 0)
      return make(x > 0 ? x : 0.0, y);
    /* inf or 0 in the direction of y. */
    double scale = x > 0 ? INFINITY : 0.0;
    return make(copysign(scale, cos(y)), copysign(scale, sin(y)));
  }
  if (x == -INFINITY) /* y infinite or NaN */
    return make(0.0, 0.0);
  if (x == INFINITY)
    return make(INFINITY, NAN);
  if (isnan(x) && y == 0)
    return make(x, y);
  return make(NAN, NAN);
}

/* log|z| without overflow or underflow in |z|, and accurate near |z| = 1. */
static double logAbs(double x, double y) {
  double ax = fabs(x), ay = fabs(y);
  double big = ax > ay ? ax : ay, small = ax > ay ? ay : ax;
  if (big > DBL_MAX / 4)
    return log(hypot(ax / 2, ay / 2)) + M_LN2;
  if (big < DBL_MIN) {
    if (big == 0)
      return -INFINITY;
    /* Scale subnormals up by 2**53. */
    return log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
           DBL_MANT_DIG * M_LN2;
  }
  double h = hypot(ax, ay);
  if (h >= 0.71 && h <= 1.73)
    /* log(h) = log1p(h*h - 1) / 2, h*h - 1 = (big-1)(big+1) + small^2. */
    return log1p((big - 1) * (big + 1) + small * small) / 2;
  return log(h);
}

MumbaComplex mumbaCmathLog(double x, double y) {
  if (isinf(x) || isinf(y))
    return make(INFINITY, isnan(x) || isnan(y) ? NAN : atan2(y, x));
  if (isnan(x) || isnan(y))
    return make(NAN, NAN);
  return make(logAbs(x, y), atan2(y, x));
}

MumbaComplex mumbaCmathSinh(double x, double y) {
  if (isfinite(x) && isfinite(y)) {
    if (fabs(x) > kLogLarge) {
      double shifted = x - copysign(1.0, x);
      return make(cos(y) * sinh(shifted) * M_E, sin(y) * cosh(shifted) * M_E);
    }
    return make(cos(y) * sinh(x), sin(y) * cosh(x));
  }
  if (isinf(x) && isfinite(y)) {
    if (y == 0)
      return make(x, y);
    /* sinh(x) cos(y) + i cosh(x) sin(y), cosh(x) = +inf. */
    return make(copysign(INFINITY, cos(y)) * copysign(1.0, x),
                copysign(INFINITY, sin(y)));
  }
  if (isinf(x)) /* y infinite or NaN */
    return make(INFINITY, NAN);
  if (x == 0) /* y infinite or NaN */
    return make(0.0, NAN);
  if (isnan(x) && y == 0)
    return make(x, y);
  return make(NAN, NAN);
}

MumbaComplex mumbaCmathCosh(double x, double y) {
  if (isfinite(x) && isfinite(y)) {
    if (fabs(x) > kLogLarge) {
      double shifted = x - copysign(1.0, x);
      return make(cos(y) * cosh(shifted) * M_E, sin(y) * sinh(shifted) * M_E);
    }
    return make(cos(y) * cosh(x), sin(y) * sinh(x));
  }
  if (isinf(x) && isfinite(y)) {
    if (y == 0)
      return make(INFINITY, copysign(1.0, x) * y);
    /* cosh(x) cos(y) + i sinh(x) sin(y), cosh(x) = +inf. */
    return make(copysign(INFINITY, cos(y)),
                copysign(INFINITY, sin(y)) * copysign(1.0, x));
  }
  if (isinf(x)) /* y infinite or NaN */
    return make(INFINITY, NAN);
  if (x == 0) /* y infinite or NaN */
    return make(NAN, 0.0);
  if (isnan(x) && y == 0)
    return make(x, 0.0);
  return make(NAN, NAN);
}

MumbaComplex mumbaCmathTanh(double x, double y) {
  if (isfinite(x) && isfinite(y)) {
    if (fabs(x) > kLogLarge)
      /* tanh(x) is +-1 to the last bit; the imaginary part is
         sin(2y) / (2 sinh^2 x) ~ 4 sin(y) cos(y) exp(-2|x|). */
      return make(copysign(1.0, x), 4 * sin(y) * cos(y) * exp(-2 * fabs(x)));
    /* (t(1 + u^2) + i u s^2) / (1 + t^2 u^2), t = tanh x, u = tan y,
       s = sech x. */
    double t = tanh(x), u = tan(y), s = 1 / cosh(x);
    double tu = t * u;
    double denom = 1 + tu * tu;
    return make(t * (1 + u * u) / denom, ((u / denom) * s) * s);
  }
  if (isinf(x)) {
    /* +-1 + i 0 sin(2y), and +-1 + i0 when y is infinite or NaN. */
    double im = isfinite(y) ? copysign(0.0, sin(2 * y)) : 0.0;
    return make(copysign(1.0, x), im);
  }
  if (isnan(x) && y == 0)
    return make(x, y);
  return make(NAN, NAN);
}

MumbaComplex mumbaCmathRect(double r, double phi) {
  if (isfinite(r) && isfinite(phi)) {
    if (phi == 0) /* r * cos(0) is r; the zero keeps the signs' product */
      return make(r, r * phi);
    return make(r * cos(phi), r * sin(phi));
  }
  if (isinf(r) && isfinite(phi)) {
    if (phi == 0)
      return make(r, copysign(1.0, r) * phi);
    return make(r * cos(phi), r * sin(phi));
  }
  if (isinf(r)) /* phi infinite or NaN */
    return make(INFINITY, NAN);
  if (r == 0) /* phi infinite or NaN */
    return make(0.0, 0.0);
  if (isnan(r) && phi == 0)
    return make(r, 0.0);
  return make(NAN, NAN);
}

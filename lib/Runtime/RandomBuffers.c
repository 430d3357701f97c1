/*===- RandomBuffers.c - multinomial, shuffle, permutation, choice --------===*/
/* The np.random functions that fill or reorder a buffer, with NumPy's
   legacy algorithms. Each returns its status. */
#include "RandomInternal.h"

#include "mumba/Runtime/Random.h"
#include "mumba/Runtime/Status.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int failWith(const char *excClass, const char *message) {
  mumbaRandomFail(excClass, message);
  mumbaRandomStatus(); /* returned, not left pending */
  return MUMBA_RANDOM_ERROR;
}

static int fail(const char *message) { return failWith("ValueError", message); }

static inline double item(const double *p, int64_t stride, int64_t i) {
  return *(const double *)((const char *)p + i * stride);
}

/* NumPy checks probabilities with a compensated sum. */
static double kahanSum(const double *p, int64_t stride, int64_t n) {
  if (n <= 0)
    return 0.0;
  double sum = item(p, stride, 0), c = 0.0;
  for (int64_t i = 1; i < n; ++i) {
    double y = item(p, stride, i) - c;
    double t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

int mumbaRandomMultinomial(int64_t *out, int64_t outStride, int64_t n,
                           const double *pvals, int64_t d, int64_t pStride) {
  for (int64_t j = 0; j < d; ++j) {
    double p = item(pvals, pStride, j);
    if (!(p >= 0.0 && p <= 1.0))
      return fail("pvals < 0, pvals > 1 or pvals contains NaNs");
  }
  if (kahanSum(pvals, pStride, d - 1) > 1.0 + 1e-12)
    return fail("sum(pvals[:-1]) > 1.0");
  if (n < 0)
    return fail("n < 0");
  if (d <= 0)
    return MUMBA_OK;
  MumbaRandomState *s = mumbaRandomState();
#define OUT(j) (*(int64_t *)((char *)out + (j) * outStride))
  for (int64_t j = 0; j < d; ++j)
    OUT(j) = 0;
  /* Each count is binomial in what the earlier ones left. Unlike the
     scalar binomial, these skip the draw when n or p is 0. */
  double remaining = 1.0;
  int64_t left = n;
  for (int64_t j = 0; j < d - 1; ++j) {
    double p = item(pvals, pStride, j) / remaining;
    int64_t k =
        (left == 0 || p == 0.0) ? 0 : mumbaRandomBinomialDraw(s, left, p);
    OUT(j) = k;
    left -= k;
    if (left <= 0)
      break;
    remaining -= item(pvals, pStride, j);
  }
  if (left > 0)
    OUT(d - 1) = left;
#undef OUT
  return MUMBA_OK;
}

static void swapItems(char *a, char *b, int64_t size) {
  char tmp[64];
  while (size > 0) {
    size_t n = size < (int64_t)sizeof(tmp) ? (size_t)size : sizeof(tmp);
    memcpy(tmp, a, n);
    memcpy(a, b, n);
    memcpy(b, tmp, n);
    a += n;
    b += n;
    size -= (int64_t)n;
  }
}

/* Fisher-Yates from the end, j uniform in [0, i] by masked rejection. */
static void shuffleWith(MumbaRandomState *s, char *data, int64_t count,
                        int64_t stride, int64_t itemSize) {
  for (int64_t i = count - 1; i > 0; --i) {
    int64_t j = (int64_t)rngInterval(s, (uint64_t)i);
    if (i != j)
      swapItems(data + i * stride, data + j * stride, itemSize);
  }
}

void mumbaRandomShuffle(void *data, int64_t count, int64_t stride,
                        int64_t itemSize) {
  if (count > 1)
    shuffleWith(mumbaRandomState(), data, count, stride, itemSize);
}

int mumbaRandomPermutation(int64_t *out, int64_t n) {
  if (n < 0)
    return fail("negative dimensions are not allowed");
  for (int64_t i = 0; i < n; ++i)
    out[i] = i;
  mumbaRandomShuffle(out, n, sizeof(int64_t), sizeof(int64_t));
  return MUMBA_OK;
}

/* The index of the first cdf entry above u (searchsorted, side='right'). */
static int64_t searchRight(const double *cdf, int64_t n, double u) {
  int64_t lo = 0, hi = n;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (cdf[mid] <= u)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* cumsum(p) / its last entry, as NumPy builds it. */
static void buildCdf(double *cdf, const double *p, int64_t stride, int64_t n) {
  double sum = 0.0;
  for (int64_t i = 0; i < n; ++i)
    cdf[i] = sum += item(p, stride, i);
  double last = cdf[n - 1];
  for (int64_t i = 0; i < n; ++i)
    cdf[i] /= last;
}

static int outOfMemory(void) {
  return failWith("MemoryError", "out of memory in np.random.choice");
}

/* Weighted sampling without replacement: draw as many as are missing,
   keep the first occurrence of each new index, zero the weights of those
   found and repeat. */
static int choiceWeightedUnique(MumbaRandomState *s, int64_t *out, int64_t size,
                                int64_t popSize, const double *p,
                                int64_t pStride) {
  double *weights = malloc((size_t)popSize * sizeof(double));
  double *cdf = malloc((size_t)popSize * sizeof(double));
  double *draws = malloc((size_t)(size ? size : 1) * sizeof(double));
  unsigned char *seen = calloc((size_t)popSize, 1);
  if (!weights || !cdf || !draws || !seen) {
    free(weights), free(cdf), free(draws), free(seen);
    return outOfMemory();
  }
  for (int64_t i = 0; i < popSize; ++i)
    weights[i] = item(p, pStride, i);
  int64_t found = 0;
  while (found < size) {
    int64_t want = size - found;
    for (int64_t i = 0; i < want; ++i)
      draws[i] = rngDouble(s);
    for (int64_t i = 0; i < found; ++i)
      weights[out[i]] = 0.0;
    buildCdf(cdf, weights, sizeof(double), popSize);
    for (int64_t i = 0; i < want; ++i) {
      int64_t k = searchRight(cdf, popSize, draws[i]);
      /* Indices found before have weight 0 and cannot come back. */
      if (k >= popSize || seen[k])
        continue;
      seen[k] = 1;
      out[found++] = k;
    }
  }
  free(weights), free(cdf), free(draws), free(seen);
  return MUMBA_OK;
}

int mumbaRandomChoice(int64_t *out, int64_t size, int64_t popSize,
                      int popIsArray, int replace, const double *p,
                      int64_t pCount, int64_t pStride) {
  if (popSize <= 0 && size != 0)
    return fail(popIsArray
                    ? "'a' cannot be empty unless no samples are taken"
                    : "a must be greater than 0 unless no samples are taken");
  if (p) {
    if (pCount != popSize)
      return fail("'a' and 'p' must have same size");
    double sum = kahanSum(p, pStride, pCount);
    if (isnan(sum))
      return fail("probabilities contain NaN");
    for (int64_t i = 0; i < pCount; ++i)
      if (item(p, pStride, i) < 0.0)
        return fail("probabilities are not non-negative");
    /* sqrt of float64's epsilon */
    if (fabs(sum - 1.0) > 1.4901161193847656e-08)
      return fail("probabilities do not sum to 1");
  }
  MumbaRandomState *s = mumbaRandomState();
  if (replace) {
    if (size < 0)
      return fail("negative dimensions are not allowed");
    if (!p) {
      for (int64_t i = 0; i < size; ++i)
        out[i] = (int64_t)rngInterval(s, (uint64_t)(popSize - 1));
      return MUMBA_OK;
    }
    double *cdf = malloc((size_t)popSize * sizeof(double));
    if (!cdf)
      return outOfMemory();
    buildCdf(cdf, p, pStride, popSize);
    /* NumPy draws all the uniforms first; the search draws nothing. */
    for (int64_t i = 0; i < size; ++i)
      out[i] = searchRight(cdf, popSize, rngDouble(s));
    free(cdf);
    return MUMBA_OK;
  }
  if (size > popSize)
    return fail("Cannot take a larger sample than population when "
                "'replace=False'");
  if (size < 0)
    return fail("Negative dimensions are not allowed");
  if (p) {
    int64_t nonZero = 0;
    for (int64_t i = 0; i < pCount; ++i)
      nonZero += item(p, pStride, i) > 0.0;
    if (nonZero < size)
      return fail("Fewer non-zero entries in p than size");
    return choiceWeightedUnique(s, out, size, popSize, p, pStride);
  }
  /* permutation(popSize)[:size] */
  int64_t *perm = malloc((size_t)(popSize ? popSize : 1) * sizeof(int64_t));
  if (!perm)
    return outOfMemory();
  for (int64_t i = 0; i < popSize; ++i)
    perm[i] = i;
  if (popSize > 1)
    shuffleWith(s, (char *)perm, popSize, sizeof(int64_t), sizeof(int64_t));
  memcpy(out, perm, (size_t)size * sizeof(int64_t));
  free(perm);
  return MUMBA_OK;
}

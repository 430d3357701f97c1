/*===- Random.h - np.random for compiled code -------------------*- C -*-===*\
|*                                                                          *|
|* A Mersenne Twister (MT19937) state per thread with NumPy's legacy       *|
|* seeding and algorithms: after mumbaRandomSeed(n) the draws are          *|
|* bit-identical to np.random.RandomState(n)'s. docs/random.md.            *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_RANDOM_H
#define MUMBA_RUNTIME_RANDOM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Errors. A draw whose parameters NumPy rejects draws nothing, returns NaN
   (or 0 for integer draws) and leaves MUMBA_RANDOM_ERROR pending on the
   thread, with NumPy's exception class and message recorded (Status.h).
   mumbaRandomStatus() returns the pending status and clears it: compiled
   code calls it after a draw, or once after a loop of draws. The buffer
   helpers and seeding return their status instead. */
int mumbaRandomStatus(void);

/* A fill of no values (size 0, or a negative extent) draws nothing, yet
   NumPy checks its parameters first: compiled code then draws once
   between these two calls, which put the thread's generator back. */
void mumbaRandomSaveState(void);
void mumbaRandomRestoreState(void);

/* np.random.seed(n), 0 <= n < 2**32 (else ValueError): NumPy's
   init_genrand(n), and the kept Gaussian dropped. */
int mumbaRandomSeed(int64_t seed);

/* Uniform draws. */
double mumbaRandomRandom(void); /* random_sample(), [0, 1) */
double mumbaRandomUniform(double low, double high);
/* random_sample(size=count) into count contiguous doubles: the draws of
   count random() calls, for one access to the thread's state. */
void mumbaRandomFillRandom(double *out, int64_t count);
/* randint(low, high), high exclusive; random_integers(low, high), high
   inclusive; both int64 (NumPy's default dtype). */
int64_t mumbaRandomRandint(int64_t low, int64_t high);
int64_t mumbaRandomRandomIntegers(int64_t low, int64_t high);

/* randint(low, high, size=count, dtype=...) into count items, stride bytes
   apart: the narrow dtypes take several values from one 32-bit draw, so
   one call matches one NumPy call of that size. */
enum MumbaRandomIntKind {
  MUMBA_RANDOM_BOOL = 0,
  MUMBA_RANDOM_INT8 = 1,
  MUMBA_RANDOM_UINT8 = 2,
  MUMBA_RANDOM_INT16 = 3,
  MUMBA_RANDOM_UINT16 = 4,
  MUMBA_RANDOM_INT32 = 5,
  MUMBA_RANDOM_UINT32 = 6,
  MUMBA_RANDOM_INT64 = 7,
  MUMBA_RANDOM_UINT64 = 8, /* low and high as int64: high < 2**63 */
};
int mumbaRandomRandintFill(void *out, int64_t count, int64_t stride, int kind,
                           int64_t low, int64_t high);

/* Continuous distributions, NumPy's parameter order and meaning. */
double mumbaRandomStandardNormal(void);
double mumbaRandomNormal(double loc, double scale);
double mumbaRandomLognormal(double mean, double sigma);
double mumbaRandomStandardExponential(void);
double mumbaRandomExponential(double scale);
double mumbaRandomStandardGamma(double shape);
double mumbaRandomGamma(double shape, double scale);
double mumbaRandomBeta(double a, double b);
double mumbaRandomChisquare(double df);
double mumbaRandomF(double dfnum, double dfden);
double mumbaRandomStandardT(double df);
double mumbaRandomStandardCauchy(void);
double mumbaRandomLaplace(double loc, double scale);
double mumbaRandomLogistic(double loc, double scale);
double mumbaRandomGumbel(double loc, double scale);
double mumbaRandomPareto(double a);
double mumbaRandomPower(double a);
double mumbaRandomWeibull(double a);
double mumbaRandomRayleigh(double scale);
double mumbaRandomTriangular(double left, double mode, double right);
double mumbaRandomVonmises(double mu, double kappa);
double mumbaRandomWald(double mean, double scale);

/* Discrete distributions. */
int64_t mumbaRandomBinomial(int64_t n, double p);
int64_t mumbaRandomNegativeBinomial(double n, double p);
int64_t mumbaRandomPoisson(double lam);
int64_t mumbaRandomGeometric(double p);
int64_t mumbaRandomHypergeometric(int64_t ngood, int64_t nbad, int64_t nsample);
int64_t mumbaRandomLogseries(double p);
int64_t mumbaRandomZipf(double a);

/* Buffer helpers: a buffer is its first item's address, a count and the
   stride in bytes between items. */

/* One multinomial(n, pvals) sample: d counts into out. */
int mumbaRandomMultinomial(int64_t *out, int64_t outStride, int64_t n,
                           const double *pvals, int64_t d, int64_t pStride);
/* shuffle(x) along the first axis: count items of itemSize bytes. */
void mumbaRandomShuffle(void *data, int64_t count, int64_t stride,
                        int64_t itemSize);
/* permutation(n) into n contiguous int64. */
int mumbaRandomPermutation(int64_t *out, int64_t n);
/* The indices choice(a, size, replace, p) picks from a population of
   popSize (a itself when a is an int, len(a) when it is an array:
   popIsArray only selects NumPy's message for an empty a); size
   contiguous int64. p is NULL or pCount doubles. */
int mumbaRandomChoice(int64_t *out, int64_t size, int64_t popSize,
                      int popIsArray, int replace, const double *p,
                      int64_t pCount, int64_t pStride);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_RANDOM_H */

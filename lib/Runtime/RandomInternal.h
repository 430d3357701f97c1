/*===- RandomInternal.h - The thread's generator, for Random*.c -*- C -*-===*\
|*                                                                          *|
|* Shared by the Random*.c files only: the thread's MT19937 state and the  *|
|* few primitive draws every distribution is built from, inline so that a  *|
|* draw costs no call beyond the exported function itself.                 *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_LIB_RUNTIME_RANDOMINTERNAL_H
#define MUMBA_LIB_RUNTIME_RANDOMINTERNAL_H

#include <math.h>
#include <stdint.h>

/* Bit-identical to NumPy: no fused multiply-adds where its build has none. */
#pragma STDC FP_CONTRACT OFF

#define MUMBA_MT_N 624
#define MUMBA_MT_M 397

/* What NumPy's RandomState keeps: the twister's key and position, and the
   second value of the last polar Box-Muller pair. */
typedef struct MumbaRandomState {
  uint32_t key[MUMBA_MT_N];
  int pos;
  int hasGauss;
  double gauss;
  int seeded; /* 0 until seeded or filled from entropy on first use */
} MumbaRandomState;

#define MUMBA_RANDOM_HIDDEN __attribute__((visibility("hidden")))

MUMBA_RANDOM_HIDDEN extern _Thread_local MumbaRandomState mumbaRandomThread;

/* Fills an unseeded state from the OS's entropy (first use on a thread). */
MUMBA_RANDOM_HIDDEN void mumbaRandomSeedFromEntropy(MumbaRandomState *s);
/* Generates the next 624 words. */
MUMBA_RANDOM_HIDDEN void mumbaRandomRefill(MumbaRandomState *s);
/* Records a failed draw (class and NumPy's message) as this thread's
   pending status; returns NaN for the draw's result. */
MUMBA_RANDOM_HIDDEN double mumbaRandomFail(const char *excClass,
                                           const char *message);

/* The calling thread's state, seeded. */
static inline MumbaRandomState *mumbaRandomState(void) {
  MumbaRandomState *s = &mumbaRandomThread;
  if (__builtin_expect(!s->seeded, 0))
    mumbaRandomSeedFromEntropy(s);
  return s;
}

static inline uint32_t rngNext32(MumbaRandomState *s) {
  if (__builtin_expect(s->pos == MUMBA_MT_N, 0))
    mumbaRandomRefill(s);
  uint32_t y = s->key[s->pos++];
  /* MT19937's tempering. */
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

/* NumPy's 64-bit draw from a 32-bit generator: the first word is high. */
static inline uint64_t rngNext64(MumbaRandomState *s) {
  uint64_t hi = rngNext32(s);
  return (hi << 32) | rngNext32(s);
}

/* random_sample: 27 + 26 bits of two draws make a double in [0, 1). */
static inline double rngDouble(MumbaRandomState *s) {
  int32_t a = (int32_t)(rngNext32(s) >> 5);
  int32_t b = (int32_t)(rngNext32(s) >> 6);
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* The smallest all-ones mask covering max. */
static inline uint64_t rngMask(uint64_t max) {
  max |= max >> 1;
  max |= max >> 2;
  max |= max >> 4;
  max |= max >> 8;
  max |= max >> 16;
  max |= max >> 32;
  return max;
}

/* A uniform integer in [0, max] by masked rejection, from 32-bit draws
   while max fits in 32 bits (NumPy's random_interval and its legacy
   bounded integers). */
static inline uint64_t rngInterval(MumbaRandomState *s, uint64_t max) {
  if (max == 0)
    return 0;
  uint64_t mask = rngMask(max);
  uint64_t value;
  if (max <= 0xffffffffU) {
    while ((value = (rngNext32(s) & mask)) > max)
      ;
  } else {
    while ((value = (rngNext64(s) & mask)) > max)
      ;
  }
  return value;
}

/* The legacy polar Box-Muller: each pair gives two values, the second kept
   for the next call. */
MUMBA_RANDOM_HIDDEN double mumbaRandomGaussPair(MumbaRandomState *s);

static inline double rngGauss(MumbaRandomState *s) {
  if (s->hasGauss) {
    s->hasGauss = 0;
    double kept = s->gauss;
    s->gauss = 0.0;
    return kept;
  }
  return mumbaRandomGaussPair(s);
}

/* -log(1 - U), U in [0, 1), as the legacy generator. */
static inline double rngStandardExponential(MumbaRandomState *s) {
  return -log(1.0 - rngDouble(s));
}

/* Shared by several distributions. */
MUMBA_RANDOM_HIDDEN double mumbaRandomGammaDraw(MumbaRandomState *s,
                                                double shape);
MUMBA_RANDOM_HIDDEN int64_t mumbaRandomPoissonDraw(MumbaRandomState *s,
                                                   double lam);
MUMBA_RANDOM_HIDDEN int64_t mumbaRandomBinomialDraw(MumbaRandomState *s,
                                                    int64_t n, double p);
MUMBA_RANDOM_HIDDEN double mumbaRandomLogGamma(double x);

#endif /* MUMBA_LIB_RUNTIME_RANDOMINTERNAL_H */

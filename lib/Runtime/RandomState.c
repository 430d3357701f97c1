/*===- RandomState.c - The per-thread MT19937, seeding, integers ----------===*/
#define _GNU_SOURCE /* getrandom */
#include "RandomInternal.h"

#include "mumba/Runtime/Random.h"
#include "mumba/Runtime/Status.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* Separate from the interpreter's np.random state, as in Numba: each
   thread (a prange worker too) has its own. */
_Thread_local MumbaRandomState mumbaRandomThread;

/* The status the last rejected draw left on this thread. */
static _Thread_local int pendingStatus;

double mumbaRandomFail(const char *excClass, const char *message) {
  mumbaRaiseUser((long long)(intptr_t)excClass, (long long)(intptr_t)message);
  pendingStatus = MUMBA_RANDOM_ERROR;
  return NAN;
}

int mumbaRandomStatus(void) {
  int status = pendingStatus;
  pendingStatus = MUMBA_OK;
  return status;
}

/* The same record, returned instead of left pending. */
static int failStatus(const char *excClass, const char *message) {
  mumbaRandomFail(excClass, message);
  pendingStatus = MUMBA_OK;
  return MUMBA_RANDOM_ERROR;
}

/* The state a parameter probe of an empty fill puts back. */
static _Thread_local MumbaRandomState savedState;

void mumbaRandomSaveState(void) { savedState = mumbaRandomThread; }

void mumbaRandomRestoreState(void) { mumbaRandomThread = savedState; }

/* MT19937's linear recurrence over the whole key; split in three loops so
   that no index needs a modulo. */
void mumbaRandomRefill(MumbaRandomState *s) {
  const uint32_t upper = 0x80000000U, lower = 0x7fffffffU;
  const uint32_t matrixA = 0x9908b0dfU;
  uint32_t *k = s->key;
  int i = 0;
  for (; i < MUMBA_MT_N - MUMBA_MT_M; ++i) {
    uint32_t y = (k[i] & upper) | (k[i + 1] & lower);
    k[i] = k[i + MUMBA_MT_M] ^ (y >> 1) ^ (-(y & 1U) & matrixA);
  }
  for (; i < MUMBA_MT_N - 1; ++i) {
    uint32_t y = (k[i] & upper) | (k[i + 1] & lower);
    k[i] = k[i + MUMBA_MT_M - MUMBA_MT_N] ^ (y >> 1) ^ (-(y & 1U) & matrixA);
  }
  uint32_t y = (k[MUMBA_MT_N - 1] & upper) | (k[0] & lower);
  k[MUMBA_MT_N - 1] = k[MUMBA_MT_M - 1] ^ (y >> 1) ^ (-(y & 1U) & matrixA);
  s->pos = 0;
}

/* init_genrand: what RandomState.seed(n) does for an integer n. */
static void seedKey(MumbaRandomState *s, uint32_t seed) {
  s->key[0] = seed;
  for (uint32_t i = 1; i < MUMBA_MT_N; ++i) {
    uint32_t prev = s->key[i - 1];
    s->key[i] = 1812433253U * (prev ^ (prev >> 30)) + i;
  }
  s->pos = MUMBA_MT_N;
  s->hasGauss = 0;
  s->gauss = 0.0;
  s->seeded = 1;
}

int mumbaRandomSeed(int64_t seed) {
  if (seed < 0 || seed > (int64_t)0xffffffffU) {
    return failStatus("ValueError", "Seed must be between 0 and 2**32 - 1");
  }
  seedKey(&mumbaRandomThread, (uint32_t)seed);
  return MUMBA_OK;
}

static int readEntropy(void *buf, size_t n) {
  unsigned char *p = buf;
  while (n > 0) {
    ssize_t got = getrandom(p, n, 0);
    if (got <= 0)
      break;
    p += got;
    n -= (size_t)got;
  }
  if (n == 0)
    return 1;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  while (n > 0) {
    ssize_t got = read(fd, p, n);
    if (got <= 0)
      break;
    p += got;
    n -= (size_t)got;
  }
  close(fd);
  return n == 0;
}

/* Unseeded: the whole key from the OS, as NumPy's old randomkit did; the
   top bit of the first word set so that the key is never all zero. */
void mumbaRandomSeedFromEntropy(MumbaRandomState *s) {
  if (readEntropy(s->key, sizeof(s->key))) {
    s->key[0] |= 0x80000000U;
    s->pos = MUMBA_MT_N;
    s->hasGauss = 0;
    s->gauss = 0.0;
    s->seeded = 1;
    return;
  }
  /* No entropy source at all: the clock and this thread's address. */
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  seedKey(s,
          (uint32_t)ts.tv_nsec ^ (uint32_t)ts.tv_sec ^ (uint32_t)(uintptr_t)s);
}

double mumbaRandomRandom(void) { return rngDouble(mumbaRandomState()); }

void mumbaRandomFillRandom(double *out, int64_t count) {
  MumbaRandomState *s = mumbaRandomState();
  for (int64_t i = 0; i < count; ++i)
    out[i] = rngDouble(s);
}

double mumbaRandomUniform(double low, double high) {
  double range = high - low;
  if (!isfinite(range))
    return mumbaRandomFail("OverflowError", "Range exceeds valid bounds");
  return low + range * rngDouble(mumbaRandomState());
}

/* NumPy's message when low >= high: it names high alone for the default
   low of 0. */
static const char *boundsMessage(int64_t low) {
  return low == 0 ? "high <= 0" : "low >= high";
}

int64_t mumbaRandomRandint(int64_t low, int64_t high) {
  if (low >= high) {
    mumbaRandomFail("ValueError", boundsMessage(low));
    return 0;
  }
  uint64_t rng = (uint64_t)high - 1U - (uint64_t)low;
  return (int64_t)((uint64_t)low + rngInterval(mumbaRandomState(), rng));
}

/* random_integers(low, high) is randint(low, high + 1); high + 1 may be
   2**63, so the range is computed without it. */
int64_t mumbaRandomRandomIntegers(int64_t low, int64_t high) {
  if (low > high) {
    mumbaRandomFail("ValueError", boundsMessage(low));
    return 0;
  }
  uint64_t rng = (uint64_t)high - (uint64_t)low;
  return (int64_t)((uint64_t)low + rngInterval(mumbaRandomState(), rng));
}

/* The narrow dtypes' buffered draws: one 32-bit word serves 32 bools, four
   8-bit or two 16-bit values, low bits first. */
typedef struct {
  int count; /* values left in word after the current one */
  uint32_t word;
} Buffered;

static uint32_t bufferedBits(MumbaRandomState *s, Buffered *b, int bits) {
  if (b->count == 0) {
    b->word = rngNext32(s);
    b->count = 32 / bits - 1;
  } else {
    b->word >>= bits;
    b->count--;
  }
  return b->word & ((1U << bits) - 1U); /* bits <= 16 */
}

typedef struct {
  const char *name;
  int bits; /* 1 for bool */
  int64_t min, max;
} IntKind;

static const IntKind intKinds[] = {
    [MUMBA_RANDOM_BOOL] = {"bool", 1, 0, 1},
    [MUMBA_RANDOM_INT8] = {"int8", 8, INT8_MIN, INT8_MAX},
    [MUMBA_RANDOM_UINT8] = {"uint8", 8, 0, UINT8_MAX},
    [MUMBA_RANDOM_INT16] = {"int16", 16, INT16_MIN, INT16_MAX},
    [MUMBA_RANDOM_UINT16] = {"uint16", 16, 0, UINT16_MAX},
    [MUMBA_RANDOM_INT32] = {"int32", 32, INT32_MIN, INT32_MAX},
    [MUMBA_RANDOM_UINT32] = {"uint32", 32, 0, UINT32_MAX},
    [MUMBA_RANDOM_INT64] = {"int64", 64, INT64_MIN, INT64_MAX},
    [MUMBA_RANDOM_UINT64] = {"uint64", 64, 0, INT64_MAX},
};

int mumbaRandomRandintFill(void *out, int64_t count, int64_t stride, int kind,
                           int64_t low, int64_t high) {
  char message[64];
  if (kind < 0 || kind > MUMBA_RANDOM_UINT64)
    return failStatus("TypeError", "Unsupported dtype for randint");
  const IntKind *k = &intKinds[kind];
  if (low < k->min) {
    snprintf(message, sizeof(message), "low is out of bounds for %s", k->name);
    return failStatus("ValueError", message);
  }
  /* high is exclusive: high - 1 must fit (high > INT64_MIN here). */
  if (high > k->min && high - 1 > k->max) {
    snprintf(message, sizeof(message), "high is out of bounds for %s", k->name);
    return failStatus("ValueError", message);
  }
  if (low >= high)
    return failStatus("ValueError", boundsMessage(low));
  if (count < 0)
    return failStatus("ValueError", "negative dimensions are not allowed");
  MumbaRandomState *s = mumbaRandomState();
  uint64_t rng = (uint64_t)high - 1U - (uint64_t)low;
  uint64_t mask = rngMask(rng);
  char *p = out;
  Buffered buffer = {0, 0};
  for (int64_t i = 0; i < count; ++i, p += stride) {
    uint64_t v = 0;
    if (rng == 0)
      v = 0;
    else if (k->bits >= 32)
      v = rngInterval(s, rng);
    else
      while ((v = bufferedBits(s, &buffer, k->bits) & mask) > rng)
        ;
    uint64_t value = (uint64_t)low + v;
    switch (k->bits) {
    case 1:
      *(_Bool *)p = value != 0;
      break;
    case 8:
      *(uint8_t *)p = (uint8_t)value;
      break;
    case 16:
      *(uint16_t *)p = (uint16_t)value;
      break;
    case 32:
      *(uint32_t *)p = (uint32_t)value;
      break;
    default:
      *(uint64_t *)p = value;
      break;
    }
  }
  return MUMBA_OK;
}

/*===- Parallel.c - Threads of parallel loops -----------------------------===*/
#include "mumba/Runtime/Parallel.h"

#include <stdlib.h>
#include <unistd.h>

/* 0 until the Python package sets it, or the first loop asks. */
static int defaultCount;
static _Thread_local int threadCount;

/* Without the Python package (a library compiled ahead of time), the
   package's own rule: MUMBA_NUM_THREADS, else every core. */
static int environmentCount(void) {
  const char *text = getenv("MUMBA_NUM_THREADS");
  int count = text ? atoi(text) : 0;
  if (count <= 0)
    count = (int)sysconf(_SC_NPROCESSORS_ONLN);
  return count > 0 ? count : 1;
}

int mumbaGetNumThreads(void) {
  int count = threadCount;
  if (count > 0)
    return count;
  count = __atomic_load_n(&defaultCount, __ATOMIC_RELAXED);
  if (count > 0)
    return count;
  count = environmentCount();
  __atomic_store_n(&defaultCount, count, __ATOMIC_RELAXED);
  return count;
}

void mumbaSetNumThreads(int count) { threadCount = count > 0 ? count : 0; }

void mumbaSetDefaultNumThreads(int count) {
  if (count > 0)
    __atomic_store_n(&defaultCount, count, __ATOMIC_RELAXED);
}

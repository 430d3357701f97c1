/*===- Parallel.c - Threads of parallel loops -----------------------------===*/
#include "mumba/Runtime/Parallel.h"

/* Until the Python package says otherwise, one thread: serial code. */
static int defaultCount = 1;
static _Thread_local int threadCount;

int mumbaGetNumThreads(void) {
  int count = threadCount;
  return count > 0 ? count : __atomic_load_n(&defaultCount, __ATOMIC_RELAXED);
}

void mumbaSetNumThreads(int count) { threadCount = count > 0 ? count : 0; }

void mumbaSetDefaultNumThreads(int count) {
  if (count > 0)
    __atomic_store_n(&defaultCount, count, __ATOMIC_RELAXED);
}

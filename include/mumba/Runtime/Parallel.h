/*===- Parallel.h - Threads of parallel loops --------------------*- C -*-===*\
|*                                                                          *|
|* How many threads a parallel loop (prange under parallel=True) runs on:  *|
|* compiled code asks before each OpenMP region. The Python package sets   *|
|* the default (MUMBA_NUM_THREADS, else every core) and, through           *|
|* mumba.set_num_threads, a count for the calling thread alone, as Numba's *|
|* set_num_threads is thread-local.                                        *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_PARALLEL_H
#define MUMBA_RUNTIME_PARALLEL_H

#ifdef __cplusplus
extern "C" {
#endif

/* The threads a parallel region started on this thread uses. */
int mumbaGetNumThreads(void);

/* Sets that count for this thread; 0 goes back to the default. */
void mumbaSetNumThreads(int count);

/* Sets the default for threads that did not set their own (count > 0). */
void mumbaSetDefaultNumThreads(int count);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_PARALLEL_H */

/*===- Memory.h - The allocator of arrays made in compiled code -*- C -*-===*\
|*                                                                          *|
|* Compiled code allocates arrays through these functions (the names are   *|
|* the ones MLIR's memref-to-llvm lowering calls with use-generic-functions)*|
|* so that NumPy can take over returned arrays and free them with          *|
|* mumbaFree, and tests can count what is live.                            *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_MEMORY_H
#define MUMBA_RUNTIME_MEMORY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *_mlir_memref_to_llvm_alloc(size_t size);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size);
void _mlir_memref_to_llvm_free(void *ptr);

/* Called by compiled code when allocating an array failed, only then:
   the extents one axis at a time, then the item size and the dtype's name
   (a NUL-terminated string passed as its address). Records NumPy's
   MemoryError message ("Unable to allocate 8.00 EiB for an array with
   shape (1152921504606846976,) and data type float64") for
   MUMBA_NO_MEMORY. */
void mumbaRecordArrayExtent(long long axis, long long extent);
void mumbaRaiseArrayMemory(long long ndim, long long itemsize,
                           long long dtypeName);

/* Frees memory from the functions above (for NumPy's array bases). */
void mumbaFree(void *ptr);

/* How many allocations are live: allocated and not yet freed. */
long long mumbaLiveAllocations(void);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_MEMORY_H */

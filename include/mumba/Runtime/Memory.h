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

/* Frees memory from the functions above (for NumPy's array bases). */
void mumbaFree(void *ptr);

/* How many allocations are live: allocated and not yet freed. */
long long mumbaLiveAllocations(void);

#ifdef __cplusplus
}
#endif

#endif /* MUMBA_RUNTIME_MEMORY_H */

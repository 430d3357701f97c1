/*===- Memory.c - The allocator of arrays made in compiled code -----------===*/
#include "mumba/Runtime/Memory.h"

#include <stdatomic.h>
#include <stdlib.h>

static atomic_llong liveAllocations;

void *_mlir_memref_to_llvm_alloc(size_t size) {
  /* malloc(0) may return null, which is not a valid buffer base. */
  void *ptr = malloc(size ? size : 1);
  if (ptr)
    atomic_fetch_add(&liveAllocations, 1);
  return ptr;
}

void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size) {
  /* aligned_alloc wants a size that is a multiple of the alignment. */
  size_t rounded = (size + alignment - 1) / alignment * alignment;
  void *ptr = aligned_alloc(alignment, rounded ? rounded : alignment);
  if (ptr)
    atomic_fetch_add(&liveAllocations, 1);
  return ptr;
}

void _mlir_memref_to_llvm_free(void *ptr) {
  if (!ptr)
    return;
  atomic_fetch_sub(&liveAllocations, 1);
  free(ptr);
}

void mumbaFree(void *ptr) { _mlir_memref_to_llvm_free(ptr); }

long long mumbaLiveAllocations(void) { return atomic_load(&liveAllocations); }

/*===- Memory.c - The allocator of arrays made in compiled code -----------===*/
#include "mumba/Runtime/Memory.h"
#include "mumba/Runtime/Status.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
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
  /* aligned_alloc wants a size that is a multiple of the alignment; a size
     that rounding would wrap cannot be allocated anyway. */
  if (alignment == 0 || size > SIZE_MAX - alignment)
    return NULL;
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

/* The extents of the allocation that failed on this thread; NumPy allows
   32 dimensions, more are shown as "...". */
enum { kRecordedAxes = 64 };
static _Thread_local long long failedExtents[kRecordedAxes];

void mumbaRecordArrayExtent(long long axis, long long extent) {
  if (axis >= 0 && axis < kRecordedAxes)
    failedExtents[axis] = extent;
}

/* NumPy's _ArrayMemoryError._size_to_string: a binary unit chosen so the
   rounded value stays under 1024, three significant digits under 1000. */
static void formatBytes(char *out, size_t n, unsigned long long bytes) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB",
                                      "TiB",   "PiB", "EiB"};
  int bitLength = bytes ? 64 - __builtin_clzll(bytes) : 0;
  int unit = (bitLength - 1 > 1 ? bitLength - 1 : 1) / 10;
  double value = (double)bytes / (double)(1ULL << (10 * unit));
  if (nearbyint(value) == 1024.0) {
    ++unit;
    value /= 1024.0;
  }
  if (unit == 0)
    snprintf(out, n, "%.0f %s", value, units[unit]);
  else if (nearbyint(value) < 1000.0)
    snprintf(out, n, "%#.3g %s", value, units[unit]);
  else
    snprintf(out, n, "%#.0f %s", value, units[unit]);
}

void mumbaRaiseArrayMemory(long long ndim, long long itemsize,
                           long long dtypeName) {
  unsigned long long bytes = (unsigned long long)itemsize;
  char shape[2048]; /* 64 extents of 20 digits and separators fit */
  size_t used = 0;
  shape[used++] = '(';
  for (long long axis = 0; axis < ndim; ++axis) {
    if (axis == kRecordedAxes) {
      used += (size_t)snprintf(shape + used, sizeof(shape) - used, ", ...");
      break;
    }
    bytes *= (unsigned long long)failedExtents[axis];
    int wrote = snprintf(shape + used, sizeof(shape) - used, "%s%lld",
                         axis ? ", " : "", failedExtents[axis]);
    if (wrote < 0 || (size_t)wrote >= sizeof(shape) - used - 3)
      break;
    used += (size_t)wrote;
  }
  if (ndim == 1)
    shape[used++] = ',';
  shape[used++] = ')';
  shape[used] = '\0';
  char size[64];
  formatBytes(size, sizeof(size), bytes);
  char message[2200];
  snprintf(message, sizeof(message),
           "Unable to allocate %s for an array with shape %s and data type %s",
           size, shape, (const char *)dtypeName);
  mumbaRaiseUser((long long)"MemoryError", (long long)message);
}

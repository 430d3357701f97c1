/* Included first in every file of the sanitized build (scripts/
   build-sanitized, -include). LLVM's headers poison and unpoison the slabs
   of their allocators when compiled with ASan; LLVM and MLIR themselves are
   not, so a slab that our (instrumented) inline code had poisoned was
   handed out by libMLIR without being unpoisoned, and ASan reported
   use-after-poison on sound code. The poisoning is made a no-op here, in
   our files as it is in LLVM's: the declarations are read first, so that
   the header's later inclusion does not meet the macros. */
#ifndef MUMBA_SANITIZED_PRELUDE_H
#define MUMBA_SANITIZED_PRELUDE_H
#include <sanitizer/asan_interface.h>
#define __asan_poison_memory_region(p, size) ((void)(p), (void)(size))
#define __asan_unpoison_memory_region(p, size) ((void)(p), (void)(size))
#endif

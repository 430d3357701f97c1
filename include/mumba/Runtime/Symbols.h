/*===- Symbols.h - The runtime's symbols, one list ----------------*- C -*-===*\
|*                                                                          *|
|* Every function of lib/Runtime that compiled code calls, spelled once:    *|
|* the lowering names its calls with these, the JIT binds them to the      *|
|* runtime's addresses, and the Python frontend keeps user functions from  *|
|* taking these names (a test compares its copy with this list, which the  *|
|* extension exports).                                                     *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef MUMBA_RUNTIME_SYMBOLS_H
#define MUMBA_RUNTIME_SYMBOLS_H

#define MUMBA_SYMBOL_RAISE_INDEX_ERROR "mumbaRaiseIndexError"
#define MUMBA_SYMBOL_RAISE_USER "mumbaRaiseUser"
#define MUMBA_SYMBOL_PRINT "mumbaPrint"
#define MUMBA_SYMBOL_MOD_POW "mumbaModPow"
#define MUMBA_SYMBOL_CHECK_STACK "mumbaCheckStack"
#define MUMBA_SYMBOL_RECORD_ARRAY_EXTENT "mumbaRecordArrayExtent"
#define MUMBA_SYMBOL_RAISE_ARRAY_MEMORY "mumbaRaiseArrayMemory"
/* The allocator, under the names MLIR's memref-to-llvm lowering calls
   with use-generic-functions. */
#define MUMBA_SYMBOL_ALLOC "_mlir_memref_to_llvm_alloc"
#define MUMBA_SYMBOL_ALIGNED_ALLOC "_mlir_memref_to_llvm_aligned_alloc"
#define MUMBA_SYMBOL_FREE "_mlir_memref_to_llvm_free"

/* X(name, function) for each symbol above, for tables built from it. */
#define MUMBA_RUNTIME_SYMBOLS(X)                                               \
  X(MUMBA_SYMBOL_RAISE_INDEX_ERROR, mumbaRaiseIndexError)                      \
  X(MUMBA_SYMBOL_RAISE_USER, mumbaRaiseUser)                                   \
  X(MUMBA_SYMBOL_PRINT, mumbaPrint)                                            \
  X(MUMBA_SYMBOL_MOD_POW, mumbaModPow)                                         \
  X(MUMBA_SYMBOL_CHECK_STACK, mumbaCheckStack)                                 \
  X(MUMBA_SYMBOL_RECORD_ARRAY_EXTENT, mumbaRecordArrayExtent)                  \
  X(MUMBA_SYMBOL_RAISE_ARRAY_MEMORY, mumbaRaiseArrayMemory)                    \
  X(MUMBA_SYMBOL_ALLOC, _mlir_memref_to_llvm_alloc)                            \
  X(MUMBA_SYMBOL_ALIGNED_ALLOC, _mlir_memref_to_llvm_aligned_alloc)            \
  X(MUMBA_SYMBOL_FREE, _mlir_memref_to_llvm_free)

#endif /* MUMBA_RUNTIME_SYMBOLS_H */

//===- OpenMPLibrary.cpp - libomp in the JIT's process --------------------===//
//
// Parallel loops become OpenMP regions, which LLVM's OpenMPIRBuilder turns
// into calls of libomp's __kmpc_* functions. The library is loaded into the
// process, globally, the first time code that needs it is linked, so that
// the JIT's process-symbol lookup finds those functions; processes that
// never run a parallel loop never load it.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"
#include "llvm/Support/DynamicLibrary.h"
#include <mutex>

#ifndef MUMBA_LIBOMP_PATH
#error "CMake names the OpenMP runtime (libomp) to load"
#endif

const char *mumba::getOpenMPLibraryPath() { return MUMBA_LIBOMP_PATH; }

bool mumba::loadOpenMPLibrary(std::string &error) {
  static std::once_flag once;
  static std::string failure;
  std::call_once(once, [] {
    std::string message;
    if (llvm::sys::DynamicLibrary::LoadLibraryPermanently(MUMBA_LIBOMP_PATH,
                                                          &message))
      failure =
          "cannot load the OpenMP runtime " MUMBA_LIBOMP_PATH ": " + message;
  });
  error = failure;
  return failure.empty();
}

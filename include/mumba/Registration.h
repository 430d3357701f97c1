//===- Registration.h - What Mumba's tools and library register -*- C++ -*-===//
#ifndef MUMBA_REGISTRATION_H
#define MUMBA_REGISTRATION_H

#include "mlir/IR/DialectRegistry.h"

namespace mumba {

/// The nb dialect, the upstream dialects the pipelines produce, and the
/// translations to LLVM IR.
void registerDialects(mlir::DialectRegistry &registry);

/// Mumba's passes and pipelines, and the upstream passes they use, for
/// mumba-opt's command line. Call once per process.
void registerPasses();

} // namespace mumba

#endif // MUMBA_REGISTRATION_H

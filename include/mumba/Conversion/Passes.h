//===- Passes.h - Mumba conversion passes -----------------------*- C++ -*-===//
#ifndef MUMBA_CONVERSION_PASSES_H
#define MUMBA_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"
#include "mumba/Conversion/NBToStd/ErrorModel.h"
#include "mumba/Conversion/NBToStd/NBToStd.h"

namespace mumba {

#define GEN_PASS_DECL
#include "mumba/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mumba/Conversion/Passes.h.inc"

} // namespace mumba

#endif // MUMBA_CONVERSION_PASSES_H

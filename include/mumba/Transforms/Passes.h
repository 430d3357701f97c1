//===- Passes.h - Mumba's passes on upstream dialects -----------*- C++ -*-===//
//
// The mumba-* passes between convert-nb-to-std and the llvm dialect: loop
// uplifting, raising to affine, fast-math flags, C entry points and the
// deallocation of arrays made in compiled code.
//
//===----------------------------------------------------------------------===//
#ifndef MUMBA_TRANSFORMS_PASSES_H
#define MUMBA_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mumba {

#define GEN_PASS_DECL
#include "mumba/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mumba/Transforms/Passes.h.inc"

} // namespace mumba

#endif // MUMBA_TRANSFORMS_PASSES_H

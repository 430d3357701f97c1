//===- Passes.h - Passes on the nb dialect ----------------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_TRANSFORMS_PASSES_H
#define MUMBA_DIALECT_NB_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mumba/Dialect/NB/IR/NBDialect.h"

namespace mumba::nb {

#define GEN_PASS_DECL
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "mumba/Dialect/NB/Transforms/Passes.h.inc"

} // namespace mumba::nb

#endif // MUMBA_DIALECT_NB_TRANSFORMS_PASSES_H

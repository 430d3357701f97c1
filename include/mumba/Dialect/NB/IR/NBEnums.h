//===- NBEnums.h - Enumerations of the nb dialect ---------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBENUMS_H
#define MUMBA_DIALECT_NB_IR_NBENUMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringRef.h"

#include "mumba/Dialect/NB/IR/NBEnums.h.inc"

#endif // MUMBA_DIALECT_NB_IR_NBENUMS_H

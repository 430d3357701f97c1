//===- NBDialect.h - The Numba IR dialect -----------------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBDIALECT_H
#define MUMBA_DIALECT_NB_IR_NBDIALECT_H

#include "mlir/IR/Dialect.h"

#include "mumba/Dialect/NB/IR/NBOpsDialect.h.inc"

#endif // MUMBA_DIALECT_NB_IR_NBDIALECT_H

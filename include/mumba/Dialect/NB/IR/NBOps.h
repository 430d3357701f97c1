//===- NBOps.h - Operations of the nb dialect -------------------*- C++ -*-===//
#ifndef MUMBA_DIALECT_NB_IR_NBOPS_H
#define MUMBA_DIALECT_NB_IR_NBOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/MemorySlotInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mumba/Dialect/NB/IR/NBDialect.h"
#include "mumba/Dialect/NB/IR/NBEnums.h"
#include "mumba/Dialect/NB/IR/NBInterfaces.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"

#define GET_OP_CLASSES
#include "mumba/Dialect/NB/IR/NBOps.h.inc"

#endif // MUMBA_DIALECT_NB_IR_NBOPS_H

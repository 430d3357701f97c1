//===- NBDialect.cpp - The Numba IR dialect -------------------------------===//
#include "mumba/Dialect/NB/IR/NBDialect.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mumba/Dialect/NB/IR/NBOps.h"

using namespace mlir;
using namespace mumba::nb;

#include "mumba/Dialect/NB/IR/NBEnums.cpp.inc"
#include "mumba/Dialect/NB/IR/NBInterfaces.cpp.inc"
#include "mumba/Dialect/NB/IR/NBOpsDialect.cpp.inc"

TypingContext::~TypingContext() = default;

void NBDialect::initialize() {
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "mumba/Dialect/NB/IR/NBOps.cpp.inc"
      >();
}

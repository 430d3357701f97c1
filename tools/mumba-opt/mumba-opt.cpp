//===- mumba-opt.cpp - Mumba's optimizer driver ---------------------------===//
//
// mlir-opt with the nb dialect, Mumba's passes and pipelines, and the
// upstream dialects and passes that Mumba's pipelines use.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mumba/Registration.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mumba::registerDialects(registry);
  mumba::registerPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Mumba optimizer driver\n", registry));
}

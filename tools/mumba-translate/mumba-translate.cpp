//===- mumba-translate.cpp - Mumba's translation driver -------------------===//
//
// Translates a module in the llvm dialect (the output of
// `mumba-opt --mumba-cpu-pipeline`) to LLVM IR.
//
//===----------------------------------------------------------------------===//
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "mumba/Registration.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

using namespace mlir;

int main(int argc, char **argv) {
  TranslateFromMLIRRegistration toLLVMIR(
      "mlir-to-llvmir", "Translates the llvm dialect to LLVM IR",
      [](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
        llvm::LLVMContext context;
        std::unique_ptr<llvm::Module> module =
            translateModuleToLLVMIR(op, context);
        if (!module)
          return failure();
        module->print(os, /*AAW=*/nullptr);
        return success();
      },
      [](DialectRegistry &registry) { mumba::registerDialects(registry); });
  return failed(mlirTranslateMain(argc, argv, "Mumba translation driver"));
}

//===- Registration.cpp - What Mumba's tools and library register ---------===//
//
// Registers only what Mumba uses: the aggregate registerAll* functions cost
// seconds of compile time and megabytes of binary.
//
//===----------------------------------------------------------------------===//
#include "mumba/Registration.h"
#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ComplexToStandard/ComplexToStandard.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVMPass.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Transforms/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/BufferDeallocationOpInterfaceImpl.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/Transforms/BufferDeallocationOpInterfaceImpl.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/BufferDeallocationOpInterfaceImpl.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"
#include "mumba/Conversion/Passes.h"
#include "mumba/Dialect/NB/IR/NBDialect.h"
#include "mumba/Dialect/NB/Transforms/Passes.h"
#include "mumba/Pipelines/Pipelines.h"
#include "mumba/Transforms/Passes.h"

using namespace mlir;

void mumba::registerDialects(DialectRegistry &registry) {
  registry.insert<nb::NBDialect, affine::AffineDialect, arith::ArithDialect,
                  cf::ControlFlowDialect, func::FuncDialect, LLVM::LLVMDialect,
                  math::MathDialect, memref::MemRefDialect, scf::SCFDialect,
                  ub::UBDialect, vector::VectorDialect>();
  registry.insert<bufferization::BufferizationDialect>();
  registry.insert<complex::ComplexDialect, linalg::LinalgDialect>();
  // How arith.select, cf branches and scf ops pass buffer ownership, for
  // the deallocation of arrays made in compiled code.
  arith::registerBufferDeallocationOpInterfaceExternalModels(registry);
  cf::registerBufferDeallocationOpInterfaceExternalModels(registry);
  scf::registerBufferDeallocationOpInterfaceExternalModels(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}

void mumba::registerPasses() {
  nb::registerNBPasses();
  registerMumbaConversionPasses();
  registerMumbaPipelines();
  registerTransformsPasses();
  registerMumbaPasses();
  // The upstream passes of the pipelines, one by one.
  registerPass([] { return createLiftControlFlowToSCFPass(); });
  registerPass([] { return createConvertLinalgToLoopsPass(); });
  registerPass([] { return createLowerAffinePass(); });
  registerPass(
      [] { return affine::createAffineLoopInvariantCodeMotionPass(); });
  registerPass([] { return affine::createAffineScalarReplacementPass(); });
  registerPass([] { return affine::createLoopFusionPass(); });
  registerPass([] { return affine::createAffineVectorize(); });
  registerPass([] { return createConvertVectorToSCFPass(); });
  registerPass([] { return createConvertVectorToLLVMPass(); });
  registerPass([] { return createSCFToControlFlowPass(); });
  registerPass([] { return createConvertComplexToStandardPass(); });
  registerPass([] { return createConvertComplexToLLVMPass(); });
  registerPass([] { return createConvertMathToFuncs(); });
  registerPass([] { return arith::createArithExpandOpsPass(); });
  registerPass([] { return memref::createExpandStridedMetadataPass(); });
  registerPass([] { return createConvertMathToLLVMPass(); });
  registerPass([] { return createConvertMathToLibmPass(); });
  registerPass([] { return createFinalizeMemRefToLLVMConversionPass(); });
  registerPass([] { return createArithToLLVMConversionPass(); });
  registerPass([] { return createConvertControlFlowToLLVMPass(); });
  registerPass([] { return createConvertFuncToLLVMPass(); });
  registerPass([] { return createUBToLLVMConversionPass(); });
  registerPass([] { return createReconcileUnrealizedCastsPass(); });
}

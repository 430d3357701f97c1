//===- NBToStd.cpp - The convert-nb-to-std pass and type converter --------===//
#include "mumba/Conversion/NBToStd/NBToStd.h"
#include "IterationPatterns.h"
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Conversion/Passes.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Symbols.h"
#include "llvm/ADT/StringMap.h"

namespace mumba {
#define GEN_PASS_DEF_CONVERTNBTOSTDPASS
#include "mumba/Conversion/Passes.h.inc"
} // namespace mumba

using namespace mlir;
using namespace mumba;
using namespace mumba::nb;

NBTypeConverter::NBTypeConverter(MLIRContext *ctx) {
  // Tried last to first: the identity for builtin types that need nothing.
  addConversion([](Type type) { return type; });
  addConversion([ctx](IntegerType type) -> Type {
    return IntegerType::get(ctx, type.getWidth());
  });
  addConversion([this](ArrayType type) -> Type {
    SmallVector<int64_t> shape(type.getNdim(), ShapedType::kDynamic);
    Type elementType = convertType(type.getDtype());
    if (type.getLayout() == ArrayLayout::C)
      return MemRefType::get(shape, elementType);
    // NumPy strides are bytes and any sign; the dispatcher divides them by
    // the item size, so the memref sees element strides.
    auto layout = StridedLayoutAttr::get(
        type.getContext(), ShapedType::kDynamic,
        SmallVector<int64_t>(type.getNdim(), ShapedType::kDynamic));
    return MemRefType::get(shape, elementType, layout);
  });
  addConversion(
      [this](TupleType type,
             SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        for (Type element : type.getTypes())
          if (failed(convertType(element, results)))
            return failure();
        return success();
      });
  addConversion(
      [ctx](RangeType,
            SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        results.append(3, IntegerType::get(ctx, 64));
        return success();
      });
  addConversion(
      [ctx](RangeIterType,
            SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        Type i64 = IntegerType::get(ctx, 64);
        results.append({MemRefType::get({}, i64), i64, i64});
        return success();
      });
  addConversion([this, ctx](ArrayIterType type, SmallVectorImpl<Type> &results)
                    -> std::optional<LogicalResult> {
    results.push_back(MemRefType::get({}, IntegerType::get(ctx, 64)));
    results.push_back(convertType(type.getArrayType()));
    return success();
  });
  // An optional result is its value and whether there is one.
  addConversion([this, ctx](OptionalType type, SmallVectorImpl<Type> &results)
                    -> std::optional<LogicalResult> {
    if (failed(convertType(type.getValueType(), results)))
      return failure();
    results.push_back(IntegerType::get(ctx, 1));
    return success();
  });
  // A slice is its three bounds; None bounds are known from the types.
  addConversion(
      [ctx](SliceType,
            SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        results.append(3, IntegerType::get(ctx, 64));
        return success();
      });
  addConversion(
      [this](BoundMethodType type,
             SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        return convertType(type.getReceiver(), results);
      });
  addConversion(
      [this](PairType type,
             SmallVectorImpl<Type> &results) -> std::optional<LogicalResult> {
        if (failed(convertType(type.getFirst(), results)) ||
            failed(convertType(type.getSecond(), results)))
          return failure();
        return success();
      });
  // Known at compile time, so nothing at run time.
  addConversion([](Type type,
                   SmallVectorImpl<Type> &) -> std::optional<LogicalResult> {
    if (isa<PyNoneType, ModuleType, PyFunctionType, DispatcherType, DTypeType>(
            type))
      return success();
    return std::nullopt;
  });
  addConversion([](UnknownType) -> std::optional<Type> { return Type(); });
  detail::addIterationTypeConversions(*this, ctx);
}

SmallVector<Type>
mumba::detail::loweredResultTypes(func::FuncOp func,
                                  const TypeConverter &converter) {
  ArrayRef<Type> results = func.getResultTypes();
  Type i32 = IntegerType::get(func.getContext(), 32);
  if (!results.empty() && results.front() == i32)
    return SmallVector<Type>(results);
  SmallVector<Type> lowered{i32};
  for (Type type : results)
    (void)converter.convertType(type, lowered);
  return lowered;
}

void mumba::populateNBToStdConversionPatterns(NBTypeConverter &converter,
                                              RewritePatternSet &patterns,
                                              const NBToStdOptions &options) {
  detail::populateArithmeticPatterns(converter, patterns, options);
  detail::populateArrayPatterns(converter, patterns, options);
  detail::populateArrayExprPatterns(converter, patterns);
  detail::populateStructurePatterns(converter, patterns);
  detail::populateIterationPatterns(converter, patterns);
  detail::populatePrintPatterns(converter, patterns);
}

void mumba::configureNBToStdConversionTarget(ConversionTarget &target,
                                             NBTypeConverter &converter) {
  target.addIllegalDialect<NBDialect>();
  target
      .addLegalDialect<arith::ArithDialect, complex::ComplexDialect,
                       linalg::LinalgDialect, math::MathDialect,
                       memref::MemRefDialect, scf::SCFDialect, ub::UBDialect>();
  target.addLegalOp<func::ReturnOp, func::CallOp, UnrealizedConversionCastOp>();
  // A lowered function returns its i32 status first; no nb result type is
  // a signless i32, so that tells lowered from not.
  target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp func) {
    // Declarations of runtime functions are plain C.
    if (func.isExternal())
      return true;
    ArrayRef<Type> results = func.getResultTypes();
    return !results.empty() &&
           results.front() == IntegerType::get(func.getContext(), 32) &&
           converter.isLegal(func.getFunctionType());
  });
  // Branches are legal once their operands are (1:N conversion flattens
  // tuples and ranges into several block arguments).
  target.addDynamicallyLegalDialect<cf::ControlFlowDialect>(
      [&](Operation *op) { return converter.isLegal(op->getOperandTypes()); });
}

/// The lowering needs every value typed: say so rather than lowering
/// nonsense.
static LogicalResult verifyTyped(ModuleOp module) {
  auto untyped = [](Type type) { return isa<UnknownType>(type); };
  WalkResult result = module.walk([&](Operation *op) {
    if (auto func = dyn_cast<func::FuncOp>(op))
      if (llvm::any_of(func.getArgumentTypes(), untyped) ||
          llvm::any_of(func.getResultTypes(), untyped)) {
        func.emitOpError("has untyped arguments or results; run "
                         "nb-infer-types before convert-nb-to-std");
        return WalkResult::interrupt();
      }
    bool blockArgs = false;
    for (Region &region : op->getRegions())
      for (Block &block : region)
        blockArgs |= llvm::any_of(block.getArgumentTypes(), untyped);
    if (blockArgs || llvm::any_of(op->getResultTypes(), untyped)) {
      op->emitOpError("has an untyped value; run nb-infer-types before "
                      "convert-nb-to-std");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

namespace {
struct ConvertNBToStdPass
    : public mumba::impl::ConvertNBToStdPassBase<ConvertNBToStdPass> {
  using ConvertNBToStdPassBase::ConvertNBToStdPassBase;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(verifyTyped(module)) ||
        failed(mumba::detail::recheckTypes(module)))
      return signalPassFailure();
    // nb.arg is the entry block argument of the same type.
    module.walk([](ArgOp arg) {
      auto func = arg->getParentOfType<func::FuncOp>();
      arg.replaceAllUsesWith(func.getArgument(arg.getIndex()));
      arg.erase();
    });

    NBToStdOptions options;
    options.pythonErrorModel = errorModel == ErrorModel::Python;
    options.boundscheck = boundscheck;
    MLIRContext *ctx = &getContext();
    if (options.boundscheck &&
        !module.lookupSymbol<func::FuncOp>(MUMBA_SYMBOL_RAISE_INDEX_ERROR)) {
      OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
      Type i64 = builder.getI64Type();
      auto decl = func::FuncOp::create(
          builder, module.getLoc(), MUMBA_SYMBOL_RAISE_INDEX_ERROR,
          builder.getFunctionType({i64, i64, i64}, {}));
      decl.setPrivate();
    }
    NBTypeConverter converter(ctx);
    ConversionTarget target(*ctx);
    configureNBToStdConversionTarget(target, converter);
    // Raises stay nb ops through the conversion, which cannot split blocks
    // safely inside patterns; they are expanded right after it.
    target.addLegalOp<RaiseIfOp>();
    target.addDynamicallyLegalOp<RaiseOp>(
        [](RaiseOp op) { return !op.getException(); });
    RewritePatternSet patterns(ctx);
    populateNBToStdConversionPatterns(converter, patterns, options);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    mumba::detail::guardRecursion(module);
    mumba::detail::expandRaiseStatements(module);
    mumba::detail::expandRaises(module);
    // Nothing of nb may be left: what a pattern did not lower is an error
    // here, not a crash in a later pass.
    WalkResult left = module.walk([](Operation *op) {
      if (!isa<NBDialect>(op->getDialect()))
        return WalkResult::advance();
      op->emitOpError("was not lowered by convert-nb-to-std");
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      return signalPassFailure();
  }
};
} // namespace

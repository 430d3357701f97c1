//===- NBToStd.cpp - The convert-nb-to-std pass and type converter --------===//
#include "mumba/Conversion/NBToStd/NBToStd.h"
#include "IterationPatterns.h"
#include "PatternUtils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Conversion/Passes.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
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
  addConversion([ctx](SliceType, SmallVectorImpl<Type> &results)
                    -> std::optional<LogicalResult> {
    results.append(3, IntegerType::get(ctx, 64));
    return success();
  });
  addConversion([this](BoundMethodType type, SmallVectorImpl<Type> &results)
                    -> std::optional<LogicalResult> {
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
  addConversion(
      [](Type type, SmallVectorImpl<Type> &) -> std::optional<LogicalResult> {
        if (isa<PyNoneType, ModuleType, PyFunctionType, DispatcherType,
                DTypeType>(type))
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

Value mumba::detail::statusConstant(OpBuilder &b, Location loc,
                                    int32_t status) {
  return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                   b.getI32IntegerAttr(status));
}

Value mumba::detail::single(ValueRange values) {
  assert(values.size() == 1 && "expected a scalar lowered to one value");
  return values.front();
}

/// A value of `type` for results that a raising path returns but nobody
/// reads. Poison for scalars; for memrefs an empty stack buffer, since
/// buffer deallocation compares returned pointers and must not see poison.
static Value placeholderFor(OpBuilder &b, Location loc, Type type) {
  auto memrefType = dyn_cast<MemRefType>(type);
  if (!memrefType)
    return ub::PoisonOp::create(b, loc, type);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> sizes(memrefType.getNumDynamicDims(), zero);
  auto plain = MemRefType::get(memrefType.getShape(),
                               memrefType.getElementType());
  Value empty = memref::AllocaOp::create(b, loc, plain, sizes);
  if (plain == memrefType)
    return empty;
  return memref::CastOp::create(b, loc, memrefType, empty);
}

void mumba::detail::raiseIf(OpBuilder &b, Location loc, Value cond,
                            Value status, StringRef recorder,
                            ValueRange details) {
  RaiseIfOp::create(b, loc, cond, status, details,
                    recorder.empty()
                        ? FlatSymbolRefAttr()
                        : FlatSymbolRefAttr::get(b.getContext(), recorder));
}

void mumba::detail::expandRaises(ModuleOp module) {
  SmallVector<RaiseIfOp> raises;
  module.walk([&](RaiseIfOp op) { raises.push_back(op); });
  IRRewriter rewriter(module.getContext());
  for (RaiseIfOp op : raises) {
    Location loc = op.getLoc();
    auto func = op->getParentOfType<func::FuncOp>();
    Block *before = op->getBlock();
    Block *after = rewriter.splitBlock(before, std::next(op->getIterator()));
    Block *raise = rewriter.createBlock(after);
    if (auto recorder = op.getRecorderAttr())
      func::CallOp::create(rewriter, loc, recorder, TypeRange{},
                           op.getDetails());
    SmallVector<Value> values{op.getStatus()};
    for (Type type : func.getResultTypes().drop_front())
      values.push_back(placeholderFor(rewriter, loc, type));
    func::ReturnOp::create(rewriter, loc, values);
    rewriter.setInsertionPoint(op);
    cf::CondBranchOp::create(rewriter, loc, op.getCondition(), raise,
                             ValueRange{}, after, ValueRange{});
    rewriter.eraseOp(op);
  }
}

/// The address (as i64) of a NUL-terminated constant string, from a
/// private memref.global shared by equal strings.
static Value stringAddress(OpBuilder &b, Location loc, ModuleOp module,
                           llvm::StringMap<memref::GlobalOp> &globals,
                           StringRef text) {
  memref::GlobalOp &global = globals[text];
  if (!global) {
    SmallVector<APInt> bytes;
    for (char c : text)
      bytes.push_back(APInt(8, static_cast<uint8_t>(c)));
    bytes.push_back(APInt(8, 0));
    auto type = MemRefType::get({static_cast<int64_t>(bytes.size())},
                                b.getI8Type());
    auto init = DenseElementsAttr::get(
        RankedTensorType::get(type.getShape(), b.getI8Type()), bytes);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    std::string name = "__mumba_str" + std::to_string(globals.size() - 1);
    while (module.lookupSymbol(name))
      name += "_";
    global = memref::GlobalOp::create(b, loc, name, b.getStringAttr("private"),
                                      type, init, /*constant=*/true,
                                      /*alignment=*/nullptr);
  }
  Value memref = memref::GetGlobalOp::create(
      b, loc, global.getType(), global.getSymName());
  Value address = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  return arith::IndexCastOp::create(b, loc, b.getI64Type(), address);
}

void mumba::detail::expandRaiseStatements(ModuleOp module) {
  SmallVector<RaiseOp> raises;
  module.walk([&](RaiseOp op) {
    if (op.getExcClass())
      raises.push_back(op);
  });
  if (raises.empty())
    return;
  OpBuilder b(module.getContext());
  if (!module.lookupSymbol<func::FuncOp>(kRaiseUserFunction)) {
    b.setInsertionPointToStart(module.getBody());
    Type i64 = b.getI64Type();
    auto decl = func::FuncOp::create(b, module.getLoc(), kRaiseUserFunction,
                                     b.getFunctionType({i64, i64}, {}));
    decl.setPrivate();
  }
  llvm::StringMap<memref::GlobalOp> globals;
  for (RaiseOp op : raises) {
    Location loc = op.getLoc();
    auto func = op->getParentOfType<func::FuncOp>();
    b.setInsertionPoint(op);
    Value excClass =
        stringAddress(b, loc, module, globals, *op.getExcClass());
    Value message =
        stringAddress(b, loc, module, globals, op.getMessage().value_or(""));
    func::CallOp::create(b, loc, kRaiseUserFunction, TypeRange{},
                         ValueRange{excClass, message});
    SmallVector<Value> values{statusConstant(b, loc, MUMBA_USER_EXCEPTION)};
    for (Type type : func.getResultTypes().drop_front())
      values.push_back(placeholderFor(b, loc, type));
    func::ReturnOp::create(b, loc, values);
    op.erase();
  }
}

void mumba::populateNBToStdConversionPatterns(NBTypeConverter &converter,
                                              RewritePatternSet &patterns,
                                              const NBToStdOptions &options) {
  detail::populateArithmeticPatterns(converter, patterns, options);
  detail::populateArrayPatterns(converter, patterns, options);
  detail::populateStructurePatterns(converter, patterns);
  detail::populateIterationPatterns(converter, patterns);
  detail::populatePrintPatterns(converter, patterns);
}

void mumba::configureNBToStdConversionTarget(ConversionTarget &target,
                                             NBTypeConverter &converter) {
  target.addIllegalDialect<NBDialect>();
  // Raises of a known exception class are expanded after the conversion.
  target.addDynamicallyLegalOp<RaiseOp>(
      [](RaiseOp op) { return !op.getException(); });
  target
      .addLegalDialect<arith::ArithDialect, complex::ComplexDialect,
                       math::MathDialect,
                       memref::MemRefDialect, scf::SCFDialect, ub::UBDialect>();
  target.addLegalOp<func::ReturnOp, func::CallOp, UnrealizedConversionCastOp,
                    RaiseIfOp>();
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
    if (failed(verifyTyped(module)))
      return signalPassFailure();
    // nb.arg is the entry block argument of the same type.
    module.walk([](ArgOp arg) {
      auto func = arg->getParentOfType<func::FuncOp>();
      arg.replaceAllUsesWith(func.getArgument(arg.getIndex()));
      arg.erase();
    });

    NBToStdOptions options;
    if (errorModel != "python" && errorModel != "numpy") {
      module.emitError("error-model must be 'python' or 'numpy', not '")
          << errorModel << "'";
      return signalPassFailure();
    }
    options.pythonErrorModel = errorModel == "python";
    options.boundscheck = boundscheck;
    MLIRContext *ctx = &getContext();
    if (options.boundscheck &&
        !module.lookupSymbol<func::FuncOp>(kIndexErrorFunction)) {
      OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
      Type i64 = builder.getI64Type();
      auto decl =
          func::FuncOp::create(builder, module.getLoc(), kIndexErrorFunction,
                               builder.getFunctionType({i64, i64, i64}, {}));
      decl.setPrivate();
    }
    NBTypeConverter converter(ctx);
    ConversionTarget target(*ctx);
    configureNBToStdConversionTarget(target, converter);
    RewritePatternSet patterns(ctx);
    populateNBToStdConversionPatterns(converter, patterns, options);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    mumba::detail::guardRecursion(module);
    mumba::detail::expandRaises(module);
    mumba::detail::expandRaiseStatements(module);
  }
};
} // namespace

//===- StructurePatterns.cpp - Functions, calls, values and iteration -----===//
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mumba/Conversion/NBToStd/CallLowering.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

namespace {

/// Converts the signature and adds the leading i32 status result.
struct FuncOpLowering : public OpConversionPattern<func::FuncOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(func::FuncOp func, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    FunctionType type = func.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    for (auto [index, input] : llvm::enumerate(type.getInputs())) {
      SmallVector<Type> converted;
      if (failed(converter.convertType(input, converted)))
        return rewriter.notifyMatchFailure(func, "unsupported argument type");
      signature.addInputs(index, converted);
    }
    SmallVector<Type> results = loweredResultTypes(func, converter);
    if (!func.isExternal() && failed(rewriter.convertRegionTypes(
                                  &func.getBody(), converter, &signature)))
      return failure();
    rewriter.modifyOpInPlace(func, [&] {
      func.setType(
          rewriter.getFunctionType(signature.getConvertedTypes(), results));
      func->removeAttr("nb.template");
    });
    return success();
  }
};

struct ReturnOpLowering : public OpConversionPattern<ReturnOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ReturnOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> values{statusConstant(rewriter, op.getLoc(), MUMBA_OK)};
    llvm::append_range(values, adaptor.getValue());
    rewriter.replaceOpWithNewOp<func::ReturnOp>(op, values);
    return success();
  }
};

struct ConstOpLowering : public OpConversionPattern<ConstOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstOp op, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (isa<PyNoneType>(type)) {
      rewriter.replaceOpWithMultiple(op, {ValueRange{}});
      return success();
    }
    Type stdType = toStdScalarType(type);
    TypedAttr value;
    if (auto f = dyn_cast<FloatAttr>(op.getValue()))
      value = rewriter.getFloatAttr(stdType, f.getValueAsDouble());
    else if (auto i = dyn_cast<IntegerAttr>(op.getValue()))
      value = rewriter.getIntegerAttr(stdType, i.getValue().getSExtValue());
    else
      return rewriter.notifyMatchFailure(op, "unsupported constant");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, stdType, value);
    return success();
  }
};

/// Globals are compile-time values with nothing to compute.
struct GlobalOpLowering : public OpConversionPattern<GlobalOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GlobalOp op, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithMultiple(op, {ValueRange{}});
    return success();
  }
};

/// `math.pi` is a constant; `math.sqrt` is a compile-time function value.
struct ModuleAttrLowering : public OpConversionPattern<GetAttrOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetAttrOp op, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto module = dyn_cast<ModuleType>(op.getValue().getType());
    if (!module)
      return failure();
    std::string name = (module.getName() + "." + op.getAttr()).str();
    if (std::optional<double> value = lookupModuleConstant(name)) {
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, rewriter.getF64Type(), rewriter.getF64FloatAttr(*value));
      return success();
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{}});
    return success();
  }
};

struct CallOpLowering : public OpConversionPattern<CallOp> {
  using OpConversionPattern::OpConversionPattern;

  /// Lowers a registered call (a method's receiver first) with its
  /// operands in parameter order, raising where the lowering says so.
  LogicalResult lowerTemplateCall(CallOp op, OneToNOpAdaptor adaptor,
                                  ConversionPatternRewriter &rewriter,
                                  StringRef name, ValueRange receiver) const {
    const CallTyping *typing = lookupCallTyping(name);
    const CallLowering *lowering = lookupCallLowering(name);
    if (!typing || !lowering)
      return rewriter.notifyMatchFailure(op, "no registered call");
    bool isMethod = isa<BoundMethodType>(op.getCallee().getType());
    SmallVector<ValueRange> values;
    SmallVector<Type> types;
    if (isMethod) {
      values.push_back(receiver);
      types.push_back(
          cast<BoundMethodType>(op.getCallee().getType()).getReceiver());
    }
    llvm::append_range(values, adaptor.getArgs());
    llvm::append_range(values, adaptor.getKwargs());
    llvm::append_range(types, op.getArgs().getTypes());
    llvm::append_range(types, op.getKwargs().getTypes());
    FailureOr<SmallVector<int>> slots = matchCallArguments(
        op, *typing, op.getArgs().size() + (isMethod ? 1 : 0),
        op.getKwnamesAttr());
    if (failed(slots))
      return failure();
    SmallVector<ValueRange> args;
    SmallVector<Type> argTypes;
    for (int slot : *slots) {
      args.push_back(slot < 0 ? ValueRange() : values[slot]);
      argTypes.push_back(slot < 0 ? Type() : types[slot]);
    }
    Location loc = op.getLoc();
    LoweredCall call =
        lowering->lower(rewriter, loc, args, argTypes, op.getType());
    if (call.raiseIf)
      raiseIf(rewriter, loc, call.raiseIf,
              statusConstant(rewriter, loc, call.status));
    rewriter.replaceOpWithMultiple(op, {call.results});
    return success();
  }

  LogicalResult
  matchAndRewrite(CallOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter &converter = *getTypeConverter();
    Type calleeType = op.getCallee().getType();
    if (auto function = dyn_cast<PyFunctionType>(calleeType))
      return lowerTemplateCall(op, adaptor, rewriter, function.getName(),
                               /*receiver=*/{});
    if (auto method = dyn_cast<BoundMethodType>(calleeType))
      return lowerTemplateCall(op, adaptor, rewriter,
                               ("array." + method.getName()).str(),
                               adaptor.getCallee());
    if (auto dtype = dyn_cast<DTypeType>(calleeType)) {
      rewriter.replaceOp(
          op, castNumber(rewriter, loc, single(adaptor.getArgs()[0]),
                         op.getArgs()[0].getType(), dtype.getDtype()));
      return success();
    }
    auto dispatcher = dyn_cast<DispatcherType>(calleeType);
    if (!dispatcher)
      return rewriter.notifyMatchFailure(op, "unsupported callee");
    auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        op, StringAttr::get(op.getContext(), dispatcher.getCallee()));
    if (!callee)
      return rewriter.notifyMatchFailure(op, "callee not found");
    SmallVector<Value> args;
    for (ValueRange arg : adaptor.getArgs())
      llvm::append_range(args, arg);
    auto call =
        func::CallOp::create(rewriter, loc, callee.getSymName(),
                             loweredResultTypes(callee, converter), args);
    // Pass the callee's exception on to our caller.
    Value status = call.getResult(0);
    Value failed =
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne, status,
                              statusConstant(rewriter, loc, MUMBA_OK));
    raiseIf(rewriter, loc, failed, status);
    rewriter.replaceOpWithMultiple(op, {call.getResults().drop_front()});
    return success();
  }
};

/// The lowered values of element `index` of a tuple of nb type `tuple`.
static ValueRange tupleElement(const TypeConverter &converter, TupleType tuple,
                               ValueRange values, unsigned index) {
  unsigned offset = 0;
  SmallVector<Type> types;
  for (unsigned i = 0; i <= index; ++i) {
    types.clear();
    (void)converter.convertType(tuple.getType(i), types);
    if (i < index)
      offset += types.size();
  }
  return values.slice(offset, types.size());
}

struct CastOpLowering : public OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CastOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = op.getValue().getType(), to = op.getType();
    if (from == to) {
      rewriter.replaceOpWithMultiple(op, {adaptor.getValue()});
      return success();
    }
    SmallVector<Value> values;
    if (failed(castValues(rewriter, op.getLoc(), adaptor.getValue(), from, to,
                          values)))
      return rewriter.notifyMatchFailure(op, "only numbers and tuples convert");
    rewriter.replaceOpWithMultiple(op, {values});
    return success();
  }

  /// Converts the lowered `values` of nb type `from` to `to`: numbers one to
  /// one, tuples element by element.
  LogicalResult castValues(OpBuilder &b, Location loc, ValueRange values,
                           Type from, Type to,
                           SmallVectorImpl<Value> &results) const {
    if (from == to) {
      llvm::append_range(results, values);
      return success();
    }
    if (auto optional = dyn_cast<OptionalType>(to)) {
      Type value = optional.getValueType();
      auto flag = [&](bool present) -> Value {
        return arith::ConstantOp::create(b, loc, b.getI1Type(),
                                         b.getBoolAttr(present));
      };
      if (isa<PyNoneType>(from)) {
        SmallVector<Type> types;
        (void)getTypeConverter()->convertType(value, types);
        for (Type type : types)
          results.push_back(ub::PoisonOp::create(b, loc, type));
        results.push_back(flag(false));
        return success();
      }
      if (auto inner = dyn_cast<OptionalType>(from)) {
        if (failed(castValues(b, loc, values.drop_back(), inner.getValueType(),
                              value, results)))
          return failure();
        results.push_back(values.back());
        return success();
      }
      if (failed(castValues(b, loc, values, from, value, results)))
        return failure();
      results.push_back(flag(true));
      return success();
    }
    if (isNumberType(from) && isNumberType(to)) {
      results.push_back(castNumber(b, loc, single(values), from, to));
      return success();
    }
    auto fromTuple = dyn_cast<TupleType>(from);
    auto toTuple = dyn_cast<TupleType>(to);
    if (!fromTuple || !toTuple || fromTuple.size() != toTuple.size())
      return failure();
    for (unsigned i = 0; i < fromTuple.size(); ++i)
      if (failed(castValues(
              b, loc, tupleElement(*getTypeConverter(), fromTuple, values, i),
              fromTuple.getType(i), toTuple.getType(i), results)))
        return failure();
    return success();
  }
};

struct UndefOpLowering : public OpConversionPattern<UndefOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(UndefOp op, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> types;
    if (failed(getTypeConverter()->convertType(op.getType(), types)))
      return failure();
    SmallVector<Value> values;
    for (Type type : types)
      values.push_back(ub::PoisonOp::create(rewriter, op.getLoc(), type));
    rewriter.replaceOpWithMultiple(op, {values});
    return success();
  }
};

struct BuildTupleOpLowering : public OpConversionPattern<BuildTupleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(BuildTupleOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> values;
    for (ValueRange element : adaptor.getElements())
      llvm::append_range(values, element);
    rewriter.replaceOpWithMultiple(op, {values});
    return success();
  }
};

struct ExhaustIterOpLowering : public OpConversionPattern<ExhaustIterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExhaustIterOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Typing checked the length of the tuple.
    rewriter.replaceOpWithMultiple(op, {adaptor.getValue()});
    return success();
  }
};

struct TupleStaticGetItemLowering
    : public OpConversionPattern<StaticGetItemOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StaticGetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto tuple = dyn_cast<TupleType>(op.getValue().getType());
    if (!tuple)
      return failure();
    int64_t index = op.getIndex();
    if (index < 0)
      index += tuple.size();
    rewriter.replaceOpWithMultiple(
        op,
        {tupleElement(*getTypeConverter(), tuple, adaptor.getValue(), index)});
    return success();
  }
};

/// t[i] on a homogeneous tuple (of numbers, or of tuples of them): a chain
/// of selects per lowered value, after Python's checks: a negative index
/// counts from the end, one out of range raises IndexError. (Typing turns
/// a constant index into nb.static_getitem, checked at compile time.)
struct TupleGetItemLowering : public OpConversionPattern<GetItemOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GetItemOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto tuple = dyn_cast<TupleType>(op.getValue().getType());
    if (!tuple || tuple.size() == 0)
      return failure();
    const TypeConverter &converter = *getTypeConverter();
    SmallVector<Type> elementTypes;
    if (failed(converter.convertType(tuple.getType(0), elementTypes)) ||
        !llvm::all_of(elementTypes, [](Type t) {
          return isa<IntegerType, FloatType, ComplexType>(t);
        }))
      return rewriter.notifyMatchFailure(op, "tuple elements are not scalars");
    Location loc = op.getLoc();
    Type indexType = op.getIndices()[0].getType();
    Type i64 = getInt64Type(op.getContext());
    Value index = castNumber(rewriter, loc, single(adaptor.getIndices()[0]),
                             indexType, i64);
    Value size = numberConstant(rewriter, loc, i64, tuple.size());
    Value zero = numberConstant(rewriter, loc, i64, 0);
    auto cmp = [&](arith::CmpIPredicate pred, Value x, Value y) {
      return arith::CmpIOp::create(rewriter, loc, pred, x, y).getResult();
    };
    Value outOfRange;
    auto intIndex = dyn_cast<IntegerType>(indexType);
    if (intIndex && intIndex.isUnsigned()) {
      // An unsigned index never counts from the end; from 2**63 on it is
      // too big for Python's index type.
      if (intIndex.getWidth() == 64)
        raiseException(
            rewriter, loc, cmp(arith::CmpIPredicate::slt, index, zero),
            "IndexError", "cannot fit 'int' into an index-sized integer");
      outOfRange = cmp(arith::CmpIPredicate::uge, index, size);
    } else {
      Value negative = cmp(arith::CmpIPredicate::slt, index, zero);
      index = arith::SelectOp::create(
          rewriter, loc, negative,
          arith::AddIOp::create(rewriter, loc, index, size), index);
      outOfRange = arith::OrIOp::create(
          rewriter, loc, cmp(arith::CmpIPredicate::slt, index, zero),
          cmp(arith::CmpIPredicate::sge, index, size));
    }
    raiseException(rewriter, loc, outOfRange, "IndexError",
                   "tuple index out of range");
    ValueRange values = adaptor.getValue();
    SmallVector<Value> result(tupleElement(converter, tuple, values, 0).begin(),
                              tupleElement(converter, tuple, values, 0).end());
    for (unsigned i = 1; i < tuple.size(); ++i) {
      Value isI = cmp(arith::CmpIPredicate::eq, index,
                      numberConstant(rewriter, loc, i64, i));
      ValueRange element = tupleElement(converter, tuple, values, i);
      for (auto [part, value] : llvm::enumerate(element))
        result[part] =
            arith::SelectOp::create(rewriter, loc, isI, value, result[part]);
    }
    rewriter.replaceOpWithMultiple(op, {result});
    return success();
  }
};

struct PairFirstOpLowering : public OpConversionPattern<PairFirstOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PairFirstOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange pair = adaptor.getPair();
    rewriter.replaceOpWithMultiple(op, {pair.drop_back()});
    return success();
  }
};

struct PairSecondOpLowering : public OpConversionPattern<PairSecondOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PairSecondOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange pair = adaptor.getPair();
    rewriter.replaceOpWithMultiple(op, {pair.take_back()});
    return success();
  }
};

/// Branches carry tuples and ranges as their flattened values: the upstream
/// branch type conversion is 1:1 only.
struct BranchOpLowering : public OpConversionPattern<cf::BranchOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(cf::BranchOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> operands;
    for (ValueRange range : adaptor.getDestOperands())
      llvm::append_range(operands, range);
    rewriter.replaceOpWithNewOp<cf::BranchOp>(op, op.getDest(), operands);
    return success();
  }
};

struct CondBranchOpLowering : public OpConversionPattern<cf::CondBranchOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(cf::CondBranchOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> trueOperands, falseOperands;
    for (ValueRange range : adaptor.getTrueDestOperands())
      llvm::append_range(trueOperands, range);
    for (ValueRange range : adaptor.getFalseDestOperands())
      llvm::append_range(falseOperands, range);
    rewriter.replaceOpWithNewOp<cf::CondBranchOp>(
        op, single(adaptor.getCondition()), op.getTrueDest(), trueOperands,
        op.getFalseDest(), falseOperands);
    return success();
  }
};

} // namespace

void mumba::detail::populateStructurePatterns(NBTypeConverter &converter,
                                              RewritePatternSet &patterns) {
  patterns.add<FuncOpLowering, ReturnOpLowering, ConstOpLowering,
               GlobalOpLowering, ModuleAttrLowering, CallOpLowering,
               CastOpLowering, UndefOpLowering, BuildTupleOpLowering,
               ExhaustIterOpLowering, TupleStaticGetItemLowering,
               TupleGetItemLowering, PairFirstOpLowering, PairSecondOpLowering,
               BranchOpLowering, CondBranchOpLowering>(converter,
                                                       patterns.getContext());
}

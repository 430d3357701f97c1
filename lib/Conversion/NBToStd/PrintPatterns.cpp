//===- PrintPatterns.cpp - print() as runtime calls -----------------------===//
//
// nb.print becomes one call of the runtime's mumbaPrint (lib/Runtime/Print.c)
// per value, separator and piece of literal text, then one for the end,
// which writes the line. Tuples print as Python shows them, string literals
// are constant globals.
//
//===----------------------------------------------------------------------===//
#include "ComplexLowering.h"
#include "IterationPatterns.h"
#include "PatternUtils.h"
#include "ScalarLowering.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/Runtime/Print.h"
#include "mumba/Runtime/Symbols.h"

using namespace mlir;
using namespace mumba;
using namespace mumba::detail;
using namespace mumba::nb;

/// Python's repr() of a string: single quotes unless the text has a single
/// quote and no double one; backslashes and control characters escaped.
static std::string pythonRepr(StringRef text) {
  char quote = text.contains('\'') && !text.contains('"') ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      static const char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[(c >> 4) & 0xf];
      out += hex[c & 0xf];
    } else {
      out += c;
    }
  }
  out += quote;
  return out;
}

namespace {
/// Emits the mumbaPrint calls of one print statement.
class PrintLowering {
public:
  PrintLowering(OpBuilder &b, Location loc, const TypeConverter &converter)
      : b(b), loc(loc), converter(converter) {
    Type i32 = b.getI32Type(), i64 = b.getI64Type(), f64 = b.getF64Type();
    function =
        declareExternalFunction(b, loc, MUMBA_SYMBOL_PRINT,
                                b.getFunctionType({i32, i64, f64, f64}, {}));
  }

  /// Prints a value of nb type `type` lowered to `values`; inside a tuple,
  /// strings show as their repr.
  void value(Type type, ValueRange values, bool nested);
  void text(StringRef text, MumbaPrintKind kind = MUMBA_PRINT_TEXT) {
    call(kind, constantStringAddress(b, loc, text), {}, {});
  }

private:
  void call(MumbaPrintKind kind, Value ivalue, Value re, Value im);

  OpBuilder &b;
  Location loc;
  const TypeConverter &converter;
  StringRef function;
};
} // namespace

void PrintLowering::call(MumbaPrintKind kind, Value ivalue, Value re,
                         Value im) {
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  auto zeroF = [&] {
    return arith::ConstantOp::create(b, loc, f64, b.getF64FloatAttr(0));
  };
  Value args[] = {
      arith::ConstantOp::create(b, loc, b.getI32Type(),
                                b.getI32IntegerAttr(kind)),
      ivalue ? ivalue
             : arith::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(0))
                   .getResult(),
      re ? re : zeroF().getResult(), im ? im : zeroF().getResult()};
  func::CallOp::create(b, loc, function, TypeRange{}, args);
}

void PrintLowering::value(Type type, ValueRange values, bool nested) {
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  if (isa<PyNoneType>(type))
    return call(MUMBA_PRINT_NONE, {}, {}, {});
  if (auto str = dyn_cast<StrType>(type))
    return text(nested ? pythonRepr(str.getValue()) : str.getValue().str());
  if (auto tuple = dyn_cast<TupleType>(type)) {
    text("(");
    size_t offset = 0;
    for (auto [i, element] : llvm::enumerate(tuple.getTypes())) {
      SmallVector<Type> converted;
      (void)converter.convertType(element, converted);
      if (i)
        text(", ");
      value(element, values.slice(offset, converted.size()), true);
      offset += converted.size();
    }
    text(tuple.size() == 1 ? ",)" : ")");
    return;
  }
  Value x = single(values);
  if (auto complex = dyn_cast<ComplexType>(type)) {
    ComplexParts p = complexParts(b, loc, x);
    bool narrow = complex.getElementType().isF32();
    Value re =
        narrow ? arith::ExtFOp::create(b, loc, f64, p.re).getResult() : p.re;
    Value im =
        narrow ? arith::ExtFOp::create(b, loc, f64, p.im).getResult() : p.im;
    return call(narrow ? MUMBA_PRINT_COMPLEX64 : MUMBA_PRINT_COMPLEX128, {}, re,
                im);
  }
  if (type.isF32())
    return call(MUMBA_PRINT_FLOAT32, {}, arith::ExtFOp::create(b, loc, f64, x),
                {});
  if (type.isF64())
    return call(MUMBA_PRINT_FLOAT64, {}, x, {});
  if (isBoolType(type))
    return call(MUMBA_PRINT_BOOL, arith::ExtUIOp::create(b, loc, i64, x), {},
                {});
  auto intType = cast<IntegerType>(type);
  Value wide = x;
  if (intType.getWidth() < 64)
    wide = intType.isUnsigned()
               ? arith::ExtUIOp::create(b, loc, i64, x).getResult()
               : arith::ExtSIOp::create(b, loc, i64, x).getResult();
  call(intType.isUnsigned() ? MUMBA_PRINT_UINT : MUMBA_PRINT_INT, wide, {}, {});
}

namespace {
struct PrintOpLowering : public OpConversionPattern<PrintOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PrintOp op, OneToNOpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    PrintLowering lowering(rewriter, op.getLoc(), *getTypeConverter());
    StringRef sep = op.getSep() ? *op.getSep() : " ";
    for (auto [i, value] : llvm::enumerate(op.getValues())) {
      if (i)
        lowering.text(sep);
      lowering.value(value.getType(), adaptor.getValues()[i], false);
    }
    lowering.text(op.getEnd() ? *op.getEnd() : "\n", MUMBA_PRINT_END);
    rewriter.eraseOp(op);
    return success();
  }
};
/// A string literal is known from its type: no value at run time.
struct StrConstLowering : public OpConversionPattern<ConstOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstOp op, OneToNOpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<StrType>(op.getType()))
      return failure();
    rewriter.replaceOpWithMultiple(op, {ValueRange{}});
    return success();
  }
};
} // namespace

void mumba::detail::populatePrintPatterns(NBTypeConverter &converter,
                                          RewritePatternSet &patterns) {
  patterns.add<PrintOpLowering, StrConstLowering>(converter,
                                                  patterns.getContext());
}

//===- CallTemplates.cpp - The registry of call templates -----------------===//
//
// Looks calls up in the family tables (Templates.h), binds keyword
// arguments, and words the error for arguments a template does not accept.
//
//===----------------------------------------------------------------------===//
#include "mumba/Dialect/NB/Typing/CallTemplates.h"
#include "Templates.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "llvm/ADT/StringSwitch.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;

Value mumba::nb::detail::stdConstant(OpBuilder &b, Location loc, Type type,
                                     double value) {
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
  return arith::ConstantOp::create(
      b, loc, type, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

/// The registry name of the function a call op calls: `math.sqrt`, or
/// `array.copy` for a bound method.
static std::string calleeName(Operation *op) {
  Type callee = op->getOperand(0).getType();
  if (auto function = dyn_cast<PyFunctionType>(callee))
    return function.getName().str();
  if (auto method = dyn_cast<BoundMethodType>(callee))
    return ("array." + method.getName()).str();
  return "";
}

Type mumba::nb::argumentError(Operation *op, ArrayRef<Type> args) {
  std::string name = calleeName(op);
  InFlightDiagnostic diag = op->emitError()
                            << "invalid arguments to " << name << "(): got (";
  llvm::interleaveComma(detail::presentArgs(args), diag,
                        [&](Type t) { diag << describeType(t); });
  diag << ")";
  if (const CallTemplate *tmpl = lookupCallTemplate(name);
      tmpl && !tmpl->accepts.empty())
    diag << "; it accepts " << tmpl->accepts;
  return {};
}

const CallTemplate *mumba::nb::lookupCallTemplate(StringRef name) {
  for (ArrayRef<CallTemplate> table :
       {detail::getBuiltinTemplates(), detail::getMathTemplates(),
        detail::getNumpyScalarTemplates(), detail::getArrayTemplates()})
    for (const CallTemplate &t : table)
      if (t.name == name)
        return &t;
  return nullptr;
}

std::optional<double> mumba::nb::lookupModuleConstant(StringRef name) {
  return llvm::StringSwitch<std::optional<double>>(name)
      .Cases({"math.pi", "numpy.pi", "cmath.pi"}, M_PI)
      .Cases({"math.e", "numpy.e", "cmath.e"}, M_E)
      .Cases({"math.tau", "cmath.tau"}, 2 * M_PI)
      .Cases({"math.inf", "numpy.inf", "cmath.inf", "numpy.PINF"},
             std::numeric_limits<double>::infinity())
      .Case("numpy.NINF", -std::numeric_limits<double>::infinity())
      .Cases({"math.nan", "numpy.nan", "cmath.nan", "numpy.NaN", "numpy.NAN"},
             std::numeric_limits<double>::quiet_NaN())
      .Case("numpy.euler_gamma", 0.57721566490153286060651209008240243)
      .Default(std::nullopt);
}

FailureOr<SmallVector<int>>
mumba::nb::matchCallArguments(Operation *op, const CallTemplate &tmpl,
                              unsigned numPositional, ArrayAttr kwnames) {
  size_t numKeywords = kwnames ? kwnames.size() : 0;
  if (numKeywords && tmpl.params.empty())
    return op->emitError() << tmpl.name << "() takes no keyword arguments";
  SmallVector<int> slots(std::max<size_t>(numPositional, tmpl.params.size()),
                         -1);
  for (unsigned i = 0; i < numPositional; ++i)
    slots[i] = i;
  for (size_t k = 0; k < numKeywords; ++k) {
    StringRef name = cast<StringAttr>(kwnames[k]).getValue();
    const auto *it = llvm::find(tmpl.params, name);
    if (it == tmpl.params.end())
      return op->emitError()
             << tmpl.name << "() got an unexpected keyword argument '" << name
             << "'";
    size_t index = it - tmpl.params.begin();
    if (slots[index] != -1)
      return op->emitError() << tmpl.name << "() got multiple values for "
                             << "argument '" << name << "'";
    slots[index] = numPositional + k;
  }
  return slots;
}

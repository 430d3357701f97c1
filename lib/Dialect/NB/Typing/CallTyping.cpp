//===- CallTyping.cpp - The typing registry of global calls ---------------===//
//
// Builds the name map from the family tables (TypingHelpers.h), binds
// keyword arguments, and words the error for arguments an entry does not
// accept.
//
//===----------------------------------------------------------------------===//
#include "mumba/Dialect/NB/Typing/CallTyping.h"
#include "TypingHelpers.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mumba::nb;

/// The registry: built on first use, immutable afterwards.
static const llvm::StringMap<const CallTyping *> &getRegistry() {
  static const llvm::StringMap<const CallTyping *> registry = [] {
    llvm::StringMap<const CallTyping *> map;
    for (ArrayRef<CallTyping> table :
         {mumba::nb::detail::getBuiltinTyping(),
          mumba::nb::detail::getMathTyping(),
          mumba::nb::detail::getCmathTyping(),
          mumba::nb::detail::getNumpyScalarTyping(),
          mumba::nb::detail::getArrayTyping(),
          mumba::nb::detail::getLinalgTyping(),
          mumba::nb::detail::getRandomTyping()})
      for (const CallTyping &entry : table) {
        [[maybe_unused]] bool inserted =
            map.try_emplace(entry.name, &entry).second;
        assert(inserted && "a name is registered twice");
      }
    return map;
  }();
  return registry;
}

const CallTyping *mumba::nb::lookupCallTyping(StringRef name) {
  return getRegistry().lookup(name);
}

std::vector<StringRef> mumba::nb::getCallTypingNames() {
  std::vector<StringRef> names;
  for (const auto &entry : getRegistry())
    names.push_back(entry.getKey());
  llvm::sort(names);
  return names;
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
  llvm::interleaveComma(mumba::nb::detail::presentArgs(args), diag,
                        [&](Type t) { diag << describeType(t); });
  diag << ")";
  if (const CallTyping *entry = lookupCallTyping(name);
      entry && !entry->accepts.empty())
    diag << "; it accepts " << entry->accepts;
  return {};
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
mumba::nb::matchCallArguments(Operation *op, const CallTyping &entry,
                              unsigned numPositional, ArrayAttr kwnames) {
  size_t numKeywords = kwnames ? kwnames.size() : 0;
  if (numKeywords && entry.params.empty())
    return op->emitError() << entry.name << "() takes no keyword arguments";
  SmallVector<int> slots(std::max<size_t>(numPositional, entry.params.size()),
                         -1);
  for (unsigned i = 0; i < numPositional; ++i)
    slots[i] = i;
  for (size_t k = 0; k < numKeywords; ++k) {
    StringRef name = cast<StringAttr>(kwnames[k]).getValue();
    const auto *it = llvm::find(entry.params, name);
    if (it == entry.params.end())
      return op->emitError()
             << entry.name << "() got an unexpected keyword argument '" << name
             << "'";
    size_t index = it - entry.params.begin();
    if (slots[index] != -1)
      return op->emitError() << entry.name << "() got multiple values for "
                             << "argument '" << name << "'";
    slots[index] = numPositional + k;
  }
  return slots;
}

FailureOr<Type> mumba::nb::typeRegisteredCall(CallOp op, StringRef name,
                                              Type receiver,
                                              ArrayRef<Type> operands) {
  const CallTyping *entry = lookupCallTyping(name);
  if (!entry)
    return op.emitError() << "unsupported: call to '" << name
                          << "' in nopython mode";
  unsigned numPositional = op.getArgs().size() + (receiver ? 1 : 0);
  SmallVector<Type> all;
  if (receiver)
    all.push_back(receiver);
  llvm::append_range(all, operands);
  FailureOr<SmallVector<int>> slots =
      matchCallArguments(op, *entry, numPositional, op.getKwnamesAttr());
  if (failed(slots))
    return failure();
  SmallVector<Type> args;
  for (int slot : *slots)
    args.push_back(slot < 0 ? Type() : all[slot]);
  Type result = entry->type(op, args);
  if (!result)
    return failure();
  return result;
}

FailureOr<Type> mumba::nb::typeDTypeCall(CallOp op, DTypeType dtype,
                                         ArrayRef<Type> operands) {
  // np.float32(x) converts a number; a complex number only to complex.
  if (operands.size() != 1 || !op.getKwargs().empty() ||
      !isNumberType(operands[0]) ||
      (isComplexType(operands[0]) && !isComplexType(dtype.getDtype()))) {
    InFlightDiagnostic diag = op.emitError()
                              << "invalid arguments to numpy."
                              << describeType(dtype.getDtype()) << "(): got (";
    llvm::interleaveComma(operands, diag,
                          [&](Type t) { diag << describeType(t); });
    return diag << "); it accepts (x: "
                << (isComplexType(dtype.getDtype()) ? "number" : "real") << ")";
  }
  return dtype.getDtype();
}

FailureOr<Type> mumba::nb::typeModuleAttr(Operation *op, ModuleType module,
                                          StringRef attr) {
  std::string name = (module.getName() + "." + attr).str();
  if (lookupModuleConstant(name))
    return Type(Float64Type::get(op->getContext()));
  if (module.getName() == "numpy")
    if (Type dtype = lookupNumpyDType(op->getContext(), attr))
      return Type(DTypeType::get(op->getContext(), dtype));
  if (lookupCallTyping(name))
    return Type(PyFunctionType::get(op->getContext(), name));
  return op->emitError() << "unsupported: '" << name << "' in nopython mode";
}

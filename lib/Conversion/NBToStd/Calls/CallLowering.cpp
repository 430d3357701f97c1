//===- CallLowering.cpp - The lowering registry of global calls -----------===//
//
// Builds the name map from the family tables (LoweringHelpers.h) and holds
// the helpers that several families share.
//
//===----------------------------------------------------------------------===//
#include "mumba/Conversion/NBToStd/CallLowering.h"
#include "LoweringHelpers.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace mumba::nb;

/// The registry: built on first use, immutable afterwards.
static const llvm::StringMap<const CallLowering *> &getRegistry() {
  static const llvm::StringMap<const CallLowering *> registry = [] {
    llvm::StringMap<const CallLowering *> map;
    for (ArrayRef<CallLowering> table :
         {mumba::nb::detail::getBuiltinLowering(),
          mumba::nb::detail::getMathLowering(),
          mumba::nb::detail::getCmathLowering(),
          mumba::nb::detail::getNumpyScalarLowering(),
          mumba::nb::detail::getArrayLowering(),
          mumba::nb::detail::getLinalgLowering(),
          mumba::nb::detail::getRandomLowering()})
      for (const CallLowering &entry : table) {
        [[maybe_unused]] bool inserted =
            map.try_emplace(entry.name, &entry).second;
        assert(inserted && "a name is registered twice");
      }
    return map;
  }();
  return registry;
}

const CallLowering *mumba::nb::lookupCallLowering(StringRef name) {
  return getRegistry().lookup(name);
}

std::vector<StringRef> mumba::nb::getCallLoweringNames() {
  std::vector<StringRef> names;
  for (const auto &entry : getRegistry())
    names.push_back(entry.getKey());
  llvm::sort(names);
  return names;
}

Value mumba::nb::detail::stdConstant(OpBuilder &b, Location loc, Type type,
                                     double value) {
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
  return arith::ConstantOp::create(
      b, loc, type, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

void mumba::nb::detail::forEachIndex(
    OpBuilder &b, Location loc, ValueRange sizes,
    function_ref<void(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<Value> zeros(sizes.size(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  SmallVector<Value> ones(sizes.size(),
                          arith::ConstantIndexOp::create(b, loc, 1));
  scf::buildLoopNest(b, loc, zeros, sizes, ones, body);
}

//===- ExportCEntry.cpp - Plain C entry points for AOT compilation --------===//
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/SymbolTable.h"
#include "mumba/Transforms/Passes.h"

namespace mumba {
#define GEN_PASS_DEF_MUMBAEXPORTCENTRYPASS
#include "mumba/Transforms/Passes.h.inc"
} // namespace mumba

using namespace mlir;

namespace {

/// The memref descriptor as the llvm dialect lays it out: allocated and
/// aligned pointers, offset, then sizes and strides.
static LLVM::LLVMStructType descriptorType(MemRefType type) {
  MLIRContext *ctx = type.getContext();
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = IntegerType::get(ctx, 64);
  SmallVector<Type> fields{ptr, ptr, i64};
  if (type.getRank() > 0) {
    Type array = LLVM::LLVMArrayType::get(i64, type.getRank());
    fields.append({array, array});
  }
  return LLVM::LLVMStructType::getLiteral(ctx, fields);
}

static bool isCScalar(Type type) {
  return type.isInteger(1) || type.isInteger(8) || type.isInteger(16) ||
         type.isInteger(32) || type.isInteger(64) || type.isF32() ||
         type.isF64();
}

struct ExportCEntryPass
    : public mumba::impl::MumbaExportCEntryPassBase<ExportCEntryPass> {
  using MumbaExportCEntryPassBase::MumbaExportCEntryPassBase;

  void runOnOperation() override;

private:
  LogicalResult exportFunction(func::FuncOp impl, StringRef name);
};

} // namespace

LogicalResult ExportCEntryPass::exportFunction(func::FuncOp impl,
                                               StringRef name) {
  MLIRContext *ctx = &getContext();
  FunctionType type = impl.getFunctionType();
  if (type.getNumResults() == 0 || !type.getResult(0).isInteger(32))
    return impl.emitOpError("cannot be exported: its first result is not "
                            "the i32 status");
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  SmallVector<Type> inputs;
  for (Type input : type.getInputs()) {
    if (isa<MemRefType>(input)) {
      inputs.push_back(ptr);
      continue;
    }
    if (!isCScalar(input))
      return impl.emitOpError("cannot be exported: argument type ")
             << input << " has no C equivalent";
    inputs.push_back(input);
  }
  ArrayRef<Type> results = type.getResults().drop_front();
  for (Type result : results)
    if (!isCScalar(result))
      return impl.emitOpError("cannot be exported: result type ")
             << result << " has no C equivalent";
  if (!results.empty())
    inputs.push_back(ptr);

  OpBuilder builder(impl);
  builder.setInsertionPointAfter(impl);
  Location loc = impl.getLoc();
  auto entry = func::FuncOp::create(
      builder, loc, name, builder.getFunctionType(inputs, type.getResult(0)));
  Block *body = entry.addEntryBlock();
  builder.setInsertionPointToStart(body);

  SmallVector<Value> args;
  for (auto [input, arg] : llvm::zip(type.getInputs(), body->getArguments())) {
    auto memref = dyn_cast<MemRefType>(input);
    if (!memref) {
      args.push_back(arg);
      continue;
    }
    Value descriptor =
        LLVM::LoadOp::create(builder, loc, descriptorType(memref), arg);
    args.push_back(
        UnrealizedConversionCastOp::create(builder, loc, memref, descriptor)
            .getResult(0));
  }
  auto call = func::CallOp::create(builder, loc, impl, args);
  if (!results.empty()) {
    Value out = body->getArguments().back();
    if (results.size() == 1) {
      LLVM::StoreOp::create(builder, loc, call.getResult(1), out);
    } else {
      // A tuple: a C struct of its elements, laid out as LLVM lays out the
      // literal struct (natural alignment, as a C compiler does).
      auto tuple = LLVM::LLVMStructType::getLiteral(ctx, results);
      for (auto [index, value] :
           llvm::enumerate(call.getResults().drop_front())) {
        Value field = LLVM::GEPOp::create(
            builder, loc, ptr, tuple, out,
            ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(index)});
        LLVM::StoreOp::create(builder, loc, value, field);
      }
    }
  }
  func::ReturnOp::create(builder, loc, call.getResult(0));
  return success();
}

void ExportCEntryPass::runOnOperation() {
  ModuleOp module = getOperation();
  SymbolTable symbols(module);

  SmallVector<std::pair<std::string, std::string>> exports;
  if (entries.empty()) {
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        exports.emplace_back(func.getSymName().str(), func.getSymName().str());
  }
  for (const std::string &entry : entries) {
    auto [symbol, name] = StringRef(entry).split('=');
    exports.emplace_back(symbol.str(), (name.empty() ? symbol : name).str());
  }

  SmallVector<std::pair<func::FuncOp, std::string>> impls;
  for (auto &[symbol, name] : exports) {
    auto impl = symbols.lookup<func::FuncOp>(symbol);
    if (!impl || impl.isExternal()) {
      module.emitError() << "no function '" << symbol << "' to export";
      return signalPassFailure();
    }
    impls.emplace_back(impl, name);
  }
  // Only the entry points stay visible: the rest of each module must not
  // clash with the others linked into the same library, so it gets internal
  // linkage (which the lowering to the llvm dialect keeps).
  auto internal =
      LLVM::LinkageAttr::get(&getContext(), LLVM::Linkage::Internal);
  for (auto func : module.getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    func.setPrivate();
    func->setAttr("llvm.linkage", internal);
  }
  for (auto &[impl, name] : impls) {
    if (failed(symbols.rename(impl, ("__mumba_" + impl.getSymName()).str())))
      return signalPassFailure();
    if (SymbolTable::lookupSymbolIn(module, name)) {
      module.emitError() << "cannot export '" << name << "': the name is taken";
      return signalPassFailure();
    }
    if (failed(exportFunction(impl, name)))
      return signalPassFailure();
  }
}

//===- Introspection.cpp - Types per source line for inspect_types
//---------===//
//
// `Dispatcher.inspect_types()` shows each source line with the typed ops it
// became, values named after the variables they are assigned to, as Numba's
// `inspect_types` does. The names come from the frontend's `nb.store_var`
// ops: before they turn into SSA values, the op computing each stored value
// gets a NameLoc with the variable's name (mem2reg already names the block
// arguments it makes), and the typed module is printed with NameLocs as
// value names. This runs on request only, on a copy of the module, so that
// compiles do not pay for it.
//
//===----------------------------------------------------------------------===//
#include "CompilationSession.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mumba/Dialect/NB/IR/NBOps.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/Pipelines/Pipelines.h"
#include "mumba/Registration.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mumba;

/// Names the op computing each stored value after the variable; a value
/// stored to several variables keeps its first name.
static void nameStoredValues(ModuleOp module) {
  module.walk([](nb::StoreVarOp store) {
    auto var = store.getSlot().getDefiningOp<nb::VarOp>();
    Operation *def = store.getValue().getDefiningOp();
    // A copy (`x = y`) stores a load that SSA reconstruction removes.
    if (!var || !def || isa<nb::LoadVarOp>(def) || isa<NameLoc>(def->getLoc()))
      return;
    def->setLoc(NameLoc::get(var.getNameAttr(), def->getLoc()));
  });
}

static std::string typeText(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

bool mumba::describeTypes(const std::string &source,
                          const CompileOptions &options, std::string &output,
                          std::vector<mumba::Diagnostic> &diagnostics) {
  CompilationSession session(diagnostics);
  OwningOpRef<ModuleOp> module = session.parse(source, "nb");
  if (!module)
    return false;
  nameStoredValues(*module);

  CPUPipelineOptions pipelineOptions;
  applyCompileOptions(pipelineOptions, options);
  for (const PipelineStage &stage : getCPUPipelineStages()) {
    if (failed(session.runStage(stage, *module, pipelineOptions)))
      return false;
    if (stage.name == "nb-typed")
      break;
  }

  llvm::raw_string_ostream os(output);
  OpPrintingFlags flags;
  flags.printNameLocAsPrefix();
  for (auto func : module->getOps<func::FuncOp>()) {
    os << "func\t" << func.getSymName() << '\t'
       << typeText(func.getFunctionType()) << '\n';
    AsmState state(func, flags);
    for (Block &block : func.getBody()) {
      for (BlockArgument arg : block.getArguments())
        if (auto name = dyn_cast<NameLoc>(arg.getLoc()))
          os << "var\t" << name.getName().getValue() << '\t'
             << typeText(arg.getType()) << '\n';
      for (Operation &op : block) {
        auto loc = op.getLoc()->findInstanceOf<FileLineColLoc>();
        std::string text;
        llvm::raw_string_ostream opText(text);
        op.print(opText, state);
        // One line per op: the nb ops of a typed module have no regions.
        for (char &c : text)
          if (c == '\n' || c == '\t')
            c = ' ';
        os << "op\t" << (loc ? loc.getLine() : 0) << '\t'
           << (loc ? loc.getColumn() : 0) << '\t' << text << '\n';
      }
    }
  }
  return true;
}

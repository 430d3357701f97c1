//===- CompilerFacts.cpp - Names and limits shared with Python ------------===//
#include "Engine.h"
#include "mumba/Conversion/NBToStd/CallLowering.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/Dialect/NB/Typing/CallTyping.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/Pipelines/Pipelines.h"
#include "mumba/Runtime/Symbols.h"

using namespace mumba;

static std::vector<std::string>
toStrings(const std::vector<llvm::StringRef> &names) {
  return std::vector<std::string>(names.begin(), names.end());
}

CompilerFacts mumba::describeCompiler() {
  CompilerFacts facts;
  // "nb" is the frontend's module as parsed; the pipeline's stages follow.
  facts.stages.push_back("nb");
  for (const PipelineStage &stage : getCPUPipelineStages())
    facts.stages.push_back(stage.name.str());
#define MUMBA_NAME_SYMBOL(name, function) facts.runtimeSymbols.push_back(name);
  MUMBA_RUNTIME_SYMBOLS(MUMBA_NAME_SYMBOL)
#undef MUMBA_NAME_SYMBOL
  facts.typedCalls = toStrings(nb::getCallTypingNames());
  facts.loweredCalls = toStrings(nb::getCallLoweringNames());
  facts.maxArrayRank = nb::kMaxArrayRank;
  facts.openMPLibrary = getOpenMPLibraryPath();
  return facts;
}

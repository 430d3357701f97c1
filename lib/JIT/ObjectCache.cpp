//===- ObjectCache.cpp - Specialisations on disk --------------------------===//
//
// `cache=True` stores each specialisation as one blob: object code for the
// JIT's own target machine, with everything the dispatcher needs to call it
// (the argument and result shapes) and to inspect it (the stage texts and
// the optimised LLVM module). Loading links the object code into an ORC
// LLJIT with the same runtime symbols as a compile: no MLIR pipeline, no
// LLVM optimisation, no code generation.
//
// Layout, little-endian:
//
//   "MUMBAOBJ"  u32 format  u32 0  u64 payload size  u64 xxh3 of payload
//   payload: str key, str host, str entry, options, result spec, u32 count
//            and argument specs, u32 count and (name, text) stages,
//            str bitcode, str object
//
// where str is a u64 length and the bytes. Every read is bounds-checked and
// the checksum covers the whole payload, so a truncated or corrupt entry is
// refused before any of it reaches the linker.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"
#include "mumba/Dialect/NB/IR/NBTypes.h"
#include "mumba/JIT/Compiler.h"
#include "mumba/JIT/LLVMBackend.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/ExecutionEngine/Orc/AbsoluteSymbols.h"
#include "llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h"
#include "llvm/ExecutionEngine/SectionMemoryManager.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include <cstring>

using namespace mumba;

namespace {

constexpr char kMagic[8] = {'M', 'U', 'M', 'B', 'A', 'O', 'B', 'J'};
/// Bump when the payload changes shape or meaning.
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;
/// Nested tuples are never deeper than this in a specialisation's types.
constexpr unsigned kMaxSpecDepth = 8;

class Writer {
public:
  void u8(uint8_t value) { out.push_back(static_cast<char>(value)); }
  void u32(uint32_t value) { raw(&value, sizeof(value)); }
  void u64(uint64_t value) { raw(&value, sizeof(value)); }
  void str(llvm::StringRef text) {
    u64(text.size());
    out.append(text.data(), text.size());
  }
  void spec(const ValueSpec &spec) {
    u8(static_cast<uint8_t>(spec.kind));
    u32(spec.bits);
    u8(static_cast<uint8_t>(spec.elementKind));
    u32(spec.ndim);
    u8(static_cast<uint8_t>(spec.layout));
    str(spec.name);
    u32(spec.elements.size());
    for (const ValueSpec &element : spec.elements)
      this->spec(element);
  }
  std::string out;

private:
  // The format is little-endian, as every host Mumba supports.
  void raw(const void *data, size_t size) {
    out.append(static_cast<const char *>(data), size);
  }
};

class Reader {
public:
  explicit Reader(llvm::StringRef data) : data(data) {}
  bool failed() const { return bad; }
  /// For a field that reads but does not make sense.
  void markBad() { bad = true; }
  bool atEnd() const { return pos == data.size(); }

  uint8_t u8() {
    uint8_t value = 0;
    raw(&value, sizeof(value));
    return value;
  }
  uint32_t u32() {
    uint32_t value = 0;
    raw(&value, sizeof(value));
    return value;
  }
  uint64_t u64() {
    uint64_t value = 0;
    raw(&value, sizeof(value));
    return value;
  }
  std::string str() {
    uint64_t size = u64();
    if (bad || size > data.size() - pos) {
      bad = true;
      return {};
    }
    std::string text = data.substr(pos, size).str();
    pos += size;
    return text;
  }
  bool spec(ValueSpec &spec, unsigned depth = 0) {
    uint8_t kind = u8();
    spec.bits = u32();
    uint8_t elementKind = u8();
    spec.ndim = u32();
    spec.layout = static_cast<char>(u8());
    spec.name = str();
    uint32_t count = u32();
    auto maxKind = static_cast<uint8_t>(ValueSpec::Kind::Tuple);
    if (bad || kind > maxKind || elementKind > maxKind ||
        spec.ndim > mumba::nb::kMaxArrayRank || spec.bits > 128 ||
        depth > kMaxSpecDepth || count > 1024 || (count && kind != maxKind))
      return bad = true, false;
    spec.kind = static_cast<ValueSpec::Kind>(kind);
    spec.elementKind = static_cast<ValueSpec::Kind>(elementKind);
    spec.elements.resize(count);
    for (ValueSpec &element : spec.elements)
      if (!this->spec(element, depth + 1))
        return false;
    return true;
  }

private:
  void raw(void *out, size_t size) {
    if (bad || size > data.size() - pos) {
      bad = true;
      return;
    }
    std::memcpy(out, data.data() + pos, size);
    pos += size;
  }
  llvm::StringRef data;
  size_t pos = 0;
  bool bad = false;
};

void writeOptions(Writer &w, const CompileOptions &options) {
  w.u32(options.optLevel);
  w.u8(options.fastmath);
  w.u8(options.boundscheck);
  w.str(getErrorModelName(options.errorModel));
  w.u8(options.vectorize);
  w.str(options.targetCPU);
  w.str(options.targetFeatures);
}

void readOptions(Reader &r, CompileOptions &options) {
  options.optLevel = r.u32();
  options.fastmath = r.u8();
  options.boundscheck = r.u8();
  std::optional<ErrorModel> model = parseErrorModel(r.str());
  if (!model)
    r.markBad();
  options.errorModel = model.value_or(ErrorModel::Python);
  options.vectorize = r.u8();
  options.targetCPU = r.str();
  options.targetFeatures = r.str();
}

uint64_t checksum(llvm::StringRef payload) {
  return llvm::xxh3_64bits(payload);
}

} // namespace

std::string CompiledFunction::hostDescription() {
  std::string text = llvm::sys::getProcessTriple();
  text += ' ';
  text += llvm::sys::getHostCPUName().str();
  // The features in a stable order.
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::vector<std::string> names;
  for (const auto &feature : features)
    names.push_back((feature.second ? "+" : "-") + feature.first().str());
  llvm::sort(names);
  for (const std::string &name : names)
    text += ' ' + name;
  return text;
}

bool CompiledFunction::serialize(const std::string &key, std::string &blob,
                                 std::string &error) const {
  // Object code from the optimised module, for a target machine set up as
  // the JIT's: the code a load links is the code this process runs.
  llvm::LLVMContext context;
  auto module = llvm::parseBitcodeFile(
      llvm::MemoryBufferRef(optimizedBitcode, "mumba-optimized"), context);
  if (!module) {
    error = llvm::toString(module.takeError());
    return false;
  }
  auto machine = createTargetMachine(jitTarget(options));
  if (!machine) {
    error = llvm::toString(machine.takeError());
    return false;
  }
  auto object =
      emitMachineCode(**module, **machine, llvm::CodeGenFileType::ObjectFile);
  if (!object) {
    error = llvm::toString(object.takeError());
    return false;
  }

  Writer payload;
  payload.str(key);
  payload.str(hostDescription());
  payload.str(entryName);
  writeOptions(payload, options);
  payload.spec(result);
  payload.u32(args.size());
  for (const ValueSpec &arg : args)
    payload.spec(arg);
  payload.u32(stages.size());
  for (const auto &[name, text] : stages) {
    payload.str(name);
    payload.str(text);
  }
  payload.str(optimizedBitcode);
  payload.str(*object);

  Writer header;
  header.out.append(kMagic, sizeof(kMagic));
  header.u32(kFormatVersion);
  header.u32(0);
  header.u64(payload.out.size());
  header.u64(checksum(payload.out));
  blob = std::move(header.out);
  blob += payload.out;
  return true;
}

std::unique_ptr<CompiledFunction>
CompiledFunction::load(const std::string &blob, const std::string &key,
                       std::string &error) {
  llvm::StringRef data(blob);
  if (data.size() < kHeaderSize ||
      std::memcmp(data.data(), kMagic, sizeof(kMagic)) != 0) {
    error = "not a Mumba cache entry";
    return nullptr;
  }
  Reader header(data.substr(sizeof(kMagic), kHeaderSize - sizeof(kMagic)));
  uint32_t format = header.u32();
  header.u32();
  uint64_t size = header.u64();
  uint64_t sum = header.u64();
  if (format != kFormatVersion) {
    error = "stale: cache format " + std::to_string(format) + ", expected " +
            std::to_string(kFormatVersion);
    return nullptr;
  }
  llvm::StringRef payload = data.substr(kHeaderSize);
  if (payload.size() != size) {
    error = "truncated: " + std::to_string(payload.size()) + " of " +
            std::to_string(size) + " bytes";
    return nullptr;
  }
  if (checksum(payload) != sum) {
    error = "corrupt: checksum mismatch";
    return nullptr;
  }

  Reader r(payload);
  std::string storedKey = r.str();
  std::string host = r.str();
  std::unique_ptr<CompiledFunction> fn(new CompiledFunction());
  fn->entryName = r.str();
  readOptions(r, fn->options);
  r.spec(fn->result);
  uint32_t numArgs = r.u32();
  if (numArgs > 4096)
    error = "corrupt: " + std::to_string(numArgs) + " arguments";
  for (uint32_t i = 0; i < numArgs && error.empty() && !r.failed(); ++i)
    r.spec(fn->args.emplace_back());
  uint32_t numStages = r.u32();
  if (numStages > 64)
    error = "corrupt: " + std::to_string(numStages) + " stages";
  for (uint32_t i = 0; i < numStages && error.empty() && !r.failed(); ++i) {
    std::string name = r.str();
    fn->stages.emplace_back(std::move(name), r.str());
  }
  fn->optimizedBitcode = r.str();
  std::string object = r.str();
  if (error.empty() && (r.failed() || !r.atEnd()))
    error = "corrupt: malformed payload";
  if (!error.empty())
    return nullptr;
  if (storedKey != key) {
    error = "stale: written for another version of the function";
    return nullptr;
  }
  if (host != hostDescription()) {
    error = "stale: written for another machine (" + host + ")";
    return nullptr;
  }

  auto buffer = llvm::MemoryBuffer::getMemBufferCopy(object, "mumba-cache");
  auto parsed =
      llvm::object::ObjectFile::createObjectFile(buffer->getMemBufferRef());
  if (!parsed) {
    error = "corrupt object code: " + llvm::toString(parsed.takeError());
    return nullptr;
  }
  // Parallel loops call libomp, which must be in the process to link.
  bool callsOpenMP = llvm::any_of((*parsed)->symbols(), [](const auto &sym) {
    llvm::Expected<llvm::StringRef> name = sym.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      return false;
    }
    return name->starts_with("__kmpc_");
  });
  if (callsOpenMP && !loadOpenMPLibrary(error))
    return nullptr;

  // The JIT as MLIR's ExecutionEngine sets it up for a compile: RuntimeDyld
  // with a section memory manager, process symbols (libm) and the runtime.
  initializeLLVMTargets();
  auto builder = createTargetMachineBuilder(jitTarget(fn->options));
  if (!builder) {
    error = llvm::toString(builder.takeError());
    return nullptr;
  }
  auto jit =
      llvm::orc::LLJITBuilder()
          .setJITTargetMachineBuilder(std::move(*builder))
          .setObjectLinkingLayerCreator(
              [](llvm::orc::ExecutionSession &session)
                  -> llvm::Expected<std::unique_ptr<llvm::orc::ObjectLayer>> {
                return std::make_unique<llvm::orc::RTDyldObjectLinkingLayer>(
                    session, [](const llvm::MemoryBuffer &) {
                      return std::make_unique<llvm::SectionMemoryManager>();
                    });
              })
          .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
          .create();
  if (!jit) {
    error = llvm::toString(jit.takeError());
    return nullptr;
  }
  llvm::orc::JITDylib &main = (*jit)->getMainJITDylib();
  llvm::orc::MangleAndInterner interner((*jit)->getExecutionSession(),
                                        (*jit)->getDataLayout());
  if (llvm::Error err =
          main.define(llvm::orc::absoluteSymbols(runtimeSymbols(interner)))) {
    error = llvm::toString(std::move(err));
    return nullptr;
  }
  if (llvm::Error err = (*jit)->addObjectFile(std::move(buffer))) {
    error = llvm::toString(std::move(err));
    return nullptr;
  }
  auto address = (*jit)->lookup("_mlir_" + fn->entryName);
  if (!address) {
    error =
        "cannot link the cached code: " + llvm::toString(address.takeError());
    return nullptr;
  }
  fn->entry = address->toPtr<void (*)(void **)>();
  fn->engine = std::make_unique<Engine>();
  fn->engine->jit = std::move(*jit);
  return fn;
}

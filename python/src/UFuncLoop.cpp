//===- UFuncLoop.cpp - NumPy inner loops that call compiled kernels -------===//
#include "UFuncLoop.h"
#include "CompiledCall.h"
#include "mumba/Runtime/Status.h"
#include <Python.h>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

using namespace mumba;
using namespace mumba::python;

namespace {

/// NumPy's NPY_MAXARGS, and one outer dimension above NumPy's 32.
constexpr size_t kMaxOperands = 32;
constexpr int kMaxRank = 33;
/// Elements of one operand a buffered chunk copies at a time.
constexpr int64_t kBufferElements = 4096;
/// Elements a thread of a parallel loop gets at least: below this, starting
/// a thread costs more than it saves.
constexpr int64_t kMinPerThread = 16384;

/// Why a kernel stopped, read on the thread it ran on (the runtime keeps
/// messages per thread).
struct Failure {
  int32_t status = MUMBA_OK;
  std::string message, recordedClass;
};

/// One operand as one call of the kernel sees it: the outer dimension, then
/// its core dimensions, with steps in bytes.
struct Strided {
  char *data = nullptr;
  int rank = 0;
  int64_t sizes[kMaxRank];
  int64_t steps[kMaxRank];

  int64_t innerElements() const {
    int64_t count = 1;
    for (int d = 1; d < rank; ++d)
      count *= sizes[d];
    return count;
  }
};

/// NumPy's arguments for one loop call, shared by the threads.
struct LoopArgs {
  char **args;
  const intptr_t *dimensions;
  const intptr_t *steps;
};

/// Operand `k` over outer iterations [start, start + count), written in
/// place (a Strided is half a kilobyte: no copies on the per-call path).
void viewOf(const UFuncLoop &loop, const LoopArgs &in, size_t k,
            int64_t start, int64_t count, Strided &view) {
  size_t nargs = loop.operands.size();
  // Core steps come operand by operand after the outer ones.
  size_t coreStep = nargs;
  for (size_t j = 0; j < k; ++j)
    for (int index : loop.operands[j].core)
      coreStep += index >= 0;
  view.data = in.args[k] + start * in.steps[k];
  view.sizes[0] = count;
  view.steps[0] = in.steps[k];
  view.rank = 1;
  for (int index : loop.operands[k].core) {
    if (index < 0) {
      view.sizes[view.rank] = 1;
      view.steps[view.rank] = 0;
    } else {
      view.sizes[view.rank] = in.dimensions[1 + index];
      view.steps[view.rank] = in.steps[coreStep++];
    }
    ++view.rank;
  }
}

/// Whether a memref can describe the operand: whole-element steps and
/// aligned data (memref loads assume the element's alignment).
bool describable(const Strided &view, int64_t itemSize) {
  int64_t align = std::min<int64_t>(itemSize, 8);
  if (reinterpret_cast<uintptr_t>(view.data) % align != 0)
    return false;
  for (int d = 0; d < view.rank; ++d)
    if (view.steps[d] % itemSize != 0)
      return false;
  return true;
}

/// The bytes [first, last) an operand touches; empty when a size is 0.
std::pair<uintptr_t, uintptr_t> extent(const Strided &view, int64_t itemSize) {
  auto base = reinterpret_cast<uintptr_t>(view.data);
  uintptr_t first = base, last = base + itemSize;
  for (int d = 0; d < view.rank; ++d) {
    if (view.sizes[d] == 0)
      return {base, base};
    int64_t span = (view.sizes[d] - 1) * view.steps[d];
    if (span < 0)
      first += span;
    else
      last += span;
  }
  return {first, last};
}

void copyStrided(char *dst, const int64_t *dstSteps, const char *src,
                 const int64_t *srcSteps, const int64_t *sizes, int rank,
                 int64_t itemSize) {
  if (rank == 0) {
    std::memcpy(dst, src, itemSize);
    return;
  }
  for (int64_t i = 0; i < sizes[0]; ++i)
    copyStrided(dst + i * dstSteps[0], dstSteps + 1, src + i * srcSteps[0],
                srcSteps + 1, sizes + 1, rank - 1, itemSize);
}

/// Calls the kernel once on `views`; false with `failure` filled when it
/// fails.
bool callKernel(const UFuncLoop &loop, const Strided *views, Failure &failure) {
  int64_t slots[kMaxLoopSlots];
  void *pointers[kMaxLoopSlots + 1];
  alignas(16) unsigned char result[64];
  std::memset(result, 0, sizeof(result));
  int64_t *slot = slots;
  void **pointer = pointers;
  for (size_t k = 0; k < loop.operands.size(); ++k) {
    const Strided &view = views[k];
    int64_t itemSize = loop.operands[k].itemSize;
    int64_t *first = slot;
    auto data = reinterpret_cast<int64_t>(view.data);
    *slot++ = data;
    *slot++ = data;
    *slot++ = 0;
    for (int d = 0; d < view.rank; ++d)
      *slot++ = view.sizes[d];
    for (int d = 0; d < view.rank; ++d)
      *slot++ = view.steps[d] / itemSize;
    for (int64_t *field = first; field != slot; ++field)
      *pointer++ = field;
  }
  *pointer = result;
  loop.kernel->invoke(pointers);
  int32_t status;
  std::memcpy(&status, result, sizeof(status));
  if (status == MUMBA_OK)
    return true;
  failure.status = status;
  failure.message = mumbaStatusMessage(status);
  if (mumbaStatusException(status) == MUMBA_EXC_RECORDED ||
      mumbaStatusException(status) == MUMBA_EXC_RECORDED_ARGS)
    failure.recordedClass = mumbaRecordedExceptionClass();
  return false;
}

/// Runs outer iterations [start, start + count) through aligned buffers
/// for the operands a memref cannot describe.
bool runBuffered(const UFuncLoop &loop, const Strided *whole,
                 const bool *direct, Failure &failure) {
  size_t nargs = loop.operands.size();
  size_t nin = nargs - loop.numOutputs;
  int64_t perIteration = 1;
  for (size_t k = 0; k < nargs; ++k)
    perIteration = std::max(perIteration, whole[k].innerElements());
  int64_t count = whole[0].sizes[0];
  int64_t chunk = std::max<int64_t>(1, kBufferElements / perIteration);
  // An output that overlaps an input (a reduction's accumulator) must be
  // written back before the next iteration reads it.
  for (size_t o = nin; o < nargs && chunk > 1; ++o) {
    auto out = extent(whole[o], loop.operands[o].itemSize);
    for (size_t i = 0; i < nin; ++i) {
      auto input = extent(whole[i], loop.operands[i].itemSize);
      if (out.first < input.second && input.first < out.second)
        chunk = 1;
    }
  }
  chunk = std::min(chunk, std::max<int64_t>(count, 1));
  std::unique_ptr<uint64_t[]> buffers[kMaxOperands];
  for (size_t k = 0; k < nargs; ++k)
    if (!direct[k]) {
      int64_t bytes =
          chunk * whole[k].innerElements() * loop.operands[k].itemSize;
      buffers[k].reset(new uint64_t[bytes / 8 + 1]);
    }
  Strided parts[kMaxOperands], buffered[kMaxOperands];
  for (int64_t done = 0; done < count; done += chunk) {
    int64_t now = std::min(chunk, count - done);
    for (size_t k = 0; k < nargs; ++k) {
      parts[k] = whole[k];
      parts[k].data += done * whole[k].steps[0];
      parts[k].sizes[0] = now;
      buffered[k] = parts[k];
      if (direct[k])
        continue;
      int64_t itemSize = loop.operands[k].itemSize;
      Strided &buf = buffered[k];
      buf.data = reinterpret_cast<char *>(buffers[k].get());
      int64_t step = itemSize;
      for (int d = buf.rank - 1; d >= 0; --d) {
        buf.steps[d] = step;
        step *= buf.sizes[d];
      }
      // Outputs too: a kernel may read what it writes.
      copyStrided(buf.data, buf.steps, parts[k].data, parts[k].steps, buf.sizes,
                  buf.rank, itemSize);
    }
    if (!callKernel(loop, buffered, failure))
      return false;
    for (size_t k = nin; k < nargs; ++k)
      if (!direct[k])
        copyStrided(parts[k].data, parts[k].steps, buffered[k].data,
                    buffered[k].steps, parts[k].sizes, parts[k].rank,
                    loop.operands[k].itemSize);
  }
  return true;
}

bool runRange(const UFuncLoop &loop, const LoopArgs &in, int64_t start,
              int64_t count, Failure &failure) {
  size_t nargs = loop.operands.size();
  Strided views[kMaxOperands];
  bool direct[kMaxOperands];
  bool allDirect = true;
  for (size_t k = 0; k < nargs; ++k) {
    viewOf(loop, in, k, start, count, views[k]);
    direct[k] = describable(views[k], loop.operands[k].itemSize);
    allDirect &= direct[k];
  }
  if (allDirect)
    return callKernel(loop, views, failure);
  return runBuffered(loop, views, direct, failure);
}

/// How many threads a loop of `count` outer iterations is worth.
unsigned threadsFor(const UFuncLoop &loop, const LoopArgs &in, int64_t count) {
  if (loop.threads <= 1 || count < 2)
    return 1;
  Strided first;
  viewOf(loop, in, 0, 0, count, first);
  int64_t work = count * std::max<int64_t>(1, first.innerElements());
  int64_t wanted = std::min<int64_t>(work / kMinPerThread, count);
  return static_cast<unsigned>(
      std::max<int64_t>(1, std::min<int64_t>(wanted, loop.threads)));
}

} // namespace

size_t mumba::python::loopSlots(const UFuncLoop &loop) {
  size_t slots = 0;
  for (const LoopOperand &operand : loop.operands)
    slots += 3 + 2 * (1 + operand.core.size());
  return slots;
}

/// Runs [0, count) split over `threads` threads; false with `failure` set
/// to the first failing range's when any fails.
static bool runParallel(const UFuncLoop &loop, const LoopArgs &in,
                        int64_t count, unsigned threads, Failure &failure) {
  int64_t per = (count + threads - 1) / threads;
  std::vector<Failure> failures(threads);
  std::unique_ptr<bool[]> ok(new bool[threads]);
  std::vector<std::thread> workers;
  unsigned started = 1;
  for (; started < threads; ++started) {
    int64_t start = started * per;
    if (start >= count)
      break;
    int64_t length = std::min(per, count - start);
    try {
      workers.emplace_back([&, started, start, length] {
        ok[started] = runRange(loop, in, start, length, failures[started]);
      });
    } catch (const std::system_error &) {
      break; // no more threads: this one runs what is left
    }
  }
  ok[0] = runRange(loop, in, 0, std::min(per, count), failures[0]);
  int64_t rest = count - std::min<int64_t>(count, started * per);
  if (ok[0] && rest > 0)
    ok[0] = runRange(loop, in, started * per, rest, failures[0]);
  for (std::thread &worker : workers)
    worker.join();
  for (unsigned t = 0; t < started; ++t)
    if (!ok[t]) {
      failure = std::move(failures[t]);
      return false;
    }
  return true;
}

void mumba::python::runUFuncLoop(char **args, const intptr_t *dimensions,
                                 const intptr_t *steps, void *data) {
  const auto &loop = *static_cast<const UFuncLoop *>(data);
  LoopArgs in{args, dimensions, steps};
  int64_t count = dimensions[0];
  unsigned threads = threadsFor(loop, in, count);
  Failure failure;
  bool ok = threads <= 1 ? runRange(loop, in, 0, count, failure)
                         : runParallel(loop, in, count, threads, failure);
  if (ok)
    return;
  PyGILState_STATE gil = PyGILState_Ensure();
  setStatusError(failure.status, failure.message.c_str(),
                 failure.recordedClass.c_str());
  PyGILState_Release(gil);
}

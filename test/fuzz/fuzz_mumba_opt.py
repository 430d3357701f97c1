#!/usr/bin/python3
"""Mutation fuzzer for mumba-opt (issue 17, "never crash").

Takes the lit corpus (test/**/*.mlir, split at `// -----` and `//---`
markers), mutates each input a few times (type swaps, literal and attribute
edits, operand swaps, dropped and swapped lines) and runs every nb/Mumba pass
and pipeline of mumba-opt on every mutant. A run may succeed or fail with a
diagnostic and exit status 1; a signal, an exit status of 128 or more, LLVM's
crash banner, an assertion or a fatal error is a crash, and a run past the
time limit a hang. Mutants go to mumba-opt in batches (`-split-input-file`),
one process per batch and pass; a batch that crashes or hangs is run again
one mutant at a time to find the culprits, which are written to --save.

    test/fuzz/fuzz_mumba_opt.py --mumba-opt build/bin/mumba-opt --seed 1 \\
        --count 300 --jobs 2

prints one summary line and exits with status 1 when anything crashed or
hung. Deterministic for a seed: the same mutants in the same order.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import os
import random
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Passes and pipelines beyond the bare names --help lists: option variants
# that take other paths through the lowering.
VARIANTS = [
    "convert-nb-to-std{boundscheck error-model=numpy}",
    "mumba-cpu-pipeline{boundscheck error-model=numpy fastmath opt-level=0}",
    "mumba-cpu-pipeline{c-entry vectorize affine-vector-size=4}",
]

# What a crash prints. Release builds have no assertions, but a sanitized or
# debug build does.
CRASH_MARKERS = (
    "PLEASE submit a bug report",
    "Assertion `",
    "LLVM ERROR:",
    "UNREACHABLE executed",
    "Stack dump:",
    "AddressSanitizer",
    "UndefinedBehaviorSanitizer",
    "runtime error:",
)

SPLIT_RE = re.compile(r"^//(?: -----|---\s).*$", re.M)
SPLIT_MARKER = "// -----"

# Types to swap in besides those the corpus uses.
EXTRA_TYPES = [
    "f64", "f32", "i1", "si64", "si32", "si8", "ui64", "ui8", "i64", "index",
    "complex<f64>", "complex<f32>", "!nb.none", "!nb.unknown", "!nb.slice",
    '!nb.str<"s">', "tuple<>", "tuple<si64>", "tuple<si64, si64>",
    "tuple<f64, i1>", "tuple<tuple<si64>, f64>",
    "!nb.array<f64, 0, C>", "!nb.array<f64, 1, C>", "!nb.array<f64, 2, A>",
    "!nb.array<i1, 1, C>", "!nb.array<si64, 3, C>", "!nb.array<complex<f64>, 1, A>",
    "!nb.array<f32, 1, C, readonly>", "!nb.range<si64>", "!nb.range_iter<si64>",
    "!nb.optional<f64>", "!nb.optional<si64>", "!nb.pyobject",
    "memref<?xf64>", "memref<f64>", "memref<?x?xi64>",
]

INT_LITERALS = [
    "0", "1", "-1", "2", "3", "7", "-7", "31", "63", "64", "255", "-128",
    "2147483647", "4294967296", "9223372036854775807", "-9223372036854775808",
    "18446744073709551615",
]
FLOAT_LITERALS = [
    "0.000000e+00", "-0.000000e+00", "1.000000e+00", "-2.500000e+00",
    "1.000000e+300", "0x7FF0000000000000", "0x7FF8000000000000",
    "0xFFF0000000000000",
]
KINDS = [
    ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift",
     "rshift", "bitand", "bitor", "bitxor"],
    ["eq", "ne", "lt", "le", "gt", "ge", "is", "isnot", "in", "notin"],
    ["neg", "pos", "not", "invert"],
]
KIND_OF = {k: group for group in KINDS for k in group}

TYPE_RE = re.compile(
    r"!nb\.[a-z_]+(?:<[^<>]*(?:<[^<>]*(?:<[^<>]*>[^<>]*)*>[^<>]*)*>)?"
    r"|(?:tuple|complex|memref|vector)<[^<>]*(?:<[^<>]*(?:<[^<>]*>[^<>]*)*>[^<>]*)*>"
    r"|\b(?:[su]?i(?:1|8|16|32|64)|f16|f32|f64|bf16|index)\b"
)
INT_RE = re.compile(r"(?<![\w.%#^@])-?\d+(?![\w.])")
FLOAT_RE = re.compile(r"(?<![\w.])-?\d+\.\d+e[+-]\d+|0x[0-9A-F]{16}")
STRING_RE = re.compile(r'"[^"\n]*"')
VALUE_RE = re.compile(r"%[\w.$-]+(?:#\d+)?")
WORD_RE = re.compile(r"\b[a-z_]+\b")


@dataclass
class Stats:
    inputs: int = 0
    runs: int = 0
    ok: int = 0
    diagnosed: int = 0
    crashes: list = field(default_factory=list)
    hangs: list = field(default_factory=list)
    # Crashes of upstream MLIR's parser on the mutant itself (no pass run,
    # no Mumba frame): reported, not Mumba's to fix.
    upstream: list = field(default_factory=list)


def load_corpus(root: Path) -> list[str]:
    """The lit inputs, split into chunks, without comment lines."""
    chunks = []
    for path in sorted(root.glob("test/**/*.mlir")):
        if "fuzz" in path.parts:
            continue
        for chunk in SPLIT_RE.split(path.read_text()):
            lines = [l for l in chunk.splitlines() if not l.lstrip().startswith("//")]
            text = "\n".join(lines).strip()
            if text:
                chunks.append(text + "\n")
    return chunks


def type_pool(chunks: list[str]) -> list[str]:
    seen = set(EXTRA_TYPES)
    for chunk in chunks:
        seen.update(m.group(0) for m in TYPE_RE.finditer(chunk))
    return sorted(seen)


def string_pool(chunks: list[str]) -> list[str]:
    seen = set()
    for chunk in chunks:
        seen.update(m.group(0) for m in STRING_RE.finditer(chunk))
    return sorted(seen)


def replace_match(text: str, match: re.Match, new: str) -> str:
    return text[: match.start()] + new + text[match.end() :]


class Mutator:
    def __init__(self, rng: random.Random, types: list[str], strings: list[str]):
        self.rng = rng
        self.types = types
        self.strings = strings
        self.ops = [
            (self.swap_type_everywhere, 4),
            (self.swap_type_once, 3),
            (self.edit_int, 3),
            (self.edit_float, 1),
            (self.edit_kind, 2),
            (self.edit_string, 2),
            (self.swap_operands, 2),
            (self.replace_operand, 2),
            (self.drop_line, 2),
            (self.swap_lines, 1),
        ]

    def pick(self, matches):
        return self.rng.choice(matches) if matches else None

    def swap_type_everywhere(self, text):
        """Consistent swaps keep the IR parseable: every use of the type."""
        found = sorted({m.group(0) for m in TYPE_RE.finditer(text)})
        if not found:
            return None
        old = self.rng.choice(found)
        new = self.rng.choice(self.types)
        pattern = re.compile(re.escape(old) + (r"\b" if old[-1].isalnum() else ""))
        pattern = re.compile(r"(?<![\w!.])" + pattern.pattern)
        return pattern.sub(lambda _: new, text)

    def swap_type_once(self, text):
        m = self.pick(list(TYPE_RE.finditer(text)))
        return m and replace_match(text, m, self.rng.choice(self.types))

    def edit_int(self, text):
        m = self.pick(list(INT_RE.finditer(text)))
        return m and replace_match(text, m, self.rng.choice(INT_LITERALS))

    def edit_float(self, text):
        m = self.pick(list(FLOAT_RE.finditer(text)))
        return m and replace_match(text, m, self.rng.choice(FLOAT_LITERALS))

    def edit_kind(self, text):
        m = self.pick([w for w in WORD_RE.finditer(text) if w.group(0) in KIND_OF])
        return m and replace_match(text, m, self.rng.choice(KIND_OF[m.group(0)]))

    def edit_string(self, text):
        m = self.pick(list(STRING_RE.finditer(text)))
        return m and replace_match(text, m, self.rng.choice(self.strings))

    def swap_operands(self, text):
        lines = text.splitlines()
        candidates = []
        for i, line in enumerate(lines):
            rhs = line.split("=", 1)[1] if "=" in line else line
            offset = len(line) - len(rhs)
            uses = [m for m in VALUE_RE.finditer(rhs)]
            if len(uses) >= 2:
                candidates.append((i, offset, uses))
        if not candidates:
            return None
        i, offset, uses = self.rng.choice(candidates)
        a, b = sorted(self.rng.sample(uses, 2), key=lambda m: m.start())
        rhs = lines[i][offset:]
        rhs = rhs[: a.start()] + b.group(0) + rhs[a.end() : b.start()] + a.group(0) + rhs[b.end() :]
        lines[i] = lines[i][:offset] + rhs
        return "\n".join(lines) + "\n"

    def replace_operand(self, text):
        names = sorted({m.group(0) for m in VALUE_RE.finditer(text)})
        lines = text.splitlines()
        uses = [
            (i, m)
            for i, line in enumerate(lines)
            if "=" in line
            for m in VALUE_RE.finditer(line, line.index("=") + 1)
        ]
        if not uses or len(names) < 2:
            return None
        i, m = self.rng.choice(uses)
        lines[i] = replace_match(lines[i], m, self.rng.choice(names))
        return "\n".join(lines) + "\n"

    def op_lines(self, lines):
        return [
            i
            for i, line in enumerate(lines)
            if line.strip()
            and not line.strip().startswith(("func.func", "}", "module", "^"))
        ]

    def drop_line(self, text):
        lines = text.splitlines()
        candidates = self.op_lines(lines)
        if not candidates:
            return None
        del lines[self.rng.choice(candidates)]
        return "\n".join(lines) + "\n"

    def swap_lines(self, text):
        lines = text.splitlines()
        candidates = [i for i in self.op_lines(lines) if i + 1 < len(lines)]
        if not candidates:
            return None
        i = self.rng.choice(candidates)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return "\n".join(lines) + "\n"

    def mutate(self, text: str) -> str:
        functions, weights = zip(*self.ops)
        for _ in range(self.rng.choice([1, 1, 2, 2, 3])):
            for _attempt in range(5):
                mutated = self.rng.choices(functions, weights)[0](text)
                if mutated and mutated != text and SPLIT_MARKER not in mutated:
                    text = mutated
                    break
        return text


def discover_passes(mumba_opt: str) -> list[str]:
    """Every top-level option of --help naming an nb or Mumba pass or pipeline."""
    help_text = subprocess.run(
        [mumba_opt, "--help"], capture_output=True, text=True, check=True
    ).stdout
    names = re.findall(r"^      --((?:nb|mumba|convert-nb)[-\w]*)\s", help_text, re.M)
    return sorted(set(names)) + VARIANTS


FRAME_RE = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ (.*)$", re.M)


def own_frames(stderr: str) -> list[str]:
    """The stack frames of a crash in Mumba's code (not libMLIR, libLLVM or
    libc, and not main)."""
    frames = []
    for frame in FRAME_RE.findall(stderr):
        if frame.startswith(("main ", "_start ")) or "/usr/lib/" in frame:
            continue
        if "mumba" in frame or ".cpp:" in frame:
            frames.append(frame)
    return frames


def is_crash(returncode: int, stderr: str) -> bool:
    return returncode < 0 or returncode >= 128 or any(m in stderr for m in CRASH_MARKERS)


def run_opt(mumba_opt: str, pass_spec: str, text: str, timeout: float):
    """(returncode or None on timeout, stderr) of one mumba-opt run."""
    cmd = [
        mumba_opt,
        "-split-input-file",
        f"--pass-pipeline=builtin.module({pass_spec})",
        "-o",
        os.devnull,
    ]
    try:
        proc = subprocess.run(
            cmd, input=text, capture_output=True, text=True, errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, ""
    return proc.returncode, proc.stderr


def pipeline_spec(name: str) -> str:
    # Function passes nest under func.func; the rest run on the module.
    return f"func.func({name})" if name in FUNC_PASSES else name


FUNC_PASSES: set[str] = set()


def find_func_passes(mumba_opt: str, passes: list[str]) -> set[str]:
    """Passes that mumba-opt refuses to run on a module run on functions."""
    nested = set()
    for name in passes:
        code, err = run_opt(mumba_opt, name, "module {}\n", 30)
        if code != 0 and "func.func" in err:
            nested.add(name)
    return nested


ERROR_LINE_RE = re.compile(r"^<stdin>:(\d+):\d+: error:", re.M)


def diagnosed_chunks(stderr: str, starts: list[int]) -> set[int]:
    """Which chunks of a batch got an error: -split-input-file reports
    lines of the whole input, and chunk k starts at line starts[k]."""
    hit = set()
    for m in ERROR_LINE_RE.finditer(stderr):
        line = int(m.group(1))
        hit.add(max(k for k, start in enumerate(starts) if start <= line))
    return hit


def run_batch(args, pass_name: str, mutants: list[tuple[int, str]]):
    """[(kind, (index, mutant, stderr) or None)] for each mutant: kind is
    ok, diagnosed, crash, hang or upstream."""
    spec = pipeline_spec(pass_name)
    separator = "\n" + SPLIT_MARKER + "\n"
    text = separator.join(m for _, m in mutants)
    starts, line = [], 1
    for _, m in mutants:
        starts.append(line)
        line += m.count("\n") + separator.count("\n")
    code, err = run_opt(args.mumba_opt, spec, text, args.timeout * len(mutants))
    if code is not None and not is_crash(code, err):
        failed = diagnosed_chunks(err, starts) if code else set()
        if code and not failed:  # an error without a line: count it as one
            failed = {0}
        return [("diagnosed" if k in failed else "ok", None) for k in range(len(mutants))]
    results = []
    for index, mutant in mutants:
        c, e = run_opt(args.mumba_opt, spec, mutant, args.timeout)
        if c is None:
            results.append(("hang", (index, mutant, "")))
        elif is_crash(c, e):
            # The parser alone crashing, in upstream code only, is not ours.
            pc, pe = (c, e) if not pass_name else run_opt(args.mumba_opt, "", mutant, args.timeout)
            upstream = pc is not None and is_crash(pc, pe) and not own_frames(pe)
            results.append(("upstream" if upstream else "crash", (index, mutant, e)))
        else:
            results.append(("ok" if c == 0 else "diagnosed", None))
    return results


def run_all(args, jobs: list[tuple[str, list]]):
    """run_batch over (pass, batch) jobs in parallel, results in order."""
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_batch, args, p, b) for p, b in jobs]
        return [f.result() for f in futures]


def record(stats: Stats, pass_name: str, results) -> None:
    for kind, detail in results:
        stats.runs += 1
        if kind == "ok":
            stats.ok += 1
        elif kind == "diagnosed":
            stats.diagnosed += 1
        else:
            {"crash": stats.crashes, "hang": stats.hangs, "upstream": stats.upstream}[
                kind
            ].append((pass_name,) + detail)


def batches(items: list, size: int) -> list[list]:
    return [items[k : k + size] for k in range(0, len(items), size)]


def save(args, kind: str, pass_name: str, index: int, mutant: str, stderr: str):
    if not args.save:
        return
    out = Path(args.save)
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(mutant.encode()).hexdigest()[:10]
    name = re.sub(r"[^\w-]+", "_", pass_name)
    path = out / f"{kind}-{name}-{index}-{digest}.mlir"
    head = f"// {kind}: mumba-opt --pass-pipeline='builtin.module({pipeline_spec(pass_name)})'\n"
    crash_lines = "".join(f"// {l}\n" for l in stderr.splitlines()[:30])
    path.write_text(head + crash_lines + mutant)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mumba-opt", default=str(ROOT / "build/bin/mumba-opt"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--count", type=int, default=300, help="inputs: mutants that parse and verify"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--batch", type=int, default=25, help="mutants per process")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per mutant")
    parser.add_argument("--passes", help="comma-separated; default: every nb/mumba pass")
    parser.add_argument("--save", help="directory for crashing and hanging mutants")
    args = parser.parse_args(argv)

    start = time.monotonic()
    chunks = load_corpus(ROOT)
    rng = random.Random(args.seed)
    mutator = Mutator(rng, type_pool(chunks), string_pool(chunks))
    passes = args.passes.split(",") if args.passes else discover_passes(args.mumba_opt)
    FUNC_PASSES.update(find_func_passes(args.mumba_opt, passes))
    stats = Stats()

    # Most mutants no longer parse or verify; the inputs are the first
    # --count that do (the parser's own crashes are recorded on the way).
    inputs: list[tuple[int, str]] = []
    made = 0
    while len(inputs) < args.count and made < 50 * args.count:
        block = [(made + i, mutator.mutate(rng.choice(chunks))) for i in range(1000)]
        made += len(block)
        parsed = run_all(args, [("", b) for b in batches(block, args.batch)])
        for mutant, (kind, detail) in zip(block, [r for rs in parsed for r in rs]):
            if kind == "ok":
                inputs.append(mutant)
            elif kind != "diagnosed":
                {"crash": stats.crashes, "hang": stats.hangs, "upstream": stats.upstream}[
                    kind
                ].append(("parse",) + detail)
    inputs = inputs[: args.count]
    stats.inputs = len(inputs)

    jobs = [(p, b) for p in passes for b in batches(inputs, args.batch)]
    for (pass_name, _), results in zip(jobs, run_all(args, jobs)):
        record(stats, pass_name, results)
    for kind, items in (
        ("crash", stats.crashes),
        ("hang", stats.hangs),
        ("upstream", stats.upstream),
    ):
        for pass_name, index, mutant, stderr in items:
            save(args, kind, pass_name, index, mutant, stderr)
            where = (own_frames(stderr) or FRAME_RE.findall(stderr) or [""])[0]
            print(f"{kind}: {pass_name} on mutant {index}: {where[:160]}", file=sys.stderr)
    elapsed = time.monotonic() - start
    print(
        f"fuzz: seed {args.seed}, {made} mutants made, {stats.inputs} parse and "
        f"verify; {stats.inputs} inputs x {len(passes)} passes = "
        f"{stats.runs} runs in {elapsed:.1f} s: {stats.ok} ok, "
        f"{stats.diagnosed} diagnosed, {len(stats.crashes)} crashes, "
        f"{len(stats.hangs)} hangs, {len(stats.upstream)} upstream parser crashes"
    )
    return 1 if stats.crashes or stats.hangs else 0


if __name__ == "__main__":
    sys.exit(main())

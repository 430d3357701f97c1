"""A short, fixed-seed run of the mumba-opt mutation fuzzer (test/fuzz,
docs/reliability.md): 300 mutants of the lit corpus that parse and verify,
through every nb and Mumba pass and pipeline, must give no crash and no
hang, only results and diagnostics. MUMBA_OPT picks the binary (the
sanitized run uses build-asan's)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FUZZER = ROOT / "test" / "fuzz" / "fuzz_mumba_opt.py"


def mumba_opt() -> str:
    return os.environ.get("MUMBA_OPT", str(ROOT / "build" / "bin" / "mumba-opt"))


def test_short_fuzz_run_finds_no_crash(tmp_path):
    run = subprocess.run(
        [sys.executable, str(FUZZER), "--mumba-opt", mumba_opt(), "--seed", "1",
         "--count", "300", "--jobs", "2", "--save", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    assert run.returncode == 0, run.stderr[-3000:] + summary
    match = re.search(r"(\d+) inputs x (\d+) passes", summary)
    assert match and int(match.group(1)) == 300 and int(match.group(2)) >= 12, summary
    assert " 0 crashes, 0 hangs" in summary, summary


def test_the_fuzzer_sees_a_crash(tmp_path):
    # A stand-in mumba-opt whose pass dies on a signal for one kind of input
    # (parsing alone succeeds): the fuzzer must count it, find the mutant
    # and exit with status 1.
    fake = tmp_path / "fake-opt"
    fake.write_text(
        "#!/bin/sh\n"
        'case "$1" in --help) /bin/cat <<EOF\n'
        "      --nb-infer-types  - Types\n"
        "EOF\n"
        "exit 0;; esac\n"
        'input=$(/bin/cat)\n'
        'case "$*" in *nb-infer-types*)\n'
        '  case "$input" in *truediv*) kill -SEGV $$;; esac;;\n'
        "esac\n"
        "exit 0\n"
    )
    fake.chmod(0o755)
    run = subprocess.run(
        [sys.executable, str(FUZZER), "--mumba-opt", str(fake), "--seed", "1",
         "--count", "200", "--jobs", "2", "--passes", "nb-infer-types",
         "--save", str(tmp_path / "found")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    crashes = int(re.search(r"(\d+) crashes", run.stdout).group(1))
    saved = list((tmp_path / "found").glob("crash-*.mlir"))
    assert crashes > 0 and len(saved) == crashes
    assert all("truediv" in path.read_text() for path in saved)

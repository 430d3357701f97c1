"""``cache=True``: compiled specialisations on disk, shared by processes.

Each specialisation is one file, ``<module>.<function>-<line>.<hash>.mbc``,
in ``__pycache__`` beside the source file (or in ``MUMBA_CACHE_DIR``, or in
``~/.cache/mumba`` when the source directory is read-only). The file name's
hash covers what selects a specialisation: the function, the argument types,
the declared return type and the options. Inside, the entry (written by the
compiler library, ``Compiled.serialize``) holds the object code and carries
a key that says what it was compiled from:

- the function's source text and the frontend's nb module for these types,
  which holds every global the function uses (frozen constants, resolved
  functions) and the source of every jitted function it calls;
- the Mumba version and the compiler extension's build;
- the host's triple, CPU and features.

A load checks the format version, a checksum over the whole entry, the key
and the machine before it links anything; an entry that fails any check
(corrupt, truncated, written by another version of the function, of Mumba or
for another machine) is ignored, the function compiled, and the file
rewritten. Files are written to a temporary name and renamed, so processes
that share a cache never see half an entry.

Only a regular file is read, and no more of it than its header declares: an
entry that is a symlink (to ``/dev/zero``, say), a FIFO, a device or a
directory, or whose declared size disagrees with the file's, is stale (see
docs/reliability.md).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import struct
import sys
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Sequence, Tuple

from . import config
from .frontend.globals import classify, lookup_name
from .version import __version__

__all__ = ["FunctionCache", "cache_dir_for"]

#: Part of every key: bump when the meaning of an entry changes on the
#: Python side.
CACHE_FORMAT = "1"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
#: The compiler library's entry header (lib/JIT/ObjectCache.cpp): magic,
#: u32 format, u32 0, u64 payload size, u64 checksum, little-endian.
_MAGIC = b"MUMBAOBJ"
_HEADER = struct.Struct("<8sIIQQ")
#: Entries are a few MB at most; a larger one is not ours.
MAX_ENTRY_BYTES = 256 << 20
#: Not following a symlink, not waiting on a FIFO.
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class StaleEntry(Exception):
    """The file at an entry's path is not an entry that may be read."""


def read_entry(path: Path) -> bytes:
    """The bytes of the entry at ``path``, read from a regular file and no
    further than its header's declared size. Raises FileNotFoundError when
    there is none, StaleEntry when what is there cannot be an entry."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FileNotFoundError(exc.errno, exc.strerror, str(path)) from None
        if exc.errno == errno.ELOOP:
            raise StaleEntry("a symbolic link, not followed") from None
        raise StaleEntry(f"unreadable: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise StaleEntry("not a regular file")
        header = _read_exactly(fd, _HEADER.size)
        if len(header) < _HEADER.size:
            raise StaleEntry("truncated header")
        magic, _, _, size, _ = _HEADER.unpack(header)
        if magic != _MAGIC:
            raise StaleEntry("not a Mumba cache entry")
        total = _HEADER.size + size
        if total > MAX_ENTRY_BYTES:
            raise StaleEntry(f"declares {size} bytes, more than an entry holds")
        if total != st.st_size:
            raise StaleEntry(f"declares {size} bytes, the file holds {st.st_size - _HEADER.size}")
        blob = header + _read_exactly(fd, size)
        if len(blob) != total:
            raise StaleEntry("truncated while reading")
        return blob
    finally:
        os.close(fd)


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _debug(msg: str) -> None:
    if config.DEBUG_CACHE:
        print(f"mumba cache: {msg}", file=sys.stderr)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK | os.X_OK)


def cache_dir_for(source_file: str) -> Optional[Path]:
    """Where the entries of functions defined in ``source_file`` go."""
    path = Path(source_file)
    tag = _SAFE.sub("_", str(path.resolve().parent)).strip("_")[-80:]
    if config.CACHE_DIR:
        return Path(config.CACHE_DIR).expanduser() / tag
    pycache = path.resolve().parent / "__pycache__"
    if _writable(pycache):
        return pycache
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "mumba" / tag


def _build_stamp(ext: Any) -> str:
    """Identifies the compiler extension that made an entry: a rebuilt
    compiler (other passes, other code) must not load old entries."""
    path = getattr(ext, "__file__", "") or ""
    try:
        st = os.stat(path)
        return f"{os.path.basename(path)}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return path


class FunctionCache:
    """The cache entries of one jitted function."""

    def __init__(self, dispatcher: Any) -> None:
        self.dispatcher = dispatcher
        code = dispatcher.py_func.__code__
        self.source_file = code.co_filename
        self.usable = not (self.source_file.startswith("<") and self.source_file.endswith(">"))
        self._dir: Optional[Path] = None
        self._host: Optional[str] = None
        #: Why the last entry was not loaded ("" when it was).
        self.last_miss_reason = ""

    # -- naming ---------------------------------------------------------------------
    def directory(self) -> Optional[Path]:
        if self._dir is None and self.usable:
            self._dir = cache_dir_for(self.source_file)
        return self._dir

    def path_for(self, arg_types: Sequence[str], return_type: Optional[str]) -> Optional[Path]:
        """The entry file of one specialisation."""
        directory = self.directory()
        if directory is None:
            return None
        fn = self.dispatcher.py_func
        opts = self.dispatcher.options
        selector = "\n".join(
            [
                fn.__qualname__,
                os.path.abspath(self.source_file),
                repr(tuple(arg_types)),
                repr(return_type),
                repr(sorted((k, repr(v)) for k, v in opts.items() if k != "cache")),
            ]
        )
        stem = _SAFE.sub("_", Path(self.source_file).stem)
        qual = _SAFE.sub("_", fn.__qualname__.replace("<locals>", "locals"))
        line = self.dispatcher.source().node.lineno
        return directory / f"{stem}.{qual}-{line}.{_sha(selector)[:20]}.mbc"

    def key(self, ext: Any, arg_types: Sequence[str], return_type: Optional[str], module_text: str) -> str:
        """What the entry must have been compiled from."""
        if self._host is None:
            self._host = ext.host_cpu()
        src = self.dispatcher.source()
        first = src.node.lineno
        if getattr(src.node, "decorator_list", None):
            first = min([first] + [d.lineno for d in src.node.decorator_list])
        last = getattr(src.node, "end_lineno", None) or max(src.lines or [first])
        source_text = "\n".join(src.lines.get(i, "") for i in range(first, last + 1))
        opts = self.dispatcher.options
        return "\n".join(
            [
                f"mumba-cache {CACHE_FORMAT}",
                f"mumba {__version__} {_build_stamp(ext)}",
                f"python {sys.version_info[0]}.{sys.version_info[1]}",
                f"host {_sha(self._host)}",
                f"function {self.dispatcher.py_func.__qualname__}",
                f"args {' '.join(arg_types)}",
                f"return {return_type}",
                f"options {sorted((k, repr(v)) for k, v in opts.items() if k != 'cache')}",
                f"source {_sha(source_text)}",
                f"globals {_sha(self._globals_digest())}",
                f"module {_sha(module_text)}",
            ]
        )

    def _globals_digest(self) -> str:
        """The globals the function's code names, as it sees them now."""
        fn = self.dispatcher.py_func
        parts = []
        for name in sorted(set(fn.__code__.co_names) | set(fn.__code__.co_freevars)):
            found, obj = lookup_name(fn, name)
            if not found:
                continue
            resolved, why = classify(obj)
            if resolved is None:
                parts.append(f"{name}=<{why}>")
            elif resolved.kind == "dispatcher":
                parts.append(f"{name}=@{obj.py_func.__module__}.{obj.py_func.__qualname__}")
            else:
                parts.append(f"{name}={resolved.kind}:{resolved.value!r}")
        return "\n".join(parts)

    # -- loading and storing ----------------------------------------------------------
    def load(self, ext: Any, path: Path, key: str, nogil: bool) -> Any:
        """The specialisation stored at ``path`` for ``key``, or None."""
        try:
            blob = read_entry(path)
        except FileNotFoundError:
            self.last_miss_reason = "no entry"
            return None
        except StaleEntry as exc:
            self.last_miss_reason = f"stale: {exc}"
            _debug(f"{path}: {self.last_miss_reason}; compiling again")
            return None
        except OSError as exc:
            self.last_miss_reason = f"unreadable: {exc}"
            _debug(f"{path}: {self.last_miss_reason}")
            return None
        try:
            compiled = ext.load(blob, key, nogil=nogil)
        except ext.CacheError as exc:
            self.last_miss_reason = str(exc)
            _debug(f"{path}: {exc}; compiling again")
            return None
        self.last_miss_reason = ""
        return compiled

    def store(self, path: Path, key: str, compiled: Any) -> bool:
        """Writes the entry atomically; False (never an exception) when it
        cannot."""
        try:
            blob = compiled.serialize(key)
        except Exception as exc:  # noqa: BLE001 - the cache is best effort
            _debug(f"cannot serialise {path.name}: {exc}")
            return False
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Not mkstemp: its files are private (0600); entries are shared
            # as the source's own __pycache__ files are (umask applies).
            tmp = str(path.parent / f"{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
            tmp = None
            return True
        except OSError as exc:
            _debug(f"cannot write {path}: {exc}")
            return False
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

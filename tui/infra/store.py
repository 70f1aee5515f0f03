"""Derived data kept between runs, as bytecode is: compiled pattern programs and built tables.

Two costs of every accord process depend only on accord's own code and data, never on the
documents: compiling its ~130 regular expressions (CPython parses and compiles patterns in pure
Python, about 90 ms here) and building tables from data files (the country table from
countryinfo's 271 JSON files and ``lexicon.toml``, about 70 ms). This module keeps both results
in one ``marshal`` file in the cache folder, read once per process:

* :func:`compile` is :func:`re.compile` whose *program* (the list of opcodes CPython's compiler
  produces for a pattern and flags) is stored; a later process hands it straight to ``_sre``,
  which validates it, so the pattern object is the one ``re.compile`` would build. The file is
  named by the exact Python version and ``_sre``'s magic number, and any surprise (another
  interpreter, a missing internal, a corrupt entry) falls back to plain ``re.compile``.
* :func:`table` returns ``build()``'s value (plain data: dicts, tuples, strings, numbers)
  stored under a name and a key that names everything it was built from.

New entries are written at exit, atomically, only when there are any. The store lives beside the
result cache (``ACCORD_CACHE_DIR`` or the user cache folder) but is not a result cache:
``ACCORD_NO_CACHE`` does not turn it off, ``ACCORD_NO_STORE=1`` does. It never changes a result;
like the result cache it only loads a file this user owns in a folder only this user can write.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui import __version__

_MAGIC = "accord-store 2"
_MAX_PROGRAMS = 1000  # patterns built from documents' text must not grow the store without end
_entries: dict[Any, Any] | None = None
_added: dict[Any, Any] = {}
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}
_where: Path | None = None


def _identity() -> str:
    import _sre

    return f"{_MAGIC} {__version__} {sys.implementation.name} {sys.version} {_sre.MAGIC}"


def path() -> Path | None:
    """The store's file, or None when it is turned off."""
    if os.environ.get("ACCORD_NO_STORE", "").strip() not in ("", "0"):
        return None
    from tui.infra.cache import root

    return root() / "store" / f"derived-{sys.implementation.cache_tag}.marshal"


def _load() -> dict[Any, Any]:
    global _entries, _where
    if _entries is not None:
        return _entries
    _entries = {}
    where = _where = path()  # saved where it was read from, whatever the environment is at exit
    if where is None:
        return _entries
    from tui.infra.cache import trusted

    if not trusted(where):
        return _entries
    try:
        identity, entries = marshal.loads(where.read_bytes())
    except Exception:  # noqa: BLE001 - a corrupt or foreign store is rebuilt, never trusted
        return _entries
    if identity == _identity() and isinstance(entries, dict):
        _entries = entries
    return _entries


def _remember(key: Any, value: Any) -> None:
    if not _added:
        import atexit

        atexit.register(save)
    _added[key] = value


def save() -> None:
    """Write the entries added in this process (with those read) to the store; never raises."""
    entries = dict(_load())
    where = _where
    if not _added or where is None:
        return
    entries.update(_added)
    _added.clear()
    try:
        payload = marshal.dumps((_identity(), entries))
        from tui.infra.atomic import write_atomic
        from tui.infra.cache import private_folder

        private_folder(where.parent)

        write_atomic(where, payload, force=True)
    except Exception:  # noqa: BLE001 - an unwritable store costs time next run, never a result
        pass


def files_key(*paths: str | None) -> str:
    """A key part naming files by size and modification time (a missing one as ``-``): the code
    and data a table is built from."""
    parts = []
    for item in paths:
        try:
            st = os.stat(item) if item else None
        except OSError:
            st = None
        parts.append(f"{item}:{st.st_size}:{st.st_mtime_ns}" if st else f"{item}:-")
    return "|".join(parts)


def table(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value, stored under ``name`` for as long as ``key`` stays the same.

    ``key`` must name everything the value depends on (the versions and contents of the data it
    is built from, the code that builds it); the value must be plain data ``marshal`` can store."""
    entries = _load()
    found = entries.get(("table", name))
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        return found[1]
    value = build()
    try:
        marshal.dumps(value)
    except ValueError:
        return value
    _remember(("table", name), (key, value))
    return value


def _program(pattern: str, flags: int) -> tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern`` and ``flags``, the
    code as unsigned 32-bit words in one ``bytes`` (a list of ints loads ten times slower)."""
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array("I", [int(op) for op in code]).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from its stored program when this Python stored one."""
    flags = int(flags)
    done = _compiled.get((pattern, flags))
    if done is not None:
        return done
    entries = _load()
    stored = entries.get(("re", pattern, flags))
    if stored is not None:
        try:
            import _sre

            final, code, groups, groupindex, indexgroup = stored
            words = memoryview(code).cast("I").tolist()
            done = _compiled[pattern, flags] = _sre.compile(pattern, final, words, groups, groupindex, indexgroup)
            return done
        except Exception:  # noqa: BLE001 - a stale or damaged program: compile it afresh
            pass
    done = _compiled[pattern, flags] = re.compile(pattern, flags)
    if len(entries) + len(_added) >= _MAX_PROGRAMS:
        return done
    try:
        program = _program(pattern, flags)
    except Exception:  # noqa: BLE001 - another interpreter's internals: no stored program
        return done
    if program[0] == done.flags and program[2] == done.groups:
        _remember(("re", pattern, flags), program)
    return done

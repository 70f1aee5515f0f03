"""A small on-disk cache of analysis results, keyed by content.

An entry's key is a hash of everything the result depends on: the exact text
of the documents, the parameters, accord's version and a fingerprint of the
analysis modules' source files (so editing the code invalidates old entries).
Entries live in the user cache folder (platformdirs' ``user_cache_path``, see
:mod:`tui.infra.paths`), or in ``ACCORD_CACHE_DIR``; ``ACCORD_NO_CACHE=1`` turns the cache off. A
missing, unreadable or corrupt entry is simply recomputed: the cache never changes a result, only how
long it takes.

Two kinds of entry: :func:`cached` pickles an analysis result; :func:`cached_output` stores the
finished output of a command (its text and exit flag, no pickle) keyed by the result's inputs, the
options and the code of the whole package, so that a repeat run reads one file and imports none of
the analysis or rendering. ``hashlib`` and ``pickle`` are imported only when the cache is on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from tui import __version__

T = TypeVar("T")

# Packages whose code decides analysis results; a change to any of their modules changes every key.
_ANALYSIS_PACKAGES = ("vocabulary", "documents", "analysis")


def root() -> Path:
    """The cache folder itself: ``ACCORD_CACHE_DIR``, else the user cache folder (whether or not
    results are cached: the derived-data store of :mod:`tui.infra.store` lives there too)."""
    explicit = os.environ.get("ACCORD_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    from tui.infra.paths import user_cache_path

    return user_cache_path()


def folder() -> Path | None:
    """Where entries are stored, or None when caching is off."""
    if os.environ.get("ACCORD_NO_CACHE", "").strip() not in ("", "0"):
        return None
    return root()


def _fingerprint(packages: tuple[str, ...] = _ANALYSIS_PACKAGES) -> str:
    package = Path(__file__).resolve().parent.parent  # tui/
    parts = [__version__, f"cache:{Path(__file__).stat().st_mtime_ns}"]
    for name in packages:
        try:
            modules = sorted([*(package / name).glob("*.py"), *(package / name).glob("*.toml")])  # lexicon too
        except OSError:
            modules = []
        for path in modules:
            try:
                st = path.stat()
                parts.append(f"{name}/{path.name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{name}/{path.name}:-")
    return "|".join(parts)


def trusted(path: Path) -> bool:
    """Whether ``path`` may be unpickled: a regular file that this user owns, in a folder this user
    owns, neither writable by anyone else. Unpickling runs code, so an entry planted by another user
    (a shared ``ACCORD_CACHE_DIR`` such as /tmp) is ignored and recomputed, never loaded."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the cache lives in the user's own profile
        return path.is_file()
    uid = getuid()
    for item in (path, path.parent):
        try:
            info = os.lstat(item)
        except OSError:
            return False
        if info.st_uid != uid or info.st_mode & 0o022:
            return False
        if item is path and not stat.S_ISREG(info.st_mode):
            return False
        if item is not path and not stat.S_ISDIR(info.st_mode):
            return False
    return True


def private_folder(path: Path) -> None:
    """Create the entry folder (and the cache root) readable and writable by this user only."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        pass


def key(kind: str, parts: Iterable[str], packages: tuple[str, ...] = _ANALYSIS_PACKAGES) -> str:
    """A hex digest naming one result of ``kind`` computed from ``parts`` by the code of ``packages``."""
    import hashlib

    digest = hashlib.sha256()
    for piece in (kind, _fingerprint(packages), *parts):
        data = piece.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def document_parts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """What an analysis of ``doc`` depends on: its id, title (cleaning uses it) and capture."""
    return [doc.id, doc.title, str(doc.first_body_line), doc.source]


def cached(kind: str, parts: Iterable[str], compute: Callable[[], T]) -> T:
    """The stored result for ``(kind, parts)``, or ``compute()`` stored for next time."""
    base = folder()
    if base is None:
        return compute()
    path = base / kind / f"{key(kind, parts)}.pickle"
    import pickle

    if trusted(path):
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 - only files this user wrote (see trusted)
        except Exception:  # noqa: BLE001 - a corrupt or stale entry of any kind is recomputed
            pass
    value = compute()
    private_folder(base / kind)
    from tui.infra.atomic import write_atomic
    from tui.infra.errors import AccordError

    try:
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), force=True)
    except (AccordError, OSError, pickle.PicklingError, RecursionError):
        pass  # an unwritable cache folder costs time, never a result
    return value


# A finished output depends on the code that renders it as well: every module of the package.
_OUTPUT_PACKAGES = (".", "infra", "vocabulary", "documents", "analysis", "render")
_OUTPUT_MAGIC = b"accord-output 1 "


def read_output(kind: str, parts: Iterable[str]) -> tuple[str, bool] | None:
    """The stored ``(text, flag)`` of a command's output for ``(kind, parts)``, if any."""
    base = folder()
    if base is None:
        return None
    path = base / kind / f"{key(kind, parts, _OUTPUT_PACKAGES)}.out"
    if trusted(path):
        try:
            data = path.read_bytes()
            if data.startswith(_OUTPUT_MAGIC) and data[len(_OUTPUT_MAGIC):len(_OUTPUT_MAGIC) + 2] in (b"0\n", b"1\n"):
                flag = data[len(_OUTPUT_MAGIC)] == ord("1")
                return data[len(_OUTPUT_MAGIC) + 2:].decode("utf-8", "surrogatepass"), flag
        except (OSError, UnicodeDecodeError):
            pass
    return None


def write_output(kind: str, parts: Iterable[str], text: str, flag: bool) -> None:
    """Store a command's finished output for ``(kind, parts)``; an unwritable cache is ignored."""
    base = folder()
    if base is None:
        return
    path = base / kind / f"{key(kind, parts, _OUTPUT_PACKAGES)}.out"
    private_folder(base / kind)
    from tui.infra.atomic import write_atomic
    from tui.infra.errors import AccordError

    try:
        payload = _OUTPUT_MAGIC + (b"1\n" if flag else b"0\n") + text.encode("utf-8", "surrogatepass")
        write_atomic(path, payload, force=True)
    except (AccordError, OSError, UnicodeEncodeError):
        pass


def cached_output(kind: str, parts: Iterable[str], produce: Callable[[], tuple[str, bool]]) -> tuple[str, bool]:
    """The stored ``(text, flag)`` of a command's output for ``(kind, parts)``, or ``produce()``'s,
    stored for next time. ``parts`` must name everything the output depends on (the inputs of the
    result, the options, the width, colour); the key also covers the code of the whole package."""
    parts = list(parts)
    found = read_output(kind, parts)
    if found is not None:
        return found
    text, flag = produce()
    write_output(kind, parts, text, flag)
    return text, flag

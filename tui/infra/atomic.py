"""Atomic file writes: temporary file in the same folder, fsync, then link or ``os.replace``."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from tui.infra.errors import AccordError
from tui.infra.safety import one_line


def _exists(path: Path) -> bool:
    return os.path.lexists(path)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The data goes to a temporary file in the same folder, is flushed and
    fsynced, and only then takes the target's name. Without ``force`` an
    existing file (or symlink) is never replaced, even if it appears while we
    write: the temporary file is hard-linked to the name, which fails if the
    name is taken. With ``force`` it replaces the target with ``os.replace``
    (keeping the old file's permission bits). On any error or interrupt the
    temporary file is removed and the original is left byte-identical.
    """
    path = Path(path)
    shown = one_line(str(path))
    if _exists(path) and not force:
        raise AccordError(f"{shown}: already exists (use --force to overwrite)")
    if _exists(path) and os.path.isdir(path):
        raise AccordError(f"{shown}: is a folder")
    if _exists(path) and os.path.exists(path) and not os.path.isfile(path):
        # /dev/stdout, a FIFO, a device: replacing the name would not write to it, it would destroy it.
        raise AccordError(f"{shown}: not a regular file (write to a file, or leave out --output)")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AccordError(f"{one_line(str(folder))}: cannot create folder ({exc.strerror})") from None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode) if force and path.is_file() else _default_mode()
    except OSError:
        mode = _default_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AccordError(f"{shown}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            try:
                os.fchmod(handle.fileno(), mode)
            except OSError:
                pass
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path, shown)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise AccordError(f"{shown}: cannot write ({exc.strerror or exc})") from None
        raise
    _sync_folder(folder)


def _link_new(tmp: str, path: Path, shown: str) -> None:
    """Give ``tmp`` the name ``path`` only if that name is free, then drop ``tmp``."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise AccordError(f"{shown}: already exists (use --force to overwrite)") from None
    except OSError:
        # No hard links here (some network or FAT file systems): fall back to a checked replace.
        if _exists(path):
            raise AccordError(f"{shown}: already exists (use --force to overwrite)") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)

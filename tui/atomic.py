"""Atomic file writes: temporary file in the same folder, fsync, ``os.replace``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tui.errors import AccordError


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Refuses to replace an existing file unless ``force``. On any error the
    temporary file is removed and the original is left byte-identical.
    """
    path = Path(path)
    if path.exists() and not force:
        raise AccordError(f"{path}: already exists (use --force to overwrite)")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AccordError(f"{folder}: cannot create folder ({exc.strerror})") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AccordError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise AccordError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
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

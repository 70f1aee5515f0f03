"""Where corpus documents are read from, importing nothing of the document model.

The embedded corpus, the user's folder (where ``accord add`` writes) and ``ACCORD_CORPUS``; and
:func:`snapshot`, a digest of every corpus file's bytes, which lets a command find its finished
output in the cache before it parses a single document.
"""

from __future__ import annotations

import os
from pathlib import Path

SUFFIXES = (".txt", ".md")


def embedded_folder() -> Path:
    """The corpus shipped with accord (inside the wheel, or the repository's ``corpus/``)."""
    package = Path(__file__).resolve().parent.parent  # tui/
    packaged = package / "_corpus"
    if packaged.is_dir():
        return packaged
    return package.parent / "corpus"


def user_folder() -> Path:
    """The user's own corpus folder, where ``accord add`` writes by default."""
    from tui.infra.paths import user_data_path

    return user_data_path() / "corpus"


def env_folders() -> list[Path]:
    """The folders named by ``ACCORD_CORPUS`` (``dir1:dir2``, like repeated ``--corpus``), if any."""
    env = os.environ.get("ACCORD_CORPUS", "").strip()
    return [Path(p) for p in env.split(os.pathsep) if p]


def default_folders() -> list[Path]:
    """Folders read when none is named: ``ACCORD_CORPUS`` or the embedded and user corpora."""
    env = env_folders()
    if env:
        return env
    folders = [embedded_folder()]
    user = user_folder()
    if user.is_dir():
        folders.append(user)
    return folders


def corpus_files(folder: Path) -> list[Path]:
    """The corpus files of ``folder`` in the order they are read (hidden files and other suffixes
    skipped); raises ``OSError`` when the folder cannot be listed."""
    return [p for p in sorted(folder.iterdir()) if not p.name.startswith(".") and p.suffix.lower() in SUFFIXES]


def snapshot(folders: list[Path], max_bytes: int) -> str | None:
    """A digest of every corpus file of ``folders`` (its path and its exact bytes), or None when a
    folder or file cannot be read or a file is over ``max_bytes``: the caller then loads the corpus
    properly, which reports the problem. Files are hashed as they are read; none is kept."""
    import hashlib

    digest = hashlib.sha256()

    def feed(item: bytes) -> None:  # length-prefixed: no two corpora hash alike by shifting bytes
        digest.update(len(item).to_bytes(8, "big"))
        digest.update(item)

    try:
        for folder in folders:
            feed(f"folder:{folder}".encode("utf-8", "surrogatepass"))
            for path in corpus_files(folder):
                if path.stat().st_size > max_bytes:
                    return None
                feed(str(path).encode("utf-8", "surrogatepass"))
                feed(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()

"""What the app remembers between runs (theme, compare layout) in the platform's config folder.

``settings.json`` in ``platformdirs.user_config_path("accord")`` (``ACCORD_CONFIG_DIR`` moves it).
A missing, unreadable or corrupt file reads as no settings; a failed write is reported, never raised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tui.infra.atomic import write_atomic

KNOWN = {"theme": str, "layout": str}
LAYOUTS = ("split", "unified")


def config_dir() -> Path:
    """Where accord keeps its settings (and screenshots when there is no Downloads folder)."""
    override = os.environ.get("ACCORD_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("accord")


class Settings:
    """A small JSON mapping of known keys; ``problem`` says why a file could not be read."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / "settings.json"
        self.values: dict[str, Any] = {}
        self.problem: str | None = None
        self.load()

    def load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"could not read {self.path}: {exc.strerror or exc}"
            return
        try:
            data = json.loads(raw[:65536].decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self.problem = f"ignored a corrupt settings file {self.path}"
            return
        if not isinstance(data, dict):
            self.problem = f"ignored a corrupt settings file {self.path}"
            return
        self.values = {k: v for k, v in data.items() if k in KNOWN and isinstance(v, KNOWN[k])}
        if self.values.get("layout") not in (None, *LAYOUTS):
            self.values.pop("layout")

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def set(self, name: str, value: Any) -> str | None:
        """Remember ``name`` (``None`` forgets it); return a problem message if it could not be saved."""
        if value is None:
            self.values.pop(name, None)
        else:
            self.values[name] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps(self.values, indent=2, sort_keys=True).encode("utf-8") + b"\n"
            write_atomic(self.path, data, force=True)
        except Exception as exc:  # noqa: BLE001 - a read-only config folder must not take the app down
            return f"could not save settings to {self.path}: {exc}"
        return None

"""One document's members of a pledge group, worded against the group's first member."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.sentences import GLYPHS
from tui.safety import visible


def word_diff(base: str, text: str, insert: Style | str, delete: Style | str) -> Text:
    """``text`` with the words it adds to ``base`` styled ``insert``, and the words of ``base`` it drops struck."""
    old, new = base.split(), text.split()
    out = Text()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            out.append(visible(" ".join(old[i1:i2])), style=delete)
            out.append(" ")
        if op in ("insert", "replace", "equal"):
            out.append(visible(" ".join(new[j1:j2])), style=insert if op != "equal" else "")
            out.append(" ")
    out.rstrip()
    return out


class WitnessList(OptionList):
    """Members (``Pledge`` objects) of one document; option ids are ``doc_id\\0index``."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"witness--insert", "witness--delete", "witness--head"}

    def __init__(self, members: Sequence[Any], base: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.members = list(members)
        self.base = base

    def on_mount(self) -> None:
        self.rebuild()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def rebuild(self) -> None:
        """Render the members with the theme's insert/delete styles."""
        insert = self.get_component_rich_style("witness--insert", partial=True)
        delete = self.get_component_rich_style("witness--delete", partial=True)
        head = self.get_component_rich_style("witness--head", partial=True)
        options = []
        for p in self.members:
            text = Text(f"{GLYPHS.get(p.strength, '•')} {p.strength} · sentence {p.index + 1}", style=head)
            text.append("\n")
            if self.base is None or p is self.base:
                text.append(visible(p.text))
            else:
                text.append_text(word_diff(self.base.text, p.text, insert, delete))
            options.append(Option(text, id=f"{p.doc_id}\x00{p.index}\x00{getattr(p, 'start', 0)}"))
        self.set_options(options)
        if options:
            self.highlighted = 0

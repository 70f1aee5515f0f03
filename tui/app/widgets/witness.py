"""One document's members of a pledge group, worded against the group's first member."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.sentences import GLYPHS
from tui.app.widgets.styles import component_style
from tui.infra.safety import visible


def word_diff(base: str, text: str, variant: Style | str) -> Text:
    """``text`` exactly as its document words it, with the words that ``base`` lacks styled ``variant``.

    A multi-witness view: each column reads as its own sentence, and what it
    says differently from the group's first member stands out.
    """
    old, new = base.split(), text.split()
    out = Text()
    matcher = difflib.SequenceMatcher(None, [w.casefold() for w in old], [w.casefold() for w in new],
                                      autojunk=False)
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if j2 > j1:
            if out:
                out.append(" ")
            out.append(visible(" ".join(new[j1:j2])), style=variant if op != "equal" else "")
    return out


_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\s*$")


class WitnessList(OptionList):
    """Members (``Pledge`` objects) of one document; option ids are ``doc_id\\0index``.

    ``base`` is the wording each member is marked against (the one before it in time), or
    ``None`` for the first witness.
    """

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"witness--insert", "witness--head"}

    def __init__(self, members: Sequence[Any], base: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.members = list(members)
        self.base = base

    def on_mount(self) -> None:
        self.rebuild()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.rebuild())

    def rebuild(self) -> None:
        """Render the members, their variant words in the theme's insert style."""
        insert = component_style(self, "witness--insert")
        head = component_style(self, "witness--head")
        options = []
        for p in self.members:
            text = Text(f"{GLYPHS.get(p.strength, '•')} {p.strength} · sentence {p.index}", style=head)
            text.append("\n")
            start = getattr(p, "start", 0)
            if start:
                text.append("… ")  # a clause of the sentence: the words before it belong to another pledge
            if self.base is None or p is self.base or self.base.text == p.text:
                text.append(visible(p.text))
            else:
                text.append_text(word_diff(self.base.text, p.text, insert))
            if not _ENDS_SENTENCE.search(p.text):
                text.append(" …")  # the sentence goes on after this clause
            options.append(Option(text, id=f"{p.doc_id}\x00{p.index}\x00{getattr(p, 'start', 0)}"))
        self.set_options(options)
        if options:
            self.highlighted = 0

"""The wrapping behind the reader and compare lists: greedy, width-bound, lossless."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from tests.app.conftest import settle
from tui.app.widgets.wraplist import Column, Item, WrapList, wrap_ranges


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_ranges(text, width)]


def test_words_wrap_greedily():
    assert _lines("the two sides agreed to cooperate", 12) == ["the two", "sides agreed", "to cooperate"]


def test_long_word_is_cut_and_indentation_kept():
    assert _lines("ab " + "x" * 12 + " cd", 5) == ["ab", "xxxxx", "xxxxx", "xx cd"]
    assert _lines("   4 ●2", 8) == ["   4 ●2"]


def test_newlines_and_wide_characters():
    assert _lines("one\n\ntwo", 10) == ["one", "", "two"]
    assert _lines("越南 俄罗斯 合作", 6) == ["越南", "俄罗斯", "合作"]


@given(st.text(alphabet=st.sampled_from("ab 界\n"), max_size=200), st.integers(min_value=2, max_value=30))
def test_wrap_is_lossless_and_bounded(text, width):
    lines = _lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(text.split()) == "".join("".join(line.split()) for line in lines)


async def test_cells_of_an_item_wrap_to_the_same_height():
    from textual.app import App, ComposeResult

    class Demo(App):
        def compose(self) -> ComposeResult:
            yield WrapList(columns=(Column(3), Column(), Column()), id="demo")

    app = Demo()
    async with app.run_test(size=(40, 10)) as pilot:
        wrap = app.query_one(WrapList)
        wrap.set_items([
            Item("a", (Text("~"), Text("short"), Text("a much longer right side that wraps " * 2))),
            Item("b", (Text("+"), Text(""), Text("added")), gap_after=True),
            Item("c", (Text("-"), Text("removed"), Text("")), selectable=False),
        ])
        await settle(pilot)
        lines = wrap.plain_lines()
        height = wrap._heights[0]
        assert height > 1 and lines[0].startswith("~") and "short" in lines[0]
        assert all(not line.startswith(("+", "-")) for line in lines[1:height])
        await pilot.press("down", "down")
        assert wrap.highlighted_item.key == "b"  # the cursor skips the unselectable item
        await pilot.click(WrapList, offset=(5, 0))
        assert wrap.highlighted_item.key == "a"


async def test_a_cells_own_style_and_zebra_rows_are_painted():
    from rich.style import Style
    from textual.app import App, ComposeResult

    class Demo(App):
        CSS = "WrapList > .wraplist--zebra { background: #203040; }"

        def compose(self) -> ComposeResult:
            yield WrapList(columns=(Column(8), Column()), zebra=True, id="demo")

    app = Demo()
    async with app.run_test(size=(40, 10)) as pilot:
        wrap = app.query_one(WrapList)
        wrap.set_items([Item(k, (Text("status", style="bold red"), Text(k))) for k in ("a", "b", "c")])
        await settle(pilot)
        wrap.blur()
        await settle(pilot)
        rows = [wrap._render_row(n, 0, False, 30, Style()) for n in range(3)]
        first = next(s for s in rows[0] if s.text.strip() == "status")
        assert first.style.bold and first.style.color.name == "red"  # Text.render alone drops it
        backgrounds = [next(s for s in r if s.text.strip() == "status").style.bgcolor for r in rows]
        assert backgrounds[0] == backgrounds[2] != backgrounds[1]

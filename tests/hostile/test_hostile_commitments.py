"""``accord commitments`` (matrix and --explain) and ``show`` pledge marks on hostile documents."""

from __future__ import annotations

import json
import re

import pytest

from .harness import assert_clean, assert_one_line_error, corpus_file, raw_controls, run

PLEDGES = [
    "The two sides will \x1b[31mstrengthen\x1b[0m cooperation in oil and gas exploration \u202e on the shelf.",
    "They pledged to [link=http://evil]uphold[/link] freedom of navigation in the East Sea <script>x</script>.",
    "Both countries committed to boosting trade\x9b to 10 billion USD \x1b]8;;http://e\x1b\\now\x1b]8;;\x1b\\.",
]
TITLE = "Doc \\u001b[2J \\u202e [bold]x[/bold]"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pledges")
    for i in range(1, 4):
        body = "\n\n".join(PLEDGES[: i + 0] if i < 3 else PLEDGES) + "\n"
        data = corpus_file(body, doc_id=f"d{i}", title=TITLE).replace(
            b"date = 2024-06-20", f'date = 2024-0{i}-01\noutlet = "Evil \\u202e [b]x[/b] \\u0007"'.encode())
        (folder / f"d{i}.txt").write_bytes(data)
    return str(folder)


@pytest.fixture(scope="module")
def matrix(folder):
    res = run(["--corpus", folder, "commitments", "--format", "json"])
    assert res.code == 0, res.err
    assert raw_controls(res.out_bytes) == []
    return json.loads(res.out)


def test_hostile_pledges_are_found(matrix):
    """The fixture really exercises the renderers: hostile sentences form pledge groups."""
    assert len(matrix["groups"]) >= 2


@pytest.mark.parametrize("args", [[], ["--width", "60"], ["--min-docs", "2"], ["--format", "markdown"]],
                         ids=["text", "narrow", "min-docs", "markdown"])
def test_matrix_is_clean(folder, args):
    res = run(["--corpus", folder, "commitments", *args])
    assert res.code == 0, res.err
    assert_clean(res)
    colour = run(["--color", "always", "--corpus", folder, "commitments", *args])
    assert_clean(colour, allow_sgr=True)
    assert re.findall(r"\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]", colour.out) == []


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_explain_every_group(folder, matrix, fmt):
    for group in matrix["groups"]:
        res = run(["--corpus", folder, "commitments", "--explain", group["id"], "--format", fmt])
        assert res.code == 0, res.err
        if fmt == "json":
            assert raw_controls(res.out_bytes) == []
            data = json.loads(res.out)
            texts = json.dumps(data, ensure_ascii=False)
            assert any(p.split()[2] in texts for p in PLEDGES)
        else:
            assert_clean(res)
            shown = ("\\x1b", "<U+202E>", "\\x9b", "[link=http://evil]uphold", "\\[link=http\\://evil\\]uphold")
            assert any(token in res.out for token in shown), res.out


def test_json_keeps_member_text_exactly(matrix, folder):
    for group in matrix["groups"]:
        res = run(["--corpus", folder, "commitments", "--explain", group["id"], "--format", "json"])
        found = set(re.findall(r'"text": "((?:[^"\\]|\\.)*)"', res.out))
        for raw in found:
            text = json.loads(f'"{raw}"')
            assert any(text in p or p in text for p in PLEDGES), ascii(text)


def test_show_with_pledge_marks(folder):
    for fmt in ("text", "markdown"):
        res = run(["--corpus", folder, "show", "d3", "--format", fmt])
        assert res.code == 0, res.err
        assert_clean(res)
    data = json.loads(run(["--corpus", folder, "show", "d3", "--format", "json"]).out)
    assert [s["text"] for s in data["sentences"]] == PLEDGES


@pytest.mark.parametrize("args,message", [
    (["--explain", "\x1b]8;;http://evil\x1b\\x"], r"\\x1b\]8;;http://evil\\x1b"),
    (["--theme", "\u202eevil\x07"], r"'<U\+202E>evil\\x07' is not a theme"),
])
def test_hostile_arguments(folder, args, message):
    res = run(["--corpus", folder, "commitments", *args])
    assert re.search(message, assert_one_line_error(res))
    assert_clean(res)

"""The result cache: same results as computing, recomputed when anything they depend on changes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.infra import cache


def _entries(folder):
    return sorted(folder.rglob("*.pickle"))


def test_cached_returns_the_computed_value_then_reads_it(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return {"answer": [1, 2, 3]}

    assert cache.cached("t", ["a", "b"], compute) == {"answer": [1, 2, 3]}
    assert cache.cached("t", ["a", "b"], compute) == {"answer": [1, 2, 3]}
    assert len(calls) == 1
    assert len(_entries(tmp_path)) == 1
    cache.cached("t", ["a", "c"], compute)  # other inputs, other entry
    assert len(calls) == 2


def test_key_separates_parts_unambiguously():
    assert cache.key("k", ["ab", "c"]) != cache.key("k", ["a", "bc"])
    assert cache.key("k", ["x"]) != cache.key("other", ["x"])


def test_corrupt_entry_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    cache.cached("t", ["p"], lambda: 1)
    (entry,) = _entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert cache.cached("t", ["p"], lambda: 2) == 2


def test_unwritable_folder_still_computes(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("t", ["p"], lambda: 5) == 5


def test_no_cache_switch(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("ACCORD_NO_CACHE", "1")
    assert cache.folder() is None
    cache.cached("t", ["p"], lambda: 1)
    assert _entries(tmp_path) == []


def test_compare_from_cache_equals_fresh_compare(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    runner = CliRunner()
    first = runner.invoke(cli, ["compare", "--format", "json"])
    assert first.exit_code == 0, first.output
    assert len(_entries(tmp_path)) == 1
    second = runner.invoke(cli, ["compare", "--format", "json"])
    monkeypatch.setenv("ACCORD_NO_CACHE", "1")
    fresh = runner.invoke(cli, ["compare", "--format", "json"])
    assert json.loads(first.output) == json.loads(second.output) == json.loads(fresh.output)
    assert json.loads(first.output)["rows"]


def test_edited_document_is_not_served_from_cache(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    head = '+++\nid = "{id}"\ntitle = "T {id}"\ndate = 2024-01-0{n}\nkind = "joint-statement-report"\n+++\n'
    (corpus / "a.txt").write_text(head.format(id="a", n=1) + "Both sides agreed to build a nuclear centre.\n")
    (corpus / "b.txt").write_text(head.format(id="b", n=2) + "Both sides agreed to build a nuclear centre.\n")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    before = json.loads(runner.invoke(cli, ["--corpus", str(corpus), "compare", "--format", "json"]).output)
    assert before["summary"]["unchanged"] == 1
    (corpus / "b.txt").write_text(head.format(id="b", n=2) + "Both sides pledged to expand oil and gas trade.\n")
    after = json.loads(runner.invoke(cli, ["--corpus", str(corpus), "compare", "--format", "json"]).output)
    assert after["summary"]["unchanged"] == 0
    assert any(r["right"] and r["right"]["text"].startswith("Both sides pledged") for r in after["rows"])


_HEAD = '+++\nid = "{id}"\ntitle = "T {id}"\ndate = 2024-01-0{n}\nkind = "joint-statement-report"\n+++\n'


def _two_documents(folder):
    folder.mkdir()
    (folder / "a.txt").write_text(_HEAD.format(id="a", n=1) + "Both sides agreed to build a nuclear centre.\n")
    (folder / "b.txt").write_text(_HEAD.format(id="b", n=2) + "Both sides agreed to build a power plant.\n")


def test_repeat_compare_is_served_before_any_document_is_parsed(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _two_documents(corpus)
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    args = ["--corpus", str(corpus), "compare", "--width", "100"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0 and list((tmp_path / "cache" / "compare-raw").glob("*.out"))

    def no_parsing(*a, **k):
        raise AssertionError("the corpus was parsed")

    monkeypatch.setattr("tui.documents.corpus.load_corpus", no_parsing)
    second = runner.invoke(cli, args)
    assert second.exit_code == 0 and second.output == first.output
    # a document added to the folder is a different corpus: parsed again (and now the default pair moves)
    (corpus / "c.txt").write_text(_HEAD.format(id="c", n=3) + "Both sides agreed to open a consulate.\n")
    third = runner.invoke(cli, args)
    assert isinstance(third.exception, AssertionError)


def test_corpus_with_a_bad_file_warns_every_time(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    _two_documents(corpus)
    (corpus / "broken.txt").write_text("+++\nid = \"broken\"\n")  # front matter never closed
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(cli, ["--corpus", str(corpus), "compare"])
        assert result.exit_code == 0
        assert "broken.txt" in result.stderr and "skipped" in result.stderr
    assert not (tmp_path / "cache" / "compare-raw").exists()


@pytest.mark.parametrize("args", [["show", "a"], ["commitments"], ["commitments", "--format", "json"]])
def test_repeat_show_and_commitments_are_served_before_parsing(tmp_path, monkeypatch, args):
    corpus = tmp_path / "corpus"
    _two_documents(corpus)
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    first = runner.invoke(cli, ["--corpus", str(corpus), *args])
    assert first.exit_code == 0, first.output

    def no_parsing(*a, **k):
        raise AssertionError("the corpus was parsed")

    monkeypatch.setattr("tui.documents.corpus.load_corpus", no_parsing)
    second = runner.invoke(cli, ["--corpus", str(corpus), *args])
    assert second.exit_code == 0 and second.output == first.output
    (corpus / "b.txt").write_text(_HEAD.format(id="b", n=2) + "Both sides pledged to expand oil trade.\n")
    assert isinstance(runner.invoke(cli, ["--corpus", str(corpus), *args]).exception, AssertionError)

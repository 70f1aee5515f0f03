"""The ``accord`` command line: thin commands over the core.

Every command prints to stdout in ``--format text|markdown|json`` (some add
``html``). User errors are one line on stderr with exit code 2; the Textual
app is imported only when it is asked for.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from tui import __version__
from tui.infra.errors import AccordError, InputError

EXIT_OK, EXIT_DIFFERENT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

FORMATS = click.Choice(["text", "markdown", "json"], case_sensitive=False)
# Widths above MAX_WIDTH are clamped: padding a side-by-side table to --width 10**9 would exhaust memory.
MAX_WIDTH = 1000
WIDTH = click.IntRange(min=20, max=MAX_WIDTH, max_open=False, clamp=True)


class Settings:
    """Options of the ``accord`` group, shared by every command (a plain class: importing
    ``dataclasses`` would cost the cached path ~15 ms)."""

    def __init__(self, corpus: tuple[Path, ...] = (), max_bytes: int = 10 * 1024 * 1024,
                 encoding: str | None = None, color: str = "auto", pager: bool = True) -> None:
        self.corpus = corpus
        self.max_bytes = max_bytes
        self.encoding = encoding
        self.color = color
        self.pager = pager

    def load(self):  # type: ignore[no-untyped-def]
        """Load the corpus, printing a one-line warning for each file that failed."""
        from tui.documents.corpus import load_corpus
        from tui.infra.safety import one_line

        corpus = load_corpus(list(self.corpus) or None, self.max_bytes, self.encoding)
        for err in corpus.errors:
            click.echo(f"accord: warning: {one_line(str(err))} (skipped)", err=True)
        return corpus

    def color_for(self, stream=None) -> bool:  # type: ignore[no-untyped-def]
        """Whether to style text output: --color, NO_COLOR, FORCE_COLOR, TERM=dumb, a terminal."""
        if self.color == "always":
            return True
        if self.color == "never":
            return False
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        if os.environ.get("TERM") == "dumb":
            return False
        stream = stream or sys.stdout
        return bool(getattr(stream, "isatty", lambda: False)())

    def width(self, requested: int | None) -> int:
        """Output width: ``--width``, else the terminal's, else 100 when piped."""
        if requested:
            return min(MAX_WIDTH, max(20, requested))
        if sys.stdout.isatty():
            try:
                return min(MAX_WIDTH, max(20, os.get_terminal_size(sys.stdout.fileno()).columns))
            except (OSError, ValueError):
                return 100
        return 100


    def write(self, text: str) -> None:
        """Write finished output to stdout, through the pager on a terminal."""
        if self.pager and _stdout_is_terminal():
            from tui.pager import page

            if page(text):
                return
        sys.stdout.write(text)
        sys.stdout.flush()

    def render(self, lines) -> str:  # type: ignore[no-untyped-def]
        """Styled lines as the text to write: plain, or coloured (see :meth:`color_for`)."""
        from tui.render.styled import plain_text, styled_text

        return styled_text(lines) if self.color_for() else plain_text(lines)

    def emit(self, lines, width: int) -> None:  # type: ignore[no-untyped-def]
        """Write styled lines (plain or coloured, in one write), through the pager on a terminal."""
        self.write(self.render(lines))


def _stored(settings: Settings, kind: str, options: list[str]) -> tuple[list[str] | None, tuple[str, bool] | None]:
    """A repeat run's finished output, found by the corpus files' exact bytes and ``options`` before
    any document is parsed: ``(key parts, (text, flag) or None)``; no key parts when the corpus
    cannot be read as is (the command then loads it properly and reports why)."""
    from tui.infra.cache import folder, read_output

    if folder() is None:  # the cache is off: no digest of the corpus files to compute
        return None, None
    raw = _raw_parts(settings)
    if raw is None:
        return None, None
    raw = [kind, *options, *raw]
    return raw, read_output(f"{kind}-raw", raw)


def _keep(kind: str, raw: list[str] | None, corpus, text: str, flag: bool) -> None:  # type: ignore[no-untyped-def]
    """Store a finished output under its corpus-bytes key (never when a corpus file failed: its
    warning must show on every run)."""
    if raw is not None and not corpus.errors:
        from tui.infra.cache import write_output

        write_output(f"{kind}-raw", raw, text, flag)


def _raw_parts(settings: Settings) -> list[str] | None:
    """Key parts naming the corpus a command reads by its files' exact bytes and the reading
    options (None when a folder or file cannot be read as is: the command then loads it properly)."""
    from tui.documents.folders import default_folders, snapshot

    digest = snapshot(list(settings.corpus) or default_folders(), settings.max_bytes)
    return None if digest is None else [repr(settings.max_bytes), repr(settings.encoding), digest]


def _output_parts(docs) -> list[str]:  # type: ignore[no-untyped-def]
    """What a command's finished output depends on for ``docs``: the analysis inputs, the metadata
    and the path shown."""
    from tui.infra.cache import document_parts

    return [p for d in docs for p in (*document_parts(d), repr(d.meta), str(d.path))]


def _stdout_is_terminal() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError, OSError):
        return False


pass_settings = click.make_pass_decorator(Settings, ensure=True)


class _PipeClosed(Exception):
    """stdout's reader went away (click would turn a BrokenPipeError into exit 1)."""


class _Group(click.Group):
    """The accord group: a closed pipe during parsing (--help) or a command ends quietly."""

    def make_context(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError as exc:
            raise _PipeClosed from exc

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PipeClosed from exc


def _finite_option(ctx, param, value):  # type: ignore[no-untyped-def]
    """FloatRange lets 'nan' through (every comparison with NaN is false)."""
    if value is not None and value != value:
        raise click.BadParameter("nan is not a number")
    return value


def _check_encoding(ctx, param, value):  # type: ignore[no-untyped-def]
    from tui.documents.textio import check_encoding

    try:
        return check_encoding(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _emit_lines(settings: Settings, lines, width: int) -> None:  # type: ignore[no-untyped-def]
    settings.emit(lines, width)


def _add_corpus(ctx: click.Context, param: click.Parameter, value: tuple[Path, ...]) -> None:
    """``--corpus`` after a command name adds to the global ``--corpus`` folders."""
    if value:
        settings = ctx.ensure_object(Settings)
        settings.corpus = tuple(settings.corpus) + tuple(value)


corpus_option = click.option(
    "--corpus", multiple=True, type=click.Path(path_type=Path, file_okay=False), expose_value=False,
    callback=_add_corpus, help="Read documents from this folder (repeatable; same as the global --corpus).")
"""``--corpus`` accepted after the command name too (``accord list --corpus DIR``)."""


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    "corpus",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Read documents from this folder instead of the embedded and user corpora "
    "(repeatable; also ACCORD_CORPUS).",
)
@click.option("--max-bytes", type=click.IntRange(min=1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse documents larger than this many bytes, before reading them.")
@click.option("--encoding", default=None, callback=_check_encoding, help="Decode documents with this encoding instead of UTF-8.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Style text output (auto: on a terminal, unless NO_COLOR or TERM=dumb).")
@click.option("--no-pager", is_flag=True,
              help="Never page: on a terminal, output goes through $ACCORD_PAGER, else $PAGER, else 'less -FRX' "
              "(PAGER='' or cat turns paging off; piped output is never paged).")
@click.version_option(__version__, prog_name="accord")
@click.pass_context
def cli(ctx: click.Context, corpus: tuple[Path, ...], max_bytes: int, encoding: str | None, color: str,
        no_pager: bool) -> None:
    """accord: read and compare diplomatic statements.

    Aligns sentences by meaning, shows what changed between two statements,
    and groups the pledges that recur across all of them.

    \b
    Examples:
      accord list
      accord show nhandan
      accord compare
      accord commitments --min-docs 2

    With no command on a terminal, accord opens the app (``accord browse``).
    """
    ctx.obj = Settings(corpus=corpus, max_bytes=max_bytes, encoding=encoding, color=color, pager=not no_pager)
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            ctx.invoke(browse)
        else:
            click.echo(ctx.get_help())


@cli.command("list")
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "csv"], case_sensitive=False),
              default="text", show_default=True, help="Output format (csv: one row per document).")
@click.option("--width", type=WIDTH, default=None, help="Text width (default: terminal).")
@pass_settings
def list_cmd(settings: Settings, fmt: str, width: int | None) -> None:
    """List the documents of the corpus, oldest first.

    \b
    Example:
      accord list --format json
      accord list --format csv > documents.csv
    """
    from tui.render import documents as view

    docs = settings.load().documents
    fmt = fmt.lower()
    if fmt == "csv":
        settings.write(view.list_csv(docs))
    elif fmt == "json":
        settings.write(view.list_json(docs))
    elif fmt == "markdown":
        settings.write(view.list_markdown(docs))
    else:
        w = settings.width(width)
        _emit_lines(settings, view.list_text(docs, w), w)


@cli.command("show")
@corpus_option
@click.argument("doc_id", metavar="ID")
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True, help="Output format.")
@click.option("--removed", is_flag=True, help="List what cleaning removed from the capture, and why (JSON always has it).")
@click.option("--width", type=WIDTH, default=None, help="Text width (default: terminal).")
@pass_settings
def show(settings: Settings, doc_id: str, fmt: str, removed: bool, width: int | None) -> None:
    """Show one document's clean text, sentence by sentence (ID or a unique prefix).

    \b
    Examples:
      accord show vgp
      accord show nhandan --removed
    """
    from tui.infra.cache import cached_output

    fmt = fmt.lower()
    w = settings.width(width) if fmt == "text" else None
    color = settings.color_for() if fmt == "text" else False
    raw, found = _stored(settings, "show", [doc_id, fmt, repr(removed), repr(w), repr(color)])
    if found is not None:
        settings.write(found[0])
        return
    corpus = settings.load()
    doc = corpus.get(doc_id)

    def produce() -> tuple[str, bool]:
        from tui.analysis.parties import of_document
        from tui.render import documents as view

        marks = _pledge_marks(corpus, doc)
        who = of_document(doc).parties
        if fmt == "json":
            return view.show_json(doc, marks, who), False
        if fmt == "markdown":
            return view.show_markdown(doc, removed=removed, marks=marks, parties=who), False
        return settings.render(view.show_text(doc, w, removed=removed, marks=marks, parties=who)), False

    parts = [doc.id, fmt, repr(removed), repr(w), repr(color), *_output_parts(corpus.documents)]
    text, _ = cached_output("show-output", parts, produce)
    _keep("show", raw, corpus, text, False)
    settings.write(text)


def _pledge_marks(corpus, doc):  # type: ignore[no-untyped-def]
    """Pledge annotations for ``accord show``: strength, group, recurrence in other documents."""
    from tui.render.commitments import sentence_marks

    return sentence_marks(corpus.documents, doc, _find_commitments(corpus.documents))


def _find_commitments(docs):  # type: ignore[no-untyped-def]
    """Pledge groups of ``docs``, from the result cache when the documents are unchanged."""
    from tui.infra.cache import cached, document_parts

    def run():  # type: ignore[no-untyped-def]
        from tui.analysis.commitments import find_commitments

        return find_commitments(docs)

    return cached("commitments", [p for d in docs for p in document_parts(d)], run)


@cli.command("commitments")
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "csv", "html"], case_sensitive=False),
              default="text", show_default=True,
              help="Output format (csv: one row per group and document, for spreadsheets; html: one page with "
              "the matrix and each group's wordings side by side).")
@click.option("--min-docs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Show only pledges found in at least this many documents.")
@click.option("--theme", default=None, help="Show only one theme (e.g. maritime, trade, energy, nuclear).")
@click.option("--explain", "explain_ref", default=None, metavar="GROUP",
              help="Explain one group (id or unique prefix): members, shared terms, pairwise scores.")
@click.option("--width", type=WIDTH, default=None, help="Text width (default: terminal).")
@pass_settings
def commitments_cmd(settings: Settings, fmt: str, min_docs: int, theme: str | None, explain_ref: str | None,
                    width: int | None) -> None:
    """Group the same pledge across all documents: a matrix of pledges x documents.

    Each cell shows the pledge's strength in that document (pledge / support /
    intent); the status tells what persists, what is new, what was dropped.

    \b
    Examples:
      accord commitments --min-docs 2
      accord commitments --theme maritime --format markdown
      accord commitments --explain maritime
      accord commitments --format csv > pledges.csv
      accord commitments --min-docs 2 --format html > pledges.html
    """
    from tui.infra.cache import cached_output

    if theme is not None and theme.replace("-", " ").strip().casefold() not in _THEMES:
        raise click.BadParameter(f"'{theme}' is not a theme (choose from: {', '.join(_THEMES)})",
                                 param_hint="--theme")
    fmt = fmt.lower()
    if explain_ref is not None and fmt in ("csv", "html"):
        raise click.UsageError(f"--explain prints text, markdown or json, not {fmt}")
    w = settings.width(width)
    color = settings.color_for() if fmt == "text" else False
    options = [fmt, repr(min_docs), repr(theme), repr(explain_ref), repr(w if fmt == "text" else None), repr(color)]
    raw, found = _stored(settings, "commitments", options)
    if found is not None:
        settings.write(found[0])
        return
    corpus = settings.load()
    docs = corpus.documents

    def produce() -> tuple[str, bool]:
        from tui.render import commitments as view

        result = _find_commitments(docs)
        if explain_ref is not None:
            from tui.analysis.commitments import explain

            exp = explain(result, result.get(explain_ref))
            if fmt == "json":
                return view.explain_json(result, exp), False
            if fmt == "markdown":
                return view.explain_markdown(result, exp), False
            return settings.render(view.explain_text(result, exp, w)), False
        groups = view.select(result, min_docs, theme)
        if fmt == "csv":
            return view.matrix_csv(result, groups), False
        if fmt == "html":
            return view.matrix_html(result, groups), False
        if fmt == "json":
            return view.matrix_json(result, groups), False
        if fmt == "markdown":
            return view.matrix_markdown(result, groups), False
        return settings.render(view.matrix_text(result, groups, w)), False

    text, _ = cached_output("commitments-output", [*options, *_output_parts(docs)], produce)
    _keep("commitments", raw, corpus, text, False)
    settings.write(text)


@cli.command("add")
@click.argument("source", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--title", required=True, help="The document's title.")
@click.option("--date", "date_", required=True, help="Date of the event, YYYY-MM-DD.")
@click.option("--outlet", default="", help="Who published it.")
@click.option("--kind", default="", help="e.g. joint-statement-report, meeting-report, talks-report.")
@click.option("--id", "doc_id", default=None, help="Id to give it (default: made from outlet or title and date).")
@click.option("--event", default="", help="What happened.")
@click.option("--url", default="", help="Where it was published.")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD.")
@click.option("--language", default="en", show_default=True, help="Language code.")
@click.option("--to", "target", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Corpus folder to write into (default: the first --corpus or ACCORD_CORPUS folder, else your user corpus).")
@click.option("--force", is_flag=True, help="Overwrite a document file that already exists.")
@pass_settings
def add(settings: Settings, source: Path, title: str, date_: str, outlet: str, kind: str,
        doc_id: str | None, event: str, url: str, published: str | None, language: str,
        target: Path | None, force: bool) -> None:
    """Add a document from plain text, Markdown or a saved HTML page ('-' reads stdin).

    The text is stored exactly (HTML pages: the main text, extracted with
    trafilatura; Markdown files, .md: their plain text, markup removed) after
    TOML front matter; it is cleaned when loaded.

    \b
    Example:
      accord add statement.html --title "Joint Statement" --date 2025-05-10 --outlet VNA
    """
    from tui.documents.corpus import build_document, env_folders, user_folder
    from tui.documents.ingest import (
        corpus_file_text,
        extract_html,
        extract_markdown,
        is_html,
        is_markdown,
        slug,
    )
    from tui.documents.textio import decode, read_bytes, read_stream
    from tui.infra.atomic import write_atomic

    label = "<stdin>" if str(source) == "-" else source
    if str(source) == "-":
        data = read_stream(sys.stdin.buffer, label, settings.max_bytes)
    else:
        data = read_bytes(source, settings.max_bytes)
    text = decode(data, label, settings.encoding)
    if not text.strip():
        raise InputError(label, "empty file: nothing to add")
    if is_html(str(source), text):
        text = extract_html(text, label)
    elif is_markdown(str(source)):
        text = extract_markdown(text, label)
    event_date = _parse_date(date_, "--date")
    meta: dict[str, object] = {
        "id": doc_id or f"{slug(outlet or title, 32)}-{event_date.isoformat()}",
        "title": title, "outlet": outlet, "url": url, "date": event_date,
        "published": _parse_date(published, "--published") if published else None,
        "event": event, "kind": kind, "language": language,
    }
    content = corpus_file_text(meta, text)
    folder = target or next(iter(settings.corpus or env_folders()), None) or user_folder()
    path = folder / f"{meta['id']}.txt"
    if source != Path("-") and path.resolve() == Path(source).resolve():
        raise AccordError(f"{path}: the output is also the input")
    doc = build_document(content, path)
    corpus_ids = _existing_ids(settings, folder)
    if doc.id in corpus_ids and corpus_ids[doc.id] != path and not force:
        raise AccordError(f"id '{doc.id}' is already used by {corpus_ids[doc.id]} (choose another --id)")
    write_atomic(path, content.encode("utf-8"), force=force)
    from tui.infra.safety import one_line

    click.echo(f"added {one_line(doc.id)}: {len(doc.sentences)} sentences -> {one_line(str(path))}")


def _existing_ids(settings: Settings, folder: Path) -> dict[str, Path]:
    from tui.documents.corpus import load_corpus

    folders = list(settings.corpus) or None
    try:
        corpus = load_corpus(folders, settings.max_bytes, settings.encoding)
    except InputError:
        corpus = None
    found = {d.id: d.path for d in corpus.documents} if corpus else {}
    if folder.is_dir() and (not corpus or folder not in corpus.folders):
        found.update({d.id: d.path for d in load_corpus([folder]).documents})
    return found  # type: ignore[return-value]


def _parse_date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2024-06-20", param_hint=option) from None


@cli.command("compare")
@corpus_option
@click.argument("left", metavar="[LEFT", required=False)
@click.argument("right", metavar="RIGHT]", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"], case_sensitive=False),
              default="text", show_default=True, help="Output format.")
@click.option("--width", type=WIDTH, default=None,
              help="Text width (default: terminal); side by side from 100 columns, one above the other below.")
@click.option("--only", type=click.Choice(["changed", "paired", "one-sided", "pledges"]), default=None,
              help="Show only some rows: changed (not unchanged in place), paired (in both documents), "
              "one-sided (in one only), pledges (a pledge on either side). The ledger still counts every row.")
@click.option("--theme", default=None, help="Show only rows of this theme (e.g. trade, maritime).")
@click.option("--as-given", is_flag=True,
              help="Keep LEFT and RIGHT in the order given (default: the older document on the left).")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None, callback=_finite_option,
              help="Lowest score that pairs two sentences (default: the tuned default, shown in the header).")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the documents differ, 0 when identical (errors: 2).")
@click.option("--output", "output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --output when it exists.")
@pass_settings
@click.pass_context
def compare_cmd(ctx: click.Context, settings: Settings, left: str | None, right: str | None, fmt: str,
                width: int | None, only: str | None, theme: str | None, as_given: bool, threshold: float | None,
                exit_code: bool, output: Path | None, force: bool) -> None:
    """Compare two statements sentence by sentence, by meaning (LEFT and RIGHT: ids or unique prefixes).

    Starts with a ledger per theme: what carried over (unchanged, reworded,
    related, stronger, weaker), what is only in the older document and what
    is new in the newer. Then the rows: close pairs with their changed words
    ([-deleted-] {+inserted+}), related pairs (the same item rewritten) whole
    with what they share, moved pairs, pledges that got stronger or weaker,
    and sentences only one side has. The older document goes on the left
    whatever the order given (--as-given keeps it; documents of the same
    date and a '-' side stay as given). With no ids, compares the latest
    joint-statement report with the one before it between the same two
    countries (else the two most recent documents), and the header says so;
    documents between different countries get a note.

    \b
    Examples:
      accord compare
      accord compare vgp nhandan              # nhandan (2024) on the left
      accord compare nhandan investor --only changed
      accord compare --only pledges --theme trade
      accord compare nhandan vgp --format html --output redline.html
    """
    from tui.infra.cache import cached_output, document_parts

    if (left is None) != (right is None):
        raise click.UsageError("give two document ids (LEFT RIGHT), or none for the default pair")
    if theme is not None and theme.replace("-", " ").strip().casefold() not in _THEMES:
        raise click.BadParameter(f"'{theme}' is not a theme (choose from: {', '.join(_THEMES)})",
                                 param_hint="--theme")
    fmt = fmt.lower()
    if fmt != "text":
        w, color = None, False
    elif output is not None:
        w, color = width or 100, False
    else:
        w, color = settings.width(width), settings.color_for()
    # A repeat run finds its output by the corpus files' exact bytes, before parsing any document.
    raw, found = (None, None) if output is not None or "-" in (left, right) else _stored(
        settings, "compare", [fmt, repr(w), repr(color), repr(only), repr(theme), repr(as_given),
                              repr(threshold), repr(left), repr(right)])
    if found is not None:
        settings.write(found[0])
        if exit_code:
            ctx.exit(EXIT_DIFFERENT if found[1] else EXIT_OK)
        return
    corpus = settings.load()
    note = ""
    from tui.analysis.parties import parties_note, same_parties

    if left is None or right is None:
        from tui.documents.corpus import default_pair, default_pair_reason

        left_doc, right_doc = default_pair(corpus, same_parties)
        note = f"default pair: {default_pair_reason(corpus, same_parties)}"
    else:
        if left == right == "-":
            raise click.UsageError("only one of LEFT and RIGHT can be '-' (stdin)")
        left_doc, right_doc = _document_arg(settings, corpus, left), _document_arg(settings, corpus, right)
    if not as_given and "-" not in (left, right) and right_doc.date < left_doc.date:
        left_doc, right_doc = right_doc, left_doc  # the older document on the left (same date: as given)
    differ = "both sides are the same document" if left_doc.id == right_doc.id else parties_note(left_doc, right_doc)
    note = "; ".join(n for n in (note, f"note: {differ}" if differ else "") if n)
    if output is not None:
        target = output.resolve()
        if any(d.path is not None and d.path.resolve() == target for d in (left_doc, right_doc)):
            raise AccordError(f"{output}: the output is also an input")
    def run_comparison():  # type: ignore[no-untyped-def]
        from tui.analysis.align import compare

        return compare(left_doc, right_doc, threshold, context=corpus.documents)

    parts = [repr(threshold), *document_parts(left_doc), *document_parts(right_doc)]
    parts += [p for d in corpus.documents for p in document_parts(d)]

    def produce() -> tuple[str, bool]:
        from tui.infra.cache import cached
        from tui.render import compare as view

        result = cached("compare", parts, run_comparison)
        if fmt == "json":
            text = view.compare_json(result, only, theme)
        elif fmt == "markdown":
            text = view.compare_markdown(result, only, theme, note)
        elif fmt == "html":
            text = view.compare_html(result, only, theme)
        elif output is not None:
            text = view.lines_to_text(view.compare_text(result, w, only, theme, note=note))
        else:
            text = settings.render(view.compare_text(result, w, only, theme, note=note))
        return text, bool(result.differs)

    out_parts = [fmt, repr(w), repr(color), repr(only), repr(theme), note, repr(output is not None), *parts,
                 *_output_parts((left_doc, right_doc)), *_output_parts(corpus.documents)]
    text, differs = cached_output("compare-output", out_parts, produce)
    _keep("compare", raw, corpus, text, differs)
    if output is not None:
        from tui.infra.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"), force=force)
    else:
        settings.write(text)
    if exit_code:
        ctx.exit(EXIT_DIFFERENT if differs else EXIT_OK)


_THEMES = ('maritime', 'nuclear', 'energy', 'trade', 'investment', 'defence', 'science', 'education', 'people',
           'transport', 'political dialogue', 'world order', 'general')
"""Row themes (tui.analysis.themes.THEME_NAMES, spelled here so that parsing --theme imports no analysis)."""


def _document_arg(settings: Settings, corpus, ref: str):  # type: ignore[no-untyped-def]
    """A document named on the command line: an id or unique prefix, or '-' for stdin.

    A stdin document is size-capped before decoding; with ``+++`` front matter
    it is validated like a corpus file, otherwise it gets id "stdin" and title
    "<stdin>" (tui.documents.corpus.document_from_bytes).
    """
    if ref != "-":
        return corpus.get(ref)
    from tui.documents.corpus import document_from_stream

    return document_from_stream(sys.stdin.buffer, "<stdin>", settings.max_bytes, settings.encoding)


@cli.command("browse")
@corpus_option
@pass_settings
def browse(settings: Settings) -> None:
    """Open the Textual app to browse, read and compare the corpus.

    \b
    Example:
      accord browse --corpus ./my-statements
    """
    try:
        from tui.app import run
    except ImportError as exc:  # pragma: no cover - the app ships with accord
        raise AccordError(f"the app is not available ({exc})") from None
    run(settings)


def _prepare_streams() -> None:
    """Never fail on an encoding: characters the stream cannot encode are written as ``\\uXXXX``.

    (That spelling is also valid inside a JSON string, so ``--format json``
    stays parseable under ``PYTHONIOENCODING=ascii``; see tui.documents.textio.)
    """
    from tui.documents.textio import register_output_errors

    # A closed descriptor (`accord list >&-`, `accord add - <&-`) leaves the stream None: use the null
    # device instead, so reading '-' finds empty input and writing is discarded, never a traceback.
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115
    errors = register_output_errors()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=errors)
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one line and exit code 2."""
    from tui.infra.safety import one_line

    _prepare_streams()
    try:
        code = cli.main(args=argv, prog_name="accord", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted", err=True)
        code = EXIT_INTERRUPTED
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        click.echo(f"accord: error: {one_line(exc.format_message())}{hint}", err=True)
        code = EXIT_USAGE
    except click.ClickException as exc:
        click.echo(f"accord: error: {one_line(exc.format_message())}", err=True)
        code = EXIT_USAGE
    except AccordError as exc:
        click.echo(f"accord: error: {one_line(str(exc))}", err=True)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("Interrupted", err=True)
        code = EXIT_INTERRUPTED
    except (BrokenPipeError, _PipeClosed):
        _silence_stdout()
        code = 141
    except OSError as exc:  # e.g. no space left for stdout: one line, not a traceback
        click.echo(f"accord: error: {one_line(exc.strerror or str(exc))}", err=True)
        code = EXIT_USAGE
    except Exception as exc:  # a bug: still one escaped line (ACCORD_DEBUG=1 shows the traceback)
        if os.environ.get("ACCORD_DEBUG"):
            raise
        detail = one_line(f"{type(exc).__name__}: {exc}")[:500]
        click.echo(f"accord: internal error: {detail} (please report; ACCORD_DEBUG=1 shows details)", err=True)
        code = EXIT_USAGE
    _flush_or_quiet()
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _flush_or_quiet() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass

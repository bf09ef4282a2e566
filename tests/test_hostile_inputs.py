"""Hostile input files beside the four good sample articles.

Every hostile file is either loaded (with whatever article text it holds) or
gets a `raw.rejected_files` row whose reason a person understands; the run
completes and the four good articles load exactly as they do alone.

One Prefect flow runs over a folder holding every case at once (module
fixture: a flow run costs seconds); the assertions are parametrized per case.
Fast direct tests run the same cases through the pipeline's steps (discover,
read, parse) without Prefect, plus details of decoding and discovery.
"""
from __future__ import annotations

import codecs
import gzip
import os
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import pytest

from etl_gone import parse
from etl_gone.decode import Limits
from etl_gone.parse import ArticleToParse, parse_batch
from etl_gone.sources import discover, read_files
from etl_gone.warehouse import sample_dir

PROSE = ("The finance minister said on Tuesday that the budget would be balanced by 2026. "
         "Opposition leaders called the plan “unrealistic” and demanded a vote in parliament.")
STORY = "\n\n".join([
    "Budget Vote Delayed", "By Ana Ortiz",
    PROSE,
    "“We will not raise taxes,” the minister told reporters in the capital.",
    "Analysts at two banks said the figures depended on strong growth next year.",
])
VOCABULARY = ("council minister budget vote parliament growth taxes reporters capital analysts bank "
              "figures season coach striker goal league match shares market profit quarter investors "
              "company union strike hospital court judge appeal ruling election mayor").split()
BIG_TEXT_BYTES = 35 * 1024 * 1024


def _story(day: str) -> str:
    """STORY with a different weekday: distinct content, so a distinct article."""
    return STORY.replace("Tuesday", day)


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(words))


def _nested_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{PROSE}</p>" + "</div>" * depth + "</body></html>"


def _many_quote_marks() -> str:
    # 100 distinct paragraphs, 200 straight quote marks each: 20,000 marks
    rng = random.Random(11)
    paragraphs = [f"The {_sentence(rng, 4)} crowd chanted " + " ".join(f'"{rng.choice(VOCABULARY)}"' for _ in range(100))
                  + f", the {_sentence(rng, 3)} said." for _ in range(100)]
    return "Quote Storm At The Stadium\n\n" + "\n\n".join(paragraphs)


def _unclosed_quotes() -> str:
    rng = random.Random(12)
    paragraphs = [f"“The {_sentence(rng)} said \"we will ‘never agree on the {_sentence(rng, 6)}. "
                  f"«Then the {_sentence(rng, 5)} ‘" for _ in range(30)]
    return "Talks Collapse Without A Deal\n\n" + "\n\n".join(paragraphs)


def _big_text(path: Path) -> None:
    """35 MB: a headline, a short story, then one 35 MB paragraph (a pasted
    dump with no line breaks), written in chunks."""
    rng = random.Random(13)
    chunk = " ".join(f"The {_sentence(rng)} said on Monday." for _ in range(2000)).encode() + b" "
    with open(path, "wb") as fh:
        fh.write(STORY.replace("Tuesday", "Sunday").encode() + b"\n\n")
        written = 0
        while written < BIG_TEXT_BYTES:
            fh.write(chunk)
            written += len(chunk)
        fh.write(b"\n")


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return name


def _symlink_loop(folder: Path) -> None:
    (folder / "loop").mkdir()
    _write(folder, "loop/inside the loop.txt", _story("Thursday").encode())
    os.symlink("..", folder / "loop" / "back up")  # a folder that contains itself
    os.symlink("self.txt", folder / "loop" / "self.txt")  # a file link that points at itself


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, and what the tool must do with each
    of its files (source name -> None for loaded, or a regex the rejection
    reason must match)."""

    id: str
    make: Callable[[Path], object]
    outcome: dict[str, str | None]
    stage: str | None = None  # the rejection stage, when the case is rejected


LOADED = None
CASES = [
    Case("empty", lambda d: _write(d, "empty.txt", b""),
         {"empty.txt": r"^empty file"}, "read"),
    Case("whitespace_only", lambda d: _write(d, "blank.txt", " \n\t\r\n\u00a0\u3000 \n".encode()),
         {"blank.txt": r"^empty file: only white space"}, "read"),
    Case("binary_named_txt", lambda d: _write(d, "binary.txt", random.Random(1).randbytes(16384)),
         {"binary.txt": r"^binary content, not text"}, "read"),
    Case("invalid_utf8_in_good_text",
         lambda d: _write(d, "damaged utf8.txt", STORY.encode()[:300] + b"\xff\xfe\xc3\x28" + STORY.encode()[300:]),
         {"damaged utf8.txt": LOADED}),
    Case("utf16_with_bom", lambda d: _write(d, "utf16.txt", codecs.BOM_UTF16_LE + _story("Monday").encode("utf-16-le")),
         {"utf16.txt": LOADED}),
    Case("windows_1252_smart_quotes",
         lambda d: _write(d, "cp1252.txt", _story("Wednesday").replace("Ortiz", "Peña").encode("cp1252")),
         {"cp1252.txt": LOADED}),
    Case("nul_bytes_in_text", lambda d: _write(d, "nul.txt", _story("Friday").replace("budget", "bud\x00get").encode()),
         {"nul.txt": LOADED}),
    Case("one_mb_paragraph",
         lambda d: _write(d, "one paragraph.txt", ("One Long Paragraph\n\n" + " ".join([PROSE] * 6500)).encode()),
         {"one paragraph.txt": LOADED}),
    Case("twenty_thousand_quote_marks", lambda d: _write(d, "quote marks.txt", _many_quote_marks().encode()),
         {"quote marks.txt": LOADED}),
    Case("unclosed_quotes_everywhere", lambda d: _write(d, "unclosed.txt", _unclosed_quotes().encode()),
         {"unclosed.txt": LOADED}),
    Case("only_site_furniture", lambda d: _write(d, "furniture.txt", "\n\n".join([
        "Advertisement", "Sign up for our newsletter", "Share this article", "Follow us on Twitter",
        "Subscribe", "Advertisement", "Copyright 2024 Example News. All rights reserved."]).encode()),
         {"furniture.txt": r"^no article text"}, "parse"),
    Case("html_only_scripts", lambda d: _write(d, "scripts.html", (
        "<html><head><script>" + "var trackingQueue = window.analyticsQueue || [];\n" * 50
        + "</script></head><body><script>document.write('hello there world');</script>"
        "<noscript>Please enable JavaScript to view this page.</noscript></body></html>").encode()),
         {"scripts.html": r"^no article text"}, "parse"),
    Case("html_nested_20000_levels", lambda d: _write(d, "nested.html", _nested_html(20_000).encode()),
         {"nested.html": r"^no article text"}, "parse"),
    Case("truncated_html", lambda d: _write(d, "truncated.html", (
        "<html><head><title>Budget Vote Delayed</title></head><body><article><h1>Budget Vote Delayed</h1>"
        f"<p>{PROSE}</p><p>{PROSE[:95]}").encode()),
         {"truncated.html": LOADED}),
    Case("corrupt_gzip", lambda d: _write(d, "corrupt.html.gz", gzip.compress(f"<p>{PROSE}</p>".encode())[:40]),
         {"corrupt.html.gz": r"^corrupt gzip file"}, "read"),
    Case("random_bytes_named_html", lambda d: _write(d, "random.html", random.Random(2).randbytes(8192)),
         {"random.html": r"^binary content, not text"}, "read"),
    Case("big_35_mb_text", lambda d: _big_text(d / "big.txt"),
         {"big.txt": LOADED}),
    Case("same_content_two_names", lambda d: [_write(d, n, _story("Saturday").encode()) for n in ("twin.txt", "twin copy.txt")],
         {"twin.txt": LOADED, "twin copy.txt": LOADED}),
    Case("names_with_spaces_and_non_ascii", lambda d: [
        _write(d, "Économie du café — n° 3.txt", _story("Monday morning").encode()),
        _write(d, os.fsdecode(b"latin-1 name caf\xe9.txt"), _story("Friday night").encode())],
         {"Économie du café — n° 3.txt": LOADED, "latin-1 name caf\\xe9.txt": LOADED}),
    Case("symlink_loop", _symlink_loop,
         {"loop/inside the loop.txt": LOADED, "loop/back up": r"^symlinked folder not followed",
          "loop/self.txt": r"^not a regular file"}, "discover"),
]
CASE_IDS = [c.id for c in CASES]
# What the tool is expected to do but does not yet: case id -> the bug.
KNOWN_BUGS: dict[str, str] = {}
SAMPLE_NAMES = sorted(p.name for p in sample_dir().iterdir() if p.is_file())


def _case_param(case: Case):
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.id])] if case.id in KNOWN_BUGS else []
    return pytest.param(case, id=case.id, marks=marks)


CASE_PARAMS = [_case_param(c) for c in CASES]


def make_hostile_folder(folder: Path, with_samples: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if with_samples:
        for name in SAMPLE_NAMES:
            shutil.copy(sample_dir() / name, folder / name)
    for case in CASES:
        case.make(folder)


# ---------------------------------------------------------------- one flow run


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, prefect_harness):
    """The flow over the samples plus every hostile case, and over the samples
    alone (the reference the good files must match)."""
    from prefect.settings import PREFECT_LOCAL_STORAGE_PATH, temporary_settings

    from flows.etl_flow import etl_gone

    root = tmp_path_factory.mktemp("hostile")
    source = root / "source"
    make_hostile_folder(source)
    alone = root / "samples"
    shutil.copytree(sample_dir(), alone)
    wh = root / "hostile.duckdb"
    results = root / "prefect-results"  # the flow caches parse batches: ~100 MB for this one
    with temporary_settings({PREFECT_LOCAL_STORAGE_PATH: str(results)}):
        result = etl_gone(source=str(source), warehouse=str(wh))
        first = shutil.copy(wh, root / "first-run.duckdb")  # the state the per-case tests read
        reference = etl_gone(source=str(alone), warehouse=str(root / "alone.duckdb"))
        again = etl_gone(source=str(source), warehouse=str(wh))
    (source / "big.txt").unlink()  # 35 MB: gone as soon as it has been read
    shutil.rmtree(results, ignore_errors=True)
    yield {"result": result, "again": again, "reference": reference,
           "wh": Path(first), "rerun": wh, "alone": root / "alone.duckdb"}
    for path in (Path(first), wh):  # each holds the 35 MB text
        path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def hostile_db(hostile_build):
    con = duckdb.connect(str(hostile_build["wh"]), read_only=True)
    yield con
    con.close()


def _loaded(con, name: str) -> tuple | None:
    """(article_id, paragraph_count) of the article a source file holds, if it loaded."""
    return con.execute("""
        select s.article_id, a.paragraph_count from raw.source_files s
        join staging.articles a using (article_id) where s.source_name = ?""", [name]).fetchone()


def _rejections(con, name: str) -> list[tuple[str, str]]:
    return con.execute("select stage, reason from raw.rejected_files where source_name = ?", [name]).fetchall()


def test_run_completes_over_every_hostile_case(hostile_build):
    result = hostile_build["result"]
    assert result["files_seen"] >= len(SAMPLE_NAMES) + len(CASES)
    assert result["models_rebuilt"]
    assert all(a["violations"] == 0 for a in result["audits"])


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_each_hostile_file_is_loaded_or_rejected_with_a_reason(case, hostile_db):
    for name, reason in case.outcome.items():
        loaded = _loaded(hostile_db, name)
        rejected = _rejections(hostile_db, name)
        if reason is LOADED:
            assert loaded is not None and loaded[1] > 0, f"{name} did not load: {rejected}"
            assert rejected == [], f"{name} loaded but is also listed as rejected: {rejected}"
        else:
            assert loaded is None, f"{name} should not load"
            assert len(rejected) == 1, f"{name}: expected one rejection, got {rejected}"
            stage, text = rejected[0]
            assert stage == case.stage
            assert re.search(reason, text), f"{name}: reason {text!r} does not match {reason!r}"
            assert "Traceback" not in text and len(text) < 300


def test_the_four_good_files_load_exactly_as_they_do_alone(hostile_build, hostile_db):
    with duckdb.connect(str(hostile_build["alone"]), read_only=True) as alone:
        for query in (
            "select source_name, article_id, title, outlet, published_at, body_text, paragraph_count "
            "from staging.articles where source_name in ({})",
            "select p.* from staging.paragraphs p join raw.articles a using (article_id) "
            "where a.source_name in ({})",
            "select q.* from staging.quotes q join raw.articles a using (article_id) where a.source_name in ({})",
        ):
            sql = query.format(", ".join("?" * len(SAMPLE_NAMES)))
            want = sorted(alone.execute(sql, SAMPLE_NAMES).fetchall(), key=repr)
            have = sorted(hostile_db.execute(sql, SAMPLE_NAMES).fetchall(), key=repr)
            assert len(want) >= len(SAMPLE_NAMES)
            assert have == want


def test_same_content_under_two_names_is_one_article_and_two_files(hostile_db):
    ids = hostile_db.execute("select distinct article_id from raw.source_files where source_name in "
                             "('twin.txt', 'twin copy.txt')").fetchall()
    assert len(ids) == 1
    assert hostile_db.execute("select count(*) from raw.articles where article_id = ?", ids[0]).fetchone()[0] == 1


@pytest.mark.parametrize("name, encoding, text", [
    ("utf16.txt", "utf-16-le-bom", "“We will not raise taxes,”"),
    ("cp1252.txt", "cp1252", "By Ana Peña"),
    ("damaged utf8.txt", "utf-8 (invalid bytes replaced)", "called the plan “unrealistic”"),
])
def test_encodings_are_decoded_faithfully(hostile_db, name, encoding, text):
    enc, raw = hostile_db.execute("select a.encoding, a.raw_text from raw.articles a join raw.source_files s "
                                  "using (article_id) where s.source_name = ?", [name]).fetchone()
    assert enc == encoding and text in raw


def test_long_paragraphs_are_stored_whole(hostile_db):
    lengths = dict(hostile_db.execute("""
        select s.source_name, max(length(p.text)) from staging.paragraphs p
        join raw.source_files s using (article_id)
        where s.source_name in ('one paragraph.txt', 'big.txt') group by 1""").fetchall())
    assert lengths["one paragraph.txt"] > 1_000_000
    assert lengths["big.txt"] > 30_000_000


def test_rerun_over_the_hostile_folder_parses_nothing(hostile_build):
    again = hostile_build["again"]
    assert again["articles_parsed"] == 0 and not again["models_rebuilt"]
    assert again["files_new"] == again["files_changed"] == 0
    with duckdb.connect(str(hostile_build["rerun"]), read_only=True) as con:
        dupes = con.execute("select source_name, count(*) from raw.rejected_files "
                            "group by all having count(*) > 1").fetchall()
    assert dupes == []


def test_rerun_keeps_every_rejection(hostile_build, hostile_db):
    """Parse-stage rejections included: the unchanged article is not re-parsed,
    so nothing would put its 'no article text' row back."""
    query = "select source_name, stage, reason from raw.rejected_files order by all"
    with duckdb.connect(str(hostile_build["rerun"]), read_only=True) as con:
        assert con.execute(query).fetchall() == hostile_db.execute(query).fetchall()


# ---------------------------------------------------------------- direct, fast


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    """Every hostile case except the 35 MB one (the flow test covers it)."""
    folder = tmp_path_factory.mktemp("direct")
    for case in CASES:
        if case.id != "big_35_mb_text":
            case.make(folder)
    return folder


@pytest.mark.parametrize("case", [p for p in CASE_PARAMS if p.values[0].id != "big_35_mb_text"],
                         ids=[i for i in CASE_IDS if i != "big_35_mb_text"])
def test_pipeline_steps_decide_each_case(case, hostile_folder):
    """discover + read_files + parse_batch, the pure steps of a run, reach the
    same decision as the flow."""
    files, discovery_rejections = discover(hostile_folder)
    wanted = set(case.outcome)
    batch = read_files(str(hostile_folder), [f for f in files if f.source_name in wanted])
    by_id = {a.article_id: a for a in batch.articles}
    parsed = parse_batch([ArticleToParse(a.article_id, a.source_name, a.raw_text, a.content_kind)
                          for a in batch.articles])
    failed = {f.article_id: f.reason for f in parsed.failures}
    paragraphs = {aid: 0 for aid in by_id}
    for p in parsed.tables["parsed_paragraphs"]:
        paragraphs[p.article_id] += 1
    file_ids = {f.source_name: f.article_id for f in batch.files}
    reasons = {r.source_name: (r.stage, r.reason) for r in discovery_rejections + batch.rejected}
    for name, reason in case.outcome.items():
        if reason is LOADED:
            aid = file_ids[name]
            assert aid not in failed and paragraphs[aid] > 0, failed.get(aid)
        elif case.stage == "parse":
            aid = file_ids[name]
            assert paragraphs[aid] == 0 and re.search(reason, failed[aid]), failed.get(aid)
        else:
            stage, text = reasons[name]
            assert stage == case.stage and re.search(reason, text), text


def test_paragraph_limit_bounds_parse_output():
    """A 1 MB paragraph is parsed only up to max_paragraph_chars: quotes and
    dates past the limit are not extracted, and parse output stays small."""
    text = "One Long Paragraph\n\n" + " ".join(f"“{PROSE}” she said on May {i % 28 + 1}, 2014." for i in range(5000))
    article = ArticleToParse("a" * 16, "long.txt", text, "text")
    small = parse.parse_article(article, Limits(max_paragraph_chars=10_000))
    assert len(small["parsed_paragraphs"]) == 1
    assert all(q.char_end <= 10_000 for q in small["parsed_quotes"])
    times = small["parsed_time_expressions"]
    assert times and all(t.char_end <= 10_000 for t in times)
    assert len(times) < 200  # of the 15,000 date mentions in the paragraph


def test_parse_work_per_article_is_bounded(monkeypatch):
    seen: list[int] = []

    def count_timex(article_id, paragraphs, published):
        seen.append(sum(len(p) for p in paragraphs))
        return []

    monkeypatch.setattr(parse.timex, "extract_time_expressions", count_timex)
    monkeypatch.setattr(parse.quotes, "extract_quotes", lambda *a, **k: parse.quotes.QuoteResult())
    monkeypatch.setattr(parse.claims, "extract_claims", lambda *a, **k: parse.claims.ClaimResult())
    no_entities = parse.entities.build_entities("b" * 16, [])
    monkeypatch.setattr(parse.entities, "build_entities", lambda *a, **k: no_entities)
    rng = random.Random(5)
    text = "Long Report\n\n" + "\n\n".join(f"The {_sentence(rng, 40)} said on Monday." for _ in range(12_000))
    parse.parse_article(ArticleToParse("b" * 16, "long.txt", text, "text"))
    assert len(text) > 3_000_000
    assert seen and seen[0] <= 1_000_000



def _run_steps(source: Path, wh: Path) -> None:
    """One run through the pipeline's steps, without Prefect."""
    from etl_gone import pipeline

    pipeline.run_without_prefect(source, wh, lock_wait_seconds=5)


@pytest.mark.parametrize("first, then", [
    (b"Advertisement\n\nSubscribe\n\nShare this article", _story("Monday").encode()),  # parse -> loaded
    (b"", _story("Monday").encode()),  # read -> loaded
    (_story("Monday").encode(), b"Advertisement\n\nSubscribe\n\nShare this article"),  # loaded -> parse
    (_story("Monday").encode(), b""),  # loaded -> read
    (b"Advertisement\n\nSubscribe", b"Sign up for our newsletter\n\nFollow us"),  # parse -> parse
], ids=["parse-rejected_then_good", "read-rejected_then_good", "good_then_parse-rejected",
        "good_then_read-rejected", "parse-rejected_then_other_furniture"])
def test_a_file_that_changes_is_judged_on_its_current_content(tmp_path, first, then):
    source = tmp_path / "source"
    source.mkdir()
    wh = tmp_path / "w.duckdb"
    (source / "story.txt").write_bytes(first)
    _run_steps(source, wh)
    (source / "story.txt").write_bytes(then)
    _run_steps(source, wh)
    with duckdb.connect(str(wh), read_only=True) as con:
        loaded = _loaded(con, "story.txt")
        rejected = _rejections(con, "story.txt")
        articles = con.execute("select count(*) from raw.articles").fetchone()[0]
    if then == _story("Monday").encode():
        assert loaded is not None and rejected == [] and articles == 1
    else:
        assert loaded is None and len(rejected) == 1, rejected
        assert articles == (1 if rejected[0][0] == "parse" else 0)


# ---------------------------------------------------------------- decoding and discovery details


@pytest.mark.parametrize("data, encoding, text", [
    # one non-ASCII letter in English text: too little evidence for any code page but Windows-1252
    ("Enrique Peña said on Tuesday the talks would resume next week.".encode("cp1252"), "cp1252", "Peña"),
    ("He called it “a disaster” and left… Markets fell.".encode("cp1252"), "cp1252", "“a disaster”"),
    # ASCII with three stray bytes: not Japanese
    (b"The council voted on the budget. " * 20 + b"\xff\xfe\xc3" + b" The vote passed.", "cp1252", "The vote passed."),
    # mostly non-ASCII: the guesser decides
    ("Dvořák a Janáček hráli v Praze v úterý večer. ".encode("cp1250") * 10, "cp1250", "Dvořák"),
    ("Президент сказал во вторник, что налоги не вырастут. ".encode("cp1251") * 10, "cp1251", "Президент"),
    # a damaged file behind a byte-order mark keeps its good text
    (codecs.BOM_UTF8 + PROSE.encode() + b"\xff" + PROSE.encode(), "utf-8-bom (invalid bytes replaced)", "“unrealistic”"),
    (codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le") + b"x", "utf-16-le-bom (invalid bytes replaced)", "parliament."),
])
def test_code_pages_are_told_apart(data, encoding, text):
    from etl_gone.decode import decode_article

    decoded = decode_article("a.txt", data)
    assert decoded.encoding == encoding
    assert text in decoded.text


@pytest.mark.parametrize("name, data", [
    ("saved.txt", codecs.BOM_UTF16_LE + f"<!DOCTYPE html><html><body><p>{PROSE}</p></body></html>".encode("utf-16-le")),
    ("saved.txt", codecs.BOM_UTF8 + f"<html><body><p>{PROSE}</p></body></html>".encode()),
])
def test_a_saved_web_page_named_txt_is_read_as_html_whatever_its_encoding(name, data):
    from etl_gone.decode import decode_article

    assert decode_article(name, data).content_kind == "html"


def test_discovery_reports_symlinked_folders_and_escapes_undecodable_names(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text(STORY, encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "linked")
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(STORY, encoding="utf-8")
    files, rejected = discover(tmp_path)
    assert [f.source_name for f in files] == ["caf\\xe9.txt", "real/story.txt"]
    assert [(r.source_name, r.stage) for r in rejected] == [("linked", "discover")]
    assert "symlinked folder not followed" in rejected[0].reason
    batch = read_files(str(tmp_path), files)  # the odd name still reads
    assert len(batch.articles) == 1 and len(batch.files) == 2 and batch.rejected == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_reported(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        files, rejected = discover(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert files == []
    assert [(r.source_name, r.stage) for r in rejected] == [("locked", "discover")]
    assert rejected[0].reason.startswith("cannot read folder")

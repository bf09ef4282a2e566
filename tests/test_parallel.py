"""Parsing on local worker processes gives exactly what parsing in-process
gives, a pool with one process starts none, and an article that kills its
worker process costs only that article."""
from __future__ import annotations

import os
import pickle
from dataclasses import replace

import pytest
from conftest import SAMPLE_DIR, warehouse_snapshot

from etl_gone import parallel, pipeline
from etl_gone.arrow_tables import articles_from_arrow, articles_to_arrow
from etl_gone.parse import ArticleToParse


def sample_articles() -> list[ArticleToParse]:
    return [ArticleToParse(p.name, p.name, p.read_text(encoding="utf-8"), "text")
            for p in sorted(SAMPLE_DIR.glob("*.txt"))]


def as_table(articles: list[ArticleToParse]):
    return articles_to_arrow(articles)


def test_one_process_parses_in_the_caller_and_starts_nothing():
    pool = parallel.ParsePool(1)
    parsed = pool.parse(as_table(sample_articles()))
    assert pool._executor is None
    assert parsed.row_counts()["parsed_quotes"] > 0


def test_worker_processes_return_the_same_tables_as_in_process():
    articles = sample_articles()
    assert articles_from_arrow(as_table(articles)) == articles
    expected = parallel.parse_to_arrow(as_table(articles))
    with parallel.ParsePool(2) as pool:
        futures = [pool.submit(as_table(articles[:2])), pool.submit(as_table(articles[2:]))]
        results = [f.result() for f in futures]
    assert [a for r in results for a in r.article_ids] == expected.article_ids
    for table, arrow in expected.tables.items():
        combined = [row for r in results for row in r.tables[table].to_pylist()]
        assert combined == arrow.to_pylist(), table


def many_articles(n: int) -> list[ArticleToParse]:
    """n articles: the sample's, again and again under new ids."""
    sample = sample_articles()
    return [replace(sample[i % len(sample)], article_id=f"a{i:03d}", source_name=f"a{i:03d}.txt") for i in range(n)]


@pytest.mark.parametrize("articles, processes, sizes", [
    (4, 2, [4]),                      # too few to cut
    (19, 2, [19]),
    (20, 2, [10, 10]),
    (200, 2, [50, 50, 50, 50]),       # two pieces per worker
    (203, 2, [50, 51, 51, 51]),
    (200, 3, [33, 33, 34, 33, 33, 34]),
])
def test_a_batch_is_cut_into_contiguous_pieces(articles, processes, sizes):
    table = as_table(many_articles(articles))
    pieces = parallel.ParsePool(processes)._pieces(table)
    assert [p.num_rows for p in pieces] == sizes
    assert [a for p in pieces for a in p.column("article_id").to_pylist()] == table.column("article_id").to_pylist()


def test_a_piece_travels_without_the_rest_of_its_batch():
    # a plain slice would be pickled with the whole batch's text buffers
    table = as_table(many_articles(40))
    pieces = parallel.ParsePool(2)._pieces(table)
    assert len(pieces) == 4
    whole = len(pickle.dumps(table))
    assert all(len(pickle.dumps(p)) < whole / 2 for p in pieces)


def test_a_batch_cut_into_pieces_gives_what_one_piece_gives():
    table = as_table(many_articles(24))
    expected = parallel.parse_to_arrow(table)
    with parallel.ParsePool(2) as pool:
        assert len(pool._pieces(table)) == 2
        parsed = pool.parse(table)
    assert parsed.article_ids == expected.article_ids
    assert parsed.failures == expected.failures
    for name, arrow in expected.tables.items():
        assert parsed.tables[name].to_pylist() == arrow.to_pylist(), name
    assert expected.tables["parsed_quotes"].num_rows > 0


KILL_MARKER = "KILL-THIS-WORKER"


def crash_on_marker(articles, limits):
    """A worker that dies like a segfaulting C library on a marked article
    (module level: spawned workers import it by name)."""
    if any(KILL_MARKER in text for text in articles.column("raw_text").to_pylist()):
        os._exit(70)
    return parallel.parse_to_arrow(articles, limits)


def test_an_article_that_kills_its_worker_fails_alone():
    articles = sample_articles()
    deadly = replace(articles[1], raw_text=articles[1].raw_text + KILL_MARKER)
    batch = [articles[0], deadly, articles[2], articles[3]]
    with parallel.ParsePool(2, worker=crash_on_marker) as pool:
        first, second = pool.submit(as_table(batch)), pool.submit(as_table(articles[:2]))
        parsed, other = first.result(), second.result()
        after = pool.parse(as_table(articles[2:]))  # the pool works again afterwards
    assert parsed.article_ids == [a.article_id for a in batch]
    assert [(f.article_id, f.reason) for f in parsed.failures] == [(deadly.article_id, parallel.WORKER_CRASH_REASON)]
    statuses = dict(zip(parsed.tables["parsed_articles"]["article_id"].to_pylist(),
                        parsed.tables["parsed_articles"]["parse_status"].to_pylist()))
    assert statuses[deadly.article_id] == "parser_error"
    assert {statuses[a.article_id] for a in batch if a is not deadly} == {"ok"}
    expected = parallel.parse_to_arrow(as_table([articles[0], articles[2], articles[3]]))
    survivors = parsed.tables["parsed_quotes"].to_pylist()
    assert survivors == expected.tables["parsed_quotes"].to_pylist() and survivors
    assert other.article_ids == [a.article_id for a in articles[:2]] and not other.failures
    assert after.article_ids == [a.article_id for a in articles[2:]]


def test_pool_is_closed_and_can_be_reused_after_close():
    pool = parallel.ParsePool(2)
    pool.parse(as_table(sample_articles()[:1]))
    pool.close()
    assert pool._executor is None
    assert pool.parse(as_table(sample_articles()[:1])).article_ids  # starts afresh


@pytest.mark.parametrize("processes", [1, 2])
def test_run_with_worker_processes_builds_the_same_warehouse(sample_copy, tmp_path, processes):
    reference = tmp_path / "reference.duckdb"
    pipeline.run_without_prefect(sample_copy, reference, batch_size=4, processes=1)
    other = tmp_path / f"p{processes}.duckdb"
    stats = pipeline.run_without_prefect(sample_copy, other, batch_size=1, processes=processes)
    assert stats.articles_parsed == 4
    assert stats.model_seconds and all(s >= 0 for s in stats.model_seconds.values())
    a, b = warehouse_snapshot(reference), warehouse_snapshot(other)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"{table} differs with {processes} processes"
    assert a["marts.events"], "the comparison must cover real rows"


ORPHAN_SCRIPT = """
import os, signal, sys
from etl_gone import parallel
from etl_gone.arrow_tables import articles_to_arrow
from etl_gone.parse import ArticleToParse
if __name__ == "__main__":
    pool = parallel.ParsePool(2)
    pool.parse(articles_to_arrow([ArticleToParse("a", "a.txt", "Some text. More text here.", "text")]))
    print(" ".join(str(p) for p in pool._executor._processes), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_exit_when_their_run_is_killed(tmp_path):
    import subprocess
    import sys
    import time

    script = tmp_path / "killed_run.py"
    script.write_text(ORPHAN_SCRIPT)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    workers = [int(p) for p in out.stdout.split()]
    assert workers, out.stderr[-2000:]
    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in workers if os.path.exists(f"/proc/{p}") and "zombie" not in
                 open(f"/proc/{p}/status").read().lower()]
    assert not alive, f"worker processes {alive} outlived the killed run"


def test_an_article_that_kills_its_worker_fails_alone_in_a_batch_cut_into_pieces():
    batch = many_articles(24)
    batch[13] = deadly = replace(batch[13], raw_text=batch[13].raw_text + KILL_MARKER)
    with parallel.ParsePool(2, worker=crash_on_marker) as pool:
        assert len(pool._pieces(as_table(batch))) == 2
        parsed = pool.parse(as_table(batch))
    assert parsed.article_ids == [a.article_id for a in batch]
    assert [(f.article_id, f.reason) for f in parsed.failures] == [(deadly.article_id, parallel.WORKER_CRASH_REASON)]

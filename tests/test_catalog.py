"""The data catalogue: descriptions written once in the SQL model headers,
stored in the warehouse as DuckDB comments, and in docs/tables.md."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl_gone import catalog, models
from etl_gone.warehouse import sql_dir

DOCS_TABLES_MD = Path(__file__).resolve().parents[1] / "docs" / "tables.md"

HEADER = """-- staging.results: one row per match result.
-- Scores are final, after extra time.
-- @column match_id: deterministic id of the match
-- @column home_team: the team playing at home,
--     as the league writes it
-- @column score: goals, home first ('2-1'); it's NULL when the match was abandoned
select 1 as match_id
-- @column not_header: a comment inside the body is not documentation
"""


def test_header_is_parsed():
    doc = catalog.parse_header(HEADER, "staging.results")
    assert doc.table == "staging.results"
    assert doc.description == "one row per match result. Scores are final, after extra time."
    assert [c.name for c in doc.columns] == ["match_id", "home_team", "score"]
    assert doc.column("home_team").description == "the team playing at home, as the league writes it"
    assert doc.column("not_header") is None


@pytest.mark.parametrize("sql, table, message", [
    ("select 1", "marts.results", "no header comment"),
    ("-- one row per result\nselect 1", "marts.results", "first line must be"),
    ("-- marts.scores: one row per result\nselect 1", "marts.results", "first line must be"),
    ("-- marts.results: x\n-- @column a: one\n-- @column a: two\nselect 1", "marts.results", "documented twice"),
    ("-- marts.results: x\n-- @column a:\nselect 1", "marts.results", "empty description"),
])
def test_malformed_headers_are_named(sql, table, message):
    with pytest.raises(catalog.CatalogError, match=message):
        catalog.parse_header(sql, table)


def write_models(root: Path, files: dict[str, str]) -> Path:
    for rel, sql in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql, encoding="utf-8")
    return root


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute("create schema raw")
    c.execute("create table raw.matches as select * from (values (1, 'Rovers', '2-1')) t(id, home, score)")
    yield c
    c.close()


def comments(con) -> dict[str, str | None]:
    out = {f"{s}.{t}": c for s, t, c in con.execute(
        "select schema_name, table_name, comment from duckdb_tables() where schema_name <> 'raw'").fetchall()}
    out.update({f"{s}.{t}.{c}": m for s, t, c, m in con.execute(
        "select schema_name, table_name, column_name, comment from duckdb_columns() "
        "where schema_name <> 'raw'").fetchall()})
    return out


def test_comments_land_and_gaps_are_reported(tmp_path, con):
    sql = write_models(tmp_path, {
        "staging/results.sql": "-- staging.results: one row per match; the club's own figures.\n"
                               "-- @column match_id: the match's id\n"
                               "-- @column home: who played at home ('hosts')\n"
                               "-- @column referee: who refereed\n"
                               "select id as match_id, home, score from raw.matches",
    })
    models.build_models(con, sql)
    problems = catalog.apply_comments(con, sql)
    got = comments(con)
    assert got["staging.results"] == "one row per match; the club's own figures."
    assert got["staging.results.home"] == "who played at home ('hosts')"
    assert got["staging.results.score"] is None
    assert any("staging.results.score" in p and "no `-- @column score:`" in p for p in problems)
    assert any("staging.results.referee" in p and "no such column" in p for p in problems)


def test_undocumented_intermediate_columns_are_allowed(tmp_path, con):
    sql = write_models(tmp_path, {
        "staging/results.sql": "-- staging.results: one row per match\n-- @column id: the match\nselect id from raw.matches",
        "intermediate/pairs.sql": "-- intermediate.pairs: helper\nselect id, id * 2 as twice from staging.results",
    })
    models.build_models(con, sql)
    assert catalog.apply_comments(con, sql) == []
    assert comments(con)["intermediate.pairs"] == "helper"


def test_a_malformed_header_does_not_stop_a_build(tmp_path, con):
    sql = write_models(tmp_path, {
        "staging/good.sql": "-- staging.good: one row per match\n-- @column id: the match\nselect id from raw.matches",
        "staging/bad.sql": "-- no table name here\nselect id from raw.matches",
    })
    models.build_models(con, sql)
    problems = catalog.apply_comments(con, sql)
    assert any("bad.sql" in p and "first line" in p for p in problems)
    assert comments(con)["staging.good.id"] == "the match"


def test_comments_follow_the_build_transaction(tmp_path, con):
    sql = write_models(tmp_path, {
        "staging/results.sql": "-- staging.results: first wording\n-- @column id: the match\nselect id from raw.matches",
    })
    models.build_models(con, sql)
    catalog.apply_comments(con, sql)
    (sql / "staging/results.sql").write_text(
        "-- staging.results: second wording\n-- @column id: the match id\nselect id from raw.matches")
    con.execute("begin transaction")
    models.build_models(con, sql)
    catalog.apply_comments(con, sql)
    assert comments(con)["staging.results"] == "second wording"
    con.execute("rollback")
    assert comments(con)["staging.results"] == "first wording"
    assert comments(con)["staging.results.id"] == "the match"


def test_markdown_lists_tables_columns_and_types():
    docs = {"marts.results": catalog.parse_header(HEADER.replace("staging.", "marts."), "marts.results")}
    md = catalog.tables_markdown(docs, {"marts.results": [("match_id", "VARCHAR"), ("home_team", "VARCHAR"),
                                                           ("score", "VARCHAR"), ("extra", "INTEGER")]})
    assert "### marts.results" in md and "one row per match result." in md
    assert "| `home_team` | VARCHAR | the team playing at home, as the league writes it |" in md
    assert "| `extra` | INTEGER | *(undocumented)* |" in md


# ---- the project's own models ----


def test_every_model_header_follows_the_format():
    docs = catalog.read_catalog(sql_dir())
    assert set(docs) == set(models.load_models(sql_dir()))


def build_sample_warehouse(path: Path) -> Path:
    from etl_gone import pipeline
    from etl_gone.warehouse import sample_dir

    pipeline.run_without_prefect(sample_dir(), path, lock_wait_seconds=0)
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = build_sample_warehouse(tmp_path_factory.mktemp("catalog") / "sample.duckdb")
    c = duckdb.connect(str(path))
    # what the build does once the comments are wired into it (harmless twice)
    c.execute("begin transaction")
    problems = catalog.apply_comments(c, sql_dir())
    c.execute("commit")
    yield c, problems
    c.close()


def test_every_staging_and_mart_column_has_a_comment(sample):
    con, problems = sample
    missing = con.execute("select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
                          "where comment is null and schema_name in ('staging', 'marts') order by 1").fetchall()
    assert missing == [], f"undocumented columns: {[m[0] for m in missing]}"
    tables = con.execute("select schema_name || '.' || table_name from duckdb_tables() "
                         "where comment is null and schema_name in ('staging', 'intermediate', 'marts')").fetchall()
    assert tables == []
    assert problems == [], "the SQL headers document columns the tables do not have:\n" + "\n".join(problems)


def test_docs_tables_md_is_up_to_date(sample):
    con, _ = sample
    expected = catalog.tables_markdown(catalog.read_catalog(sql_dir()), catalog.table_columns(con))
    assert DOCS_TABLES_MD.exists() and DOCS_TABLES_MD.read_text(encoding="utf-8") == expected, \
        "docs/tables.md is stale: run .venv/bin/python docs/make_tables_md.py"

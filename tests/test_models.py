"""The SQL model runner: ordering from references, clear errors, audits."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl_gone import models


def write_models(root: Path, files: dict[str, str]) -> Path:
    for rel, sql in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql)
    return root


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute("create schema raw")
    c.execute("create table raw.things as select * from (values (1, 'a'), (2, 'b')) t(id, name)")
    yield c
    c.close()


@pytest.mark.parametrize("sql, expected", [
    ("select * from raw.things", {"raw.things"}),
    ("select * from staging.a join intermediate.b using (id)", {"staging.a", "intermediate.b"}),
    ("-- reads marts.x in a comment\nselect 1 from raw.t", {"raw.t"}),
    ("/* staging.c */ select 'raw.fake' as s from raw.t", {"raw.t"}),
    ("select RAW.Things.id from RAW.Things", {"raw.things"}),
])
def test_references_ignore_comments_and_strings(sql, expected):
    assert models.references(sql) == expected


def test_order_follows_references_not_file_names(tmp_path, con):
    sql_dir = write_models(tmp_path, {
        "staging/a_last.sql": "select id, name from raw.things",
        "intermediate/b.sql": "select id from staging.a_last",
        "intermediate/a_first.sql": "select id * 10 as id from intermediate.b",
        "marts/z.sql": "select count(*) as n from intermediate.a_first",
    })
    order = list(models.build_models(con, sql_dir))
    assert order.index("staging.a_last") < order.index("intermediate.b") < order.index("intermediate.a_first") \
        < order.index("marts.z")
    assert con.execute("select n from marts.z").fetchone() == (2,)
    assert con.execute("select sum(id) from intermediate.a_first").fetchone() == (30,)


def test_cycle_is_reported_with_its_models(tmp_path, con):
    sql_dir = write_models(tmp_path, {
        "intermediate/a.sql": "select * from intermediate.b",
        "intermediate/b.sql": "select * from intermediate.a",
    })
    with pytest.raises(models.ModelError, match="cycle.*intermediate\\.(a|b)"):
        models.build_models(con, sql_dir)


def test_missing_table_is_named(tmp_path, con):
    sql_dir = write_models(tmp_path, {"staging/a.sql": "select * from raw.nowhere"})
    with pytest.raises(models.ModelError, match="staging.a.*raw.nowhere.*does not exist"):
        models.build_models(con, sql_dir)


@pytest.mark.parametrize("rel, sql", [
    ("staging/a.sql", "select * from marts.m"),
    ("marts/m.sql", "select * from raw.things"),
    ("intermediate/i.sql", "select * from raw.things"),
])
def test_layering_is_enforced(tmp_path, con, rel, sql):
    sql_dir = write_models(tmp_path, {rel: sql})
    with pytest.raises(models.ModelError, match="may read only"):
        models.build_models(con, sql_dir)


def test_broken_sql_names_the_model(tmp_path, con):
    sql_dir = write_models(tmp_path, {"staging/bad.sql": "select nonexistent_column from raw.things"})
    with pytest.raises(models.ModelError, match="staging.bad"):
        models.build_models(con, sql_dir)


def test_audits_return_violations_with_sample_rows(tmp_path, con):
    sql_dir = write_models(tmp_path, {
        "staging/things.sql": "select id, name from raw.things",
        "tests/passes.sql": "select * from staging.things where id is null",
        "tests/fails.sql": "select id, name from staging.things where id > 1",
    })
    models.build_models(con, sql_dir)
    results = {r.name: r for r in models.run_audits(con, sql_dir)}
    assert results["passes"].passed
    assert not results["fails"].passed
    assert results["fails"].violation_count == 1
    assert results["fails"].sample == ((2, "b"),)
    message = str(models.AuditFailure([results["fails"]]))
    assert "audit fails failed: 1 violating row" in message and "'name': 'b'" in message


def test_project_models_form_a_valid_graph():
    from etl_gone.warehouse import sql_dir

    loaded = models.load_models(sql_dir())
    order = models.build_order(loaded)
    assert {"staging.articles", "staging.paragraphs", "staging.quotes", "marts.quotes"} <= set(order)
    for name, model in loaded.items():
        assert model.sql.lstrip().startswith("--"), f"{name} needs a header comment stating its grain"

"""`etl-gone` command line.

    etl-gone run [--source DIR] [--warehouse FILE]
    etl-gone serve [--cron EXPR] [--source DIR] [--warehouse FILE]
    etl-gone timeline [--warehouse FILE] [--out FILE.html]
    etl-gone query NAME [-p key=value ...] [--format table|csv|json]
    etl-gone query --list
    etl-gone compact [--warehouse FILE]

Exit status 0 when the run completed (even with quarantined files), 1 when
the run itself failed (a failed audit, a broken model, a busy warehouse), 2
for a usage error. Errors are one readable line, not a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl_gone import early_server
from etl_gone.decode import Limits

# Parse workers are spawned processes that import the main module, i.e. this
# one: it imports nothing heavy at the top (duckdb, prefect) so that each
# worker does not carry them.


def _run(args: argparse.Namespace) -> int:
    source = args.source
    if source is not None and not Path(source).is_dir():
        print(f"etl-gone: source folder not found: {source}", file=sys.stderr)
        return 2
    floors = {}
    for item in args.accuracy_floor:
        metric, sep, value = item.partition("=")
        try:
            floors[metric.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            print(f"etl-gone: --accuracy-floor takes metric=number, got {item!r}", file=sys.stderr)
            return 2

    # before Prefect is imported: its temporary server starts up meanwhile
    early = early_server.start()
    from flows.etl_flow import flow_for  # imports Prefect: only when running

    try:
        with early_server.serving(early):
            result = flow_for(args.workers, args.dask_address)(
                source=source, warehouse=args.warehouse, batch_size=args.batch_size,
                max_file_bytes=args.max_file_bytes, max_paragraph_chars=args.max_paragraph_chars,
                max_article_chars=args.max_article_chars,
                lock_wait_seconds=args.lock_wait, show_progress=sys.stderr.isatty(),
                processes=args.processes, reread=args.reread,
                accuracy_floors=floors)
    except Exception as exc:  # the flow already logged the details  # noqa: BLE001
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"etl-gone: run failed: {first_line}", file=sys.stderr)
        return 1
    print(f"etl-gone: {result['files_seen']} files ({result['files_new']} new, {result['files_changed']} changed, "
          f"{result['files_rejected']} rejected), {result['articles_parsed']} articles parsed, "
          f"marts {'rebuilt' if result['models_rebuilt'] else 'unchanged'} -> {args.warehouse}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from flows.etl_flow import etl_gone

    source = str(Path(args.source).resolve()) if args.source else None
    etl_gone.serve(name=args.name, cron=args.cron, tags=["etl-gone"],
                   parameters={"source": source, "warehouse": str(Path(args.warehouse).resolve())},
                   description="Scheduled etl-gone run: new or changed article files into the warehouse")
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from etl_gone.timeline import write_timeline

    out = write_timeline(args.warehouse, args.out)
    print(f"etl-gone: timeline written to {out}")
    return 0


def _query(args: argparse.Namespace) -> int:
    from etl_gone import queries
    from etl_gone.warehouse import connect_reader

    if args.list or not args.name:
        for q in queries.list_queries():
            params = " ".join(f"[{p.name}]" if p.default is not None else p.name for p in q.params)
            print(f"{q.name:28} {q.description}" + (f"  (params: {params})" if params else ""))
        return 0
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"etl-gone: --param takes key=value, got {item!r}", file=sys.stderr)
            return 2
        params[key.strip()] = value
    queries.get_query(args.name)  # unknown names fail before the warehouse is opened
    con = connect_reader(args.warehouse, wait_seconds=args.lock_wait)
    try:
        columns, rows = queries.run_query(con, args.name, params)
    finally:
        con.close()
    print(queries.format_rows(columns, rows, args.format))
    return 0


def _compact(args: argparse.Namespace) -> int:
    from etl_gone import load, pipeline
    from etl_gone.warehouse import WarehouseMissing

    if not Path(args.warehouse).is_file():
        raise WarehouseMissing(f"no warehouse at {args.warehouse}: run `etl-gone run` first")
    con = pipeline.open_warehouse(args.warehouse, args.lock_wait)
    try:
        done = load.compact_texts(con)
    finally:
        con.close()
    print(f"etl-gone: raw text compacted: {done.texts_dropped} stale texts dropped, {done.files_before} files "
          f"-> {done.files_after}, {done.bytes_before / 1e6:.1f} MB -> {done.bytes_after / 1e6:.1f} MB")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from etl_gone.warehouse import DEFAULT_WAREHOUSE

    parser = argparse.ArgumentParser(prog="etl-gone", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="process article files into the warehouse through the Prefect flow")
    run.add_argument("--source", help="folder of article files (default: the bundled sample)")
    run.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    run.add_argument("--batch-size", type=int, default=200, help="articles per task (default: %(default)s)")
    run.add_argument("--max-file-bytes", type=int, default=Limits.max_file_bytes,
                     help="larger files are rejected (default: %(default)s)")
    run.add_argument("--max-paragraph-chars", type=int, default=Limits.max_paragraph_chars,
                     help="longer paragraphs are stored whole but parsed only this far (default: %(default)s)")
    run.add_argument("--lock-wait", type=float, default=None,
                     help="seconds to wait for another run writing the same warehouse (default: 600)")
    run.add_argument("--accuracy-floor", action="append", default=[], metavar="METRIC=MIN",
                     help="override a floor of the accuracy gate on the bundled sample (e.g. quote_f1=0.9)")
    run.add_argument("--max-article-chars", type=int, default=Limits.max_article_chars,
                     help="an article's paragraphs past this many characters are stored, not parsed "
                          "(default: %(default)s)")
    run.add_argument("--processes", type=int, default=None,
                     help="parse on N local processes (default: one per CPU core; 1 parses in the flow's process)")
    run.add_argument("--reread", action="store_true",
                     help="read every file again, even those whose size and modification time are unchanged")
    run.add_argument("--workers", type=int, default=None,
                     help="parse on a local Dask cluster of N worker processes (prefect-dask)")
    run.add_argument("--dask-address", default=None, help="parse on an existing Dask scheduler, e.g. tcp://host:8786")
    run.set_defaults(handler=_run)

    serve = sub.add_parser("serve", help="serve the flow as a scheduled Prefect deployment (needs PREFECT_API_URL)")
    serve.add_argument("--name", default="etl-gone-scheduled", help="deployment name (default: %(default)s)")
    serve.add_argument("--cron", default="0 * * * *", help="cron schedule (default: hourly, %(default)r)")
    serve.add_argument("--source", help="folder of article files (default: the bundled sample)")
    serve.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    serve.set_defaults(handler=_serve)

    timeline = sub.add_parser("timeline", help="draw the events mart as a self-contained HTML timeline")
    timeline.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    timeline.add_argument("--out", default="timeline.html", help="HTML file to write (default: %(default)s)")
    timeline.set_defaults(handler=_timeline)

    query = sub.add_parser("query", help="run a ready analyst query from sql/examples")
    query.add_argument("name", nargs="?", help="query name (see --list)")
    query.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--list", action="store_true", help="list the ready queries")
    query.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    query.add_argument("--lock-wait", type=float, default=5.0,
                       help="seconds to wait while a run holds the warehouse (default: %(default)s)")
    query.set_defaults(handler=_query)

    compact = sub.add_parser("compact", help="drop the raw text of replaced or removed articles from the text files")
    compact.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    compact.add_argument("--lock-wait", type=float, default=None,
                         help="seconds to wait while a run holds the warehouse (default: as for run)")
    compact.set_defaults(handler=_compact)
    return parser


def main(argv: list[str] | None = None) -> int:
    from etl_gone.queries import QueryParamError, UnknownQuery
    from etl_gone.warehouse import WarehouseBusy, WarehouseMissing

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (UnknownQuery, QueryParamError) as exc:
        print(f"etl-gone: {exc}", file=sys.stderr)
        return 2
    except (WarehouseMissing, WarehouseBusy) as exc:
        print(f"etl-gone: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # duckdb errors on a file that is not a warehouse, etc.  # noqa: BLE001
        import duckdb

        if not isinstance(exc, (duckdb.Error, OSError)):
            raise
        print(f"etl-gone: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("etl-gone: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

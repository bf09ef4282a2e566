"""`etl-gone` command line.

    etl-gone run [--source DIR] [--warehouse FILE]
    etl-gone serve [--cron EXPR] [--source DIR] [--warehouse FILE]

Exit status 0 when the run completed (even with quarantined files), 1 when
the run itself failed (a failed audit, a broken model, a busy warehouse), 2
for a usage error. Errors are one readable line, not a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl_gone.decode import Limits
from etl_gone.warehouse import DEFAULT_WAREHOUSE


def _run(args: argparse.Namespace) -> int:
    source = args.source
    if source is not None and not Path(source).is_dir():
        print(f"etl-gone: source folder not found: {source}", file=sys.stderr)
        return 2
    from flows.etl_flow import etl_gone  # imports Prefect: only when running

    try:
        result = etl_gone(source=source, warehouse=args.warehouse, batch_size=args.batch_size,
                          max_file_bytes=args.max_file_bytes, max_paragraph_chars=args.max_paragraph_chars,
                          lock_wait_seconds=args.lock_wait, show_progress=sys.stderr.isatty())
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="etl-gone", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="process article files into the warehouse through the Prefect flow")
    run.add_argument("--source", help="folder of article files (default: the bundled sample)")
    run.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    run.add_argument("--batch-size", type=int, default=500, help="articles per task (default: %(default)s)")
    run.add_argument("--max-file-bytes", type=int, default=Limits.max_file_bytes,
                     help="larger files are rejected (default: %(default)s)")
    run.add_argument("--max-paragraph-chars", type=int, default=Limits.max_paragraph_chars,
                     help="longer paragraphs are stored whole but parsed only this far (default: %(default)s)")
    run.add_argument("--lock-wait", type=float, default=None,
                     help="seconds to wait for another run writing the same warehouse (default: 600)")
    run.set_defaults(handler=_run)

    serve = sub.add_parser("serve", help="serve the flow as a scheduled Prefect deployment (needs PREFECT_API_URL)")
    serve.add_argument("--name", default="etl-gone-scheduled", help="deployment name (default: %(default)s)")
    serve.add_argument("--cron", default="0 * * * *", help="cron schedule (default: hourly, %(default)r)")
    serve.add_argument("--source", help="folder of article files (default: the bundled sample)")
    serve.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default: %(default)s)")
    serve.set_defaults(handler=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""What the dev scorers in bench/ share: where ../shared keeps the
development pages and the official scorer, and how to run that scorer on a
warehouse."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "corpora" / "aeb_dev"
AEB_SOURCE = AEB / "source"
AEB_BODIES = AEB / "bodies.json"
SCORER = SHARED / "eval" / "score.py"


def dev_scorer_parser(doc: str, verbose_help: str) -> argparse.ArgumentParser:
    """The command line every dev scorer starts from: its docstring as help, and -v."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help=verbose_help)
    return ap


def shared_tree_missing() -> bool:
    """True (and says so on stderr) when the development pages or the scorer are not there."""
    if AEB_SOURCE.is_dir() and SCORER.is_file():
        return False
    print(f"needs {AEB_SOURCE} and {SCORER}", file=sys.stderr)
    return True


def score_text(warehouse: Path, gold: Path, verbose: bool = False) -> str:
    """The scorer's report as it prints it (with every miss when verbose)."""
    cmd = [sys.executable, str(SCORER), "--warehouse", str(warehouse), "--gold", str(gold)]
    return subprocess.run(cmd + (["-v"] if verbose else []), capture_output=True, text=True, check=True).stdout


def score_json(warehouse: Path, gold: Path) -> dict:
    """The scorer's figures as a dict."""
    cmd = [sys.executable, str(SCORER), "--warehouse", str(warehouse), "--gold", str(gold), "--json"]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)

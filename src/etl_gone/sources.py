"""The file-system edge: find article files under a source folder and read them.

Discovery never follows symlinked folders (a symlink loop cannot trap it), and
reports what it cannot use instead of skipping it silently.
"""
from __future__ import annotations

import os
import stat
from datetime import datetime, timezone
from dataclasses import dataclass
from pathlib import Path

from etl_gone.decode import DEFAULT_LIMITS, Limits, RejectedInput, decode_article, is_article_name
from etl_gone.ids import content_sha256

# Articles are identified by the first hex digits of their content hash.
ARTICLE_ID_CHARS = 16
SYMLINKED_FOLDER_REASON = "symlinked folder not followed (a link can loop back); copy the folder in instead"
NOT_REGULAR_REASON = "not a regular file (broken or looping link, pipe or device)"


@dataclass(frozen=True)
class SourceFile:
    path: str  # absolute
    source_name: str  # relative to the source folder, '/'-separated
    size_bytes: int | None = None  # as listed: a file whose size and
    modified_at: datetime | None = None  # modification time are unchanged is not read again


@dataclass(frozen=True)
class RawArticle:
    """[raw.articles] one row per distinct article content."""

    article_id: str
    source_name: str
    content_sha256: str
    raw_text: str
    content_kind: str
    encoding: str
    size_bytes: int


@dataclass(frozen=True)
class SourceFileRow:
    """[raw.source_files] one row per file name seen under a source folder,
    pointing at the content it holds now (and the size and modification time
    it had when read: what tells a later run that it has not changed)."""

    source_root: str
    source_name: str
    article_id: str
    size_bytes: int | None = None
    modified_at: datetime | None = None


@dataclass(frozen=True)
class Rejection:
    """[raw.rejected_files] an input that could not be used, and why."""

    source_root: str
    source_name: str
    content_sha256: str | None
    stage: str  # 'discover', 'read', 'parse'
    reason: str


@dataclass
class ReadBatch:
    articles: list[RawArticle]
    files: list[SourceFileRow]
    rejected: list[Rejection]


def discover(source_dir: str | os.PathLike) -> tuple[list[SourceFile], list[Rejection]]:
    """Every article file under `source_dir`, recursively, in a stable order;
    plus rejections for files that are not articles (other suffixes, broken links)."""
    root = Path(source_dir).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"source folder not found: {source_dir}")
    found: list[SourceFile] = []
    rejected: list[Rejection] = []

    def unreadable_folder(exc: OSError) -> None:
        rel = _relative_name(Path(exc.filename or root), root)
        rejected.append(Rejection(str(root), rel, None, "discover", f"cannot read folder: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable_folder):
        # a symlinked folder is never entered (a link can loop back), but it is
        # reported: what it holds is not in the warehouse
        for name in sorted(d for d in dirnames if not d.startswith(".") and (Path(dirpath) / d).is_symlink()):
            rejected.append(Rejection(str(root), _relative_name(Path(dirpath) / name, root), None, "discover",
                                      SYMLINKED_FOLDER_REASON))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (Path(dirpath) / d).is_symlink())
        # plain string paths and one stat per file: pathlib cost more than the
        # file system when listing 10,000 unchanged files
        folder = Path(dirpath).relative_to(root).as_posix() if dirpath != str(root) else ""
        for name in sorted(filenames):
            if name.startswith("."):
                continue  # hidden files: editor swap files, .DS_Store
            path = os.path.join(dirpath, name)
            rel = _as_text(f"{folder}/{name}" if folder else name)
            if not is_article_name(name):
                rejected.append(Rejection(str(root), rel, None, "discover",
                                          "not an article file (expected .txt, .html or .htm, optionally .gz)"))
                continue
            try:
                st = os.stat(path)  # follows links: a link to a file is that file
            except OSError:  # a broken link, or gone since listed
                st = None
            if st is None or not stat.S_ISREG(st.st_mode):
                rejected.append(Rejection(str(root), rel, None, "discover", NOT_REGULAR_REASON))
            else:
                modified = datetime.fromtimestamp(st.st_mtime_ns / 1e9, tz=timezone.utc).replace(tzinfo=None)
                found.append(SourceFile(path, rel, st.st_size, modified))
    return found, rejected


def _as_text(rel: str) -> str:
    """A '/'-separated name under the source folder, always valid Unicode:
    bytes of a file name that are not UTF-8 are written as \\xNN (the name
    is stored as text, and must stay distinct from its neighbours')."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _relative_name(path: Path, root: Path) -> str:
    return _as_text(path.relative_to(root).as_posix())


def article_id_for(sha256_hex: str) -> str:
    return sha256_hex[:ARTICLE_ID_CHARS]


def read_files(source_root: str, files: list[SourceFile], limits: Limits = DEFAULT_LIMITS) -> ReadBatch:
    """Read and decode a batch of files. A file that cannot be used becomes a
    Rejection; nothing here raises for a bad file."""
    articles: dict[str, RawArticle] = {}
    rows: list[SourceFileRow] = []
    rejected: list[Rejection] = []
    for f in files:
        try:
            size = os.path.getsize(f.path)
            if size > limits.max_file_bytes:
                raise RejectedInput(f"file too large ({size:,} bytes; limit max_file_bytes={limits.max_file_bytes:,})")
            with open(f.path, "rb") as fh:
                data = fh.read()
        except RejectedInput as exc:
            rejected.append(Rejection(source_root, f.source_name, None, "read", str(exc)))
            continue
        except OSError as exc:
            rejected.append(Rejection(source_root, f.source_name, None, "read", f"cannot read file: {exc.strerror or exc}"))
            continue
        sha = content_sha256(data)
        try:
            decoded = decode_article(f.source_name, data, limits)
        except RejectedInput as exc:
            rejected.append(Rejection(source_root, f.source_name, sha, "read", str(exc)))
            continue
        aid = article_id_for(sha)
        rows.append(SourceFileRow(source_root, f.source_name, aid, f.size_bytes, f.modified_at))
        if aid not in articles:  # the same content under two names is one article
            articles[aid] = RawArticle(aid, f.source_name, sha, decoded.text, decoded.content_kind,
                                       decoded.encoding, len(data))
    return ReadBatch(list(articles.values()), rows, rejected)

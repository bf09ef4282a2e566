"""Make freed page-sized buffers go back to the operating system.

A run holds a batch of pages at a time (raw bytes, decoded text, Arrow
copies), each 100 KB-1 MB, and frees them when the batch is stored. glibc's
malloc serves blocks of at least its mmap threshold with their own mappings,
returned to the system on free, but it raises that threshold to the size of
every such block freed (up to 32 MB): after the first batch, page-sized
buffers come from the heap, whose freed holes are kept and fragment. A
writer's resident memory then crept batch after batch (610 to 910 MB over
3,000 pages; Python object counts, Arrow's pool and DuckDB's own accounting
all flat). Setting the threshold explicitly fixes it at that size and turns
the raising off (same run: 540-760 MB, no slower).

Elsewhere (macOS, musl, Windows) this is a no-op.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

# glibc's mallopt parameter number for the mmap threshold (malloc.h)
M_MMAP_THRESHOLD = -3
# glibc's own starting value: blocks of a page's size and up get their own mapping
MMAP_THRESHOLD_BYTES = 128 * 1024


def return_large_blocks_to_os(threshold_bytes: int = MMAP_THRESHOLD_BYTES) -> bool:
    """Fix glibc's mmap threshold for this process. True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, threshold_bytes) == 1

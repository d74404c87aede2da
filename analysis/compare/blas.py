"""One BLAS thread for the comparison statistics, unless the user chose otherwise.

The statistics multiply many small and middle-sized matrices (bootstrap draw counts by values,
:func:`analysis.compare.resampling.stratified_boot_cis`). A multi-threaded BLAS (numpy's OpenBLAS uses every
core by default) spends more CPU waiting between such products than it saves: on the roundups development
tables, ``compare --from-tables`` took 16.6 CPU s with OpenBLAS's default threads and 14.5 s with one, with
byte-identical tables (benchmarks/compare.md). Parallelism comes from ``--jobs`` and the cluster instead.

It also makes the results independent of the machine's core count: OpenBLAS splits a product over its threads,
and on the roundups ×7 tables 183 of 78,698 CIs differed in the 17th significant digit between one and two threads.

A user who set ``OPENBLAS_NUM_THREADS``, ``OMP_NUM_THREADS`` or ``MKL_NUM_THREADS`` keeps that setting.
Uses threadpoolctl (the library scikit-learn uses for the same job) to change the limit for the block only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

USER_SETTINGS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS limited to one thread inside the block (restored after), unless a :data:`USER_SETTINGS` variable
    is set."""
    if any(os.environ.get(name) for name in USER_SETTINGS):
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield

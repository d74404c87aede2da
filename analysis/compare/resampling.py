"""Vectorised resampling for outlet statistics: Kruskal–Wallis H, sequential permutation p, stratified bootstrap.

Everything works on numpy arrays, one matrix of draws per call (rows = resamples), in batches so memory
stays bounded (:data:`BATCH` draws × n values at a time).

* :func:`kruskal_wallis` — H with the tie correction (Kruskal & Wallis 1952) and its effect size
  ε² = H / (n − 1) (Tomczak & Tomczak 2014).
* :func:`sequential_p` — Monte Carlo p-values with Besag & Clifford's (1991) sequential stopping: draws
  continue, in batches of :data:`BATCH`, until each test has seen ``h`` (:data:`EXCEEDANCES`, 20) permuted
  statistics at least as extreme as the observed one, or until ``n_max`` draws. A test stopped at draw l
  gets p = h / l (its p is then at least h / n_max = 0.01 for n_max = 2,000: clearly not small); a test that
  reaches ``n_max`` with r exceedances gets p = (r + 1) / (n_max + 1) (Phipson & Smyth 2010). Tests that
  share the draws (e.g. every outlet against the rest for one metric) stop together when all have stopped;
  each test's p only depends on the draws up to its own stopping point, so it does not depend on the others.
* :func:`permutation_indices` — permutations of positions, optionally restricted to blocks (events): a
  within-block permutation keeps each value in its event (restricted randomisation, Good 2005, §3.6).
* :class:`BlockShuffledSums` — per-label sums of values permuted within blocks, for statistics that only
  need those sums (Kruskal–Wallis rank sums): a block of s ≤ :data:`SMALL_BLOCK` values draws one uniform
  integer among its s! orderings (the same uniform within-block permutation as :func:`permutation_indices`,
  drawn as one number per block instead of a shuffle of its positions).
* :func:`subset_sums` — the sum of a uniformly random subset of given size, m times (one group's sum under
  shuffled labels): rejection, Floyd's algorithm or permutations by size, on the smaller side.
* :class:`DrawStream` — batches of random draws shared by every test of the same size (one stream per seed and
  size: :func:`shared_permutations` of n positions), kept in memory up to a bound.
* :func:`random_signs` — an m × n matrix of independent fair 0/1 draws (8 per random byte) for sign-flip tests.
* :func:`stratified_boot_sums` — bootstrap sums per stratum (outlet) from one matrix of draws: each row
  resamples every outlet's values with replacement within that outlet (Efron & Tibshirani 1993, §8).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Callable, Iterator

import numpy as np

EXCEEDANCES = 20  # Besag–Clifford h
BATCH = 250  # draws per batch


def midranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties given their average rank (midranks; as ``scipy.stats.rankdata``'s "average")."""
    v = np.asarray(values, dtype=float)
    n = len(v)
    sorter = np.argsort(v, kind="mergesort")
    inv = np.empty(n, dtype=np.int64)
    inv[sorter] = np.arange(n)
    vs = v[sorter]
    new = np.r_[True, vs[1:] != vs[:-1]] if n else np.zeros(0, dtype=bool)
    dense = new.cumsum()[inv]
    bounds = np.r_[np.flatnonzero(new), n]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def tie_correction(ranks: np.ndarray) -> float:
    """1 − Σ(t³ − t)/(n³ − n) over groups of t tied values (Kruskal & Wallis 1952); 1 without ties."""
    n = len(ranks)
    if n < 2:
        return 1.0
    _, t = np.unique(ranks, return_counts=True)
    return float(1.0 - (t ** 3 - t).sum() / (n ** 3 - n))


def kruskal_wallis(values: np.ndarray, groups: np.ndarray) -> tuple[float, float]:
    """Kruskal–Wallis H (tie-corrected) and ε² = H/(n − 1) for ``values`` labelled by ``groups``.

    H = [12 / (n(n + 1)) · Σᵢ Rᵢ²/nᵢ − 3(n + 1)] / C, Rᵢ the rank sum of group i over midranks of all n
    values and C the tie correction (:func:`tie_correction`). ε² (Tomczak & Tomczak 2014, eq. 5) runs from 0
    (no group effect) to 1. NaN when there are fewer than 2 groups or every value is tied.
    """
    v = np.asarray(values, dtype=float)
    _, codes = np.unique(np.asarray(groups, dtype=str), return_inverse=True)
    k, n = int(codes.max()) + 1 if len(codes) else 0, len(v)
    if k < 2 or n < 3:
        return float("nan"), float("nan")
    ranks = midranks(v)
    c = tie_correction(ranks)
    if c <= 0:
        return float("nan"), float("nan")
    sizes = np.bincount(codes, minlength=k).astype(float)
    h = kw_core(np.bincount(codes, weights=ranks, minlength=k)[None, :], sizes, n)[0] / c
    return float(h), float(h / (n - 1))


def kw_core(rank_sums: np.ndarray, sizes: np.ndarray, n: int) -> np.ndarray:
    """Uncorrected H for each row of rank sums (rows = draws, columns = groups)."""
    return 12.0 / (n * (n + 1)) * (rank_sums ** 2 / sizes[None, :]).sum(axis=1) - 3.0 * (n + 1)


def permutation_indices(rng: np.random.Generator, m: int, n: int, blocks: np.ndarray | None = None) -> np.ndarray:
    """``m`` × ``n`` matrix, each row a random permutation of 0..n−1; with ``blocks`` (block codes, sorted
    ascending) each position only receives a position of its own block."""
    if blocks is None:
        return rng.permuted(np.tile(np.arange(n), (m, 1)), axis=1)
    # Blocks of one size are shuffled together (one ``permuted`` call on an m × blocks × size array): linear
    # in n, where sorting random keys per row cost n log n and dominated within-event tests.
    codes = np.asarray(blocks)
    out = np.tile(np.arange(n), (m, 1))
    if n == 0:
        return out
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    sizes = np.diff(np.r_[starts, n])
    for size in np.unique(sizes[sizes > 1]):
        first = starts[sizes == size]
        pos = first[:, None] + np.arange(size)[None, :]
        shuffled = rng.permuted(np.broadcast_to(pos, (m, *pos.shape)), axis=2)
        out[:, pos.ravel()] = shuffled.reshape(m, -1)
    return out


STREAM_CACHE_BYTES = 96 << 20  # batches of shared draws kept in memory, over all streams
MAX_STREAMS = 4096  # streams remembered (their generator states), least recently used forgotten first

class DrawStream:
    """Batches of random draws, :data:`BATCH` rows each, shared by every test whose null distribution they fit.

    A permutation test may use any uniform random permutations of its size, so tests of the same size — the
    omnibus tests of every measure defined on the same articles, pair tests of equal size — can draw them
    from one stream, seeded by ``seed`` and the size alone: batch b is the same whichever test asks for it and
    whichever tests asked before, so a test's p still depends only on its own values and on the stream (its
    Monte Carlo error is correlated with the other tests', which leaves each p valid). ``make(rng)`` draws one
    batch. Batches are kept in memory up to :data:`STREAM_CACHE_BYTES` over all streams (the least recently
    used stream's batches are dropped first); a dropped batch is drawn again from the generator state saved at
    its start (the same numbers).
    """

    def __init__(self, key: tuple, make: Callable[[np.random.Generator], np.ndarray]) -> None:
        self._make = make
        self._rng = np.random.default_rng([zlib.crc32(repr(key).encode("utf-8"))])
        self._states: list[dict] = []  # generator state at the start of each batch drawn so far
        self._data: dict[int, np.ndarray] = {}  # the batches kept in memory

    @staticmethod
    def of(key: tuple, make: Callable[[np.random.Generator], np.ndarray]) -> DrawStream:
        """The process's stream for ``key`` (made most recently used); ``make`` must be the same for a key. At
        most :data:`MAX_STREAMS` are remembered (a forgotten stream starts again from its seed: the same draws)."""
        stream = _STREAMS.pop(key, None)
        _STREAMS[key] = stream = stream if stream is not None else DrawStream(key, make)
        while len(_STREAMS) > MAX_STREAMS:
            oldest = _STREAMS.pop(next(iter(_STREAMS)))
            _CACHED[0] -= sum(d.nbytes for d in oldest._data.values())
        return stream

    def _keep(self, b: int, data: np.ndarray) -> None:
        size = data.nbytes
        for other in list(_STREAMS.values()):  # least recently used first
            if _CACHED[0] + size <= STREAM_CACHE_BYTES:
                break
            if other is not self and other._data:
                _CACHED[0] -= sum(d.nbytes for d in other._data.values())
                other._data.clear()
        if _CACHED[0] + size <= STREAM_CACHE_BYTES:
            self._data[b] = data
            _CACHED[0] += size

    def batch(self, b: int) -> np.ndarray:
        """Batch ``b`` (0-based) of the stream."""
        while len(self._states) <= b:
            self._states.append(self._rng.bit_generator.state)
            self._keep(len(self._states) - 1, self._make(self._rng))
        data = self._data.get(b)
        if data is None:
            bits = type(self._rng.bit_generator)()
            bits.state = self._states[b]
            data = self._make(np.random.Generator(bits))
        return data

    def draws(self) -> Callable[[int], np.ndarray]:
        """``draw(m)`` giving the next m rows (m ≤ :data:`BATCH`), batch by batch from the first."""
        nxt = itertools.count()

        def draw(m: int) -> np.ndarray:
            return self.batch(next(nxt))[:m]

        return draw


_STREAMS: dict[tuple, DrawStream] = {}  # by key, least recently used first
_CACHED = [0]  # bytes of the batches kept by all streams


def shared_permutations(seed: int, n: int) -> Callable[[int], np.ndarray]:
    """``draw(m)``: the next m random permutations of 0 … n − 1 (int32 rows) of the process's shared stream for
    ``seed`` and n (:class:`DrawStream`). Generating permutations was most of an independent omnibus or pair
    test's cost, and a metrics table has many measures on the same articles."""
    def make(rng: np.random.Generator) -> np.ndarray:
        return rng.permuted(np.tile(np.arange(n, dtype=np.int32), (BATCH, 1)), axis=1)

    return DrawStream.of(("permutations", int(seed), int(n)), make).draws()


SMALL_BLOCK = 4  # blocks up to this size: one random integer per block (s! ≤ 24 orderings, precomputed)


class BlockShuffledSums:
    """Sums per label of ``values`` permuted within blocks, ``m`` draws at a time: row r, column j is
    Σ over positions p with ``labels[p] == j`` of the value that draw r's within-block permutation moves to p.

    ``blocks`` are block codes sorted ascending (values of one block adjacent). Every block's permutation is
    uniform over its orderings and independent of the other blocks' (restricted randomisation, Good 2005,
    §3.6), as with :func:`permutation_indices`; only the way it is drawn differs: a block of s values with
    2 ≤ s ≤ :data:`SMALL_BLOCK` draws one integer u uniform on 0 … s! − 1 and takes the u-th ordering of
    ``itertools.permutations`` (its values under every ordering are precomputed, s!·s numbers a block);
    larger blocks are shuffled with ``Generator.permuted`` as in :func:`permutation_indices`; single values
    and blocks of equal values never move (their sums are a constant under every ordering). The random numbers are
    drawn block size by block size, in ascending size, and the sums of each size are added to the others' in that
    order (for rank sums, multiples of ½, exactly the sums of any order). For an event design of 2–3 articles per
    event this is about 3 times cheaper than building every row's permutation of the n positions.
    """

    def __init__(self, values: np.ndarray, labels: np.ndarray, k: int, blocks: np.ndarray) -> None:
        from itertools import permutations

        v, lab, codes = np.asarray(values, dtype=float), np.asarray(labels, dtype=np.int64), np.asarray(blocks)
        n = len(v)
        self.k = k
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if n else np.zeros(0, dtype=np.int64)
        sizes = np.diff(np.r_[starts, n]).astype(np.int64)
        # a block whose values are all equal gives the same sums under every ordering: like a single value it
        # never moves (an exact shortcut, not an approximation; most blocks of sparse measures are all-zero)
        block_of = np.repeat(np.arange(len(starts)), sizes)
        spread = (np.maximum.reduceat(v, starts) - np.minimum.reduceat(v, starts)) if n else np.zeros(0)
        sizes = np.where(spread == 0, 1, sizes)
        still = (sizes == 1)[block_of]
        self.fixed = np.bincount(lab[still], weights=v[still], minlength=k)
        # (s!, values under each ordering, offsets, sums per label of the blocks' positions), per size
        self.small: list[tuple[int, np.ndarray, np.ndarray, GroupSums]] = []
        self.large: list[tuple[np.ndarray, GroupSums]] = []  # positions (blocks × size) above SMALL_BLOCK, per size
        for size in np.unique(sizes[sizes > 1]):  # the blocks that can move, by size
            pos = starts[sizes == size][:, None] + np.arange(size)[None, :]
            sums = GroupSums(lab[pos.ravel()], k)
            if size <= SMALL_BLOCK:
                table = np.array(list(permutations(range(int(size)))))
                ordered = np.ascontiguousarray(v[pos][:, table].reshape(-1, int(size)))  # (blocks · s!) × s
                # one s-value row as one opaque item: gathering rows is then a plain 1-d take (about twice as fast)
                rows = ordered.view(np.dtype((np.void, ordered.itemsize * int(size)))).ravel()
                self.small.append((len(table), rows, np.arange(len(pos)) * len(table), sums))
            else:
                self.large.append((pos, sums))
        self.values = v

    def __call__(self, rng: np.random.Generator, m: int) -> np.ndarray:
        # the sums of each block size are added to the fixed ones size by size (no m × n copy of the draws); for
        # rank sums (multiples of ½) every order of addition gives exactly the same sums
        out = np.tile(self.fixed.astype(float), (m, 1))
        for n_orders, rows, offsets, sums in self.small:
            pick = rng.integers(0, n_orders, size=(m, len(offsets)))
            pick += offsets[None, :]
            out += sums(rows[pick].view(np.float64).reshape(m, -1))  # m × (blocks · s) values
        for pos, sums in self.large:
            shuffled = rng.permuted(np.broadcast_to(pos, (m, *pos.shape)), axis=2)
            out += sums(self.values[shuffled.reshape(m, -1)])
        return out


def random_signs(rng: np.random.Generator, m: int, n: int) -> np.ndarray:
    """``m`` × ``n`` matrix of independent fair 0/1 draws (uint8), eight from each random byte
    (``numpy.unpackbits``): the draws of m sign-flip resamples, sign = 2·bit − 1."""
    packed = rng.integers(0, 256, size=(m, (n + 7) // 8), dtype=np.uint8)
    return np.unpackbits(packed, axis=1, count=n)


def group_sums(values: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """Row-wise sums of ``values`` (m × n) per group code (n,) -> m × k, with one ``bincount``."""
    return GroupSums(codes, k)(values)


class GroupSums:
    """:func:`group_sums` for fixed ``codes``: the ``bincount`` index of m rows (row · k + code) is built once per
    m and reused by every batch of draws (the same sums, without rebuilding an m × n index each time)."""

    def __init__(self, codes: np.ndarray, k: int) -> None:
        self.codes, self.k = np.asarray(codes), k
        self._flat: dict[int, np.ndarray] = {}

    def __call__(self, values: np.ndarray) -> np.ndarray:
        m, k = values.shape[0], self.k
        flat = self._flat.get(m)
        if flat is None:
            flat = self._flat[m] = (np.arange(m)[:, None] * k + self.codes[None, :]).ravel()
        return np.bincount(flat, weights=values.ravel(), minlength=m * k).reshape(m, k)


def sequential_p(draw: Callable[..., np.ndarray], observed: np.ndarray, n_max: int, two_sided: bool = True,
                 h: int = EXCEEDANCES, batch: int = BATCH, live_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Besag–Clifford sequential Monte Carlo p-values for several tests sharing the draws.

    ``draw(m)`` returns an m × T matrix of statistics under the null (T = len(observed)); with ``live_only``,
    ``draw(m, tests)`` returns the m × len(tests) statistics of just the tests still drawing (positions into
    ``observed``), so stopped tests cost nothing. Exceedance: |T*| ≥ |T| (two-sided) or T* ≥ T, with a
    relative tolerance of 1e-12 for float rounding. Returns ``(p, n_draws)`` per test (module docstring for
    the rule). NaN observed -> NaN p, 0 draws.
    """
    obs = np.asarray(observed, dtype=float)
    t = len(obs)
    p = np.full(t, np.nan)
    used = np.zeros(t, dtype=np.int64)
    live = ~np.isnan(obs)
    if t == 0 or not live.any() or n_max <= 0:
        return p, used
    ref = np.abs(obs) if two_sided else obs
    cut = ref - 1e-12 * np.maximum(1.0, np.abs(obs))
    exceed = np.zeros(t, dtype=np.int64)
    stop_at = np.zeros(t, dtype=np.int64)
    done = ~live
    drawn = 0
    while drawn < n_max and not done.all():
        m = min(batch, n_max - drawn)
        idx = np.flatnonzero(~done)
        stats = draw(m, idx) if live_only else draw(m)[:, idx]
        ext = (np.abs(stats) if two_sided else stats) >= cut[None, idx]
        cum = exceed[None, idx] + np.cumsum(ext, axis=0)
        hit = cum[-1] >= h
        if hit.any():
            first = np.argmax(cum[:, hit] >= h, axis=0)
            stop_at[idx[hit]] = drawn + first + 1
        exceed[idx] = cum[-1]
        done[idx[hit]] = True
        drawn += m
    stopped = live & (stop_at > 0)
    rest = live & ~stopped
    p[stopped] = h / stop_at[stopped]
    used[stopped] = stop_at[stopped]
    p[rest] = (exceed[rest] + 1) / (drawn + 1)
    used[rest] = drawn
    return p, used


def _stratified_draws(codes: np.ndarray, k: int, n_boot: int, rng: np.random.Generator, batch: int,
                      index_type: type) -> Iterator[tuple[int, np.ndarray]]:
    """The stratified bootstrap's draws, ``batch`` rows at a time: ``(first row, m × n positions)`` where each
    position is drawn uniformly within its own group (``codes`` ascending, so a group is one run of positions):
    start + ⌊u·size⌋ (u·size ≥ 0, so truncating to an integer is the floor; worked in place)."""
    codes = np.asarray(codes)
    sizes = np.bincount(codes, minlength=k)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    base, width = starts[codes].astype(index_type), sizes[codes].astype(float)
    for lo in range(0, n_boot, batch):
        m = min(batch, n_boot - lo)
        u = rng.random((m, len(codes)))
        u *= width[None, :]
        idx = u.astype(index_type)
        idx += base[None, :]
        yield lo, idx


def stratified_boot_sums(values: np.ndarray, codes: np.ndarray, k: int, n_boot: int, rng: np.random.Generator,
                         batch: int = BATCH) -> np.ndarray:
    """``n_boot`` × k bootstrap sums: each row resamples, within each group, that group's values with
    replacement (group sizes fixed). ``codes`` must be sorted ascending (values grouped)."""
    v = np.asarray(values, dtype=float)
    sizes = np.bincount(codes, minlength=k)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    present = np.flatnonzero(sizes)  # reduceat needs non-empty segments
    out = np.zeros((n_boot, k))
    index_type = np.int32 if len(v) < 2**31 else np.int64
    for lo, idx in _stratified_draws(codes, k, n_boot, rng, batch, index_type):
        # values are grouped (codes ascending), so each group's sum is one segment of the row
        out[lo:lo + len(idx), present] = np.add.reduceat(v[idx], starts[present], axis=1) if len(v) else 0.0
    return out


def stratified_boot_counts(codes: np.ndarray, k: int, n_boot: int, rng: np.random.Generator,
                           batch: int = BATCH) -> np.ndarray:
    """``n_boot`` × n matrix of how often each value is drawn by the stratified bootstrap of
    :func:`stratified_boot_sums` (the same random numbers: row r's sums per group are ``counts[r] @`` the
    values of each group). Counts fit in uint16 when every group has fewer than 65,536 values, else int32."""
    codes = np.asarray(codes)
    n = len(codes)
    sizes = np.bincount(codes, minlength=k)
    out = np.zeros((n_boot, n), dtype=np.uint16 if sizes.max(initial=0) < 2**16 else np.int32)
    for lo, idx in _stratified_draws(codes, k, n_boot, rng, batch, np.int64):
        m = len(idx)
        idx += (np.arange(m, dtype=np.int64) * n)[:, None]  # row r's positions counted in its own n bins
        out[lo:lo + m] = np.bincount(idx.ravel(), minlength=m * n).reshape(m, n)
    return out


def stratified_boot_cis(values: np.ndarray, codes: np.ndarray, k: int, n_boot: int, rng: np.random.Generator,
                        confidence: float = 0.95, chunk_bytes: int = 32 * 2**20) -> tuple[np.ndarray, np.ndarray]:
    """Percentile CIs (:func:`percentile_ci`) of every group's mean for several variables measured on the same
    units: ``values`` is n × M (one column per variable, rows grouped by ``codes`` ascending), the result two
    k × M arrays. One stratified bootstrap (:func:`stratified_boot_counts`) serves every column: resampled
    group sums are the draw counts times the values (a matrix product per group), so M variables cost little
    more than one. Columns are worked in chunks of about ``chunk_bytes`` of resampled sums."""
    v = np.asarray(values, dtype=float)
    if v.ndim == 1:
        v = v[:, None]
    n_var = v.shape[1]
    sizes = np.bincount(codes, minlength=k)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    counts = stratified_boot_counts(codes, k, n_boot, rng)
    lo, hi = np.full((k, n_var), np.nan), np.full((k, n_var), np.nan)  # an empty group keeps NaN
    step = max(1, chunk_bytes // max(1, 8 * n_boot * k))
    for j in np.flatnonzero(sizes):
        seg = slice(starts[j], starts[j] + sizes[j])
        drawn = counts[:, seg].astype(float)  # the group's draw counts, converted once for all its columns
        for c0 in range(0, n_var, step):
            cols = slice(c0, min(n_var, c0 + step))
            means = (drawn @ v[seg, cols]) / sizes[j]
            lo[j, cols], hi[j, cols] = np.quantile(means, [(1 - confidence) / 2, (1 + confidence) / 2], axis=0)
    return lo, hi


def percentile_ci(draws: np.ndarray, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Column-wise percentile interval ((1−c)/2, (1+c)/2 quantiles, numpy's linear interpolation)."""
    lo, hi = np.quantile(draws, [(1 - confidence) / 2, (1 + confidence) / 2], axis=0)
    return lo, hi


FLOYD_CELLS = 1 << 24  # rows × n cells of the taken-mask that :func:`subset_sums` keeps at once (16 MB)


def subset_sums(values: np.ndarray, size: int, m: int, rng: np.random.Generator) -> np.ndarray:
    """Sums of ``size`` of ``values`` drawn without replacement, ``m`` times: the permutation distribution of
    one group's sum when group labels are shuffled (its sum is that of a uniformly random ``size``-subset).

    Drawn as the smaller side (a subset of s = min(size, n − size) values; the sum of the other side is the
    total minus it): s² ≤ n by :func:`random_subsets`' rejection; s ≤ n/4 by Floyd's algorithm (Bentley &
    Floyd 1987: for j = n − s … n − 1 draw t uniform on 0 … j and take t, or j when t was taken: every
    s-subset equally likely), s steps of m draws each; larger s from the first s positions of random
    permutations. One group's test then costs m·s draws instead of a permutation of all n values.
    """
    v = np.asarray(values, dtype=float)
    n = len(v)
    s = min(size, n - size)
    if s <= 0:
        return np.full(m, v.sum() if size == n else 0.0)
    if s * s <= n or 4 * s > n:
        sums = v[random_subsets(rng, m, s, n)].sum(axis=1)
    else:
        sums = np.empty(m)
        chunk = max(1, FLOYD_CELLS // n)
        for lo in range(0, m, chunk):
            rows = np.arange(min(chunk, m - lo))
            taken = np.zeros((len(rows), n), dtype=bool)
            acc = np.zeros(len(rows))
            for j in range(n - s, n):
                t = rng.integers(0, j + 1, size=len(rows))
                t = np.where(taken[rows, t], j, t)
                taken[rows, t] = True
                acc += v[t]
            sums[lo:lo + len(rows)] = acc
    return sums if s == size else v.sum() - sums


def random_subsets(rng: np.random.Generator, m: int, size: int, n: int) -> np.ndarray:
    """``m`` × ``size`` matrix, each row ``size`` distinct positions of 0..n−1 drawn uniformly (a random subset).

    Small subsets (size² ≤ n): integers drawn with replacement, rows with a repeat drawn again (rejection
    keeps the draw uniform over subsets); otherwise the first ``size`` positions of random permutations."""
    if size == 0:
        return np.zeros((m, 0), dtype=np.int64)
    if size * size > n:
        return rng.permuted(np.tile(np.arange(n), (m, 1)), axis=1)[:, :size]
    out = rng.integers(0, n, size=(m, size))
    while True:
        s = np.sort(out, axis=1)
        bad = np.flatnonzero((s[:, 1:] == s[:, :-1]).any(axis=1))
        if len(bad) == 0:
            return out
        out[bad] = rng.integers(0, n, size=(len(bad), size))

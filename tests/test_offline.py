"""Offline: analysing, writing tables, drawing figures and rendering the report need no network.

Non-loopback connections and name lookups are blocked (loopback and Unix sockets stay allowed, for
Jupyter kernels), and ``nltk.download`` is made to fail. Every blocked attempt is also logged, so a
caller that swallows the exception is still caught.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

# Installed as sitecustomize.py (via PYTHONPATH) in subprocesses, and exec'd in this process.
GUARD = r'''
import ipaddress
import os
import socket

_LOG = os.environ.get("MEDIACOMPARE_NET_LOG", "")


def _blocked(what):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(what + "\n")
    raise OSError(f"network blocked by test guard: {what}")


def _is_local(host):
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).split("%", 1)[0]
    if host in ("", "localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_address(address, what):
    if isinstance(address, tuple) and address and not _is_local(address[0]):
        _blocked(f"{what} {address!r}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_create_connection = socket.create_connection
_getaddrinfo = socket.getaddrinfo


def guarded_connect(self, address):
    _check_address(address, "connect")
    return _connect(self, address)


def guarded_connect_ex(self, address):
    _check_address(address, "connect_ex")
    return _connect_ex(self, address)


def guarded_create_connection(address, *args, **kwargs):
    _check_address(address, "create_connection")
    return _create_connection(address, *args, **kwargs)


def guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        _blocked(f"getaddrinfo {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


def nltk_download(*args, **kwargs):
    _blocked(f"nltk.download {args!r}")


def install():
    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.create_connection = guarded_create_connection
    socket.getaddrinfo = guarded_getaddrinfo
    try:
        import nltk
        import nltk.downloader
    except ImportError:
        return
    nltk.download = nltk_download
    nltk.downloader.download = nltk_download
    nltk.downloader.Downloader.download = nltk_download
'''


@pytest.fixture
def net_log(tmp_path: Path) -> Path:
    return tmp_path / "blocked.log"


@pytest.fixture
def guarded(monkeypatch: pytest.MonkeyPatch, net_log: Path) -> dict:
    """Block the network in this process (undone after the test by monkeypatch)."""
    monkeypatch.setenv("MEDIACOMPARE_NET_LOG", str(net_log))
    ns: dict = {"__name__": "offline_guard"}
    exec(compile(GUARD, "offline_guard", "exec"), ns)
    monkeypatch.setattr(socket.socket, "connect", ns["guarded_connect"])
    monkeypatch.setattr(socket.socket, "connect_ex", ns["guarded_connect_ex"])
    monkeypatch.setattr(socket, "create_connection", ns["guarded_create_connection"])
    monkeypatch.setattr(socket, "getaddrinfo", ns["guarded_getaddrinfo"])
    nltk = pytest.importorskip("nltk")
    downloader = pytest.importorskip("nltk.downloader")
    monkeypatch.setattr(nltk, "download", ns["nltk_download"])
    monkeypatch.setattr(downloader, "download", ns["nltk_download"])
    monkeypatch.setattr(downloader.Downloader, "download", ns["nltk_download"])
    return ns


def blocked(net_log: Path) -> list[str]:
    return net_log.read_text(encoding="utf-8").splitlines() if net_log.exists() else []


def test_guard_blocks_remote_and_allows_loopback(guarded: dict, net_log: Path) -> None:
    import nltk

    with pytest.raises(OSError, match="blocked by test guard"):
        socket.create_connection(("203.0.113.1", 80), timeout=0.5)  # TEST-NET-3, never routed
    with pytest.raises(OSError, match="blocked by test guard"):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(OSError, match="blocked by test guard"):
        nltk.download("cmudict")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    assert len(blocked(net_log)) == 3


def test_pipeline_tables_and_figures_offline(guarded: dict, net_log: Path, seeds_dir: Path, tmp_path: Path) -> None:
    from analysis.figures import save_plot
    from analysis.figures.profiles import plot_actor_emphasis, plot_frame_profile, plot_readability, plot_tone_arc
    from analysis.methods import methods_markdown
    from analysis.pipeline import analyse_corpus
    from analysis.tables import collect_tables, load_tables, save_tables

    tables = collect_tables(analyse_corpus(seeds_dir, progress=False))
    save_tables(tables, tmp_path / "tables")
    metrics = load_tables(tmp_path / "tables").metrics
    assert len(metrics) > 0
    for plot in (plot_readability(metrics), plot_tone_arc(metrics), plot_frame_profile(metrics),
                 plot_actor_emphasis(metrics, top=8)):
        assert save_plot(plot, tmp_path / "figures")["png"].is_file()
    assert "Methods" in methods_markdown()
    assert blocked(net_log) == []


def guarded_env(tmp_path: Path, net_log: Path) -> dict[str, str]:
    site = tmp_path / "guard_site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(GUARD + "\ninstall()\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), *filter(None, [env.get("PYTHONPATH")])])
    env["MEDIACOMPARE_NET_LOG"] = str(net_log)
    return env


def test_subprocess_guard_is_active(tmp_path: Path, net_log: Path) -> None:
    code = "import socket; socket.create_connection(('203.0.113.1', 80), timeout=0.5)"
    proc = subprocess.run([sys.executable, "-c", code], env=guarded_env(tmp_path, net_log),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "blocked by test guard" in proc.stderr
    assert len(blocked(net_log)) == 1


def test_cli_metrics_offline(tmp_path: Path, net_log: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "metrics", str(seeds_dir), "-o", str(out / "metrics.csv"),
         "--evidence", str(out / "evidence.csv"), "--articles", str(out / "articles.csv"),
         "--sentences", str(out / "sentences.parquet"), "--records", str(out / "records")],
        env=guarded_env(tmp_path, net_log), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no warnings, no progress bar without a TTY
    assert proc.stdout.startswith("mediacompare: analysed 2 of 2 articles;")
    assert blocked(net_log) == []


def test_cli_report_offline(tmp_path: Path, net_log: Path, seeds_dir: Path) -> None:
    """The report too: its notebook kernel inherits the guard and talks over local sockets only."""
    out = tmp_path / "report"
    proc = subprocess.run([sys.executable, "-m", "analysis", "report", str(seeds_dir), "-o", str(out)],
                          env=guarded_env(tmp_path, net_log), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").is_file() and list((out / "figures").glob("*.svg"))
    assert blocked(net_log) == []

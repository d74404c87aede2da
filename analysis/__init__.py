"""mediacompare: compare how news outlets cover the same events.

Pipeline: load -> clean -> parse once -> metric families -> tidy tables -> compare -> figures -> report.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mediacompare")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0+unknown"

"""Packaging beyond pyproject.toml: the repository's top-level notebooks/ folder ships in the package.

The notebooks stay where researchers look for them (notebooks/, the single copy in git) and are
installed as the package ``analysis.notebooks`` (read with importlib.resources), so an ordinary
``pip install .`` or wheel can render the report. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    # namespace packages too: a subpackage without __init__.py (analysis/reporting) must ship as well
    packages=[*find_namespace_packages(include=["analysis", "analysis.*"], exclude=["*.__pycache__"]),
              "analysis.notebooks"],
    package_dir={"analysis.notebooks": "notebooks"},
)

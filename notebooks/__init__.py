"""The report notebooks (NN-name.ipynb), installed as ``analysis.notebooks``; see setup.py."""

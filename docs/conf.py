"""Sphinx configuration of the qiskit-models documentation (builds offline)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.abspath(".."))
sys.path.insert(0, os.path.abspath("_ext"))

import qiskit_models  # noqa: E402

project = "qiskit-models"
author = "qiskit-models developers"
copyright = "2026, qiskit-models developers"  # noqa: A001
release = qiskit_models.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "qiskit_models_sphinx",  # docs/_ext: rules table, import table, API pages and their check
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list = []

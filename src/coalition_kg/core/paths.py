"""Where the project keeps things: its data, ontology, queries and build folder.

The build folder is ``build/`` unless the environment variable ``COALITION_KG_BUILD_DIR``
names another (the test suite builds into a temporary one, so that it never rewrites the
project's own); the curated data is ``data/`` unless ``COALITION_KG_DATA_DIR`` names another
(a curator's working copy, or a test that follows the README's curating steps on a copy).
Standard library only: every stage imports it, the query path included.
"""

from __future__ import annotations

import os
from pathlib import Path

BUILD_DIR_VARIABLE = "COALITION_KG_BUILD_DIR"
DATA_DIR_VARIABLE = "COALITION_KG_DATA_DIR"

PROJECT_DIR = Path(__file__).resolve().parents[3]
DATA_DIR = Path(os.environ.get(DATA_DIR_VARIABLE) or PROJECT_DIR / "data")
BUILD_DIR = Path(os.environ.get(BUILD_DIR_VARIABLE) or PROJECT_DIR / "build")
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
ONTOLOGY_FILES = ("coalition.ttl", "shapes.ttl")
QUERIES_DIR = PROJECT_DIR / "queries"

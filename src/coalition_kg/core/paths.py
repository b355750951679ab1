"""Where the project keeps things: its data, ontology, queries and build folder.

Standard library only: every stage imports it, the query path included.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[3]
DATA_DIR = PROJECT_DIR / "data"
BUILD_DIR = PROJECT_DIR / "build"
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
ONTOLOGY_FILES = ("coalition.ttl", "shapes.ttl")
QUERIES_DIR = PROJECT_DIR / "queries"

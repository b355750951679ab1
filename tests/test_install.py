"""The core install is enough for the graph: in a fresh virtual environment holding only
``pip install -e .`` (no extra), ``build``, ``query`` and ``export`` work, and ``propose``,
``serve`` and ``site`` say in one line which extra to install.

Slow (a minute or more: pip installs the core's packages from its cache or the registry), and
part of ``make test`` all the same. The install is editable because the package reads the
ontology, the questions and the data from the checkout (``core/paths.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from coalition_kg.core.paths import DATA_DIR, PROJECT_DIR

#: Modules of the propose, serve and review extras, none of which the core install may bring.
EXTRAS_MODULES = ("spacy", "nameparser", "text_to_num", "countryinfo", "anyascii", "fastapi", "uvicorn", "ruamel",
                  "pandas")
ARTICLE = DATA_DIR / "sources" / "004_488f5bce62634bfc.txt"
#: What a command of an extra says without it (on standard error; it exits with 2).
REFUSALS = {
    ("propose", str(ARTICLE)): "error: 'coalition-kg propose' needs the propose extra: pip install 'coalition-kg[propose]'\n",
    ("serve", "--port", "0"): "error: 'coalition-kg serve' needs the serve extra: pip install 'coalition-kg[serve]'\n",
    ("site", "-o", "site"): "error: 'coalition-kg site' needs the serve extra: pip install 'coalition-kg[serve]'\n",
    ("review", str(ARTICLE)): "error: 'coalition-kg review' needs the review extra: pip install 'coalition-kg[review]'\n",
}


def run(command: list[str | Path], environment: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=timeout, check=False)


@pytest.mark.slow
def test_the_core_install_builds_queries_and_exports_and_names_the_missing_extras(tmp_path):
    venv, build = tmp_path / "venv", tmp_path / "build"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=300)
    environment = {**os.environ, "COALITION_KG_BUILD_DIR": str(build), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    environment.pop("VIRTUAL_ENV", None)
    installed = run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "-e", PROJECT_DIR], environment, 1200)
    assert installed.returncode == 0, installed.stderr
    command = venv / "bin" / "coalition-kg"

    probe = "import importlib.util, sys; print(*[m for m in sys.argv[1:] if importlib.util.find_spec(m)])"
    assert run([venv / "bin" / "python", "-c", probe, *EXTRAS_MODULES], environment).stdout.strip() == ""

    built = run([command, "build", "--data", DATA_DIR], environment)
    assert built.returncode == 0, built.stderr
    assert "built 546 triples" in built.stdout and "validation: conforms: 0 violation(s), 0 warning(s)" in built.stdout
    assert {"coalition.png", "timeline.png", "coalition.jsonld"} <= {path.name for path in build.iterdir()}
    assert (build / "ontology" / "index.html").read_text(encoding="utf-8").count("ckg:Membership") > 0

    members = run([command, "query", "members", "--format", "csv"], environment)
    assert members.returncode == 0, members.stderr
    rows = members.stdout.splitlines()
    assert rows[0] == "rank,state,label,kind,joined,instrument,sources,evidence,mission" and len(rows) == 1 + 6
    assert rows[1].startswith("1,https://w3id.org/coalition-kg/id/state/SLV,El Salvador,"
                              "https://w3id.org/coalition-kg/id/instrument-kind/signature,2024-08-03,")

    exported = run([command, "export", "--format", "turtle"], environment)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == (build / "coalition.ttl").read_text(encoding="utf-8")
    assert len(Graph().parse(data=exported.stdout, format="turtle")) == 546

    for arguments, message in REFUSALS.items():
        refused = subprocess.run([command, *arguments], capture_output=True, text=True, env=environment, cwd=tmp_path,
                                 timeout=600, check=False)
        assert (refused.returncode, refused.stdout, refused.stderr) == (2, "", message), arguments
    assert not (tmp_path / "site").exists()

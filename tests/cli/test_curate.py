"""coalition-kg propose: the draft on standard output or in a file, a one-line summary, clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from coalition_kg.cli import main
from coalition_kg.core.paths import DATA_DIR, PROJECT_DIR

ARTICLE = DATA_DIR / "sources" / "004_488f5bce62634bfc.txt"


def test_propose_writes_the_draft_to_a_file_and_says_so(tmp_path):
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["propose", str(ARTICLE), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == (f"proposed 26 facts from {ARTICLE} (2 to decide, 0 new register entries); wrote {out}\n")
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# Draft facts proposed by `coalition-kg propose` from {ARTICLE}, for a curator to review.\n")
    assert "  - id: gtm-adhesion\n    kind: instrument\n    instrument_kind: adhesion\n" in text
    assert CliRunner().invoke(main, ["propose", str(ARTICLE)]).stdout == text


def test_the_draft_is_the_same_bytes_in_another_process():
    """Another interpreter, another hash seed: the same draft."""
    runs = [subprocess.run([sys.executable, "-m", "coalition_kg", "propose", str(ARTICLE)], capture_output=True,
                           cwd=PROJECT_DIR, env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and len(runs[0]) > 10_000


def test_an_article_that_cannot_be_read_is_named_with_the_reason(tmp_path):
    missing = CliRunner().invoke(main, ["propose", str(tmp_path / "none.txt")])
    assert (missing.exit_code, missing.stderr) == (2, f"error: {tmp_path / 'none.txt'}: no such file; expected a data file\n")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Bogotá".encode("latin-1"))
    refused = CliRunner().invoke(main, ["propose", str(latin1)])
    assert (refused.exit_code, refused.stderr) == (2, f"error: {latin1}:1: byte 0xe1 is not UTF-8; expected a file saved as UTF-8\n")
    out = tmp_path / "kept.yaml"
    out.write_text("earlier draft\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["propose", str(latin1), "-o", str(out)]).exit_code == 2
    assert out.read_text(encoding="utf-8") == "earlier draft\n"


def test_a_broken_register_is_named_with_its_line(tmp_path: Path):
    data = tmp_path / "data"
    (data / "facts").mkdir(parents=True)
    (data / "register.yaml").write_text("register:\n  label: x\nentities:\n  - id: state/KEN\n   label: Kenya\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["propose", str(ARTICLE), "--data", str(data)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {data / 'register.yaml'}:5: YAML syntax error")

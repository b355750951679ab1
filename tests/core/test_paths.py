"""The build folder is build/ unless COALITION_KG_BUILD_DIR names another, for every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coalition_kg.core.paths import BUILD_DIR, BUILD_DIR_VARIABLE, PROJECT_DIR

CLI = Path(sys.executable).parent / "coalition-kg"


def test_the_test_suite_builds_outside_the_project() -> None:
    assert BUILD_DIR == Path(os.environ[BUILD_DIR_VARIABLE])
    assert not BUILD_DIR.is_relative_to(PROJECT_DIR)


def test_a_command_builds_into_the_folder_the_environment_names(tmp_path: Path) -> None:
    project_build = PROJECT_DIR / "build"
    before = sorted((p, p.stat().st_mtime_ns) for p in project_build.rglob("*")) if project_build.exists() else []
    environment = {**os.environ, BUILD_DIR_VARIABLE: str(tmp_path / "elsewhere")}
    completed = subprocess.run([str(CLI), "query", "officials", "--format", "csv"], env=environment,
                               capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[1].startswith("https://w3id.org/coalition-kg/id/person/bernardo-arevalo,")
    assert (tmp_path / "elsewhere" / "manifest.json").is_file()
    after = sorted((p, p.stat().st_mtime_ns) for p in project_build.rglob("*")) if project_build.exists() else []
    assert after == before

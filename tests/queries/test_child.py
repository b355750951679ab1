"""Ad-hoc queries run under a time limit that truly stops them, and a row limit that says what it left out."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import OxigraphServer

from coalition_kg import sparql
from coalition_kg.cli import main
from coalition_kg.queries import engine
from coalition_kg.queries.engine import QueryFailed
from coalition_kg.queries.results import Answer, GraphAnswer

# 546 triples to the fourth power: far more than a second's work
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
STOPPED = "the query ran longer than 1 s and was stopped; allow it more time with --timeout SECONDS"
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
GRAPH = "CONSTRUCT WHERE { ?s a ckg:State ; skos:prefLabel ?name }"


def test_a_slow_query_is_stopped_and_its_process_killed(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    children: list[subprocess.Popen] = []
    popen = subprocess.Popen

    def recorded(*args, **kwargs) -> subprocess.Popen:
        children.append(popen(*args, **kwargs))
        return children[-1]

    monkeypatch.setattr(engine.subprocess, "Popen", recorded)
    started = time.monotonic()
    with pytest.raises(QueryFailed) as error:
        sparql(ENDLESS, timeout=1, build_dir=built)
    assert str(error.value) == STOPPED
    assert time.monotonic() - started < 3
    assert [child.returncode for child in children] == [-9]  # killed, and waited for


def test_the_sparql_command_stops_a_slow_query(built: Path) -> None:
    result = CliRunner().invoke(main, ["sparql", "-", "--timeout", "1", "--build-dir", str(built)], input=ENDLESS)
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"error: {STOPPED}\n", "")


def test_a_crash_of_the_engine_is_a_message(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash of the query's process (what Oxigraph's parser did on brackets nested thousands
    deep, now refused before it runs: test_sparql_guard.py) is only a failed query."""
    popen = subprocess.Popen

    def crashing(*args, **kwargs) -> subprocess.Popen:
        child = popen(*args, **kwargs)
        threading.Timer(2.0, child.send_signal, (signal.SIGSEGV,)).start()
        return child

    monkeypatch.setattr(engine.subprocess, "Popen", crashing)
    with pytest.raises(QueryFailed) as error:
        engine.run_in_child(built, ENDLESS, {}, timeout=30, limit=10)
    assert str(error.value) == "the query engine crashed on this query (SIGSEGV)"


@pytest.mark.parametrize("endpoint", [False, True], ids=["local", "remote"])
def test_the_row_limit_keeps_the_first_rows_and_says_so(loaded_oxigraph: OxigraphServer, built: Path, endpoint: bool) -> None:
    url = loaded_oxigraph.query if endpoint else None
    everything = sparql(ALL_TRIPLES, endpoint=url, build_dir=built)
    assert (len(everything.rows()), everything.stopped_after, everything.note()) == (546, None, "")
    first = sparql(ALL_TRIPLES, endpoint=url, limit=5, build_dir=built)
    assert first.terms() == everything.terms()[:5]
    assert (first.stopped_after, first.note()) == (5, "stopped after 5 rows; use --limit to see more")
    exactly = sparql(ALL_TRIPLES, endpoint=url, limit=546, build_dir=built)
    assert (exactly.terms(), exactly.stopped_after) == (everything.terms(), None)


@pytest.mark.parametrize("endpoint", [False, True], ids=["local", "remote"])
def test_the_row_limit_counts_triples_of_a_graph(loaded_oxigraph: OxigraphServer, built: Path, endpoint: bool) -> None:
    url = loaded_oxigraph.query if endpoint else None
    everything = sparql(GRAPH, endpoint=url, build_dir=built)
    assert isinstance(everything, GraphAnswer) and len(everything.triples) == 16
    first = sparql(GRAPH, endpoint=url, limit=3, build_dir=built)
    assert isinstance(first, GraphAnswer) and len(first.triples) == 3
    assert set(first.triples) <= set(everything.triples)
    assert first.note() == "stopped after 3 triples; use --limit to see more"
    assert sparql("ASK { ?s ?p ?o }", endpoint=url, limit=1, build_dir=built) == Answer(("answer",), boolean=True)


def test_the_sparql_command_shows_the_rows_within_the_limit_and_a_note(built: Path) -> None:
    text = "SELECT ?state WHERE { ?state a ckg:State } ORDER BY ?state"
    limited = CliRunner().invoke(main, ["sparql", "-", "--limit", "2", "--build-dir", str(built)], input=text)
    assert (limited.exit_code, limited.stdout, limited.stderr) == (
        0, "state\n───────\nBahamas\nBelize\n2 rows\n", "note: stopped after 2 rows; use --limit to see more\n"
    )
    whole = CliRunner().invoke(main, ["sparql", "-", "--build-dir", str(built)], input=text)
    assert (whole.exit_code, whole.stdout.splitlines()[-1], whole.stderr) == (0, "8 rows", "")


def test_a_limit_must_be_positive() -> None:
    result = CliRunner().invoke(main, ["sparql", "-", "--limit", "0"], input="ASK {}")
    assert result.exit_code == 2
    assert "Invalid value for '--limit': 0 is not in the range x>=1." in result.stderr

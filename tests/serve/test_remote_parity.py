"""The server answers every canned question as the local store does: through the project's own
remote client (``coalition-kg query NAME --endpoint``) and through SPARQLWrapper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from query_samples import case_id, samples
from SPARQLWrapper import JSON, SPARQLWrapper

from coalition_kg.cli import main
from coalition_kg.queries.catalog import load_query
from coalition_kg.queries.engine import LocalEndpoint, ask, parameter_terms
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.store.disk import open_store


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_the_query_command_gives_the_same_rows_on_the_endpoint(served: str, built: Path, case) -> None:
    name, params = case
    options = [item for key, value in params.items() for item in ("-p", f"{key}={value}")]
    local = cli("query", name, *options, "--format", "csv", "--build-dir", str(built))
    remote = cli("query", name, *options, "--format", "csv", "--endpoint", f"{served}/sparql")
    assert remote == local
    assert local.split("\n")[0] == ",".join(json.loads(cli("query", name, *options, "--format", "json", "--build-dir", str(built)))["head"]["vars"])


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_sparqlwrapper_gets_the_same_bindings(served: str, built: Path, case) -> None:
    name, params = case
    query, local = load_query(name), LocalEndpoint(open_store(built))
    terms = parameter_terms(local, query, params)
    expected = json.loads(ask(local, query, params).to("json"))
    client = SPARQLWrapper(f"{served}/sparql")
    client.setQuery(with_values(query.text, {key: str(term) for key, term in terms.items()}))
    client.setReturnFormat(JSON)
    got = client.queryAndConvert()
    assert got["head"]["vars"] == expected["head"]["vars"]
    assert got["results"]["bindings"] == expected["results"]["bindings"]

"""Credentials: from an option, the environment or netrc; HTTP basic (a proxy in front of
Oxigraph that demands it), digest (Virtuoso) and a bearer token (rdflib-endpoint), each used
for real; and never a secret in an error, on the terminal or in a log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import OxigraphServer
from rdflib_endpoint_server import TOKEN, RdflibEndpoint
from recording_proxy import Proxy, backend_of, proxy_to
from virtuoso_server import PASSWORD, USER, VirtuosoServer

from coalition_kg import push, query
from coalition_kg.cli import main
from coalition_kg.remote.credentials import Credentials, CredentialsError, credentials_for
from coalition_kg.remote.endpoint import Access, RemoteError

SECRET = "s3cret-Pa55"
WRONG = "not-the-password-42"


@pytest.fixture
def netrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "netrc"
    path.write_text(f"machine 127.0.0.1 login analyst password {SECRET}\nmachine other.example login x password y\n")
    path.chmod(0o600)
    monkeypatch.setenv("NETRC", str(path))
    return path


def test_netrc_gives_the_host_its_login(netrc: Path) -> None:
    found = credentials_for("http://127.0.0.1:7878/query")
    assert (found.user, found.password, found.source) == ("analyst", SECRET, str(netrc))
    assert not credentials_for("http://localhost:7878/query")  # another host name, no default entry


def test_given_credentials_come_before_netrc(netrc: Path) -> None:
    assert credentials_for("http://127.0.0.1/q", "me", "pw") == Credentials("me", "pw", source="an option or the environment")
    assert credentials_for("http://127.0.0.1/q", token="t") == Credentials(token="t", source="an option or the environment")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"user": "me", "token": "t"}, "give either a user and password or a bearer token (--token), not both"),
        ({"password": "pw"}, "a password needs a user name (--user)"),
    ],
)
def test_credentials_that_do_not_go_together(given: dict[str, str], message: str) -> None:
    with pytest.raises(CredentialsError) as error:
        credentials_for("http://127.0.0.1/q", **given)
    assert str(error.value) == message


def test_a_broken_netrc_is_named_without_its_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "netrc"
    path.write_text(f"machine 127.0.0.1 login analyst password {SECRET} bogus\n")
    path.chmod(0o600)
    monkeypatch.setenv("NETRC", str(path))
    with pytest.raises(CredentialsError) as error:
        credentials_for("http://127.0.0.1/q")
    assert str(error.value) == f"{path}: cannot read it as a netrc file (machine NAME login USER password PASSWORD)"


def test_a_short_secret_is_hidden_where_it_stands_as_a_word() -> None:
    """Hidden inside every word, a one-letter password would leave no message to read."""
    scrubbed = Credentials("u", "p", source="netrc").scrub("http://host/sparql: 401 for u:p (dTpw, u%3Ap) upper")
    assert scrubbed == "http://host/sparql: 401 for ***:*** (***, ***%3A***) upper"


def test_credentials_print_without_their_secrets() -> None:
    shown = repr(Credentials("me", SECRET)) + repr(Access(user="me", password=SECRET, token=SECRET))
    assert SECRET not in shown


@pytest.fixture(scope="module")
def basic_proxy(oxigraph: OxigraphServer):  # noqa: ANN201
    """Oxigraph behind a proxy that demands HTTP basic authentication as analyst."""
    with proxy_to(Proxy(backend_of(oxigraph.base), basic=("analyst", SECRET))) as proxy:
        yield proxy


def test_basic_authentication_from_netrc(basic_proxy: Proxy, netrc: Path, built: Path) -> None:
    oxigraph = Access(store="oxigraph")
    push(basic_proxy.url("/update"), access=oxigraph, build_dir=built)
    answer = query("members", endpoint=basic_proxy.url("/query"), access=oxigraph, build_dir=built)
    assert answer.rows()[0]["label"] == "El Salvador"
    # each client is asked once; the answered challenge goes with every later request from the start
    assert [(r.method, r.path) for r in basic_proxy.challenged] == [("POST", "/update"), ("POST", "/query")]
    # the push's first small request, 4 graphs and 2 counts; the question's check of its parameter, answer and names
    assert len(basic_proxy.requests) == 1 + 4 + 2 + 3
    assert {r.headers["Authorization"][:6] for r in basic_proxy.requests} == {"Basic "}


def test_basic_authentication_from_the_environment(basic_proxy: Proxy, built: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "members", "--endpoint", basic_proxy.url("/query"), "--store", "oxigraph", "--format", "csv",
         "--build-dir", str(built)],
        env={"COALITION_KG_USER": "analyst", "COALITION_KG_PASSWORD": SECRET},
    )
    assert (result.exit_code, result.stdout.splitlines()[1][:44]) == (0, "1,https://w3id.org/coalition-kg/id/state/SLV")


def test_a_store_that_wants_credentials_says_so(basic_proxy: Proxy, built: Path) -> None:
    url = basic_proxy.url("/query")
    result = CliRunner().invoke(main, ["query", "members", "--endpoint", url, "--store", "oxigraph", "--build-dir", str(built)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {url}: HTTP error 401: Unauthorized; the store wants credentials "
        "(--user and --password, --token, or a netrc entry)\n",
    )


def test_a_wrong_password_is_refused_and_never_shown(
    basic_proxy: Proxy, built: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    url = basic_proxy.url("/query")
    result = CliRunner().invoke(
        main,
        ["query", "members", "--endpoint", url, "--store", "oxigraph", "--user", "analyst", "--password", WRONG,
         "--build-dir", str(built)],
    )
    assert (result.exit_code, result.stderr) == (
        2, f"error: {url}: HTTP error 401: Unauthorized; the store refused the credentials (from an option or the environment)\n"
    )
    assert WRONG not in result.output + caplog.text


def test_digest_authentication_with_virtuoso(virtuoso: VirtuosoServer, built: Path, caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.DEBUG)
    with pytest.raises(RemoteError) as error:
        push(virtuoso.sparql, access=Access(user=USER, password=WRONG), build_dir=built)
    assert str(error.value) == (
        f"{virtuoso.graph_store}: HTTP error 401: Unauthorized; the store refused the credentials (from an option or the environment); "
        "nothing was pushed"
    )
    assert WRONG not in str(error.value) + caplog.text
    summary = push(virtuoso.sparql, access=Access(user=USER, password=PASSWORD), build_dir=built)
    assert (summary.target, summary.method, summary.checked) == (virtuoso.graph_store, "Graph Store Protocol", True)


def test_digest_authentication_by_sparql_update(virtuoso: VirtuosoServer, built: Path) -> None:
    summary = push(virtuoso.sparql, access=Access(user=USER, password=PASSWORD), protocol="update", build_dir=built)
    assert (summary.target, summary.method, summary.default_graph_triples) == (virtuoso.sparql_auth, "SPARQL Update", 546)


def test_virtuoso_refuses_updates_without_credentials(virtuoso: VirtuosoServer, built: Path) -> None:
    with pytest.raises(RemoteError) as error:
        push(virtuoso.sparql, protocol="update", build_dir=built)
    assert str(error.value).startswith(
        f"{virtuoso.sparql}: HTTP error 500: Virtuoso 42000 Error SR186:SECURITY: No permission to execute procedure"
    )


def test_a_bearer_token_with_rdflib_endpoint(rdflib_endpoint: RdflibEndpoint, built: Path, caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.DEBUG)
    result = CliRunner().invoke(
        main, ["push", "--endpoint", rdflib_endpoint.sparql, "--token", WRONG, "--build-dir", str(built)]
    )
    assert (result.exit_code, result.stderr) == (
        2, f'error: {rdflib_endpoint.sparql}: HTTP error 403: {{"message":"Invalid API KEY."}}; nothing was pushed\n'
    )
    assert WRONG not in result.output + caplog.text
    result = CliRunner().invoke(
        main, ["push", "--endpoint", rdflib_endpoint.sparql, "--build-dir", str(built)], env={"COALITION_KG_TOKEN": TOKEN}
    )
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "each graph on the store holds as many triples as the build")


def test_credentials_in_the_url_are_refused_unechoed() -> None:
    with pytest.raises(RemoteError) as error:
        query("members", endpoint=f"http://analyst:{SECRET}@127.0.0.1:1/query")
    assert str(error.value) == (
        "http://127.0.0.1:1/query: credentials in the URL are not used; give them with --user and --password "
        "(or the environment, or a netrc entry)"
    )

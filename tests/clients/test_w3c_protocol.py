"""The W3C SPARQL 1.1 Protocol tests (the manifest of w3c/rdf-tests ``sparql/sparql11/protocol``,
vendored with its data and licence in ``w3c_protocol/``), query side, against ``coalition-kg serve``.

Every query test of the manifest (``query_*``, ``bad_query_*`` and ``bad_multiple_queries``, 20) is run as the manifest
writes it: its method, its path (``/sparql/`` becomes ``/sparql``), its headers, its body
encoded in its declared character encoding; then the status class, the format of the answer
(boolean, tabular or RDF, read by rdflib) and the boolean expected are checked. The test data
(``data1.nt`` ... ``data3.nt``) is added to a copy of the session's build, each file in the
named graph its ``rdfs:label`` names.

The update tests (``update_*``, ``bad_update_*`` and ``bad_multiple_updates``, 14) are not run: this endpoint is
read-only, and refuses every update with 403 (see tests/serve/test_sparql_router.py).
"""

from __future__ import annotations

import http.client
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pyoxigraph
import pytest
from client_answers import Rows, read
from coalition_server import serving
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from coalition_kg.store.disk import STORE_LINK

MANIFEST_DIR = Path(__file__).parent / "w3c_protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
#: What each expected format is read as.
FORMS = {"boolean": "ASK", "tabular": "SELECT", "RDF": "CONSTRUCT"}


class Request(NamedTuple):
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None


class Expected(NamedTuple):
    status_classes: frozenset[int]  # 2 for hts:StatusCode2xx ...
    answer_format: str | None
    boolean: bool | None


class ProtocolTest(NamedTuple):
    name: str
    exchanges: tuple[tuple[Request, Expected], ...]
    graph_data: tuple[tuple[str, Path], ...]  # (graph name, file)


def protocol_tests() -> list[ProtocolTest]:
    """The tests of the manifest, in its order."""
    manifest = Graph().parse(MANIFEST_DIR / "manifest.ttl", publicID=(MANIFEST_DIR / "manifest.ttl").as_uri())
    root = next(manifest.subjects(MF.entries, None))
    entries = Collection(manifest, manifest.value(root, MF.entries))
    return [protocol_test(manifest, entry) for entry in entries]


def protocol_test(manifest: Graph, entry: URIRef) -> ProtocolTest:
    action = manifest.value(entry, MF.action)
    exchanges = tuple((request(manifest, node), expected(manifest, manifest.value(node, HT.resp)))
                      for node in Collection(manifest, manifest.value(action, HT.requests)))
    graph_data = tuple(sorted((str(manifest.value(data, RDFS.label)), _file(manifest.value(data, UT.graph)))
                              for data in manifest.objects(entry, UT.graphData)))
    return ProtocolTest(str(entry).rsplit("#", 1)[-1], exchanges, graph_data)


def _file(iri: URIRef) -> Path:
    return Path(urlsplit(iri).path)


def request(manifest: Graph, node: URIRef) -> Request:
    path = str(manifest.value(node, HT.absolutePath))
    assert path.startswith("/sparql/"), path
    headers_list = manifest.value(node, HT.headers)
    headers = {str(manifest.value(header, HT.fieldName)): str(manifest.value(header, HT.fieldValue))
               for header in (Collection(manifest, headers_list) if headers_list else ())}
    body = manifest.value(node, HT.body)
    encoded = None
    if body is not None:
        encoded = str(manifest.value(body, CNT.chars)).encode(str(manifest.value(body, CNT.characterEncoding)))
    return Request(str(manifest.value(node, HT.methodName)), "/sparql" + path[len("/sparql/"):], headers, encoded)


def expected(manifest: Graph, response: URIRef) -> Expected:
    statuses = manifest.objects(response, MF.expectedStatus)  # hts:StatusCode2xx ...
    classes = frozenset(int(str(status).rsplit("StatusCode", 1)[-1][0]) for status in statuses)
    answer_format = manifest.value(response, MF.expectedFormat)
    boolean = manifest.value(response, MF.expectedBoolean)
    return Expected(classes, str(answer_format) if answer_format else None,
                    boolean.toPython() if isinstance(boolean, Literal) else None)


TESTS = protocol_tests()
QUERY_TESTS = [test for test in TESTS if "update" not in test.name]


def test_the_manifest_has_20_query_tests_besides_its_14_update_tests():
    assert len(QUERY_TESTS) == 20
    assert len(TESTS) - len(QUERY_TESTS) == 14


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``coalition-kg serve`` on a copy of the session's build holding the test data: its base URL."""
    copy = tmp_path_factory.mktemp("w3c") / "build"
    shutil.copytree(built, copy, symlinks=True)
    store = pyoxigraph.Store(str((copy / STORE_LINK).resolve()))
    for name, path in sorted({data for test in QUERY_TESTS for data in test.graph_data}):
        store.load(path=path, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(name))
    store.flush()
    del store
    with serving(copy, "--timeout", "10", "--workers", "1") as base:
        yield base


def sent(base: str, asked: Request) -> tuple[int, str | None, bytes]:
    """Status, Content-Type and body of ``asked``, sent byte for byte as the manifest writes it."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.request(asked.method, asked.path, body=asked.body, headers=asked.headers)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("test", QUERY_TESTS, ids=lambda test: test.name)
def test_the_query_tests_of_the_w3c_protocol_manifest(endpoint, test: ProtocolTest):
    for asked, wanted in test.exchanges:
        status, content_type, body = sent(endpoint, asked)
        assert status // 100 in wanted.status_classes, f"{status}: {body[:300]!r}"
        if wanted.answer_format is None:
            continue
        answer = read(body, content_type, FORMS[wanted.answer_format])
        kind = {"boolean": bool, "tabular": Rows, "RDF": Graph}[wanted.answer_format]
        assert isinstance(answer, kind), (content_type, body[:300])
        if wanted.boolean is not None:
            assert answer is wanted.boolean


def test_relative_iris_resolve_against_the_endpoint_url(endpoint):
    """``query_content_type_construct`` asks ``CONSTRUCT { <s> <p> 1 } WHERE {}``: Oxigraph's
    server, like this one, resolves its IRIs against the URL the query was sent to."""
    asked = next(test for test in QUERY_TESTS if test.name == "query_content_type_construct").exchanges[0][0]
    status, content_type, body = sent(endpoint, asked)
    assert status == 200
    triples = set(read(body, content_type, "CONSTRUCT"))
    assert triples == {(URIRef(endpoint + "/s"), URIRef(endpoint + "/p"), Literal(1))}

"""Apache Jena's ``rsparql`` (Debian's ``libapache-jena-java``, run from its jars) against
``coalition-kg serve``: every canned question, its parameters bound in a VALUES block as the CLI
binds them, and an ASK, a CONSTRUCT and a DESCRIBE, each compared with the local answer.

Jena sends a query whose URL would be over 2 KB (12 of the canned questions) as a POST, and
Java's HTTP client sends ``Upgrade: h2c`` with it; the server must read the request as
HTTP/1.1 and keep its body. For a graph, Jena asks Turtle first (then N-Triples, JSON-LD, RDF/XML).

Debian's ``jena-core`` moved Jena's copy of Xerces to the package ``xerces`` but left its message
bundles under ``org/apache/jena/ext/xerces``: the classes then fail to load (the regular-expression
bundle is read as XSD datatypes are built). The test puts the bundles where the classes look,
copied from the same jar. ``libxerces2-java``'s ``xercesImpl.jar`` does not help: it holds them
under ``org/apache/xerces``.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from client_answers import QUESTIONS, canned_questions, graph_of, results_of, same
from rdflib.query import Result
from required_tool import require

JAVA_DIR = Path("/usr/share/java")
#: Jena's jars and those the Debian poms of jena-arq, jena-base and jena-core declare (httpclient's
#: own with it), less the logging bridges: slf4j-nop keeps rsparql's output to its answer.
JARS = ("jena-cmds", "jena-arq", "jena-core", "jena-base", "jena-iri", "slf4j-api", "slf4j-nop", "guava",
        "commons-lang3", "commons-io", "commons-codec", "commons-compress", "commons-csv", "dexx.collection", "gson",
        "jackson-core", "jackson-databind", "jsonld-java", "thrift", "protobuf", "httpclient", "httpcore")
MOVED_BUNDLES = "org/apache/jena/ext/xerces/"
#: The longest URL Jena sends a query in by GET (HttpEnv.urlLimit); a longer query is POSTed.
JENA_URL_LIMIT = 2048
#: A JVM that starts fast: rsparql runs once per question.
JAVA = ("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")


@pytest.fixture(scope="module")
def classpath(tmp_path_factory: pytest.TempPathFactory) -> str:
    jars = [JAVA_DIR / f"{name}.jar" for name in JARS]
    missing = [jar.name for jar in jars if not jar.exists()]
    require(shutil.which("java") is not None and not missing, "Apache Jena's rsparql needs java and "
            f"{', '.join(missing) or 'its jars'} (apt-get install libapache-jena-java)")
    bundles = tmp_path_factory.mktemp("jena-bundles")
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(MOVED_BUNDLES) and name.endswith(".properties"):
                target = bundles / "xerces" / name[len(MOVED_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(bundles), *(str(jar) for jar in jars)])


def rsparql(classpath: str, endpoint: str, query: str, results: str, workdir: Path) -> bytes:
    """What rsparql prints for ``query`` sent to ``endpoint``, in its ``results`` format."""
    query_file = workdir / "query.rq"
    query_file.write_text(query, encoding="utf-8")
    done = subprocess.run([*JAVA, "-cp", classpath, "arq.rsparql", "--service", endpoint, "--query", str(query_file),
                           f"--results={results}"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout


@pytest.mark.parametrize(("name", "params"), canned_questions(), ids=[name for name, _ in canned_questions()])
def test_every_canned_question(served, local, classpath, tmp_path, name, params):
    text, expected = local.canned(name, params)
    printed = rsparql(classpath, f"{served}/sparql", text, "json", tmp_path)
    assert results_of(Result.parse(io.BytesIO(printed), format="json")) == expected


def test_most_canned_questions_go_as_posts(local):
    """Jena sends a query by GET while its URL stays within 2 KB, else by POST (with ``Upgrade:
    h2c``): all canned questions but ``stats`` are POSTs."""
    sizes = {name: len(quote(local.canned(name, params)[0])) for name, params in canned_questions()}
    assert sorted(name for name, size in sizes.items() if size <= JENA_URL_LIMIT) == ["stats"]


@pytest.mark.parametrize("form", ["ASK", "CONSTRUCT", "DESCRIBE"])
def test_the_other_forms(served, local, classpath, tmp_path, form):
    if form == "ASK":
        printed = rsparql(classpath, f"{served}/sparql", QUESTIONS[form], "json", tmp_path)
        assert results_of(Result.parse(io.BytesIO(printed), format="json")) is local.answer(QUESTIONS[form]) is True
    else:
        printed = rsparql(classpath, f"{served}/sparql", QUESTIONS[form], "N-TRIPLES", tmp_path)
        assert same(graph_of(printed, "nt"), local.answer(QUESTIONS[form]))

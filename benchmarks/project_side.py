"""The project's side of each measurement: its public API, so that the harness follows the code as it changes.

:func:`incremental` is the hook for incremental validation.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .timing import Result, alternating, result, timed

if TYPE_CHECKING:
    from coalition_kg.validation.report import ValidationReport


def incremental(build_dir: Path, new_source: Path, data_dir: Path) -> ValidationReport:
    """Validate one new facts file into the graph built in ``build_dir`` from ``data_dir`` (whose
    register the new facts name), as ``coalition-kg validate --incremental NEW_FILE`` does."""
    from coalition_kg.pipeline import validate_increment

    return validate_increment([new_source], build_dir, data_dir=data_dir)


def ingest_project(data_dir: str, build_dir: str, nquads: str, ntriples: str) -> Iterator[Result]:
    """Curated files -> quads -> N-Quads -> store (each source's graph and their union), as a
    build does; then the data for the baselines."""
    from coalition_kg import pipeline
    from coalition_kg.store.disk import load_store
    from coalition_kg.store.manifest import data_fingerprint

    Path(build_dir).mkdir(parents=True, exist_ok=True)

    def ingest() -> bytes:
        _, data = pipeline.load_quads(Path(data_dir))
        load_store(Path(build_dir), data.nquads, data.ntriples, data_fingerprint(Path(data_dir)))
        return data.nquads

    seconds, data = timed(ingest)
    Path(nquads).write_bytes(data)
    triples = _write_union_ntriples(data, Path(ntriples))
    quads = data.count(b"\n")
    yield result(seconds, f"{quads} quads, {triples} distinct triples")


def _write_union_ntriples(nquads: bytes, path: Path) -> int:
    import pyoxigraph

    triples = {quad.triple for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)}
    pyoxigraph.serialize(triples, str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return len(triples)


def build_project(data_dir: str, build_dir: str) -> Iterator[Result]:
    from coalition_kg import pipeline

    # validate, export, store: what the targets are about. Drawing a synthetic coalition of
    # hundreds of states is left out, as `coalition-kg build --no-pictures` leaves it out.
    seconds, summary = timed(lambda: pipeline.build(Path(data_dir), Path(build_dir), pictures=False, full=True))
    yield result(seconds, f"{summary.triples} triples, {summary.report.summary()}")


def build_after_new_source(data_dir: str, build_dir: str, new_source: str, reference_dir: str,
                           values: dict[str, str]) -> Iterator[Result]:
    """The build after one new source is added to the data last built into ``build_dir``, as a
    curator adds one (its facts file and its text). Then, not timed, a full build of the same data
    into ``reference_dir``: the exports must be the same bytes, and every canned question's answer
    the same rows."""
    from coalition_kg import pipeline

    data, facts = Path(data_dir), Path(new_source)
    shutil.copy(facts, data / "facts" / facts.name)
    for text in (facts.parent.parent / "sources").iterdir():
        shutil.copy(text, data / "sources" / text.name)
    seconds, summary = timed(lambda: pipeline.build(data, Path(build_dir), pictures=False))
    reference = pipeline.build(data, Path(reference_dir), pictures=False, full=True)
    differences = build_differences(Path(build_dir), Path(reference_dir), values)
    if (summary.triples, summary.counts, summary.report) != (reference.triples, reference.counts, reference.report):
        differences.append("summary")
    check = f"MISMATCH with a full build: {', '.join(differences)}" if differences else \
        "exports and every canned answer identical to a full build's"
    yield result(seconds, f"{summary.redone}; {check}", status="error" if differences else "")


def build_differences(build_dir: Path, reference_dir: Path, values: dict[str, str]) -> list[str]:
    """The exports and canned questions whose bytes or rows differ between two builds."""
    from coalition_kg.exports.formats import FORMATS
    from coalition_kg.queries.engine import LocalEndpoint, ask
    from coalition_kg.store.disk import open_store

    from .baselines import baseline_queries

    exports = [f"coalition.{extension}" for _, extension, _ in FORMATS.values()]
    differences = [name for name in exports if (build_dir / name).read_bytes() != (reference_dir / name).read_bytes()]
    endpoints = [LocalEndpoint(open_store(folder)) for folder in (build_dir, reference_dir)]
    for query, bindings in baseline_queries(values):
        given, _ = parameter_values(query, values)
        if not isinstance(bindings, str) and len({str(ask(e, query, given).rows()) for e in endpoints}) > 1:
            differences.append(f"query {query.name}")
    return differences


def validate_project(data_dir: str) -> Iterator[Result]:
    """The whole data against the project's shapes, as ``coalition-kg validate`` does; checked
    against the errors the generator seeded."""
    from coalition_kg import pipeline

    from .generate import read_generated

    seconds, report = timed(lambda: pipeline.validate_files((), Path(data_dir)))
    expected = read_generated(Path(data_dir)).errors
    yield result(seconds, f"{report.summary()}; {seeded_errors_check(report, expected, Path(data_dir))}")


def seeded_errors_check(report, expected, data_dir: Path) -> str:
    """Whether ``report`` holds exactly the ``expected`` seeded errors, at their file and line."""
    found = {(str(Path(r.file).resolve().relative_to(data_dir.resolve())) if r.file else "", r.line, r.message)
             for r in report.results}
    missing = [e for e in expected if not any((f, l) == (e.file, e.line) and e.message in m for f, l, m in found)]
    unexpected = [f for f in found if not any((f[0], f[1]) == (e.file, e.line) and e.message in f[2] for e in expected)]
    if not missing and not unexpected:
        return f"exactly the {len(expected)} seeded errors"
    return f"MISMATCH: {len(missing)} seeded errors not found, {len(unexpected)} unexpected results"


def validate_incremental(build_dir: str, new_source: str, data_dir: str) -> Iterator[Result]:
    seconds, report = timed(lambda: incremental(Path(build_dir), Path(new_source), Path(data_dir)))
    yield result(seconds, report.summary())


def parameter_values(query, values: dict[str, str]) -> tuple[dict[str, str], str]:
    """Values for the query's parameters that have no default; the name of one the harness lacks."""
    given = {p.name: values[p.name] for p in query.params if p.default is None and p.name in values}
    missing = next((p.name for p in query.params if p.required and p.name not in given), "")
    return given, missing


def query_side_by_side(build_dir: str, values: dict[str, str], runs: int, budget: float) -> Iterator[Result]:
    """Each canned question through the project's query layer; the same SPARQL with the
    parameters in a VALUES block, as the query layer and endpoints run it
    (:func:`coalition_kg.queries.sparql_text.with_values`), by pyoxigraph directly: the reference;
    and by pyoxigraph with the parameters substituted instead (for comparison: pyoxigraph plans
    before it substitutes), taking turns on the same built store. Then each question about something the graph does
    not hold (every entity parameter names an IRI it lacks), both ways of binding."""
    from pyoxigraph import Variable

    from coalition_kg.queries.engine import LocalEndpoint, ask
    from coalition_kg.store.disk import open_store

    from .baselines import baseline_queries

    endpoint = LocalEndpoint(open_store(Path(build_dir)))
    store = endpoint.store

    def substituted(text: str, bindings: dict) -> int:
        return len(list(store.query(text, substitutions={Variable(name): term for name, term in bindings.items()})))

    def in_values(text: str) -> int:
        return len(list(store.query(text)))

    for query, bindings in baseline_queries(values):
        if isinstance(bindings, str):
            yield from ({**result(None, bindings, query.name), "backend": b} for b in ("project", "pyoxigraph", "values"))
            continue
        given, _ = parameter_values(query, values)
        text = values_text(query.text, bindings)
        yield from alternating(query.name, {
            "project": lambda: len(ask(endpoint, query, given).terms()),
            "pyoxigraph": lambda: substituted(query.text, bindings),
            "values": lambda: in_values(text),
        }, runs, budget)
        absent = absent_bindings(bindings)
        if absent:
            absent_text = values_text(query.text, absent)
            yield from ({**item, "operation": "query absent"} for item in alternating(query.name, {
                "pyoxigraph": lambda: substituted(query.text, absent),
                "values": lambda: in_values(absent_text),
            }, runs, budget))


def values_text(text: str, bindings: dict) -> str:
    """The question's SPARQL with its parameters in a VALUES block, as an endpoint receives it."""
    from coalition_kg.queries.sparql_text import with_values

    return with_values(text, {name: str(term) for name, term in bindings.items()})


def absent_bindings(bindings: dict) -> dict:
    """The same parameters, each entity one the graph does not hold (its IRI with a suffix); empty
    when the question takes no entity."""
    from pyoxigraph import NamedNode

    if not any(isinstance(term, NamedNode) for term in bindings.values()):
        return {}
    return {name: NamedNode(f"{term.value}-absent") if isinstance(term, NamedNode) else term
            for name, term in bindings.items()}


def export_project(data_dir: str) -> Iterator[Result]:
    from coalition_kg import pipeline
    from coalition_kg.exports.formats import serialize

    _, canonical = pipeline.load_quads(Path(data_dir))
    seconds, data = timed(lambda: serialize(canonical, "turtle"))
    yield result(seconds, f"{len(data)} bytes of Turtle")


def networkx_project(data_dir: str) -> Iterator[Result]:
    """The coalition view as a networkx graph."""
    from coalition_kg import pipeline

    try:
        from coalition_kg.pictures.views import coalition_view
    except ImportError:
        yield result(None, "not available: no coalition_kg.graphs.coalition_view")
        return
    dataset = pipeline.load_project(Path(data_dir)).dataset
    seconds, graph = timed(lambda: coalition_view(dataset))
    yield result(seconds, f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")

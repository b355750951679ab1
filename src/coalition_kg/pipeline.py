"""The build, top to bottom: curated files -> RDF dataset -> SHACL validation -> store and exports.

Each stage is a subpackage (:mod:`coalition_kg.curation`, :mod:`coalition_kg.dataset`,
:mod:`coalition_kg.validation`, :mod:`coalition_kg.store`, :mod:`coalition_kg.exports`);
this module runs them in order and is the only one that knows them all. The public API
(:mod:`coalition_kg.api`) and the command line call the functions here.
"""

from __future__ import annotations

import fcntl
import gc
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Dataset, Graph, URIRef

from coalition_kg.core.atomic import staged_files, temporary_names, write_atomic
from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError, Location
from coalition_kg.core.namespaces import entity_iri
from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, ONTOLOGY_FILES
from coalition_kg.curation.model import ENTITY_CLASSES, FACT_KINDS, ORG, SOURCE_CLASS
from coalition_kg.curation.reader import Curation, Source, read_data_dir, read_files
from coalition_kg.dataset.canonical import Canonical, canonical, spliced, stored, union_ntriples
from coalition_kg.dataset.context import CONTEXT_FILE, context_document, dataset_document, graph_entries, written_entries
from coalition_kg.dataset.rdfinput import ACCEPTED, read_rdf_files
from coalition_kg.dataset.rdfize import REGISTER_REF, Mapped, new_dataset, to_quads
from coalition_kg.exports.formats import FORMATS, serialize, spliced_trig, spliced_turtle
from coalition_kg.queries.catalog_rdf import CATALOG_FILE, catalog_turtle
from coalition_kg.serve.documentation import DOCS_FOLDER, documentation
from coalition_kg.store import increments
from coalition_kg.store.disk import StoreCopy, load_store, open_store
from coalition_kg.store.increments import REGISTER_FILE
from coalition_kg.store.manifest import MANIFEST, clear_refusal
from coalition_kg.validation import incremental
from coalition_kg.validation.report import ValidationReport
from coalition_kg.validation.shacl import graph_warnings, relocated, validate_graph, warnings_are_sparql
from coalition_kg.validation.shapes import Shapes, read_shapes
from coalition_kg.validation.sparql_constraints import memory_store

BUILD_EXPORTS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
GRAPH_NAME = "coalition"
YAML_SUFFIXES = {".yaml", ".yml"}

#: Told the name of each step of a build or validation as it starts (the command line shows it).
Progress = Callable[[str], None]

# rdflib logs a traceback for every ill-typed literal; SHACL reports those to the curator instead.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


class InvalidData(Exception):
    """The data does not conform to the shapes; carries the report."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(report.summary())


@dataclass
class BuildSummary:
    """What a build produced."""

    triples: int
    counts: dict[str, int]
    report: ValidationReport
    outputs: list[Path] = field(default_factory=list)
    #: Which kind of build it was, and what it redid.
    redone: str = ""

    def to_text(self) -> str:
        # The counts are named in the plural; one of a kind is said in the singular ("1 mission").
        counts = ", ".join(f"{count} {name[:-1] if count == 1 else name}" for name, count in self.counts.items())
        text = f"built {self.triples} triples: {counts}\nvalidation: {self.report.summary()}"
        return f"{text}\n{self.redone}" if self.redone else text


def load_project(data_dir: Path = DATA_DIR, max_bytes: int = MAX_INPUT_BYTES) -> Mapped:
    """The project's curated data as RDF quads."""
    with _many_objects():
        return to_quads(read_data_dir(data_dir, max_bytes))


def load_quads(data_dir: Path = DATA_DIR, max_bytes: int = MAX_INPUT_BYTES) -> tuple[Mapped, Canonical]:
    """The project's curated data as quads, and in the canonical form that the store and
    every export are made from."""
    mapped = load_project(data_dir, max_bytes)
    with _many_objects():
        return mapped, canonical(mapped.quads)


@contextmanager
def _many_objects() -> Iterator[None]:
    """Reading and mapping make millions of objects at scale and no reference cycles; the cycle
    collector would walk all of them over and over, for half the time at a million triples."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_files(
    paths: Sequence[Path] = (),
    data_dir: Path = DATA_DIR,
    shapes_file: Path | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    progress: Progress | None = None,
) -> ValidationReport:
    """Validate the project data, or the given curated YAML or RDF files, against the project's
    shapes or those of ``shapes_file``. Files over ``max_bytes`` are refused unread.

    Curated facts files are checked together with the rest of the project data, so
    their references to states, missions and other sources' facts resolve.
    """
    step = progress or _quiet
    step("reading the shapes and the data")
    shapes = read_shapes(shapes_file, max_bytes) if shapes_file else None
    mapped = load_files(paths, data_dir, max_bytes)
    step("validating the data against the shapes")
    return _report(mapped, shapes)


def validate_increment(paths: Sequence[Path], build_dir: Path = BUILD_DIR,
                       max_bytes: int = MAX_INPUT_BYTES, progress: Progress | None = None,
                       data_dir: Path = DATA_DIR) -> ValidationReport:
    """Validate curated facts files against the graph built in ``build_dir``, looking only at
    their neighbourhood, with the register of ``data_dir`` unless one is given (see
    :mod:`coalition_kg.validation.incremental`)."""
    (progress or _quiet)("validating the facts against the built graph")
    return incremental.validate_increment(paths, open_store(build_dir), data_dir / "register.yaml", max_bytes)


def _quiet(_step: str) -> None:
    """No progress shown."""


def load_files(paths: Sequence[Path] = (), data_dir: Path = DATA_DIR, max_bytes: int = MAX_INPUT_BYTES) -> Mapped:
    """The dataset to validate for ``paths``: the project data when none are given; curated
    YAML files together with the rest of the project data; RDF files as they are."""
    yaml_files = [path for path in paths if path.suffix.lower() in YAML_SUFFIXES]
    if not paths:
        return load_project(data_dir, max_bytes)
    if len(yaml_files) == len(paths):
        with _many_objects():
            return to_quads(_with_project_data(read_files(paths, max_bytes), data_dir, max_bytes))
    if yaml_files:
        mixed = "curated YAML given with RDF files"
        raise InputError(Location(str(yaml_files[0]), 0), mixed, f"only YAML, or only {ACCEPTED}")
    return read_rdf_files(paths, max_bytes)


def build(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR, max_bytes: int = MAX_INPUT_BYTES,
          progress: Progress | None = None, pictures: bool | None = True, full: bool = False) -> BuildSummary:
    """Build, validate, store and export the graph, and draw its pictures (:data:`PICTURES`;
    ``pictures=False`` leaves them out and removes the previous ones, which would be stale;
    ``None`` does as the previous build in ``build_dir`` did). Unreadable data raises
    :class:`InputError`, invalid data :class:`InvalidData`; either way, and if the build fails
    or is interrupted midway, ``build_dir`` keeps its previous outputs whole.

    Only what changed since the last good build in ``build_dir`` is read, validated and replaced
    in the store (see :mod:`coalition_kg.store.increments`), unless ``full``; the store, the exports and
    the summary are the same as a full build's."""
    step = progress or _quiet
    with build_lock(build_dir):
        step("comparing the data with the last build")
        # Digested before reading: a file edited during the build makes the next build read it again.
        inputs = increments.Inputs.of(data_dir)
        last = increments.LastBuild.read(build_dir)
        if pictures is None:
            pictures = last.manifest.get("pictures", True)
        plan = "asked for" if full else increments.plan(inputs, last)
        if isinstance(plan, increments.Plan):
            try:
                return _incremental_build(inputs, last, plan, build_dir, max_bytes, step, pictures)
            except increments.FullBuildNeeded as reason:
                plan = str(reason)
        return _full_build(inputs, build_dir, max_bytes, step, pictures, plan)


def _full_build(inputs: increments.Inputs, build_dir: Path, max_bytes: int, step: Progress, pictures: bool,
                reason: str) -> BuildSummary:
    step("reading the curated data")
    with _many_objects():
        curation = read_data_dir(inputs.data_dir, max_bytes)
        mapped = to_quads(curation)
        data = canonical(mapped.quads)
    graph = _union_graph(mapped)
    step(f"validating {len(graph):,} triples against the shapes")
    report = _refuse_invalid(validate_graph(graph, mapped.origins, store=lambda: memory_store(data.ntriples)))
    triples, counts = len(graph), graph_counts(graph)
    drawn = _pictures(mapped.dataset, build_dir, step) if pictures else {}
    del mapped, graph  # a gigabyte at a million triples, not needed to store and export
    step("writing the exports")
    files = _output_files({name: serialize(data, name) for name in BUILD_EXPORTS}, drawn, build_dir)
    step("loading the store")
    # Every file is staged, and renamed into place only once all of them and the store are
    # ready: a failure or an interrupt midway leaves the previous build whole.
    with staged_files(files):
        store = load_store(build_dir, data.nquads, data.ntriples, inputs.fingerprint)
    summary = BuildSummary(triples, counts, report, [*files, store], f"full build: every source read and validated ({reason})")
    _finish(summary, inputs, dict(_source_records(inputs, curation.sources)), build_dir, pictures)
    return summary


def _incremental_build(inputs: increments.Inputs, last: increments.LastBuild, plan: increments.Plan, build_dir: Path,
                       max_bytes: int, step: Progress, pictures: bool) -> BuildSummary:
    shapes = read_shapes()
    if not warnings_are_sparql(shapes):
        raise increments.FullBuildNeeded("the shapes give warnings that only a validation of the whole graph finds")
    step(f"reading the register and {len(plan.read)} changed facts file(s)")
    curation = read_files([inputs.data_dir / REGISTER_FILE, *(inputs.data_dir / name for name in plan.read)], max_bytes)
    read_ids = [source.id for source in curation.sources]
    plan.check_sources(read_ids)
    replaced = plan.replaced(read_ids)
    graphs = {entity_iri(f"source/{source}") for source in replaced} | ({entity_iri(REGISTER_REF)} if plan.register else set())
    mapped = to_quads(curation)
    changed = canonical(quad for quad in mapped.quads if str(quad[3]) in graphs)
    quads = changed.nquads.count(b"\n")
    step(f"validating {quads:,} changed quads with their neighbourhood in the last build")
    built = open_store(build_dir)
    report = incremental.validate_mapped(mapped, built, replaced, with_register=True, shapes=shapes)
    report = _refuse_invalid(_placed(report, built, plan, inputs.data_dir, max_bytes))
    copy = StoreCopy(build_dir, inputs.fingerprint) if graphs else None
    try:
        if copy is not None:
            step(f"replacing {len(graphs)} named graph(s) and the union in a copy of the store")
            copy.replace_graphs(graphs, changed.nquads)
        store = copy.store if copy is not None else open_store(build_dir)
        # The warnings are the whole graph's: whether any fact still mentions each register entry.
        report = ValidationReport([*report.violations, *graph_warnings(store, mapped.origins, shapes)])
        counts = store_counts(store)
        step("writing the exports")
        data, exports = _refreshed_exports(build_dir, graphs, changed) if graphs else (None, {})
        triples = data.ntriples.count(b"\n") if data is not None else last.manifest["triples"]
        redraw = pictures and (graphs or not all((build_dir / name).exists() for name in PICTURES))
        drawn = _pictures(_dataset(data or stored(store)), build_dir, step) if redraw else {}
        # The ontology's pages depend on the ontology and the code alone, which have not changed.
        files = _output_files(exports, drawn, build_dir, keep_documents=True)
        with staged_files(files):
            written = [copy.put_in_place()] if copy is not None else []
    except BaseException:
        if copy is not None:
            copy.discard()
        raise
    summary = BuildSummary(triples, counts, report, [*files, *written], plan.describe(len(graphs)))
    records = plan.kept | dict(_source_records(inputs, curation.sources))
    _finish(summary, inputs, records, build_dir, pictures)
    return summary


def _placed(report: ValidationReport, built: pyoxigraph.Store, plan: increments.Plan, data_dir: Path,
            max_bytes: int) -> ValidationReport:
    """The report with its results about facts of kept sources (those that name a fact that changed
    or went) placed in their files, as a full validation places them: those files are read for it."""
    unplaced = sorted({result.focus for result in report.results if result.file is None and ":" not in result.focus})
    if not unplaced:
        return report
    nodes = " ".join(f"<{entity_iri(node)}>" for node in unplaced)
    query = f"SELECT DISTINCT ?g WHERE {{ VALUES ?node {{ {nodes} }} GRAPH ?g {{ ?node ?p ?o }} }}"
    graphs = {solution["g"].value for solution in built.query(query)}
    files = [data_dir / name for name, record in plan.kept.items() if entity_iri(f"source/{record['id']}") in graphs]
    return relocated(report, to_quads(read_files(files, max_bytes)).origins) if files else report


def _refreshed_exports(build_dir: Path, graphs: set[str], changed: Canonical) -> tuple[Canonical, dict[str, bytes]]:
    """The last build's exports with the named ``graphs`` replaced by ``changed``: N-Quads and
    N-Triples spliced, TriG and JSON-LD with the other graphs' text as it was written, Turtle
    with the text of the subjects whose triples did not change."""
    def last(name: str) -> bytes:
        return _export_file(build_dir, name).read_bytes()

    splice = spliced(Canonical(last("nquads"), last("ntriples")), graphs, changed)
    entries = {graph: entry for graph, entry in written_entries(last("jsonld")).items() if graph not in graphs}
    exports = {name: serialize(splice.data, name) for name in ("nquads", "ntriples")}
    exports["turtle"] = spliced_turtle(last("turtle"), splice)
    exports["trig"] = spliced_trig(last("trig"), graphs, changed)
    exports["jsonld"] = dataset_document(entries | graph_entries(changed.nquads))
    return splice.data, exports


def _export_file(build_dir: Path, name: str) -> Path:
    return build_dir / f"{GRAPH_NAME}.{FORMATS[name][1]}"


def _dataset(data: Canonical) -> Dataset:
    dataset = new_dataset()
    dataset.parse(data=data.nquads.decode("utf-8"), format="nquads")
    return dataset


def _source_records(inputs: increments.Inputs, sources: Sequence[Source]) -> Iterator[tuple[str, dict]]:
    for source in sources:
        yield increments.source_record(inputs.data_dir, source.location.file, source.id, source.text_paths)


def _finish(summary: BuildSummary, inputs: increments.Inputs, sources: dict[str, dict], build_dir: Path,
            pictures: bool) -> None:
    """Remove the pictures a build without them leaves stale; write what the next build compares
    the data with, then the manifest, which makes this build the last good one."""
    for stale in [] if pictures else [build_dir / name for name in PICTURES]:
        stale.unlink(missing_ok=True)
    write_atomic(build_dir / increments.INPUTS, increments.inputs_record(inputs, sources, build_dir))
    manifest = {"fingerprint": inputs.fingerprint, "stamps": inputs.stamps, "triples": summary.triples,
                "counts": summary.counts, "pictures": pictures, "code": inputs.code, "build": summary.redone}
    write_atomic(build_dir / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    clear_refusal(build_dir)


#: The pictures a build draws, by file name: the view of the graph each shows.
PICTURES = {"coalition.png": "coalition", "timeline.png": "timeline"}


def _pictures(dataset: Dataset, build_dir: Path, step: Progress) -> dict[Path, bytes]:
    from coalition_kg.pictures.render import render

    step("drawing the pictures")
    return {build_dir / name: render(view, "png", dataset) for name, view in PICTURES.items()}


def export(format_name: str, build_dir: Path = BUILD_DIR) -> bytes:
    """The graph built in ``build_dir`` in one format: the bytes a build writes for the same data."""
    return serialize(stored(open_store(build_dir)), format_name)


def built_dataset(build_dir: Path = BUILD_DIR) -> Dataset:
    """The graph built in ``build_dir`` as an rdflib dataset, one named graph per source."""
    dataset = new_dataset()
    dataset.parse(data=stored(open_store(build_dir)).nquads.decode("utf-8"), format="nquads")
    return dataset


def _report(mapped: Mapped, shapes: Shapes | None = None) -> ValidationReport:
    """SHACL on the union graph, SPARQL-based constraints on an in-memory Oxigraph copy of it."""
    return validate_graph(_union_graph(mapped), mapped.origins, shapes,
                          store=lambda: memory_store(union_ntriples(mapped.quads)))


def _union_graph(mapped: Mapped) -> Graph:
    with _many_objects():
        return mapped.union_graph()


def _refuse_invalid(report: ValidationReport) -> ValidationReport:
    if not report.conforms:
        raise InvalidData(report)
    return report


#: What a build counts: instances of a class, or (officials) the distinct holders of posts.
_COUNTED = {
    "missions": ENTITY_CLASSES["mission"],
    "states": ENTITY_CLASSES["state"],
    "officials": None,
    "instruments": FACT_KINDS["instrument"].rdf_class,
    "deployments": FACT_KINDS["deployment"].rdf_class,
    "statements": FACT_KINDS["statement"].rdf_class,
    "sources": SOURCE_CLASS,
}
_HELD_BY = ORG + "heldBy"


def graph_counts(graph: Graph) -> dict[str, int]:
    """How many of each kind of thing the graph holds."""
    def count(rdf_class: str | None) -> int:
        if rdf_class is None:
            return len(set(graph.objects(None, URIRef(_HELD_BY))))
        return len(set(graph.subjects(RDF.type, URIRef(rdf_class))))

    return {name: count(rdf_class) for name, rdf_class in _COUNTED.items()}


def store_counts(store: pyoxigraph.Store) -> dict[str, int]:
    """:func:`graph_counts` of the union in a built store's default graph."""
    def count(rdf_class: str | None) -> int:
        pattern = f"?x <{RDF.type}> <{rdf_class}>" if rdf_class else f"?holder <{_HELD_BY}> ?x"
        (solution,) = store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
        return int(solution["n"].value)

    return {name: count(rdf_class) for name, rdf_class in _COUNTED.items()}


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """One build at a time writes to ``build_dir``; a second waits for the first."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _output_files(exports: dict[str, bytes], pictures: dict[Path, bytes], build_dir: Path,
                  keep_documents: bool = False) -> dict[Path, bytes]:
    """Every file a build writes, by path; clears the temporaries a killed build left. The
    ontology and its pages are kept as they are if ``keep_documents`` and they are the current ones."""
    files = {build_dir / f"{GRAPH_NAME}.{FORMATS[name][1]}": data for name, data in exports.items()} | pictures
    ontology = {build_dir / DOCS_FOLDER / name: (ONTOLOGY_DIR / name).read_bytes() for name in ONTOLOGY_FILES}
    if not (keep_documents and _holds(ontology) and (build_dir / DOCS_FOLDER / "index.html").exists()):
        files |= ontology
        files |= {build_dir / DOCS_FOLDER / name: page
                  for name, page in documentation(ONTOLOGY_DIR / ONTOLOGY_FILES[0]).items()}
    files[build_dir / CATALOG_FILE] = catalog_turtle()
    files[build_dir / CONTEXT_FILE] = context_document()
    for leftover in [temporary for path in files for temporary in temporary_names(path)]:
        leftover.unlink()  # the lock says no other build is writing
    return files


def _holds(files: dict[Path, bytes]) -> bool:
    """Whether each file exists with these bytes."""
    return all(path.exists() and path.read_bytes() == data for path, data in files.items())


def _with_project_data(curation: Curation, data_dir: Path, max_bytes: int) -> Curation:
    """Add the project's register and its other sources, which the given files may refer to;
    a given facts file takes the place of the project's file for the same source."""
    if not (data_dir / "register.yaml").exists():
        return curation
    project = read_data_dir(data_dir, max_bytes)
    given = {source.id for source in curation.sources}
    others = [source for source in project.sources if source.id not in given]
    return Curation(curation.register or project.register, [*others, *curation.sources])

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

from rdflib import RDF, Dataset, Graph, URIRef

from coalition_kg.core.atomic import staged_files, temporary_names, write_atomic
from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError, Location
from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, ONTOLOGY_DIR, ONTOLOGY_FILES
from coalition_kg.curation.model import ENTITY_CLASSES, FACT_KINDS, ORG, SOURCE_CLASS
from coalition_kg.curation.reader import Curation, read_data_dir, read_files
from coalition_kg.dataset.canonical import Canonical, canonical, stored, union_ntriples
from coalition_kg.dataset.context import CONTEXT_FILE, context_document
from coalition_kg.dataset.rdfinput import ACCEPTED, read_rdf_files
from coalition_kg.dataset.rdfize import Mapped, new_dataset, to_quads
from coalition_kg.exports.formats import FORMATS, serialize
from coalition_kg.queries.catalog_rdf import CATALOG_FILE, catalog_turtle
from coalition_kg.serve.documentation import DOCS_FOLDER, documentation
from coalition_kg.store.disk import load_store, open_store
from coalition_kg.store.manifest import MANIFEST, clear_refusal, data_fingerprint, data_stamps, read_manifest
from coalition_kg.validation import incremental
from coalition_kg.validation.report import ValidationReport
from coalition_kg.validation.shacl import validate_graph
from coalition_kg.validation.shapes import Shapes, read_shapes
from coalition_kg.validation.sparql_constraints import memory_store

BUILD_EXPORTS = ("turtle", "trig", "nquads", "jsonld")
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

    def to_text(self) -> str:
        counts = ", ".join(f"{count} {name}" for name, count in self.counts.items())
        return f"built {self.triples} triples: {counts}\nvalidation: {self.report.summary()}"


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
          progress: Progress | None = None, pictures: bool | None = True) -> BuildSummary:
    """Build, validate, store and export the graph, and draw its pictures (:data:`PICTURES`;
    ``pictures=False`` leaves them out and removes the previous ones, which would be stale;
    ``None`` does as the previous build in ``build_dir`` did). Unreadable data raises
    :class:`InputError`, invalid data :class:`InvalidData`; either way, and if the build fails
    or is interrupted midway, ``build_dir`` keeps its previous outputs whole."""
    step = progress or _quiet
    step("reading the curated data")
    # Stamped before reading: a file edited during the build makes the next query rebuild.
    stamps, fingerprint = data_stamps(data_dir), data_fingerprint(data_dir)
    if pictures is None:
        pictures = read_manifest(build_dir).get("pictures", True)
    mapped, data = load_quads(data_dir, max_bytes)
    graph = _union_graph(mapped)
    step(f"validating {len(graph):,} triples against the shapes")
    report = _refuse_invalid(validate_graph(graph, mapped.origins, store=lambda: memory_store(data.ntriples)))
    triples, counts = len(graph), graph_counts(graph)
    drawn = _pictures(mapped.dataset, build_dir, step) if pictures else {}
    del mapped, graph  # a gigabyte at a million triples, not needed to store and export
    step("writing the exports")
    exports = {name: serialize(data, name) for name in BUILD_EXPORTS}
    with build_lock(build_dir):
        files = _output_files(exports, drawn, build_dir)
        step("loading the store")
        # Every file is staged, and renamed into place only once all of them and the store are
        # ready: a failure or an interrupt midway leaves the previous build whole.
        with staged_files(files):
            store = load_store(build_dir, data.nquads, data.ntriples, fingerprint)
        for stale in [] if pictures else [build_dir / name for name in PICTURES]:
            stale.unlink(missing_ok=True)
        summary = BuildSummary(triples, counts, report, [*files, store])
        write_atomic(build_dir / MANIFEST, _manifest(summary, fingerprint, stamps, pictures))
        clear_refusal(build_dir)
    return summary


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


def graph_counts(graph: Graph) -> dict[str, int]:
    """How many of each kind of thing the graph holds."""

    def instances(rdf_class: str) -> int:
        return len(set(graph.subjects(RDF.type, URIRef(rdf_class))))

    return {
        "missions": instances(ENTITY_CLASSES["mission"]),
        "states": instances(ENTITY_CLASSES["state"]),
        "officials": len(set(graph.objects(None, URIRef(ORG + "heldBy")))),
        "instruments": instances(FACT_KINDS["instrument"].rdf_class),
        "deployments": instances(FACT_KINDS["deployment"].rdf_class),
        "statements": instances(FACT_KINDS["statement"].rdf_class),
        "sources": instances(SOURCE_CLASS),
    }


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


def _output_files(exports: dict[str, bytes], pictures: dict[Path, bytes], build_dir: Path) -> dict[Path, bytes]:
    """Every file a build writes, by path; clears the temporaries a killed build left."""
    files = {build_dir / f"{GRAPH_NAME}.{FORMATS[name][1]}": data for name, data in exports.items()} | pictures
    files |= {build_dir / DOCS_FOLDER / name: (ONTOLOGY_DIR / name).read_bytes() for name in ONTOLOGY_FILES}
    files |= {build_dir / DOCS_FOLDER / name: page for name, page in documentation(ONTOLOGY_DIR / ONTOLOGY_FILES[0]).items()}
    files[build_dir / CATALOG_FILE] = catalog_turtle()
    files[build_dir / CONTEXT_FILE] = context_document()
    for leftover in [temporary for path in files for temporary in temporary_names(path)]:
        leftover.unlink()  # the lock says no other build is writing
    return files


def _manifest(summary: BuildSummary, fingerprint: str, stamps: str, pictures: bool) -> bytes:
    manifest = {"fingerprint": fingerprint, "stamps": stamps, "triples": summary.triples, "counts": summary.counts,
                "pictures": pictures}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()


def _with_project_data(curation: Curation, data_dir: Path, max_bytes: int) -> Curation:
    """Add the project's register and its other sources, which the given files may refer to;
    a given facts file takes the place of the project's file for the same source."""
    if not (data_dir / "register.yaml").exists():
        return curation
    project = read_data_dir(data_dir, max_bytes)
    given = {source.id for source in curation.sources}
    others = [source for source in project.sources if source.id not in given]
    return Curation(curation.register or project.register, [*others, *curation.sources])

"""The pipeline, top to bottom: curated files -> RDF dataset -> SHACL validation -> store and exports.

Each CLI command calls one function here.
"""

from __future__ import annotations

import fcntl
import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, URIRef

from .curation import Curation, CurationError, Location, read_data_dir, read_files
from .layout import BUILD_DIR, DATA_DIR, MANIFEST, ONTOLOGY_DIR, ONTOLOGY_FILES, data_fingerprint
from .exports import FORMATS, serialize, union_graph, write_atomic
from .model import ENTITY_CLASSES, FACT_KINDS, ORG, SOURCE_CLASS
from .rdfize import Mapped, Origins, new_dataset, to_dataset
from .store import load_store
from .validation import ValidationReport, validate_graph

BUILD_EXPORTS = ("turtle", "trig", "nquads", "jsonld")
GRAPH_NAME = "coalition"
RDF_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
YAML_SUFFIXES = {".yaml", ".yml"}

# rdflib logs a traceback for every ill-typed literal; SHACL reports those to the curator instead.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


class InvalidData(Exception):
    """The data does not conform to the shapes; carries the report."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        super().__init__(report.summary())


class InputError(ValueError):
    """An input file cannot be read at all (syntax, encoding, missing)."""


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


def load_project(data_dir: Path = DATA_DIR) -> Mapped:
    """The project's curated data as an RDF dataset."""
    return to_dataset(read_data_dir(data_dir))


def validate_files(paths: Sequence[Path] = (), data_dir: Path = DATA_DIR) -> ValidationReport:
    """Validate the project data, or the given curated YAML or RDF files.

    Curated facts files are checked together with the rest of the project data, so
    their references to states, missions and other sources' facts resolve.
    """
    if not paths:
        mapped = load_project(data_dir)
    elif all(path.suffix in YAML_SUFFIXES for path in paths):
        mapped = to_dataset(_with_project_data(read_files(paths), data_dir))
    else:
        mapped = _read_rdf_files(paths)
    return validate_graph(union_graph(mapped.dataset), mapped.origins)


def build(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> BuildSummary:
    """Build, validate, store and export the graph; invalid data raises :class:`InvalidData`
    and leaves ``build_dir`` as it was."""
    mapped = load_project(data_dir)
    report = validate_graph(union_graph(mapped.dataset), mapped.origins)
    if not report.conforms:
        raise InvalidData(report)
    fingerprint = data_fingerprint(data_dir)
    with build_lock(build_dir):
        outputs = _write_outputs(mapped.dataset, build_dir, fingerprint)
        summary = BuildSummary(len(mapped.dataset), graph_counts(mapped.dataset), report, outputs)
        write_atomic(build_dir / MANIFEST, _manifest(summary, fingerprint))
    return summary


def export(format_name: str, data_dir: Path = DATA_DIR) -> bytes:
    """The validated project graph in one format."""
    mapped = load_project(data_dir)
    report = validate_graph(union_graph(mapped.dataset), mapped.origins)
    if not report.conforms:
        raise InvalidData(report)
    return serialize(mapped.dataset, format_name)


def graph_counts(dataset: Dataset) -> dict[str, int]:
    """How many of each kind of thing the graph holds."""

    def instances(rdf_class: str) -> int:
        return len(set(dataset.subjects(RDF.type, URIRef(rdf_class))))

    return {
        "missions": instances(ENTITY_CLASSES["mission"]),
        "states": instances(ENTITY_CLASSES["state"]),
        "officials": len(set(dataset.objects(None, URIRef(ORG + "heldBy")))),
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


def _write_outputs(dataset: Dataset, build_dir: Path, fingerprint: str) -> list[Path]:
    outputs = []
    serialized = {name: serialize(dataset, name) for name in BUILD_EXPORTS}
    for name, data in serialized.items():
        path = build_dir / f"{GRAPH_NAME}.{FORMATS[name][1]}"
        write_atomic(path, data)
        outputs.append(path)
    for name in ONTOLOGY_FILES:
        path = build_dir / "ontology" / name
        write_atomic(path, (ONTOLOGY_DIR / name).read_bytes())
        outputs.append(path)
    outputs.append(load_store(build_dir, serialized["nquads"], fingerprint))
    return outputs


def _manifest(summary: BuildSummary, fingerprint: str) -> bytes:
    manifest = {"fingerprint": fingerprint, "triples": summary.triples, "counts": summary.counts}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()


def _with_project_data(curation: Curation, data_dir: Path) -> Curation:
    """Add the project's register and its other sources, which the given files may refer to;
    a given facts file takes the place of the project's file for the same source."""
    if not (data_dir / "register.yaml").exists():
        return curation
    project = read_data_dir(data_dir)
    given = {source.id for source in curation.sources}
    others = [source for source in project.sources if source.id not in given]
    return Curation(curation.register or project.register, [*others, *curation.sources])


def _read_rdf_files(paths: Sequence[Path]) -> Mapped:
    dataset = new_dataset()
    origins = Origins()
    for path in paths:
        rdf_format = RDF_SUFFIXES.get(path.suffix)
        if rdf_format is None:
            raise InputError(f"{path}: unknown file type '{path.suffix}'; expected .yaml, " + ", ".join(RDF_SUFFIXES))
        try:
            text = path.read_bytes().decode("utf-8")
            dataset.parse(data=text, format=rdf_format, publicID=path.resolve().as_uri())
        except (UnicodeDecodeError, FileNotFoundError, SyntaxError, ValueError) as error:
            raise InputError(f"{path}: cannot read as {rdf_format}: {_first_line(error)}") from None
        _locate_subjects(path, text, dataset, origins)
    return Mapped(dataset, origins)


def _locate_subjects(path: Path, text: str, dataset: Dataset, origins: Origins) -> None:
    """Point each subject at the first line that writes it, in full or as a prefixed name."""
    lines = text.splitlines()
    for subject in set(dataset.subjects()):
        if str(subject) in origins.nodes:
            continue
        forms = [f"<{subject}>", f'"{subject}"']
        try:
            forms.append(dataset.namespace_manager.normalizeUri(subject))
        except Exception:  # noqa: BLE001 - a subject without a prefixed form is found in full
            pass
        for number, line in enumerate(lines, start=1):
            if any(form in line for form in forms):
                origins.nodes[str(subject)] = Location(str(path), number)
                break


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]

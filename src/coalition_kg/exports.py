"""Serializing the dataset for linked-data consumers, byte for byte the same for the same data.

Turtle and N-Triples hold the union of all sources; TriG, N-Quads and JSON-LD keep
one named graph per source. Files are written to a temporary name and renamed into
place, so a reader never sees half a file and a failed run leaves the old one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from .namespaces import PREFIXES

#: format name -> (rdflib serializer, file extension, keeps named graphs)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "turtle": ("turtle", "ttl", False),
    "trig": ("trig", "trig", True),
    "nquads": ("nquads", "nq", True),
    "ntriples": ("nt", "nt", False),
    "jsonld": ("json-ld", "jsonld", True),
}
_LINE_BASED = {"nquads", "ntriples"}


def union_graph(dataset: Dataset, ordered: bool = False) -> Graph:
    """All triples of all named graphs in one graph, prefixes bound; ``ordered`` inserts them
    sorted, for serializers that write in insertion order."""
    graph = _bound(Graph())
    triples = dataset.triples((None, None, None))
    for triple in sorted(triples) if ordered else triples:
        graph.add(triple)
    return graph


def serialize(dataset: Dataset, format_name: str) -> bytes:
    """The dataset in ``format_name`` (one of :data:`FORMATS`), deterministic."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown export format '{format_name}'; expected one of {', '.join(FORMATS)}")
    rdflib_format, _, keeps_graphs = FORMATS[format_name]
    if format_name in _LINE_BASED:
        # Sorting the lines orders them; the sorted copy the other formats need would be wasted here.
        data = dataset.serialize(format="nquads", encoding="utf-8")
        lines = set(data.decode("utf-8").splitlines()) - {""}
        if not keeps_graphs:
            lines = {_triple_line(line) for line in lines}
        return ("\n".join(sorted(lines)) + "\n").encode("utf-8")
    source = _canonical_copy(dataset) if keeps_graphs else union_graph(dataset, ordered=True)
    options = {"context": dict(PREFIXES), "auto_compact": True} if format_name == "jsonld" else {}
    return source.serialize(format=rdflib_format, encoding="utf-8", **options)


def _triple_line(quad_line: str) -> str:
    """An N-Quads line without its graph name: every triple here is in a named graph, written last."""
    return quad_line[: quad_line.rindex(" <", 0, len(quad_line) - 2)] + " ."


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    with staged_files({path: data}):
        pass


@contextmanager
def staged_files(files: Mapping[Path, bytes]) -> Iterator[None]:
    """Write every file to a temporary name first; when the block ends without error, rename
    them all into place. If writing or the block fails, no file is replaced: the temporaries
    are removed, so the old files stay whole and none of the new ones appears."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            temporaries.append((_write_temporary(path, data), path))
        yield
        for temporary, path in temporaries:
            os.replace(temporary, path)
    finally:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)


def temporary_names(path: Path) -> Iterator[Path]:
    """Temporaries of ``path`` that a killed run may have left behind."""
    return path.parent.glob(f".{path.name}.*.tmp")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _write_temporary(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0600); exports are for everyone the umask allows.
        os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _canonical_copy(dataset: Dataset) -> Dataset:
    """The same quads inserted in sorted order, so that serializers walk them in one order."""
    copy = Dataset()
    _bound(copy)
    names = sorted(graph.identifier for graph in dataset.graphs() if len(graph))
    for name in names:
        target = copy.graph(name)
        for triple in sorted(dataset.graph(name)):
            target.add(triple)
    return copy


def _bound(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph

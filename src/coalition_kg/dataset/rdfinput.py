"""RDF files given to ``validate`` (data or shapes): parsed safely, each subject located at its line.

Nothing is fetched while reading. rdflib's JSON-LD parser downloads every context named
by a string (``"@context": "http://..."``, ``@import``), so such documents are refused
before parsing; contexts must be inline objects. ``owl:imports`` is plain data here:
nothing follows it. RDF/XML (.rdf, .owl, .xml) is not accepted at all, rather than
trusting an XML parser with entity expansion and external entities; Turtle, TriG,
N-Quads, N-Triples and JSON-LD say the same things without those risks.

A syntax error becomes one :class:`~coalition_kg.core.inputfiles.InputError` with the
file, the line, the text found there and the format expected. So does an IRI that rdflib
reads but RDF does not allow (``<http://example.org/a|b>``): no store or export could hold it.

N-Quads and N-Triples are read in time proportional to the file, however long a line: rdflib
parses each line, but the lines are read here, once each, and counted (:class:`_NQuadsLines`).
rdflib's own line reader matched each line against a buffer grown 2 KB at a time, which took
time in the square of a line's length (one literal of 20M characters: more than five minutes).
pyoxigraph's reader, linear too, refuses a term over 16 MiB, short of the 64 MiB an input may
hold. rdflib's Turtle and TriG readers are linear on a long literal, but not on one dense with
escapes (a backslash every few characters), which they gather one piece at a time.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.parser import InputSource
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.parsers.nquads import NQuadsParser

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError, Location, clip, line_of_offset, read_text
from coalition_kg.dataset.rdfize import Mapped, Origins, new_dataset, rdf11_term


@dataclass(frozen=True)
class RdfFormat:
    """How files with one suffix are read."""

    parser: str
    name: str


#: Line-based N-Triples is read by the N-Quads parser, which accepts it and reports the failing line.
RDF_SUFFIXES: dict[str, RdfFormat] = {
    ".ttl": RdfFormat("turtle", "Turtle"),
    ".trig": RdfFormat("trig", "TriG"),
    ".nq": RdfFormat("nquads", "N-Quads"),
    ".nt": RdfFormat("nquads", "N-Triples"),
    ".jsonld": RdfFormat("json-ld", "JSON-LD"),
    ".json": RdfFormat("json-ld", "JSON-LD"),
}
ACCEPTED = "Turtle (.ttl), TriG (.trig), N-Quads (.nq), N-Triples (.nt) or JSON-LD (.jsonld, .json)"
_XML_SUFFIXES = (".rdf", ".owl", ".xml", ".trix")
# A string is read with possessive repeats: the regular expression engine keeps no state per
# character, which for a literal of 20M characters took 2.7 GB and 8 s.
_TOKEN = re.compile(r"<[^<>\s]*>|\"([^\"\\\n]*+(?:\\.[^\"\\\n]*+)*+)\"|[A-Za-z_][\w.-]*:[\w.%:-]*|:[\w.%:-]+")
_LEADERS = ("", '"@id":', '{"@id":')
_NQUADS_ERROR = re.compile(r"^Invalid line \((?P<why>.*?)\):\n")


class _NQuadsLines(NQuadsParser):
    """rdflib's N-Quads parser, with each line read once (CR, LF and CRLF end one, as N-Quads
    says) and counted, so that an error names its line."""

    def __init__(self) -> None:
        super().__init__()
        self.number = 0
        self.current = ""

    def read(self, text: str, dataset: Dataset) -> None:
        """Parse ``text`` into ``dataset``, quads without a graph name into its default graph."""
        source = InputSource()
        source.setCharacterStream(io.StringIO(text, newline=None))
        self.parse(source, dataset.default_graph)

    def readline(self) -> str | None:
        line = self.file.readline()
        if not line:
            return None
        self.number += 1
        self.current = line.removesuffix("\n")
        return self.current


def read_rdf_files(paths: Sequence[Path], max_bytes: int = MAX_INPUT_BYTES) -> Mapped:
    """Parse RDF files into one dataset, locating each subject and value at its line."""
    quads = []
    origins = Origins()
    for path in paths:
        parsed = new_dataset()
        text = parse_rdf_file(path, parsed, max_bytes)
        locate_nodes(str(path), text, parsed, origins)
        quads.extend((s, p, rdf11_term(o), g) for s, p, o, g in parsed.quads())
    return Mapped(quads, origins)


def parse_rdf_file(path: Path, dataset: Dataset, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Parse ``path`` into ``dataset`` by its suffix and return its text; an empty file is an error."""
    rdf_format = rdf_format_of(path)
    text = read_text(path, max_bytes)
    if rdf_format.parser == "json-ld":
        _check_json_ld(str(path), text)
    lines = _NQuadsLines()
    try:
        if rdf_format.parser == "nquads":
            lines.read(text, dataset)
        else:
            dataset.parse(data=text, format=rdf_format.parser, publicID=path.resolve().as_uri())
    except RecursionError:
        raise InputError(Location(str(path), 0), "the data is nested too deeply to read", rdf_format.name) from None
    except IndexError:  # rdflib's Turtle and TriG readers run off the end of a statement cut short
        found = f"{rdf_format.name} syntax error: the file ends in the middle of a statement"
        raise InputError(Location(str(path), _last_line(text)), found, f"valid {rdf_format.name}") from None
    except (BadSyntax, ParserError) as error:
        raise _syntax_error(str(path), text, rdf_format, error, lines) from None
    except Exception as error:  # noqa: BLE001 - rdflib's JSON-LD reader fails on odd shapes with any error
        found = f"{rdf_format.name} that rdflib cannot read: {clip(str(error) or type(error).__name__)}"
        raise InputError(Location(str(path), 0), found, f"valid {rdf_format.name}") from None
    if not len(dataset):
        raise InputError(Location(str(path), 0), "the file holds no triples", f"{rdf_format.name} data")
    _check_iris(str(path), text, dataset)
    return text


def _check_iris(file: str, text: str, dataset: Dataset) -> None:
    """Every IRI of the data, datatypes included, is one that RDF 1.1 allows."""
    iris = {str(term) for quad in dataset.quads() for term in quad if isinstance(term, URIRef)}
    iris |= {str(term.datatype) for quad in dataset.quads() if isinstance(term := quad[2], Literal) and term.datatype}
    for iri in sorted(iris):
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError as error:
            line = next((number for number, line in enumerate(text.split("\n"), start=1) if iri in line), 0)
            found = f"'{clip(iri)}' is not a valid IRI ({error})"
            raise InputError(Location(file, line), found, "absolute IRIs as RDF 1.1 defines them (RFC 3987)") from None


def rdf_format_of(path: Path) -> RdfFormat:
    """The format of an RDF file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix in RDF_SUFFIXES:
        return RDF_SUFFIXES[suffix]
    if path.is_dir():
        raise InputError(Location(str(path), 0), "a folder, not a file", f"curated YAML (.yaml) or {ACCEPTED} files")
    if suffix in _XML_SUFFIXES:
        found = f"RDF/XML ('{suffix}') is not read, so that no XML entity is ever expanded or fetched"
    else:
        found = f"unknown file type '{suffix}'"
    raise InputError(Location(str(path), 0), found, f"curated YAML (.yaml) or {ACCEPTED}")


def locate_nodes(file: str, text: str, dataset: Dataset, origins: Origins) -> None:
    """Point each subject at the first line that describes it, and each of its values at the first
    line from there that names the predicate; a subject found nowhere (a blank node) gets the file."""
    lines_of, leading = _token_lines(text)
    for subject in set(dataset.subjects()):
        if str(subject) in origins.nodes:
            continue
        forms = list(_forms(dataset, subject))
        line = _first(leading, forms) or _first(lines_of, forms)
        origins.nodes[str(subject)] = Location(file, line)
        if line:
            _locate_values(file, line, lines_of, dataset, subject, origins)


def _first(lines_of: dict[str, list[int]], forms: list[str]) -> int:
    return min((lines_of[form][0] for form in forms if form in lines_of), default=0)


def _locate_values(
    file: str, start: int, lines_of: dict[str, list[int]], dataset: Dataset, subject: URIRef, origins: Origins
) -> None:
    for predicate in set(dataset.predicates(subject)) - {RDF.type}:
        found = [line for form in _forms(dataset, predicate) for line in lines_of.get(form, ()) if line >= start]
        if found:
            origins.values.setdefault((str(subject), str(predicate)), Location(file, min(found)))


def _forms(dataset: Dataset, node) -> Iterator[str]:
    """How a file may write ``node``: ``<iri>``, the IRI as a JSON string, or a prefixed name."""
    if not isinstance(node, URIRef):
        return
    iri = str(node)
    yield f"<{iri}>"
    yield iri
    for prefix, namespace in dataset.namespaces():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            yield f"{prefix}:{iri[len(namespace):]}"


def _token_lines(text: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Every IRI, string and prefixed name of ``text`` with the lines it occurs on, in one pass;
    and the lines where it leads, as a subject does: first on its line, or right after ``"@id":``."""
    lines_of: dict[str, list[int]] = {}
    leading: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _TOKEN.finditer(line):
            token = match.group(1) if match.group(1) is not None else match.group(0).rstrip(".")
            _add_line(lines_of, token, number)
            if "".join(line[: match.start()].split()) in _LEADERS:
                _add_line(leading, token, number)
    return lines_of, leading


def _add_line(lines_of: dict[str, list[int]], token: str, number: int) -> None:
    seen = lines_of.setdefault(token, [])
    if not seen or seen[-1] != number:
        seen.append(number)


def _syntax_error(file: str, text: str, rdf_format: RdfFormat, error: Exception, lines: _NQuadsLines) -> InputError:
    expected = f"valid {rdf_format.name}"
    if isinstance(error, BadSyntax):
        # BadSyntax keeps the reason, and the text and offset it stopped at, only in these attributes.
        why, offset = getattr(error, "_why", str(error)).rstrip("."), getattr(error, "_i", -1)
        parsed = getattr(error, "_str", b"").decode("utf-8", "replace")
        rest = parsed[offset:].split("\n", 1)[0].strip() if offset >= 0 else ""
        problem = f"{rdf_format.name} syntax error: {why}, "
        if not rest:
            return InputError(Location(file, _last_line(text)), problem + "at the end of the file", expected)
        return InputError(Location(file, error.lines + 1), problem + f"at {clip(rest)!r}", expected)
    match = _NQUADS_ERROR.match(str(error))
    if not match:
        return InputError(Location(file, 0), f"{rdf_format.name} syntax error: {clip(str(error))}", expected)
    found = f"{rdf_format.name} syntax error: {clip(match.group('why'))}, in {clip(lines.current)!r}"
    return InputError(Location(file, lines.number), found, expected)


def _last_line(text: str) -> int:
    """The last line that holds anything: where a file cut short ends."""
    return text.rstrip().count("\n") + 1


def _check_json_ld(file: str, text: str) -> None:
    """Refuse what JSON-LD parsing would stumble on or fetch, with the line of the problem."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        shown = text.split("\n")[error.lineno - 1].strip()
        at = f"at {clip(shown)!r}" if shown else "on a blank line" if text[error.pos :].strip() else "at the end of the file"
        found = f"JSON syntax error: {error.msg} (column {error.colno}), {at}"
        raise InputError(Location(file, error.lineno), found, "valid JSON-LD") from None
    except RecursionError:
        raise InputError(Location(file, 0), "the data is nested too deeply to read", "JSON-LD") from None
    if not isinstance(document, (dict, list)):
        found = f"the document is a JSON {type(document).__name__}"
        raise InputError(Location(file, 1), found, "a JSON-LD object or array")
    for reference in _context_references(document):
        offset = text.find(json.dumps(reference))
        line = line_of_offset(text, offset) if offset >= 0 else 0
        found = f"the JSON-LD context {reference!r} would be fetched, and remote contexts are not"
        raise InputError(Location(file, line), found, "an inline @context object")


def _context_references(node: object) -> Iterator[str]:
    """Contexts named rather than written out: strings under ``@context`` or ``@import``, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                yield from (item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str))
            yield from _context_references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _context_references(item)

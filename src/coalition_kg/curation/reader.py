"""Reading the curated data: ``data/register.yaml`` and ``data/facts/*.yaml``.

The reader keeps the file and line of every record and value, so that later
stages (RDF mapping, SHACL validation) can point a curator at the exact place.
It checks structure only (a mapping where one is expected, known kinds and
field names, unique identifiers); what the values mean is checked by SHACL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, InputError, Location, clip, read_text
from coalition_kg.curation.model import COMMON_FACT_FIELDS, ENTITY_KEYS, FACT_KINDS, SOURCE_KEYS


class CurationError(InputError):
    """A curated data file cannot be read: names the place, the value found and what was expected."""


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

@dataclass(frozen=True)
class Value:
    """One curated value with its line."""

    text: str
    line: int


@dataclass
class Record:
    """One curated entity or fact: its kind, identifier and field values."""

    kind: str
    id: str
    values: dict[str, Value]
    location: Location

    @property
    def ref(self) -> str:
        """How other records refer to this one: ``kind/id`` (an entity's id already is one)."""
        return self.id if "/" in self.id else f"{self.kind}/{self.id}"


@dataclass
class Source:
    """A source document and the facts curated from it."""

    id: str
    label: str
    language: str
    text: str
    location: Location
    facts: list[Record] = field(default_factory=list)
    #: The files whose addition, edit or removal changes the text read: the one read, and the
    #: one looked for first when that was not there.
    text_paths: tuple[Path, ...] = ()


@dataclass
class Register:
    """The entity register: names and standard identifiers of what the facts talk about."""

    label: str
    description: str
    location: Location
    entities: list[Record] = field(default_factory=list)


@dataclass
class Curation:
    """Everything read from the curated files."""

    register: Register | None
    sources: list[Source]

    def records(self) -> Iterable[Record]:
        """Every entity and fact."""
        if self.register:
            yield from self.register.entities
        for source in self.sources:
            yield from source.facts


def read_data_dir(data_dir: Path, max_bytes: int = MAX_INPUT_BYTES) -> Curation:
    """Read the project's curated data: the register and every facts file."""
    facts_files = sorted((data_dir / "facts").glob("*.yaml"))
    return read_files([data_dir / "register.yaml", *facts_files], max_bytes)


def read_files(paths: Iterable[Path], max_bytes: int = MAX_INPUT_BYTES) -> Curation:
    """Read the given curated YAML files; a file with a ``register`` key is the register.
    Files larger than ``max_bytes``, and source texts larger than that, are refused unread."""
    register: Register | None = None
    sources: list[Source] = []
    for path in paths:
        document = _load_yaml(path, max_bytes)
        if "register" in document.keys:
            register = _read_register(path, document)
        else:
            sources.append(_read_source(path, document, max_bytes))
    _check_unique_sources(sources)
    return Curation(register, sources)


# --- YAML with locations -------------------------------------------------------


@dataclass
class _Mapping:
    """A YAML mapping whose keys remember their lines."""

    location: Location
    keys: dict[str, yaml.Node]

    def scalar(self, key: str) -> Value | None:
        node = self.keys.get(key)
        if node is None or node.tag == "tag:yaml.org,2002:null":
            return None
        if not isinstance(node, yaml.ScalarNode):
            raise CurationError(
                _at(self.location.file, node), f"'{key}' holds a {_shape(node)}", "a single value"
            )
        return Value(node.value, node.start_mark.line + 1)

    def required(self, key: str, what: str) -> Value:
        value = self.scalar(key)
        if value is None or not value.text.strip():
            raise CurationError(self.location, f"{what} has no '{key}'", f"a '{key}:' field")
        return value

    def check_keys(self, allowed: Iterable[str], what: str) -> None:
        allowed = tuple(allowed)
        for key, node in self.keys.items():
            if key not in allowed:
                raise CurationError(
                    _at(self.location.file, node),
                    f"unknown field '{key}' in {what}",
                    "one of " + ", ".join(allowed),
                )


def _load_yaml(path: Path, max_bytes: int) -> _Mapping:
    file = str(path)
    try:
        text = read_text(path, max_bytes)
    except InputError as error:
        raise CurationError(error.location, error.problem, error.expected) from None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(file, text, error) from None
    except RecursionError:
        too_deep = "the data is nested too deeply to read"
        raise CurationError(Location(file, 0), too_deep, "a curated YAML mapping") from None
    if node is None:
        raise CurationError(Location(file, 1), "the file is empty", "a curated YAML mapping")
    return _as_mapping(file, node, "the file")


def _compose(text: str) -> yaml.Node | None:
    """libyaml's composer reads large files several times faster; on a syntax error the pure
    Python reader reads again, so that curators get the same message on every machine."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_error(file: str, text: str, error: yaml.MarkedYAMLError) -> CurationError:
    """Where the YAML reader stopped, what it found there and what it was reading."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    problem = error.problem or error.context or "unreadable"
    if error.problem and error.context:
        started = f" (that starts at line {error.context_mark.line + 1})" if error.context_mark else ""
        problem += f" {error.context}{started}"
    shown = text.split("\n")[line - 1].strip() if 0 < line <= text.count("\n") + 1 else ""
    found = f", at {clip(shown)!r}" if shown else ", at the end of the file"
    return CurationError(Location(file, line), f"YAML syntax error: {problem}{found}", "valid YAML")


def _as_mapping(file: str, node: yaml.Node, what: str) -> _Mapping:
    if not isinstance(node, yaml.MappingNode):
        raise CurationError(_at(file, node), f"{what} is a {_shape(node)}", "a mapping of 'field: value'")
    keys: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in keys:
            raise CurationError(
                _at(file, key_node),
                f"field '{key}' appears twice in {what}",
                "each field once",
            )
        keys[key] = value_node
    return _Mapping(_at(file, node), keys)


def _as_list(file: str, node: yaml.Node | None, what: str) -> list[yaml.Node]:
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise CurationError(_at(file, node), f"{what} is a {_shape(node)}", "a list of '- ' items")
    return list(node.value)


def _at(file: str, node: yaml.Node) -> Location:
    return Location(file, node.start_mark.line + 1)


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return f"single value '{node.value}'"


# --- register and sources -------------------------------------------------------


def _read_register(path: Path, document: _Mapping) -> Register:
    file = str(path)
    document.check_keys(("register", "entities"), "the register")
    header = _as_mapping(file, document.keys["register"], "'register'")
    header.check_keys(("label", "description"), "'register'")
    register = Register(
        label=header.required("label", "'register'").text,
        description=(header.scalar("description") or Value("", 0)).text,
        location=header.location,
    )
    seen: dict[str, Location] = {}
    for node in _as_list(file, document.keys.get("entities"), "'entities'"):
        entry = _as_mapping(file, node, "an entity")
        entry.check_keys(ENTITY_KEYS, "an entity")
        ref = entry.required("id", "an entity")
        kind = ref.text.split("/", 1)[0]
        explicit_kind = entry.scalar("kind")
        if kind == "org" and explicit_kind:
            kind = explicit_kind.text
        _check_unique(seen, ref.text, Location(file, ref.line))
        values = {key: value for key in ENTITY_KEYS if (value := entry.scalar(key)) is not None}
        register.entities.append(Record(kind, ref.text, values, entry.location))
    return register


def _read_source(path: Path, document: _Mapping, max_bytes: int) -> Source:
    file = str(path)
    document.check_keys(("source", "facts"), "a facts file")
    if "source" not in document.keys:
        raise CurationError(
            document.location, "the facts file names no source document", "a 'source:' mapping first"
        )
    header = _as_mapping(file, document.keys["source"], "'source'")
    header.check_keys(SOURCE_KEYS, "'source'")
    text_value = header.required("text", "'source'")
    text_paths = _source_text_paths(path, text_value)
    source = Source(
        id=header.required("id", "'source'").text,
        label=header.required("label", "'source'").text,
        language=(header.scalar("language") or Value("en", 0)).text,
        text=_read_source_text(path, text_value, text_paths[-1], max_bytes),
        location=header.location,
        text_paths=text_paths,
    )
    seen: dict[str, Location] = {}
    for node in _as_list(file, document.keys.get("facts"), "'facts'"):
        source.facts.append(_read_fact(file, node, seen))
    return source


def _source_text_paths(facts_file: Path, text: Value) -> tuple[Path, ...]:
    """Where the source text is looked for, up to the first place it is: beside the facts file,
    then in the data folder."""
    beside = (facts_file.parent / text.text).resolve()
    return (beside,) if beside.is_file() else (beside, (facts_file.parent.parent / text.text).resolve())


def _read_source_text(facts_file: Path, text: Value, text_path: Path, max_bytes: int) -> str:
    location = Location(str(facts_file), text.line)
    if not text_path.is_file():
        raise CurationError(
            location, f"source text '{text.text}' not found", "a path relative to the data directory"
        )
    try:
        return read_text(text_path, max_bytes)
    except InputError as error:
        raise CurationError(location, f"source text {error.location}: {error.problem}", error.expected) from None


def _read_fact(file: str, node: yaml.Node, seen: dict[str, Location]) -> Record:
    entry = _as_mapping(file, node, "a fact")
    kind_value = entry.required("kind", "a fact")
    kind = FACT_KINDS.get(kind_value.text)
    if kind is None:
        raise CurationError(
            Location(file, kind_value.line),
            f"unknown fact kind '{kind_value.text}'",
            "one of " + ", ".join(FACT_KINDS),
        )
    allowed = (*COMMON_FACT_FIELDS, *kind.fields)
    entry.check_keys(allowed, f"a {kind_value.text} fact")
    fact_id = entry.required("id", "a fact")
    _check_unique(seen, f"{kind_value.text}/{fact_id.text}", Location(file, fact_id.line))
    values = {key: value for key in allowed if (value := entry.scalar(key)) is not None}
    return Record(kind_value.text, fact_id.text, values, entry.location)


def _check_unique_sources(sources: list[Source]) -> None:
    """Two facts files for one source would put two texts and labels on one document."""
    seen: dict[str, Location] = {}
    for source in sources:
        if source.id in seen:
            raise CurationError(
                source.location,
                f"source id '{source.id}' is already used by {seen[source.id]}",
                "one facts file per source document",
            )
        seen[source.id] = source.location


def _check_unique(seen: dict[str, Location], ref: str, location: Location) -> None:
    if ref in seen:
        raise CurationError(
            location, f"duplicate identifier '{ref}' (first at line {seen[ref].line})", "a unique id"
        )
    seen[ref] = location

"""The canned questions: one SPARQL file per question in ``queries/``, described by its header.

Each file is plain SPARQL that any engine runs as it is. Its metadata is in
grlc-style comment lines that start with ``#+`` and hold a small YAML document::

    #+ summary: States that joined a mission, how and when
    #+ description: "A longer text."
    #+ tags:
    #+   - membership
    #+ params:
    #+   - name: mission
    #+     type: mission
    #+     default: mission/mss-haiti

The header is read here by a reader of just that subset of YAML (block mappings,
block lists of scalars or of one-level mappings, flow lists of scalars, quoted or
plain scalars), so that the query path needs no YAML library.

On the query path: standard library and the project's light modules only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from coalition_kg.core.paths import PROJECT_DIR
from coalition_kg.queries.params import PARAMETER_TYPES, Parameter

QUERIES_DIR = PROJECT_DIR / "queries"
SUFFIX = ".rq"
EXPLAIN_WIDTH = 100  # columns of text at most in what --show prints, for reading
HEADER_MARK = "#+"
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:\s+(.*))?$")
_VARIABLE = re.compile(r"^[A-Za-z_]\w*$")
_PARAMETER_KEYS = {"name", "type", "description", "default", "required"}
_ESCAPES = {"n": "\n", "t": "\t"}


class CatalogError(ValueError):
    """A query file is missing or its header is malformed."""


class CannedQuery(NamedTuple):
    """One canned question: its text and what its header says about it."""

    name: str
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Parameter, ...]
    text: str

    @property
    def body(self) -> str:
        """The SPARQL text without the ``#+`` header."""
        lines = self.text.splitlines(keepends=True)
        return "".join(line for line in lines if not line.startswith(HEADER_MARK)).lstrip("\n")


def explain(query: CannedQuery, width: int | None = None) -> str:
    """What ``coalition-kg query NAME --show`` prints: the question's summary and description,
    its parameters (how to give each, its type and default, and the values it takes), and its
    SPARQL, with text wrapped to ``width`` columns (at most :data:`EXPLAIN_WIDTH`)."""
    import textwrap

    width = min(width or EXPLAIN_WIDTH, EXPLAIN_WIDTH)
    lines = textwrap.wrap(f"{query.name}: {query.summary}", width, subsequent_indent="  ")
    if query.description:
        lines += ["", *textwrap.wrap(query.description, width)]
    lines += ["", "Parameters, each given as -p NAME=VALUE:" if query.params else "Parameters: none"]
    for parameter in query.params:
        lines.append(f"  {parameter.usage()}")
        for about in (parameter.description, f"takes {PARAMETER_TYPES[parameter.type]}"):
            lines += textwrap.wrap(about, width, initial_indent="      ", subsequent_indent="      ")
    lines += ["", "SPARQL:", query.body.rstrip("\n")]
    return "\n".join(lines) + "\n"


def load_query(name: str, queries_dir: Path = QUERIES_DIR) -> CannedQuery:
    """The canned question ``name``."""
    path = queries_dir / f"{name}{SUFFIX}"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(query_names(queries_dir))
        raise CatalogError(f"no query named '{name}'; known queries: {known}")
    return parse_query(path)


def load_catalog(queries_dir: Path = QUERIES_DIR) -> list[CannedQuery]:
    """Every canned question, by name, each checked in full (see :func:`check_parameters`)."""
    queries = [parse_query(queries_dir / f"{name}{SUFFIX}") for name in query_names(queries_dir)]
    for query in queries:
        check_parameters(query, queries_dir / f"{query.name}{SUFFIX}")
    return queries


def query_names(queries_dir: Path = QUERIES_DIR) -> list[str]:
    """The names of the canned questions."""
    return sorted(path.stem for path in queries_dir.glob(f"*{SUFFIX}"))


def parse_query(path: Path) -> CannedQuery:
    """A query file read and checked."""
    text = path.read_text(encoding="utf-8")
    header = read_header(text, path)
    where = f"{path}"
    summary = header.get("summary")
    if not isinstance(summary, str) or not summary:
        raise CatalogError(f"{where}: the header needs a 'summary:' line")
    params = tuple(_parameter(entry, where) for entry in _list(header, "params", where))
    return CannedQuery(
        name=path.stem,
        summary=summary,
        description=str(header.get("description", "")),
        tags=tuple(str(tag) for tag in _list(header, "tags", where)),
        params=params,
        text=text,
    )


def read_header(text: str, path: Path) -> dict[str, object]:
    """The ``#+`` header of a query file as a dictionary."""
    header: dict[str, object] = {}
    key = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith(HEADER_MARK) or not line[len(HEADER_MARK) :].strip():
            continue
        content = line[len(HEADER_MARK) :].removeprefix(" ")
        where = f"{path}, line {number}"
        indent = len(content) - len(content.lstrip(" "))
        if indent == 0:
            key, value = _key_value(content, where)
            header[key] = [] if value == "" else _scalar(value, where)
        elif key is None or not isinstance(header[key], list):
            raise CatalogError(f"{where}: an indented line must follow a key with no value on its line")
        else:
            _add_item(header[key], content.strip(), where)
    return header


def _add_item(items: list, content: str, where: str) -> None:
    if content.startswith("- ") or content == "-":
        item = content[1:].strip()
        if _KEY.match(item):
            key, value = _key_value(item, where)
            items.append({key: _scalar(value, where)})
        else:
            items.append(_scalar(item, where))
    elif items and isinstance(items[-1], dict):
        key, value = _key_value(content, where)
        items[-1][key] = _scalar(value, where)
    else:
        raise CatalogError(f"{where}: expected a list item ('- …') or a key of the item above")


def _key_value(content: str, where: str) -> tuple[str, str]:
    match = _KEY.match(content.strip())
    if not match:
        raise CatalogError(f"{where}: expected 'key: value', got {content.strip()!r}")
    return match.group(1), (match.group(2) or "").strip()


def _scalar(value: str, where: str) -> object:
    """A YAML scalar or flow list of scalars, read as YAML reads it."""
    if value.startswith("[") and value.endswith("]"):
        inner = value[1:-1].strip()
        return [_scalar(part.strip(), where) for part in inner.split(",")] if inner else []
    if value.startswith('"'):
        if len(value) < 2 or not value.endswith('"'):
            raise CatalogError(f"{where}: unterminated quoted value {value!r}")
        return re.sub(r"\\(.)", lambda escape: _ESCAPES.get(escape.group(1), escape.group(1)), value[1:-1])
    if value.startswith("'"):
        if len(value) < 2 or not value.endswith("'"):
            raise CatalogError(f"{where}: unterminated quoted value {value!r}")
        return value[1:-1].replace("''", "'")
    if ": " in value or " #" in value or value[:1] in "{&*!|>%@`":
        raise CatalogError(f"{where}: quote the value {value!r} (it contains YAML syntax)")
    if value in ("true", "false"):
        return value == "true"
    if value in ("", "null", "~"):
        return None
    if re.fullmatch(r"[-+]?\d+", value):
        return int(value)
    return value


def _list(header: dict[str, object], key: str, where: str) -> list:
    value = header.get(key, [])
    if not isinstance(value, list):
        raise CatalogError(f"{where}: '{key}:' must be a list")
    return value


def _parameter(entry: object, where: str) -> Parameter:
    if not isinstance(entry, dict) or "name" not in entry or "type" not in entry:
        raise CatalogError(f"{where}: each parameter needs 'name:' and 'type:'")
    unknown = set(entry) - _PARAMETER_KEYS
    if unknown:
        raise CatalogError(f"{where}: parameter '{entry['name']}' has unknown keys: {', '.join(sorted(unknown))}")
    name, kind = str(entry["name"]), str(entry["type"])
    if not _VARIABLE.match(name):
        raise CatalogError(f"{where}: parameter name '{name}' is not a SPARQL variable name")
    if kind not in PARAMETER_TYPES:
        raise CatalogError(
            f"{where}: parameter '{name}' has unknown type '{kind}'; expected one of {', '.join(PARAMETER_TYPES)}"
        )
    default = entry.get("default")
    if default is not None and not isinstance(default, (str, int)):
        raise CatalogError(f"{where}: parameter '{name}' has a default that is not a single value")
    return Parameter(name, kind, str(entry.get("description", "")), default, entry.get("required") is True)


def check_parameters(query: CannedQuery, path: Path) -> None:
    """Each parameter must be a variable projected by the query's top-level SELECT clause:
    variable substitution binds projected variables only. (Checked with the whole catalog,
    at build time and in the tests, rather than on every query, which needs no SPARQL tokenizer.)"""
    from coalition_kg.queries.sparql_text import tokens

    found = tokens(query.text)
    select = next((i for i, t in enumerate(found) if t.depth == 0 and t.is_keyword("SELECT")), None)
    clause = found[select + 1 :] if select is not None else []
    end = next((i for i, t in enumerate(clause) if t.depth == 0 and (t.text == "{" or t.is_keyword("WHERE"))), 0)
    projected = {t.text[1:] for t in clause[:end] if t.kind == "variable" and t.depth == 0}
    for parameter in query.params:
        if parameter.name not in projected:
            raise CatalogError(f"{path}: parameter '{parameter.name}' must be projected by the top-level SELECT")

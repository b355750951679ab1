"""coalition-kg: a knowledge graph of multinational security coalitions, with a query layer.

The Python API (:mod:`coalition_kg.api`), importable from here::

    from coalition_kg import query, sparql, build, validate, export, push

    answer = query("state-profile", state="GTM")   # from build/, built first if needed
    answer.to_dataframe()                          # pandas, with a dtype per column

The package is laid out by pipeline stage, each a subpackage that imports only from the
stages below it: :mod:`.core`, :mod:`.curation`, :mod:`.dataset`, :mod:`.validation`,
:mod:`.store`, :mod:`.exports`, :mod:`.queries`, :mod:`.remote`, :mod:`.pictures`. On top:
:mod:`.pipeline` runs the build, :mod:`.api` is the public Python API, and :mod:`.cli` the
``coalition-kg`` command.

``import coalition_kg`` loads nothing else: the API is imported on first use of one of its
names, and asking a question loads neither rdflib nor pyshacl.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Answer", "GraphAnswer", "build", "export", "push", "query", "sparql", "validate"]

if TYPE_CHECKING:
    from coalition_kg.api import build, export, push, query, sparql, validate
    from coalition_kg.queries.results import Answer, GraphAnswer

_HOMES = {name: "coalition_kg.api" for name in ("build", "export", "push", "query", "sparql", "validate")}
_HOMES |= {"Answer": "coalition_kg.queries.results", "GraphAnswer": "coalition_kg.queries.results"}


def __getattr__(name: str) -> object:
    """The API's names, imported on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module 'coalition_kg' has no attribute '{name}'")
    from importlib import import_module

    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

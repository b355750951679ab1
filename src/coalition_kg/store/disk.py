"""The built graph on disk: an Oxigraph store that queries open without rebuilding.

Layout: each source document's named graph, and the union of all of them (each triple
once) in the default graph. Query the default graph — do NOT pass
``use_default_graph_as_union=True``: Oxigraph's union yields a triple once per graph
that holds it, so a fact stated by two sources would come back twice. Pushing to a
remote store produces the same layout, so canned questions answer alike everywhere.

The store lives in ``build/store-<fingerprint>/`` and ``build/store`` is a symbolic
link to the current one. A build loads a new directory and then swaps the link in
one rename, so a query never sees a half-loaded store and an interrupted build
leaves the previous one in place. A build that redoes only some sources changes a copy of the
current store (:class:`StoreCopy`: RocksDB's checkpoint, hard links to its immutable files) and
swaps it in the same way.

This module imports pyoxigraph only: it is on the query path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph

STORE_LINK = "store"


class StoreMissing(FileNotFoundError):
    """There is no built store where one was expected."""


def load_store(build_dir: Path, nquads: bytes, union: bytes, fingerprint: str) -> Path:
    """Load ``nquads`` into their named graphs and the N-Triples ``union`` into the default graph
    of a new store under ``build_dir``, and make it the current one."""
    target = build_dir / f"store-{fingerprint[:16]}"
    loading = build_dir / f".loading-{fingerprint[:16]}-{os.getpid()}"
    shutil.rmtree(loading, ignore_errors=True)
    store = pyoxigraph.Store(str(loading))
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    # Loading the union is several times faster than computing it with a SPARQL update.
    store.bulk_load(union, format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.optimize()  # compacted, queries at a million triples take two thirds of the time
    del store
    return _put_in_place(build_dir, loading, target)


class StoreCopy:
    """A writable copy of the current store in a folder of its own, to replace some named graphs
    in; :meth:`put_in_place` makes it the current store, and until then the current one is as it was."""

    def __init__(self, build_dir: Path, fingerprint: str) -> None:
        self.build_dir = build_dir
        self.target = build_dir / f"store-{fingerprint[:16]}"
        self.folder = build_dir / f".loading-{fingerprint[:16]}-{os.getpid()}"
        shutil.rmtree(self.folder, ignore_errors=True)
        open_store(build_dir).backup(str(self.folder))
        self.store: pyoxigraph.Store | None = pyoxigraph.Store(str(self.folder))

    def replace_graphs(self, graphs: Iterable[str], nquads: bytes) -> None:
        """Remove the named ``graphs`` and load ``nquads`` (the graphs that take their place) into
        their named graphs; the union in the default graph follows: it gains their triples, and
        loses those of the removed graphs that no other graph holds."""
        store = self._open()
        removed: set[pyoxigraph.Triple] = set()
        for name in map(pyoxigraph.NamedNode, graphs):
            removed.update(quad.triple for quad in store.quads_for_pattern(None, None, None, name))
            if store.contains_named_graph(name):
                store.remove_graph(name)
        added = [quad.triple for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS)]
        store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
        store.extend(pyoxigraph.Quad(*triple, pyoxigraph.DefaultGraph()) for triple in added)
        gone = [triple for triple in removed.difference(added) if not _in_a_named_graph(store, triple)]
        for triple in gone:
            store.remove(pyoxigraph.Quad(*triple, pyoxigraph.DefaultGraph()))

    def query(self, query: str) -> pyoxigraph.QuerySolutions:
        """A SPARQL query on the copy as changed so far."""
        return self._open().query(query)

    def put_in_place(self) -> Path:
        """Make the copy the current store."""
        self._open().flush()
        self.store = None
        return _put_in_place(self.build_dir, self.folder, self.target)

    def discard(self) -> None:
        self.store = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def _open(self) -> pyoxigraph.Store:
        if self.store is None:
            raise RuntimeError(f"the store copy {self.folder} was put in place or discarded")
        return self.store


def _in_a_named_graph(store: pyoxigraph.Store, triple: pyoxigraph.Triple) -> bool:
    quads = store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
    return any(not isinstance(quad.graph_name, pyoxigraph.DefaultGraph) for quad in quads)


def _put_in_place(build_dir: Path, loaded: Path, target: Path) -> Path:
    _replace_dir(loaded, target)
    _point_link(build_dir / STORE_LINK, target.name)
    _remove_stale_stores(build_dir, keep=target.name)
    return target


def open_store(build_dir: Path) -> pyoxigraph.Store:
    """The current store, read-only."""
    link = build_dir / STORE_LINK
    if not link.exists():
        raise StoreMissing(f"no built graph in {build_dir}; run 'coalition-kg build' first")
    return pyoxigraph.Store.read_only(str(link.resolve()))


def _point_link(link: Path, target_name: str) -> None:
    temporary = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target_name)
    os.replace(temporary, link)


def _replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` in ``target``'s place. The old one is renamed aside, not deleted first, so the
    link to it dangles only between two renames, never for the length of a slow delete."""
    aside = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        os.replace(target, aside)
    os.replace(new, target)
    shutil.rmtree(aside, ignore_errors=True)


def _remove_stale_stores(build_dir: Path, keep: str) -> None:
    """Older stores, and what killed builds left half-done (builds hold the build lock, so none is running)."""
    for path in [*build_dir.glob("store-*"), *build_dir.glob(".loading-*"), *build_dir.glob(".old-store-*")]:
        if path.name != keep:
            shutil.rmtree(path, ignore_errors=True)

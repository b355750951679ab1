"""The built store: queried without rebuilding, swapped in whole by each build."""

from __future__ import annotations

import json
import os
import shutil

import pyoxigraph

from coalition_kg import pipeline
from coalition_kg.core.paths import DATA_DIR
from coalition_kg.dataset.canonical import canonical, stored
from coalition_kg.store.disk import STORE_LINK, StoreCopy, open_store
from coalition_kg.store.manifest import built_fingerprint, data_fingerprint, is_current


def test_the_store_holds_the_named_graphs_and_their_union_in_the_default_graph(built):
    store = open_store(built)
    graphs = sorted(g.value.rsplit("/", 1)[1] for g in store.named_graphs())
    assert graphs == ["000_f53fdc1be9ced35d", "004_488f5bce62634bfc", "register"]
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
    (in_default,) = store.query(count % "?s ?p ?o")
    (in_named,) = store.query(count % "GRAPH ?g { ?s ?p ?o }")
    assert int(in_default["n"].value) == 546  # each triple once
    assert int(in_named["n"].value) == 572  # 26 triples are stated by both sources


def test_the_manifest_records_what_the_store_was_built_from(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["fingerprint"] == data_fingerprint(DATA_DIR) == built_fingerprint(built)
    assert manifest["counts"] == {"missions": 1, "states": 8, "officials": 2, "instruments": 6,
                                  "deployments": 7, "statements": 3, "sources": 2}


def test_a_rebuild_swaps_the_store_link_and_removes_the_old_store(tmp_path):
    pipeline.build(DATA_DIR, tmp_path)
    first = (tmp_path / STORE_LINK).resolve()
    pipeline.build(DATA_DIR, tmp_path)
    assert (tmp_path / STORE_LINK).resolve() == first  # same data, same store name
    assert sorted(p.name for p in tmp_path.glob("store-*")) == [first.name]
    assert isinstance(open_store(tmp_path), pyoxigraph.Store)


def test_a_touched_but_unchanged_file_keeps_the_build_current_and_an_edit_does_not(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    build_dir = tmp_path / "build"
    pipeline.build(data, build_dir)
    assert is_current(data, build_dir)
    register = data / "register.yaml"
    os.utime(register, ns=(0, 0))  # stamps differ, content does not
    assert is_current(data, build_dir)
    register.write_text(register.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert not is_current(data, build_dir)


def test_a_store_copy_changes_nothing_until_put_in_place_and_keeps_the_union_of_the_graphs_left(built, project,
                                                                                               tmp_path):
    build_dir = tmp_path / "build"
    shutil.copytree(built, build_dir, symlinks=True)
    before = stored(open_store(build_dir))
    source = "https://w3id.org/coalition-kg/id/source/004_488f5bce62634bfc"
    discarded = StoreCopy(build_dir, "0" * 64)
    discarded.replace_graphs([source], b"")
    discarded.discard()
    assert not discarded.folder.exists() and stored(open_store(build_dir)) == before

    copy = StoreCopy(build_dir, "1" * 64)
    copy.replace_graphs([source], b"")
    assert stored(open_store(build_dir)) == before  # the current store, as it was
    copy.put_in_place()
    assert (build_dir / STORE_LINK).resolve().name == "store-" + "1" * 16
    # Each triple that only 004 stated is gone from the union; those another source states stay.
    assert stored(open_store(build_dir)) == canonical(quad for quad in project.quads if str(quad[3]) != source)

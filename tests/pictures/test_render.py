"""Network files of a view: GraphML and GEXF read back the same, node-link JSON, Graphviz DOT; formats by name or suffix."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from coalition_kg.pictures.render import dot_quote, format_for, render, to_dot, to_gexf, to_json
from coalition_kg.pictures.views import GraphInputError, build_view

VIEWS = ("coalition", "entities", "provenance")


def edges_of(graph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, key): data for u, v, key, data in graph.edges(keys=True, data=True)}


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(project, view, tmp_path):
    graph = build_view(view, project.dataset)
    path = tmp_path / f"{view}.graphml"
    path.write_bytes(render(view, "graphml", project.dataset))
    read = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert edges_of(read) == edges_of(graph)
    assert read.graph["view"] == view


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_reads_back_with_the_same_nodes_edges_and_attributes(project, view, tmp_path):
    graph = build_view(view, project.dataset)
    path = tmp_path / f"{view}.gexf"
    path.write_bytes(render(view, "gexf", project.dataset))
    read = nx.read_gexf(path)
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    # no two edges join the same nodes in these views, so GEXF's reader gives a simple graph; its edge ids are GEXF's own
    assert {(u, v): {k: x for k, x in data.items() if k != "id"} for u, v, data in read.edges(data=True)} == {
        (u, v): data for u, v, data in graph.edges(data=True)
    }


def test_gexf_keeps_the_keys_of_parallel_edges(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", type="ckg:State")
    graph.add_node("b", label="B", type="ckg:Mission")
    graph.add_edge("a", "b", key="org:memberOf", label="org:memberOf", sources="source/x")
    graph.add_edge("a", "b", key="ckg:partner", label="ckg:partner", sources="source/y")
    path = tmp_path / "parallel.gexf"
    path.write_bytes(to_gexf(graph))
    read = nx.read_gexf(path)
    assert {(u, v, key): data["sources"] for u, v, key, data in read.edges(keys=True, data=True)} == {
        ("a", "b", "org:memberOf"): "source/x",
        ("a", "b", "ckg:partner"): "source/y",
    }


def test_gexf_carries_no_date_of_writing(project):
    text = render("coalition", "gexf", project.dataset).decode()
    assert "lastmodifieddate" not in text
    assert '<node id="state/JAM" label="Jamaica">' in text


def test_node_link_json_rebuilds_the_graph(project):
    graph = build_view("coalition", project.dataset)
    data = json.loads(to_json(graph))
    assert (data["directed"], data["multigraph"], data["graph"]) == (True, True, {"view": "coalition"})
    rebuilt = nx.node_link_graph(data, edges="edges")
    assert dict(rebuilt.nodes(data=True)) == dict(graph.nodes(data=True))
    assert edges_of(rebuilt) == edges_of(graph)


def test_dot_writes_every_node_and_edge_quoted(project):
    lines = to_dot(build_view("coalition", project.dataset)).decode().splitlines()
    assert lines[0] == 'digraph "coalition" {'
    assert lines[-1] == "}"
    assert (
        '  "state/BHS" -> "mission/mss-haiti" ["key"="member", "relation"="member", "instrument_kind"="", '
        '"date"="2024-09-26", "label"="kind not stated, 2024-09-26", "deployments"="0", "deployment_kinds"="", '
        '"sources"="source/004_488f5bce62634bfc", "color"="#1f3b73", "style"="solid"];'
    ) in lines
    assert sum(" -> " in line for line in lines) == 13
    assert sum(line.startswith('  "') and " -> " not in line for line in lines) == 14


def test_dot_strings_escape_quotes_backslashes_and_line_breaks():
    assert dot_quote('say "hi"\\n\nnext') == '"say \\"hi\\"\\\\n\\nnext"'
    graph = nx.MultiDiGraph()
    graph.add_node('the "x"', label="two\nlines", type="")
    assert '  "the \\"x\\"" ["label"="two\\nlines", "type"="", "fillcolor"="#bdbdbd"];' in to_dot(graph).decode()


@pytest.mark.parametrize("format_name", ["graphml", "gexf", "json", "dot", "html"])
def test_network_files_are_the_same_for_the_same_data(project, format_name):
    assert render("entities", format_name, project.dataset) == render("entities", format_name, project.dataset)


def test_the_format_comes_from_the_option_or_the_suffix():
    assert format_for("dot", Path("x.png")) == "dot"
    assert format_for(None, Path("out/coalition.GEXF")) == "gexf"
    assert format_for(None, Path("g.gv")) == "dot"
    with pytest.raises(GraphInputError, match=r"x\.pdf has the unknown suffix '\.pdf'; expected --format or a file ending in \.png"):
        format_for(None, Path("x.pdf"))
    with pytest.raises(GraphInputError, match="no --format and no output file"):
        format_for(None, None)


def test_unknown_views_and_formats_are_refused_by_name(project):
    with pytest.raises(GraphInputError, match="unknown graph view 'members'; expected one of coalition, entities, provenance, timeline"):
        render("members", "png", project.dataset)
    with pytest.raises(GraphInputError, match="unknown graph format 'pdf'; expected one of png, svg, graphml"):
        render("coalition", "pdf", project.dataset)
    with pytest.raises(GraphInputError, match="the timeline view is a chart: --format must be one of png, svg, not 'gexf'"):
        render("timeline", "gexf", project.dataset)

"""Pictures of the graph: networkx views that a network analyst reads (:mod:`.views`, the
:mod:`.timeline` of dated facts, :mod:`.metrics`), laid out (:mod:`.layout`, :mod:`.style`) and
written as PNG, SVG, HTML, GraphML, GEXF, JSON or DOT (:mod:`.render`, :mod:`.picture`,
:mod:`.timeline_chart`, :mod:`.html`). May import :mod:`coalition_kg.core`,
:mod:`coalition_kg.curation` and :mod:`coalition_kg.dataset`."""

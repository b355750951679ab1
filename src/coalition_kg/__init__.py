"""coalition-kg: a knowledge graph of multinational security coalitions, with a query layer."""

__version__ = "0.1.0"

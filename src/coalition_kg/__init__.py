"""coalition-kg: a knowledge graph of multinational security coalitions, with a query layer.

The package is laid out by pipeline stage, each a subpackage that imports only from the
stages below it: :mod:`.core`, :mod:`.curation`, :mod:`.dataset`, :mod:`.validation`,
:mod:`.store`, :mod:`.exports`, :mod:`.queries`, :mod:`.remote`, :mod:`.pictures`. On top:
:mod:`.pipeline` runs the build, :mod:`.api` is the public Python API, and :mod:`.cli` the
``coalition-kg`` command.
"""

__version__ = "0.1.0"

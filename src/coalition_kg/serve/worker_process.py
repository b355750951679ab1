"""The entry point of a query worker process: ``python -m coalition_kg.serve.worker_process BUILD_DIR``.

A module of its own, so that the worker's classes are pickled under their module's name
(:mod:`coalition_kg.serve.worker`) rather than as ``__main__``'s.
"""

import sys

from coalition_kg.serve.worker import main

if __name__ == "__main__":
    main(sys.argv[1:])

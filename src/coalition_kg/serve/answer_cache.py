"""Answers kept for the build they were computed on.

While a build is served its store does not change, so the same query (its text, bindings,
dataset, base IRI, limits and formats) gives the same answer until a new build replaces the
store; the server then empties the cache. A question asked again (a dashboard's, a page's
labels, a canned question) is answered from memory, without a worker: at a hundred thousand
triples a canned question costs Oxigraph some 15 ms of processor, as much as its own server
spends on the whole request, and the cache is what lets this server answer repeated questions
faster than Oxigraph's.

The cache holds at most ``capacity`` bytes of answers (their pickled size), the least recently
used going first; an answer larger than an eighth of it is not kept. Only answers are kept:
refusals, errors and timeouts are asked again.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict

from coalition_kg.serve.worker import Run, Written

#: The largest share of the cache one answer may take.
LARGEST_SHARE = 8


def key_of(build: tuple[int, int, int], job: Run) -> bytes:
    """What identifies a query's answer on one build (the job without its check flag: a text
    proven safe once gives the same answer whether or not it is checked again)."""
    identity = (build, job._replace(ad_hoc=False, bindings=None), sorted((job.bindings or {}).items()))
    return hashlib.sha256(repr(identity).encode("utf-8", "surrogatepass")).digest()


class AnswerCache:
    """The answers of queries, by :func:`key_of`, within ``capacity`` bytes (0: none kept)."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._answers: OrderedDict[bytes, tuple[object, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: bytes) -> object | None:
        with self._lock:
            found = self._answers.get(key)
            if found is None:
                return None
            self._answers.move_to_end(key)
            return found[0]

    def put(self, key: bytes, answer: object) -> None:
        if not self.capacity:
            return
        size = len(answer.body) if isinstance(answer, Written) else len(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
        if size > self.capacity // LARGEST_SHARE:
            return
        with self._lock:
            if key in self._answers:
                return
            self._answers[key] = (answer, size)
            self._size += size
            while self._size > self.capacity:
                _, (_, dropped) = self._answers.popitem(last=False)
                self._size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._size = 0

    @property
    def size(self) -> int:
        """Bytes of answers held now."""
        with self._lock:
            return self._size

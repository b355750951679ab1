"""The pool of query worker processes: every query of the server runs in one of them.

Each worker (:mod:`coalition_kg.serve.worker`) holds the store open read-only. A request takes
an idle worker, sends it a job and waits for the outcome until the query's time is up; a worker
that has not answered by then is killed, which stops its query inside Oxigraph, and a fresh one
takes its place. A worker that dies on a query (a crash of the engine) is replaced the same way.
A worker that outgrows its memory limit while it works (the pool looks at its resident size
ten times a second) is killed and replaced the same way. The pool is used from the server's
request threads; waiting on a pipe releases the interpreter lock, so the workers' queries run in
parallel with the server.

When a new build replaces the store, the server starts a pool on it and retires the old one
(:meth:`WorkerPool.retire`): its idle workers end at once, its busy ones when their query is
answered, and a job still waiting for one of its workers is told to go to the new pool.
"""

from __future__ import annotations

import os
import pickle
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

from coalition_kg.serve.worker import HEADER, Error, Picture, Ready, Run, frame

WORKER_MODULE = "coalition_kg.serve.worker_process"
STARTUP_SECONDS = 60.0
#: How often a busy worker's memory is looked at: a query can grow by some 250 MB a second.
MEMORY_POLL_SECONDS = 0.01
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class QueryTimeout(RuntimeError):
    """A query ran past its time and was stopped."""


class WorkerLost(RuntimeError):
    """A worker ended without an answer: the engine crashed on the query."""


class PoolBusy(RuntimeError):
    """No worker became free in time."""


class MemoryExceeded(RuntimeError):
    """A query's worker outgrew its memory limit and was stopped."""


class JobFailed(ValueError):
    """A job the worker could not do: its :class:`~coalition_kg.serve.worker.Error`."""

    def __init__(self, error: Error) -> None:
        super().__init__(error.message)
        self.status = error.status


class PoolRetired(RuntimeError):
    """The pool was retired while the job waited for a worker: the job belongs to the new pool."""


#: Put in a retired pool's queue of idle workers, so that every job waiting there learns of it.
_RETIRED = object()


class Worker:
    """One worker process and its pipes; ``memory_limit`` bytes of resident memory at most (0: no limit)."""

    def __init__(self, build_dir: Path, memory_limit: int = 0, niceness: int = 0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", WORKER_MODULE, str(build_dir), str(memory_limit), str(niceness)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,  # a ^C at the terminal is the server's to handle
        )
        self.memory_limit = memory_limit
        self.timeout = STARTUP_SECONDS
        ready = self._receive(time.monotonic() + STARTUP_SECONDS)
        if not isinstance(ready, Ready):
            raise WorkerLost("a query worker did not start")
        self.network_open = ready.network_open

    def call(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job``; :class:`QueryTimeout` after ``timeout`` seconds."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(frame(job))
            self.process.stdin.flush()
        except BrokenPipeError:
            raise WorkerLost("the query worker had ended") from None
        self.timeout = timeout
        return self._receive(time.monotonic() + timeout)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def _receive(self, deadline: float) -> object:
        header = self._read(HEADER.size, deadline)
        return pickle.loads(self._read(HEADER.unpack(header)[0], deadline))

    def _read(self, size: int, deadline: float) -> bytes:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        chunks: list[bytes] = []
        while size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise QueryTimeout(f"{self.timeout:g} s")
            if not select.select([descriptor], [], [], min(remaining, MEMORY_POLL_SECONDS))[0]:
                self._check_memory()
                continue
            chunk = os.read(descriptor, min(size, 1 << 20))
            if not chunk:
                raise WorkerLost(f"the query engine ended on this query (exit status {self.process.poll()})")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def resident_bytes(self) -> int:
        """The worker's resident memory now (0 once it has ended)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            return 0

    def _check_memory(self) -> None:
        if self.memory_limit and self.resident_bytes() > self.memory_limit:
            raise MemoryExceeded(f"{self.memory_limit >> 20} MiB")


class WorkerPool:
    """``size`` workers on the store of ``build_dir``; a job waits at most ``wait`` seconds for one."""

    def __init__(self, build_dir: Path, size: int, wait: float = 60.0, memory_limit: int = 0, niceness: int = 0) -> None:
        self.build_dir = build_dir
        self.wait = wait
        self.memory_limit = memory_limit
        self.niceness = niceness
        # The worker that finished last is taken first: its caches hold what was just asked (a
        # page's next query, a question asked again); under load every worker is busy anyway.
        self._idle: queue.LifoQueue[Worker | object] = queue.LifoQueue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._retired = False
        try:
            for _ in range(size):
                self._release(self._spawn())
        except BaseException:
            self.close()
            raise

    def run(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job`` in a worker: an answer, a :class:`~coalition_kg.serve.worker.Written`
        or picture bytes; :class:`JobFailed` for a job the worker could not do, :class:`QueryTimeout`,
        :class:`WorkerLost`, :class:`MemoryExceeded`, :class:`PoolBusy` or :class:`PoolRetired` otherwise."""
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise PoolBusy(f"every query worker stayed busy for {self.wait:g} s") from None
        if worker is _RETIRED:
            self._idle.put(worker)
            raise PoolRetired("the store was replaced")
        assert isinstance(worker, Worker)
        try:
            outcome = worker.call(job, timeout)
        except (QueryTimeout, WorkerLost, MemoryExceeded):
            self._end(worker)
            if not self._retired:
                self._release(self._spawn())
            raise
        self._release(worker)
        if isinstance(outcome, Error):
            raise JobFailed(outcome)
        return outcome

    def retire(self) -> None:
        """End the idle workers now and the busy ones as they finish; jobs waiting for a worker
        raise :class:`PoolRetired`."""
        with self._lock:
            self._retired = True
            idle = []
            while True:
                try:
                    idle.append(self._idle.get_nowait())
                except queue.Empty:
                    break
            self._idle.put(_RETIRED)
        for worker in idle:
            if isinstance(worker, Worker):
                self._end(worker)

    @property
    def size(self) -> int:
        """The workers running now."""
        with self._lock:
            return len(self._all)

    @property
    def network_open(self) -> str | None:
        """Why the workers' network is open, if it is (None: every worker's is closed)."""
        with self._lock:
            return next((worker.network_open for worker in self._all if worker.network_open), None)

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def _spawn(self) -> Worker:
        worker = Worker(self.build_dir, self.memory_limit, self.niceness)
        with self._lock:
            self._all.add(worker)
        return worker

    def _end(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _release(self, worker: Worker) -> None:
        with self._lock:
            if not self._retired:
                self._idle.put(worker)
                return
        self._end(worker)

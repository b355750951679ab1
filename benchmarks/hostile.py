"""A hostile client against ``coalition-kg serve`` on loopback, measured (not part of ``make test``).

    python -m benchmarks.hostile [--command PATH/coalition-kg] [--seconds 8] [--memory-limit 1G] [--max-bytes 16M]

It builds the project's own data once (build/hostile/build), starts the server on a free
loopback port, and runs each attack class of issue 17 for a bounded time (bounded loops, bounded
connections), one after the other. While each runs, a prober asks ``/healthz`` every 50 ms;
a sampler reads the resident memory of every query worker every 20 ms. For each class it
reports the health p99 (target < 100 ms), the peak worker memory (target <= the limit), the
largest body an attacker got (target <= --max-bytes), the statuses the attack got, and the
workers that had to be replaced. Last, a canned question's latency, idle and with 8 runaway
ad-hoc queries in flight (target <= 2x idle). ``--command`` runs another build of the project
(an older checkout's, for the figures before): options that build does not know are left out.
The figures are printed and written to build/hostile.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .measure import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "tests"))  # the project's own server helpers

from server_process import free_port, launch, stop, wait_until_ready  # noqa: E402

OUTPUT = PROJECT_DIR / "build" / "hostile.json"
WORK = PROJECT_DIR / "build" / "hostile"
COMMAND = Path(sys.executable).parent / "coalition-kg"
HEALTH_TARGET_MS = 100.0
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SERVICE_ATTACK = "PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) SERVICE <http://127.0.0.1:{port}/x> { ?x ?y ?z } }"


@dataclass
class Outcome:
    """What one attack class got, and what the server went through meanwhile."""

    attack: str
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    largest_body: int = 0
    health_p99_ms: float = 0.0
    health_failures: int = 0
    peak_worker_mb: float = 0.0
    workers_replaced: int = 0
    service_calls: int = 0

    def got(self, status: int | str, body_size: int = 0) -> None:
        self.requests += 1
        self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
        self.largest_body = max(self.largest_body, body_size)


class Server:
    """The server under attack, its port, and its workers as the process table shows them."""

    def __init__(self, command: Path, build_dir: Path, options: list[str]) -> None:
        self.port = free_port()
        self.log = build_dir.parent / f"serve-{self.port}.log"
        self.process = launch([command, "serve", "--build-dir", build_dir, "--port", str(self.port), *options], self.log)
        wait_until_ready(self.process, "coalition-kg serve", f"http://127.0.0.1:{self.port}/healthz", self.log, 120)

    def workers(self) -> set[int]:
        # -ww: with no terminal, ps cuts each line at 80 columns (and a long path the module's name)
        listing = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.process.pid)],
                                 capture_output=True, text=True).stdout
        return {int(line.split()[0]) for line in listing.splitlines() if "worker_process" in line}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 120) -> tuple[int | str, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body, headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            return type(error).__name__, b""
        finally:
            connection.close()

    def close(self) -> None:
        stop(self.process)


def resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def under_attack(server: Server, name: str, attack: Callable[[Outcome], None], seconds: float) -> Outcome:
    """Run ``attack`` in threads for ``seconds`` while the health prober and the memory sampler watch."""
    outcome = Outcome(name)
    stopping = threading.Event()
    latencies: list[float] = []
    seen_workers = set(server.workers())
    first_workers = set(seen_workers)

    def probe() -> None:
        while not stopping.is_set():
            started = time.perf_counter()
            status, _ = server.request("GET", "/healthz", timeout=30)
            latencies.append(1000 * (time.perf_counter() - started))
            outcome.health_failures += status != 200
            stopping.wait(0.05)

    def sample() -> None:
        while not stopping.is_set():
            workers = server.workers()
            seen_workers.update(workers)
            outcome.peak_worker_mb = max([outcome.peak_worker_mb, *(resident_mb(pid) for pid in workers)])
            stopping.wait(0.02)

    def attack_until_stopped() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            attack(outcome)

    watchers = [threading.Thread(target=probe), threading.Thread(target=sample)]
    attackers = [threading.Thread(target=attack_until_stopped) for _ in range(4)]
    for thread in [*watchers, *attackers]:
        thread.start()
    for thread in attackers:
        thread.join()
    time.sleep(0.5)  # the server settles: replaced workers start
    stopping.set()
    for thread in watchers:
        thread.join()
    ordered = sorted(latencies)
    outcome.health_p99_ms = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
    outcome.workers_replaced = len(seen_workers - first_workers)
    return outcome


def sparql_get(server: Server, outcome: Outcome, query: str) -> None:
    status, body = server.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"})
    outcome.got(status, len(body))


def raw_connection(server: Server, data: bytes, hold: float) -> int | str:
    """Send ``data`` on a fresh connection, keep it open up to ``hold`` seconds; the status it got, if any."""
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=hold) as connection:
            try:
                connection.sendall(data)
            except OSError:
                pass
            reply = connection.recv(64)
            return reply.split(b" ")[1].decode() if reply.startswith(b"HTTP/") else "closed"
    except TimeoutError:
        return "held"
    except OSError as error:
        return type(error).__name__


def attacks(server: Server, service_port: int) -> dict[str, Callable[[Outcome], None]]:
    values = " ".join(f'"value-{number:05d}"' for number in range(70_000))
    huge = f"SELECT * WHERE {{ VALUES ?v {{ {values} }} BIND(<http://x/\\u0041> AS ?a) }}".encode()
    nested = ("SELECT * WHERE { FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }").encode()
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(21))
    oversized = f'SELECT ?v21 WHERE {{ BIND("0123456789abcdef" AS ?v0) {doubling} }}'  # 32 MiB
    literal = "x" * 30 * 1024
    cross = f'SELECT ?s ?o ?big WHERE {{ ?s ?p ?o . BIND("{literal}" AS ?big) }}'

    def post(body: bytes) -> Callable[[Outcome], None]:
        def send(outcome: Outcome) -> None:
            status, reply = server.request("POST", "/sparql", body, {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
            outcome.got(status, len(reply))
        return send

    def path(where: str) -> Callable[[Outcome], None]:
        def fetch(outcome: Outcome) -> None:
            status, reply = server.request("GET", where)
            outcome.got(status, len(reply))
        return fetch

    def connection(data: bytes, hold: float) -> Callable[[Outcome], None]:
        return lambda outcome: outcome.got(raw_connection(server, data, hold))

    def slow_headers(outcome: Outcome) -> None:
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=60) as conn:
                conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                for line in range(40):
                    conn.sendall(b"X-Slow-%d: 1\r\n" % line)
                    time.sleep(1)
                outcome.got("accepted after 40 s")
        except OSError:
            outcome.got("cut off")

    return {
        "SERVICE bypass (the issue's query, GET)": lambda outcome: sparql_get(server, outcome, SERVICE_ATTACK.replace("{port}", str(service_port))),
        "958 KB query with an escape (POST)": post(huge),
        "50,000 nested parentheses": post(nested),
        "ORDER BY over a cross product (memory)": lambda outcome: sparql_get(server, outcome, RUNAWAY),
        "30 KiB literal over a product (body size)": lambda outcome: sparql_get(server, outcome, cross),
        "a 32 MiB value": lambda outcome: sparql_get(server, outcome, oversized),
        "picture of a path that is not an IRI": path("/pictures/id/x%22onload=%22alert(1).svg"),
        "picture of an unknown IRI": path("/pictures/id/state/NOWHERE.svg"),
        "10 MiB header": connection(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (10 << 20) + b"\r\n\r\n", 30),
        "unfinished 40 MiB header": connection(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (40 << 20), 30),
        "a header line a second": slow_headers,
        "idle connections": connection(b"", 45),
    }


def canned_latency(server: Server, runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        status, _ = server.request("GET", "/api/queries/members")
        assert status == 200, status
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def fairness(server: Server, seconds: float) -> dict:
    idle = canned_latency(server)
    stopping = threading.Event()

    def runaway() -> None:
        while not stopping.is_set():
            server.request("GET", "/sparql?" + urllib.parse.urlencode({"query": ENDLESS}), headers={"Accept": "text/csv"})

    threads = [threading.Thread(target=runaway) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    loaded = canned_latency(server)
    stopping.set()
    for thread in threads:
        thread.join()
    return {"idle_ms": idle, "beside_8_runaway_ms": loaded, "ratio": loaded / idle, "target": "<= 2x idle"}


def build() -> Path:
    from coalition_kg import pipeline

    build_dir = WORK / "build"
    if not (build_dir / "manifest.json").exists():
        pipeline.build(pipeline.DATA_DIR, build_dir, pictures=False)
    return build_dir


def server_options(command: Path, memory_limit: str, max_bytes: str, timeout: str) -> list[str]:
    known = subprocess.run([command, "serve", "--help"], capture_output=True, text=True).stdout
    options = ["--timeout", timeout, "--workers", "2"]
    if "--memory-limit" in known:
        options += ["--memory-limit", memory_limit]
    if "--max-bytes" in known:
        options += ["--max-bytes", max_bytes]
    return options


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", type=Path, default=COMMAND, help="the coalition-kg to attack")
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each attack runs")
    parser.add_argument("--memory-limit", default="1G")
    parser.add_argument("--max-bytes", default="16M")
    parser.add_argument("--timeout", default="5")
    parser.add_argument("--only", nargs="*", help="attack names containing these words")
    options = parser.parse_args(argv)
    from service_target import service_target

    build_dir = build()
    server = Server(options.command, build_dir, server_options(options.command, options.memory_limit, options.max_bytes, options.timeout))
    results = []
    try:
        with service_target() as (base, hits):
            service_port = int(base.rsplit(":", 1)[1])
            for name, attack in attacks(server, service_port).items():
                if options.only and not any(word in name for word in options.only):
                    continue
                before = len(hits)
                outcome = under_attack(server, name, attack, options.seconds)
                outcome.service_calls = len(hits) - before
                results.append(outcome)
                print(json.dumps(asdict(outcome)), flush=True)
        fair = fairness(server, options.seconds)
        print(json.dumps({"fairness": fair}), flush=True)
    finally:
        server.close()
    document = {"command": str(options.command), "options": vars(options) | {"command": str(options.command)},
                "attacks": [asdict(outcome) for outcome in results], "fairness": fair}
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(table(results, fair))
    return 0


def table(results: list[Outcome], fair: dict) -> str:
    lines = ["| attack | requests | statuses | health p99 | peak worker | largest body | workers replaced | SERVICE calls |",
             "|---|---|---|---|---|---|---|---|"]
    for outcome in results:
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(outcome.statuses.items()))
        lines.append(f"| {outcome.attack} | {outcome.requests} | {statuses} | {outcome.health_p99_ms:.0f} ms"
                     f"{' (' + str(outcome.health_failures) + ' failed)' if outcome.health_failures else ''} | "
                     f"{outcome.peak_worker_mb:.0f} MB | {outcome.largest_body:,} B | {outcome.workers_replaced} | {outcome.service_calls} |")
    lines.append(f"\ncanned question: {fair['idle_ms']:.1f} ms idle, {fair['beside_8_runaway_ms']:.1f} ms beside 8 runaway "
                 f"queries ({fair['ratio']:.2f}x; target <= 2x)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

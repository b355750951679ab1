"""The query commands: queries, query, sparql and push."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import OxigraphServer

from coalition_kg import query
from coalition_kg.cli import main
from coalition_kg.cli.options import ALL_FORMATS, MAX_SIZE, RESULT_FORMATS
from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, parse_size
from coalition_kg.queries.catalog import load_query
from coalition_kg.queries.results import ALL_FORMATS as ANSWER_FORMATS
from coalition_kg.queries.results import RESULT_FORMATS as ANSWER_RESULT_FORMATS


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


#: What a cold ``coalition-kg query`` must not load: the heavy libraries, the metadata of installed
#: packages, and the project's modules for building, remote endpoints and ad-hoc SPARQL checks.
#: (The SPARQL tokenizer is on the path: parameters are bound by a VALUES block it places.)
NOT_ON_THE_QUERY_PATH = (
    "rdflib", "pyshacl", "networkx", "matplotlib", "SPARQLWrapper", "yaml", "hypothesis", "pkg_resources", "pandas",
    "importlib.metadata", "urllib.request", "http.client", "coalition_kg.pipeline", "coalition_kg.remote.endpoint",
    "coalition_kg.queries.sparql_guard", "coalition_kg.core.inputfiles",
)
QUERY_IN_A_FRESH_PROCESS = """
import sys
from coalition_kg.cli import main
try:
    main(sys.argv[1:])
finally:
    print(*sorted(set(sys.modules) & set(NOT_ON_THE_QUERY_PATH)), file=sys.stderr)
"""


def test_the_commands_offer_the_formats_answers_have() -> None:
    assert (RESULT_FORMATS, ALL_FORMATS) == (ANSWER_RESULT_FORMATS, ANSWER_FORMATS)


def test_the_default_size_limit_is_the_input_files_one() -> None:
    assert parse_size(MAX_SIZE) == MAX_INPUT_BYTES


def test_a_query_in_a_fresh_process_loads_nothing_heavy(built: Path) -> None:
    code = f"NOT_ON_THE_QUERY_PATH = {NOT_ON_THE_QUERY_PATH!r}\n{QUERY_IN_A_FRESH_PROCESS}"
    piped = {name: value for name, value in os.environ.items() if name != "COLUMNS"}  # each row on one line
    completed = subprocess.run(
        [sys.executable, "-c", code, "query", "members", "--build-dir", str(built)], capture_output=True, text=True,
        env=piped,
    )
    assert (completed.returncode, completed.stdout.splitlines()[-1], completed.stderr) == (0, "6 rows", "\n")


def test_queries_lists_the_catalog() -> None:
    result = run("queries")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "summary", "parameters"]
    assert lines[2].split()[0] == "authorization"
    assert len(lines) == 2 + 13


def test_query_prints_a_table(built: Path) -> None:
    result = run("query", "officials", "--build-dir", str(built))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "official", "name", "role", "organization", "organizationLabel", "accreditedTo", "accreditedToLabel",
        "post", "sources", "evidence",
    ]
    assert lines[2].split("  ")[0] == "person/bernardo-arevalo"
    assert lines[-1] == "2 rows"


@pytest.mark.parametrize("format_name", ["csv", "tsv", "json", "xml", "md"])
def test_query_prints_every_format(built: Path, format_name: str) -> None:
    """The W3C formats are the question's own columns; md adds the evidence, as a table does."""
    result = run("query", "members-as-of", "-p", "date=2024-09-26", "--format", format_name, "--build-dir", str(built))
    expected = query("members-as-of", {"date": "2024-09-26"}, build_dir=built, evidence=format_name == "md").to(format_name)
    ended = expected if expected.endswith("\n") else expected + "\n"
    assert (result.exit_code, result.stdout_bytes) == (0, ended.encode())


#: Each question with what its required parameters need, as in the terminal.
QUESTION_VALUES = {
    "authorization": [], "conflicts": [], "contributors": [], "deployments": [], "members": [], "officials": [],
    "partners": [], "statements": [], "timeline": [], "members-as-of": ["-p", "date=2024-12-31"],
    "provenance": ["-p", "entity=Kenya"], "state-profile": ["-p", "state=GTM"],
}
#: The rows of state-profile that come from the entity register (its name, code and Wikidata item): no source states them.
REGISTER_ROWS = {"state-profile": 3}


def markdown_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a Markdown table, each "|" inside a cell unescaped."""
    lines = [re.split(r"(?<!\\) \| ", line.strip()[2:-2]) for line in text.splitlines()]
    header, _rule, *rows = [[cell.replace("\\|", "|") for cell in line] for line in lines]
    return header, rows


@pytest.mark.parametrize("name", QUESTION_VALUES)
def test_every_question_shows_the_sentence_behind_each_row(built: Path, name: str) -> None:
    """As the README promises: each row's evidence is the sentence of a source, after the source's id,
    or the question's own column of sentences (members, conflicts, authorization, provenance)."""
    result = run("query", name, *QUESTION_VALUES[name], "--format", "md", "--build-dir", str(built))
    header, rows = markdown_rows(result.stdout)
    column = header.index("evidence" if "evidence" in header else "sentence")
    sources = {path.stem: path.read_text(encoding="utf-8") for path in (Path(__file__).parents[2] / "data" / "sources").glob("*.txt")}
    without = 0
    for row in rows:
        if row[column] == "—":
            without += 1
            continue
        for quote in row[column].split(" | "):
            source, _, sentence = quote.partition(": ") if header[column] == "evidence" and quote[:3].isdigit() else ("", "", quote)
            assert sentence in "".join(sources.values()) and (not source or sentence in sources[source]), quote
    assert (result.exit_code, len(rows) > 0, without) == (0, True, REGISTER_ROWS.get(name, 0))


def test_the_evidence_of_a_deployment_is_its_sentence_and_no_evidence_leaves_it_out(built: Path) -> None:
    header, rows = markdown_rows(run("query", "deployments", "--format", "md", "--build-dir", str(built)).stdout)
    row = next(row for row in rows if row[header.index("deployment")] == "gtm-military-police")
    assert row[header.index("evidence")] == (
        "004_488f5bce62634bfc: Guatemala has officially joined the Multinational Security Support Mission (MMAS), "
        "committing to deploy a Military Police contingent to assist Haiti in addressing its ongoing security and "
        "humanitarian challenges.")
    header, _ = markdown_rows(run("query", "deployments", "--no-evidence", "--format", "md", "--build-dir", str(built)).stdout)
    assert "evidence" not in header


def test_in_a_narrow_terminal_the_record_of_a_row_carries_its_evidence(built: Path) -> None:
    result = CliRunner().invoke(main, ["query", "contributors", "--build-dir", str(built)], env={"COLUMNS": "80"})
    record = result.stdout.split("── row 4 ")[1].split("── row 5 ")[0]
    assert "label        Jamaica" in record
    assert "evidence     000_f53fdc1be9ced35d: The MSSM’s international makeup now includes\n" in record
    assert "004_488f5bce62634bfc: Jamaica was the\n" in record


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["members-as-of"], "error: query 'members-as-of' needs parameter 'date': a date, YYYY-MM-DD\n"),
        (["state-profile", "-p", "state=Atlantis"], "error: parameter 'state': no state matches 'Atlantis'; "),
        (["members", "-p", "year=2024"], "error: query 'members' has no parameter 'year'; its parameters: "),
        (["nope"], "error: no query named 'nope'; known queries: "),
    ],
)
def test_query_errors_are_one_line(built: Path, args: list[str], message: str) -> None:
    result = run("query", *args, "--build-dir", str(built))
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""


def test_a_parameter_is_name_equals_value(built: Path) -> None:
    result = run("query", "members-as-of", "-p", "2024-09-26", "--build-dir", str(built))
    assert result.exit_code == 2
    assert "Invalid value for '-p' / '--param': expected name=value, got '2024-09-26'" in result.stderr


def test_sparql_reads_a_query_from_standard_input(built: Path) -> None:
    result = run("sparql", "-", "--format", "ntriples", "--build-dir", str(built),
                 stdin="CONSTRUCT WHERE { state:GTM ckg:iso3166Alpha3 ?code }")
    assert (result.exit_code, result.stdout) == (
        0, '<https://w3id.org/coalition-kg/id/state/GTM> <https://w3id.org/coalition-kg/ontology#iso3166Alpha3> "GTM" .\n'
    )
    asked = run("sparql", "-", "--build-dir", str(built), stdin="ASK { state:KEN org:memberOf ?m }")
    assert asked.stdout == "answer\n──────\ntrue\n1 row\n"


def test_sparql_refuses_updates(built: Path, tmp_path: Path) -> None:
    update = tmp_path / "update.rq"
    update.write_text("DELETE WHERE { ?s ?p ?o }")
    result = run("sparql", str(update), "--build-dir", str(built))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: this is a SPARQL update (DELETE); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE\n"
    )


def test_sparql_refuses_text_that_is_not_utf8(built: Path, tmp_path: Path) -> None:
    query = tmp_path / "latin1.rq"
    query.write_bytes("SELECT * WHERE { ?s ?p 'Arévalo' }".encode("latin-1"))
    result = run("sparql", str(query), "--build-dir", str(built))
    assert (result.exit_code, result.stderr) == (2, f"error: {query}: not UTF-8 text (byte 26); expected a SPARQL query\n")


CLI = Path(sys.executable).parent / "coalition-kg"
OVER_THE_DEFAULT_LIMIT = "more than the limit of 64.0 MiB (67108864 bytes); expected a smaller file, or a larger --max-size\n"


def sparql_process(source: str, built: Path, *options: str, stdin=None) -> subprocess.CompletedProcess[str]:
    """``coalition-kg sparql SOURCE`` as a user runs it, in its own process."""
    return subprocess.run([str(CLI), "sparql", source, "--build-dir", str(built), *options], stdin=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_sparql_reads_a_device_that_never_ends_up_to_the_limit(built: Path, device: str) -> None:
    result = sparql_process(device, built)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {device}: {OVER_THE_DEFAULT_LIMIT}")


def test_sparql_reads_a_link_to_dev_zero_up_to_the_limit(built: Path, tmp_path: Path) -> None:
    link = tmp_path / "query.rq"
    link.symlink_to("/dev/zero")
    result = sparql_process(str(link), built)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {link}: {OVER_THE_DEFAULT_LIMIT}")


def test_sparql_reads_a_fifo_that_never_ends_up_to_the_limit(built: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "query.rq"
    os.mkfifo(fifo)

    def write_zeros_until_the_reader_leaves() -> None:
        with fifo.open("wb") as pipe, contextlib.suppress(BrokenPipeError):
            while True:
                pipe.write(bytes(1 << 20))

    writer = threading.Thread(target=write_zeros_until_the_reader_leaves, daemon=True)
    writer.start()
    result = sparql_process(str(fifo), built, "--max-size", "3M")
    writer.join(timeout=30)
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"error: {fifo}: more than the limit of 3.0 MiB (3145728 bytes); expected a smaller file, or a larger --max-size\n"
    )
    assert not writer.is_alive()


def test_sparql_reads_standard_input_that_never_ends_up_to_the_limit(built: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        result = sparql_process("-", built, stdin=zeros)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: <stdin>: {OVER_THE_DEFAULT_LIMIT}")


def test_sparql_answers_a_query_of_the_limit_and_refuses_one_byte_more(built: Path) -> None:
    ask = "ASK { state:KEN org:memberOf ?m }"
    at_the_limit = ask + " " * (1024 - len(ask))
    assert run("sparql", "-", "--max-size", "1K", "--build-dir", str(built), stdin=at_the_limit).stdout == (
        "answer\n──────\ntrue\n1 row\n"
    )
    over = run("sparql", "-", "--max-size", "1K", "--build-dir", str(built), stdin=at_the_limit + " ")
    assert (over.exit_code, over.stdout, over.stderr) == (
        2, "", "error: <stdin>: more than the limit of 1.0 KiB (1024 bytes); expected a smaller file, or a larger --max-size\n"
    )


def test_sparql_refuses_a_query_file_over_the_limit_unread(built: Path, tmp_path: Path) -> None:
    query = tmp_path / "long.rq"
    query.write_text("ASK {}" + " " * 2000)
    result = run("sparql", str(query), "--max-size", "1K", "--build-dir", str(built))
    assert (result.exit_code, result.stderr) == (
        2, f"error: {query}: the file is 2.0 KiB (2006 bytes), over the limit of 1.0 KiB (1024 bytes); "
        "expected a smaller file, or a larger --max-size\n"
    )


def test_push_then_query_the_endpoint(oxigraph: OxigraphServer, built: Path) -> None:
    pushed = run("push", "--endpoint", oxigraph.update, "--build-dir", str(built))
    assert pushed.exit_code == 0
    assert pushed.stdout.splitlines()[0] == f"pushed to {oxigraph.update} (SPARQL Update, 4 requests):"
    local = run("query", "deployments", "--build-dir", str(built))
    remote = run("query", "deployments", "--endpoint", oxigraph.query, "--build-dir", str(built))
    assert (remote.exit_code, remote.stdout) == (0, local.stdout)


def test_push_needs_a_target(built: Path) -> None:
    result = run("push", "--build-dir", str(built))
    assert (result.exit_code, result.stderr) == (
        2, "error: say where to push: the store's SPARQL endpoint (--endpoint) or its Graph Store (--graph-store)\n"
    )


def test_a_table_fits_the_width_asked_and_says_once_how_to_see_it_whole(built: Path) -> None:
    fitted = CliRunner(env={"COLUMNS": "60"}).invoke(main, ["query", "deployments", "--build-dir", str(built)])
    assert fitted.exit_code == 0
    assert max(len(line) for line in fitted.stdout.splitlines()) <= 60
    assert fitted.stdout.splitlines()[1:4] == [
        "── row 1 " + "─" * 51, "state       BLZ", "label       Belize",
    ]
    assert fitted.stderr == (
        "note: rows shown as records to fit 60 columns; --wide or --format md shows each row on one line\n"
    )
    wide = CliRunner(env={"COLUMNS": "60"}).invoke(main, ["query", "deployments", "--wide", "--build-dir", str(built)])
    assert (wide.exit_code, wide.stderr) == (0, "")
    assert wide.stdout.splitlines()[3] == (
        "BLZ    Belize       personnel                       serving          —  —     —      000_f53fdc1be9ced35d  "
        "blz-personnel            000_f53fdc1be9ced35d: The MSSM’s international makeup now includes personnel from "
        "Kenya, Jamaica, Belize, Guatemala, El Salvador, and other contributing nations."
    )


def test_show_prints_the_description_parameters_and_sparql() -> None:
    result = run("query", "members-as-of", "--show")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("members-as-of: The coalition as of a date")
    assert "Parameters, each given as -p NAME=VALUE:\n  date (date, required)\n" in text
    assert "  mission (mission, default mission/mss-haiti)\n" in text
    assert "      takes a mission's name, acronym or IRI (mission/mss-haiti)\n" in text
    sparql_text = text.split("SPARQL:\n", 1)[1]
    assert sparql_text == load_query("members-as-of").body.rstrip("\n") + "\n"
    assert "#+" not in sparql_text and "SELECT" in sparql_text
    assert run("query", "nope", "--show").stderr.startswith("error: no query named 'nope'; known queries: ")


UNDECLARED = "SELECT ?state ?kind WHERE { ?m org:member ?state ; ckg:joinedBy/ckg:instrumentKind ?kind } ORDER BY ?state"


def test_sparql_takes_the_project_prefixes_undeclared_locally_and_on_an_endpoint(
    loaded_oxigraph: OxigraphServer, built: Path
) -> None:
    local = run("sparql", "-", "--build-dir", str(built), stdin=UNDECLARED)
    remote = run("sparql", "-", "--endpoint", loaded_oxigraph.query, "--build-dir", str(built), stdin=UNDECLARED)
    assert (local.exit_code, local.stderr) == (0, "")
    assert (remote.exit_code, remote.stdout) == (0, local.stdout)
    assert local.stdout.splitlines() == [
        "state        kind",
        "───────────  ──────────────────────────",
        "Belize       ratification",
        "Guatemala    instrument of adhesion",
        "Jamaica      instrument of adhesion",
        "El Salvador  signature of the agreement",
        "4 rows",
    ]
    csv = run("sparql", "-", "--format", "csv", "--endpoint", loaded_oxigraph.query, stdin=UNDECLARED)
    assert csv.stdout.splitlines()[1] == (
        "https://w3id.org/coalition-kg/id/state/BLZ,https://w3id.org/coalition-kg/id/instrument-kind/ratification"
    )

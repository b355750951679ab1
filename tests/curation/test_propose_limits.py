"""propose on hostile input (issue 17, item 13): a text over 1,000,000 characters and 200 KB of
nested parentheses end in a one-line error naming the limit (exit 2), not in spaCy's ValueError
traceback or minutes of work; what is under the limits is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_kg.cli import main
from coalition_kg.core.paths import PROJECT_DIR
from coalition_kg.curation.propose import propose
from coalition_kg.curation.propose.text import MAX_ARTICLE_CHARACTERS, MAX_WORD_CHARACTERS

DATA = PROJECT_DIR / "tests" / "propose_articles" / "data"


def run(article: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["propose", str(article), "--data", str(DATA)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "text", "message"), [
    ("million.txt", "The mission grew. " * 55_556,  # 1,000,008 characters of sentences
     "1,000,008 characters, more than propose reads (200,000); expected one article; split a longer text into "
     "articles"),
    ("parentheses.txt", "(" * 102_400 + ")" * 102_400,  # 200 KB of nested parentheses
     "204,800 characters, more than propose reads (200,000); expected one article; split a longer text into "
     "articles"),
    ("word.txt", "Kenya sent police.\n" + "(" * 2_000 + ")" * 2_000 + "\n",
     "a run of 4,000 characters without a space, longer than propose reads (1,000); expected words separated by "
     "spaces"),
])
def test_a_text_over_the_limits_is_refused_in_one_line_naming_the_limit(tmp_path, name, text, message):
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    code, out, err = run(article)
    line = 2 if name == "word.txt" else 0
    where = f"{article}:{line}" if line else str(article)
    assert (code, out, err) == (2, "", f"error: {where}: {message}\n")


def test_the_limits_are_what_the_messages_say():
    assert (MAX_ARTICLE_CHARACTERS, MAX_WORD_CHARACTERS) == (200_000, 1_000)


def test_nested_parentheses_with_spaces_under_the_limit_are_read(tmp_path):
    """The same nesting with spaces between the marks is read (work that grows with the text:
    ``benchmarks/propose_speed.py`` measures it), and gives nothing to propose."""
    article = tmp_path / "spaced.txt"
    article.write_text("( " * 2_000 + ") " * 2_000 + "\n", encoding="utf-8")
    draft = propose(article, DATA)
    assert draft.facts == [] and draft.new_entities == []

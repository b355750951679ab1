"""One article under review, on disk and in memory: where it starts from, the session kept after
every change, the check after every change, and Save (and build).

It starts from the kept session if the article is unchanged since, else from
``data/facts/<source>.yaml`` if one is there (a draft ``propose -o`` wrote, or a saved review),
else from a new draft of ``propose``.

Save writes, all or nothing (:func:`coalition_kg.core.atomic.staged_files`), only inside
``data/``: ``facts/<source>.yaml`` with the accepted facts, ``register.yaml`` with the accepted
entries, and ``sources/<source>.txt``, the article, when it is not there yet. Every path is
checked to resolve inside ``data/`` before anything is written, so that neither a source id nor a
link in ``data/`` can lead a write elsewhere.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from coalition_kg.core.atomic import staged_files
from coalition_kg.core.inputfiles import MAX_INPUT_BYTES, read_text
from coalition_kg.review.cards import Reading, read_cards
from coalition_kg.review.checking import Verdict, check
from coalition_kg.curation.reader import read_files
from coalition_kg.review.choices import Register as Entries
from coalition_kg.review.session import ReviewError, Session, check_source_id, read_session
from coalition_kg.review.yaml_files import facts_file, with_entries
from coalition_kg.store.disk import StoreMissing, open_store

_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")


def source_id_of(article: Path) -> str:
    """The source id of an article, from its file name, as ``propose`` makes it."""
    return _NOT_ID.sub("-", article.stem).strip("-").lstrip(".") or "article"


@dataclass
class Saved:
    """What one Save wrote."""

    files: list[Path]
    facts: int
    entries: int


@dataclass
class Workspace:
    """The review of ``article`` against ``data_dir`` and the build in ``build_dir``."""

    article: Path
    text: str
    data_dir: Path
    build_dir: Path
    session: Session
    max_bytes: int = MAX_INPUT_BYTES
    verdict: Verdict = field(default_factory=Verdict)
    register: Entries | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)

    @classmethod
    def open(cls, article: Path, data_dir: Path, build_dir: Path, max_bytes: int = MAX_INPUT_BYTES) -> Workspace:
        text = read_text(article, max_bytes)
        source_id = source_id_of(article)
        check_source_id(source_id)
        session = read_session(session_file(build_dir, source_id), text)
        if session is None:
            session = _start(article, text, data_dir, source_id, max_bytes)
        workspace = cls(article, text, data_dir, build_dir, session, max_bytes)
        workspace.refresh()
        return workspace

    @property
    def shown_path(self) -> str:
        """The article's path as the curator knows it: from the current folder, when it is below it."""
        try:
            return str(self.article.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(self.article)

    @property
    def key(self) -> str:
        """The article's own id, from its file name: where its session is kept (the source id may change)."""
        return source_id_of(self.article)

    @property
    def work_dir(self) -> Path:
        return self.build_dir / "review" / self.key

    def changed(self) -> None:
        """Keep the session and check it again: after every change."""
        self.session.write(session_file(self.build_dir, self.key))
        self.refresh()

    def refresh(self) -> None:
        store = _store(self.build_dir)
        self.register = Entries.read(self.data_dir, store, self.session, self.max_bytes)
        del store
        self.verdict = check(self.session, self.article, self.data_dir, self.build_dir, self.work_dir, self.max_bytes)

    # --- Save ------------------------------------------------------------------------------

    def save(self) -> Saved:
        """Write the accepted facts and register entries (and the article) into ``data/``."""
        session = self.session
        facts_path, register_path, text_path = targets(self.data_dir, session.source_id)
        session.source["text"] = f"sources/{text_path.name}"
        files = {facts_path: facts_file(session, session.accepted()).encode("utf-8")}
        register_text = read_text(register_path, self.max_bytes)
        register = read_files([register_path], self.max_bytes).register
        present = {record.id for record in register.entities} if register else set()
        entries = [entry for entry in session.accepted_entities() if entry.ref not in present]
        if entries:
            files[register_path] = with_entries(register_text, entries, session.source_id).encode("utf-8")
        if text_path.exists():
            if read_text(text_path, self.max_bytes) != self.text:
                raise ReviewError(f"{text_path} holds another text than {self.article}: the facts would quote the "
                                  "wrong article; rename one of them")
        else:
            files[text_path] = self.text.encode("utf-8")
        with staged_files(files):
            pass
        self.changed()
        return Saved(list(files), len(session.accepted()), len(entries))


def session_file(build_dir: Path, source_id: str) -> Path:
    return build_dir / "review" / f"{source_id}.json"


def targets(data_dir: Path, source_id: str) -> tuple[Path, Path, Path]:
    """Where Save writes: the facts file, the register and the article, each checked to be in ``data_dir``."""
    check_source_id(source_id)
    root = data_dir.resolve()
    paths = (data_dir / "facts" / f"{source_id}.yaml", data_dir / "register.yaml",
             data_dir / "sources" / f"{source_id}.txt")
    for path in paths:
        if not path.resolve().is_relative_to(root) or not path.parent.resolve().is_relative_to(root):
            raise ReviewError(f"{path} leads outside {data_dir}: the review writes only inside it")
    return paths


def _start(article: Path, text: str, data_dir: Path, source_id: str, max_bytes: int) -> Session:
    facts_path = data_dir / "facts" / f"{source_id}.yaml"
    if facts_path.exists():
        reading, origin = read_cards(read_text(facts_path, max_bytes), str(facts_path)), str(facts_path)
    else:
        reading, origin = _proposed(article, data_dir, max_bytes), "a new draft of coalition-kg propose"
    reading.source["id"] = source_id
    reading.source.setdefault("text", f"sources/{source_id}.txt")
    reading.source.setdefault("label", f"Article {source_id}")
    return Session.start(article, text, reading, origin)


def _proposed(article: Path, data_dir: Path, max_bytes: int) -> Reading:
    from coalition_kg.curation.propose import propose

    return read_cards(propose(article, data_dir, max_bytes=max_bytes).to_yaml(), f"the draft of {article}")


def _store(build_dir: Path):
    try:
        return open_store(build_dir)
    except StoreMissing:
        return None

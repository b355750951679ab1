"""The page templates (Jinja2, every value escaped: autoescape is on for every template)."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES_DIR = Path(__file__).parent / "templates"
ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
)


def render(template: str, **values: object) -> str:
    return ENVIRONMENT.get_template(template).render(**values)


def page(template: str, status: int = 200, **values: object) -> HTMLResponse:
    """A page, negotiated as HTML: it varies with Accept."""
    return HTMLResponse(render(template, **values), status_code=status, headers={"Vary": "Accept"})

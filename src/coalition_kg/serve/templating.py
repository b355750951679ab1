"""The page templates (Jinja2, every value escaped: autoescape is on for every template).

The build renders some (the ontology's documentation) without the serve extra: FastAPI is
imported only to answer a request."""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined

if TYPE_CHECKING:
    from fastapi.responses import HTMLResponse

TEMPLATES_DIR = Path(__file__).parent / "templates"
ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
)


class Site(NamedTuple):
    """What a page says of where it is served: a live server, or a static copy (``coalition-kg
    site``) with the public SPARQL endpoint it names, if any."""

    static: bool = False
    endpoint: str | None = None


#: The site the page being rendered is for; the application sets it for each request.
SITE: ContextVar[Site] = ContextVar("site", default=Site())


def render(template: str, **values: object) -> str:
    return ENVIRONMENT.get_template(template).render(site=SITE.get(), **values)


def page(template: str, status: int = 200, **values: object) -> HTMLResponse:
    """A page, negotiated as HTML: it varies with Accept."""
    from fastapi.responses import HTMLResponse

    return HTMLResponse(render(template, **values), status_code=status, headers={"Vary": "Accept"})

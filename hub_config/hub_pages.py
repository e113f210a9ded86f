"""What every hub page shares: its language, Robocole's static files, and its headers.

JupyterHub renders its pages (errors, "your server is starting", home, token) with Jinja from
``hub_config/templates`` first, then its own. Three things are set here, once, through its
documented settings (``jupyterhub_config.py``):

- ``PageWords``, a Jinja extension (``JupyterHub.jinja_environment_options``) that gives
  every template ``page_language()`` and ``_()``: French unless the visitor chose English
  (cookie ``robocole-lang``) or their browser asks for English first;
- ``StaticFiles``, JupyterHub's static handler that also serves ``hub_config/static`` under
  ``robocole/``, so our pages load only our own small files, cached a year (``?v=``);
- ``tornado_settings()``: compressed answers, SameSite cookies and a Content-Security-Policy
  that allows only the hub's own files (no inline script, no other site).
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.ext import Extension
from jinja2.runtime import Context
from jupyterhub.handlers.static import CacheControlStaticFilesHandler
from tornado.web import RequestHandler

from robocole.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext, set_language

LANGUAGE_COOKIE = "robocole-lang"
STATIC = Path(__file__).resolve().parent / "static"
#: Robocole's hub templates, searched before JupyterHub's own (``JupyterHub.template_paths``).
TEMPLATES = str(Path(__file__).resolve().parent / "templates")
#: Our files' place among JupyterHub's static files: ``static_url('robocole/hub.css')``.
STATIC_PREFIX = "robocole/"
#: The one inline style JupyterHub's kept pages carry (the token page hides its new token's
#: box until asked): allowed by its hash, not every inline style.
KEPT_STYLE_ATTRIBUTES = ("display: none;",)


def browser_language(accept_language: str) -> str:
    """French unless the browser's first choice is English (schools in France: French first)."""
    first = accept_language.split(",")[0].strip().lower()
    return "en" if first.startswith("en") else DEFAULT_LANGUAGE


def request_language(handler: RequestHandler) -> str:
    """The page's language: the visitor's choice (cookie) or else their browser's."""
    chosen = (handler.get_cookie(LANGUAGE_COOKIE) or "").strip()
    if chosen in LANGUAGES:
        return chosen
    return browser_language(handler.request.headers.get("Accept-Language", ""))


def _handler_of(context: Context) -> RequestHandler | None:
    # JupyterHub's template namespace carries no request, but its ``static_url`` is the
    # rendering handler's own bound method: the one way to the request's cookies.
    handler = getattr(context.get("static_url"), "__self__", None)
    return handler if isinstance(handler, RequestHandler) else None


@pass_context
def page_language(context: Context) -> str:
    """The language of the page being rendered, chosen once per request."""
    explicit = context.get("lang")
    if explicit in LANGUAGES:
        return str(explicit)
    handler = _handler_of(context)
    if handler is None:
        return DEFAULT_LANGUAGE
    language: str | None = getattr(handler, "_robocole_language", None)
    if language is None:
        language = request_language(handler)
        handler._robocole_language = language  # type: ignore[attr-defined]
    return language


@pass_context
def translate_for_page(context: Context, message: str, **variables: object) -> str:
    """``_()`` in the hub's templates: the message in the page's language."""
    set_language(page_language(context))
    return gettext(message, **variables)


class PageWords(Extension):
    """Gives the hub's templates ``_()`` and ``page_language()`` (Jinja's way to add globals)."""

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        environment.globals["_"] = translate_for_page
        environment.globals["page_language"] = page_language


class StaticFiles(CacheControlStaticFilesHandler):
    """JupyterHub's static files, and ours (``hub_config/static``) under ``robocole/``."""

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        if path.startswith(STATIC_PREFIX):
            return os.path.abspath(STATIC / path[len(STATIC_PREFIX) :])
        return str(super().get_absolute_path(root, path))

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if absolute_path.startswith(str(STATIC) + os.sep):
            root = str(STATIC)  # ours are checked against our own folder
        return super().validate_absolute_path(root, absolute_path)


def content_security_policy() -> str:
    """Only the hub's own files; no inline script, no other site, no framing.

    Every script of our templates is a file; data for JupyterHub's own scripts travels in a
    ``<script type="application/json">`` block, which the browser never runs.
    """
    digests = (hashlib.sha256(style.encode()).digest() for style in KEPT_STYLE_ATTRIBUTES)
    styles = " ".join(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests)
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            f"style-src 'self' 'unsafe-hashes' {styles}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            # No report-uri: JupyterHub's report handler refuses the browser's reports (they
            # carry no _xsrf), so each refusal only added a 403 to the log.
        ]
    )


def tornado_settings() -> dict[str, Any]:
    """The hub's Tornado settings (``c.JupyterHub.tornado_settings``)."""
    return {
        # gzip for text answers of 1 KB or more (pages, CSS, JavaScript, JSON).
        "compress_response": True,
        "static_handler_class": StaticFiles,
        # The hub's own cookies (login, session, _xsrf) are not sent by other sites' forms.
        "cookie_options": {"samesite": "Lax"},
        "headers": {
            "Content-Security-Policy": content_security_policy(),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        },
    }

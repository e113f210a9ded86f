"""Open Badges 2.0: badges a child keeps after the class is purged.

Three kinds of hosted JSON-LD documents, at stable addresses under ``/openbadges/``:

- the **issuer profile** (``issuer.json``): the city or school that awards the badges;
- one **BadgeClass** per badge of the curriculum (``badges/<id>.json``);
- one **Assertion** per confirmed award (``assertions/<uid>.json``); a withdrawn badge's
  assertion answers ``410 Gone``, as the specification asks of hosted verification.

The recipient is never named: each pupil has a random badge identity (``urn:uuid:…``) that
only the family receives (in the export and on the certificate), and the assertion holds
``sha256$`` of that identity with a per-assertion salt. Baked images carry the assertion:
a PNG with an ``iTXt`` chunk ``openbadges`` and an SVG with an ``<openbadges:assertion>``
element, both made by ``openbadges-bakery`` (PyPI).

The curriculum ships SVG badges; the PNG is rendered from the SVG with CairoSVG in its safe
mode (no external file, no XML entity). Where the Cairo library is missing, a plain disc
in the badge's main colour is drawn with pypng (pure Python) instead, so a PNG always exists.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import openbadges_bakery
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
)

from classroom_app import web
from classroom_app.store import Store
from curriculum.manifest import Badge, Manifest
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

log = logging.getLogger(__name__)

CONTEXT = "https://w3id.org/openbadges/v2"
JSON_LD = "application/ld+json"
#: Side of the baked PNG in pixels: sharp when printed, about 10 KB.
PNG_SIZE = 256

GENERIC_BADGE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
    b'<circle cx="32" cy="32" r="28" fill="#1f5fbf"/>'
    b'<path d="M32 14l5 11 12 1-9 8 3 12-11-6-11 6 3-12-9-8 12-1z" fill="#fff"/></svg>'
)

#: Why a badge answers 410, in the language of the hosted documents.
REVOCATION_REASON = {
    "fr": "Badge retiré par l'enseignant.",
    "en": "Badge withdrawn by the teacher.",
}

bp = Blueprint("openbadges", __name__, url_prefix="/openbadges")


@dataclass(frozen=True)
class Issuer:
    """Who awards the badges, and the public address every document's ``id`` starts with."""

    base_url: str
    name: str
    url: str
    email: str | None
    language: str = "fr"

    def address(self, path: str) -> str:
        return f"{self.base_url.rstrip('/')}/openbadges/{path}"

    @property
    def id(self) -> str:
        return self.address("issuer.json")

    def badge_id(self, badge_id: str) -> str:
        return self.address(f"badges/{badge_id}.json")

    def assertion_id(self, uid: str) -> str:
        return self.address(f"assertions/{uid}.json")


def issuer_from_config(config: Mapping[str, Any], store: Store, base_url: str | None) -> Issuer:
    """The issuer from the settings; the first school names it when no name is set."""
    base = config.get("PUBLIC_URL") or base_url
    if not base:
        raise RobocoleError(
            _("Set ROBOCOLE_PUBLIC_URL (the platform's address) so badges can be checked.")
        )
    school = store.first_school()
    name = config.get("BADGE_ISSUER_NAME") or (school["name"] if school else "Robocole")
    return Issuer(
        base_url=str(base).rstrip("/"),
        name=str(name),
        url=str(config.get("BADGE_ISSUER_URL") or base),
        email=config.get("BADGE_ISSUER_EMAIL") or None,
        language=str(config.get("DEFAULT_LANGUAGE") or "fr"),
    )


# -- the documents -----------------------------------------------------------------------


def issuer_profile(issuer: Issuer) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer.id,
        "name": issuer.name,
        "url": issuer.url,
    }
    if issuer.email:
        profile["email"] = issuer.email
    return profile


def badge_class(issuer: Issuer, badge: Badge) -> dict[str, Any]:
    language = issuer.language
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": issuer.badge_id(badge.id),
        "name": badge.name.get(language),
        "description": badge.description.get(language),
        "image": f"{issuer.base_url}/badge-images/{badge.id}",
        "criteria": {"narrative": badge.criteria.get(language)},
        "issuer": issuer.id,
        "tags": [badge.kind],
    }


def assertion(issuer: Issuer, row: Mapping[str, Any]) -> dict[str, Any]:
    """The hosted assertion of one ``ob_assertions`` row."""
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": issuer.assertion_id(row["uid"]),
        "recipient": {
            "type": "id",
            "hashed": True,
            "salt": row["recipient_salt"],
            "identity": row["recipient_hash"],
        },
        "badge": issuer.badge_id(row["badge_id"]),
        "verification": {"type": "HostedBadge"},
        "issuedOn": _datetime(row["issued_on"]),
    }


def revoked_assertion(issuer: Issuer, row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": issuer.assertion_id(row["uid"]),
        "revoked": True,
        "revocationReason": REVOCATION_REASON.get(issuer.language, REVOCATION_REASON["en"]),
    }


def _datetime(stored: str) -> str:
    """ISO 8601 with a time zone, to the second (the ledger keeps microseconds)."""
    return stored.split(".")[0] + "Z" if "." in stored else stored


def document_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)


# -- images ------------------------------------------------------------------------------

_UNSAFE_SVG = re.compile(rb"<script|<foreignObject|\son[a-z]+\s*=|<!ENTITY|xlink:href|href=", re.I)


def badge_svg(manifest: Manifest, badge: Badge) -> bytes:
    """The badge's picture from the curriculum, or a generic star when it has none."""
    if manifest.root is not None and badge.image:
        path = (manifest.root / badge.image).resolve()
        if path.is_file() and path.is_relative_to(manifest.root.resolve()):
            data = path.read_bytes()
            if b"<svg" in data[:512] and not _UNSAFE_SVG.search(data):
                return data
            log.warning("badge image refused (not a plain SVG): %s", badge.id)
    return GENERIC_BADGE


def inline_svg(data: bytes, size: int) -> str:
    """A badge SVG to place in a page: decorative (the name is written next to it)."""
    text = data.decode("utf-8")
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<title>.*?</title>\s*", "", text, flags=re.S)

    def opening(match: re.Match[str]) -> str:
        attributes = re.sub(
            r'\s(width|height|role|aria-label|aria-hidden|focusable)="[^"]*"', "", match.group(1)
        )
        return (
            f'<svg{attributes} width="{size}" height="{size}" aria-hidden="true" focusable="false">'
        )

    return re.sub(r"<svg([^>]*)>", opening, text, count=1)


@functools.lru_cache(maxsize=64)
def badge_png(svg: bytes, size: int = PNG_SIZE) -> bytes:
    """A PNG rendering of a badge SVG (CairoSVG; a plain disc where Cairo is missing)."""
    try:
        import cairosvg
    except OSError:  # cairocffi found no Cairo library on this machine
        log.warning("Cairo is not installed: badge PNGs are plain discs (apt install libcairo2)")
        return disc_png(_main_colour(svg), size)
    # unsafe=False (stated, though it is the default): no external file, no XML entity.
    png: bytes = cairosvg.svg2png(
        bytestring=svg, output_width=size, output_height=size, unsafe=False
    )
    return png


def _main_colour(svg: bytes) -> tuple[int, int, int]:
    found = re.search(rb'fill="#([0-9a-fA-F]{6})"', svg)
    value = found.group(1).decode() if found else "1f5fbf"
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def disc_png(colour: tuple[int, int, int], size: int = PNG_SIZE) -> bytes:
    """A filled disc on a transparent background, written with pypng (pure Python)."""
    import png  # pypng, installed with openbadges-bakery

    centre, radius = (size - 1) / 2, size / 2 - 1
    rows = []
    for y in range(size):
        row: list[int] = []
        for x in range(size):
            inside = (x - centre) ** 2 + (y - centre) ** 2 <= radius**2
            row.extend((*colour, 255) if inside else (0, 0, 0, 0))
        rows.append(row)
    out = io.BytesIO()
    png.Writer(size, size, greyscale=False, alpha=True).write(out, rows)
    return out.getvalue()


def bake(image: bytes, assertion_document: Mapping[str, Any]) -> bytes:
    """The image with the assertion inside (PNG ``iTXt`` chunk or SVG element)."""
    baked = openbadges_bakery.bake(io.BytesIO(image), document_json(assertion_document))
    try:
        return bytes(baked.read())
    finally:
        baked.close()


def unbake(image: bytes) -> str | None:
    """What a baked image carries: the assertion JSON (PNG) or its address (hosted SVG)."""
    found = openbadges_bakery.unbake(io.BytesIO(image))
    return str(found) if found is not None else None


def baked_badge(
    issuer: Issuer, manifest: Manifest, row: Mapping[str, Any], kind: str
) -> tuple[bytes, str]:
    """The baked image of an assertion and its media type; ``kind`` is ``png`` or ``svg``."""
    svg = badge_svg(manifest, manifest.badge(row["badge_id"]))
    document = assertion(issuer, row)
    if kind == "png":
        return bake(badge_png(svg), document), "image/png"
    return bake(svg, document), "image/svg+xml"


def download_name(row: Mapping[str, Any], kind: str) -> str:
    return f"badge-{row['badge_id']}.{kind}"


# -- the web -----------------------------------------------------------------------------


def current_issuer() -> Issuer:
    """The issuer at the configured address (``PUBLIC_URL``; ``robocole up`` sets it).

    Never the request's Host header: a badge's ``id`` is what a verifier checks, and the
    hosted documents are cached publicly, so a request naming another host must not change
    what a badge says (it raises, answered 503 by ``_no_address``, when none is set).
    """
    if "issuer" not in g:
        g.issuer = issuer_from_config(current_app.config, web.store(), None)
    issuer: Issuer = g.issuer
    return issuer


def _json_ld(document: Mapping[str, Any], status: int = 200) -> Response:
    response = Response(document_json(document), status=status, mimetype=JSON_LD)
    response.headers["Access-Control-Allow-Origin"] = "*"  # verifiers read it from anywhere
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response


@bp.errorhandler(RobocoleError)
def _no_address(error: RobocoleError) -> Response:
    response = Response(
        document_json({"error": "no_public_url", "message": error.message}),
        status=503,
        mimetype="application/json",
    )
    response.cache_control.no_store = True
    return response


def _badge_or_404(badge_id: str) -> Badge:
    try:
        return web.manifest().badge(badge_id)
    except KeyError:
        abort(404)


@bp.get("/issuer.json")
def issuer_json() -> Response:
    return _json_ld(issuer_profile(current_issuer()))


@bp.get("/badges/<badge_id>.json")
def badge_class_json(badge_id: str) -> Response:
    return _json_ld(badge_class(current_issuer(), _badge_or_404(badge_id)))


@bp.get("/assertions/<uid>.json")
def assertion_json(uid: str) -> Response:
    row = web.store().assertion(uid)
    if row is None:
        abort(404)
    if row["revoked_at"]:
        return _json_ld(revoked_assertion(current_issuer(), row), 410)
    return _json_ld(assertion(current_issuer(), row))


@bp.get("/assertions/<uid>/badge.<any(png, svg):kind>")
def baked_image(uid: str, kind: str) -> Response:
    """The baked badge, for the pupil it belongs to and the teachers of their class."""
    row = web.store().assertion(uid)
    if row is None or row["pupil_id"] is None or not _may_download(int(row["pupil_id"])):
        abort(404)
    if row["revoked_at"]:
        abort(410)
    data, mimetype = baked_badge(current_issuer(), web.manifest(), row, kind)
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{download_name(row, kind)}"'
    response.cache_control.private = True
    return response


def _may_download(pupil_id: int) -> bool:
    pupil = web.current_pupil()
    if pupil is not None and int(pupil["id"]) == pupil_id:
        return True
    teacher = web.current_teacher()
    owner = web.store().pupil(pupil_id)
    return (
        teacher is not None
        and owner is not None
        and web.store().teaches(int(teacher["id"]), int(owner["class_id"]))
    )

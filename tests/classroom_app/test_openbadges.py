"""Open Badges 2.0: hosted JSON-LD, hashed recipients, baked PNG and SVG, revocation.

The required properties below are those of the 1EdTech Open Badges 2.0 specification (the
rules its reference validator, openbadges-validator-core, enforces; that validator itself
does not run on Python 3.11, so its rules are restated here).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import png
import pytest
from defusedxml.minidom import parseString
from flask import Flask
from flask.testing import FlaskClient

from classroom_app import badges, openbadges
from classroom_app.app import create_app
from classroom_app.store import Store
from curriculum.manifest import load_manifest

from .conftest import FIXTURE_MANIFEST, Browser, World, make_app, pictures_of

PUBLIC = "https://robocole.ville.example"
REQUIRED = {
    "Issuer": ("id", "type", "name", "url", "email"),
    "BadgeClass": ("id", "type", "name", "description", "image", "criteria", "issuer"),
    "Assertion": ("id", "type", "recipient", "badge", "verification", "issuedOn"),
}
SHIPPED = load_manifest(None)


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return make_app(
        tmp_path,
        PUBLIC_URL=PUBLIC,
        BADGE_ISSUER_NAME="Ville de Robocole",
        BADGE_ISSUER_EMAIL="ateliers@ville.example",
    )


def check_ob2(document: dict[str, Any], kind: str) -> None:
    """Fail unless ``document`` is a valid Open Badges 2.0 ``kind`` with every required field."""
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["type"] == kind
    missing = [key for key in REQUIRED[kind] if not document.get(key)]
    assert missing == [], f"{kind} lacks {missing}"
    assert urlsplit(document["id"]).scheme in ("http", "https")
    if kind == "Issuer":
        assert re.fullmatch(r"[^@\s]+@[^@\s]+", document["email"])
    if kind == "BadgeClass":
        assert document["criteria"].get("narrative") or document["criteria"].get("id")
    if kind == "Assertion":
        recipient = document["recipient"]
        assert recipient["type"] in ("id", "email", "url", "telephone")
        assert recipient["hashed"] is True
        assert re.fullmatch(r"sha256\$[0-9a-f]{64}", recipient["identity"])
        assert document["verification"]["type"] == "HostedBadge"
        assert datetime.fromisoformat(document["issuedOn"].replace("Z", "+00:00")).tzinfo


def hosted(client: FlaskClient, url: str, status: int = 200) -> dict[str, Any]:
    """Fetch a hosted document by its absolute id, as a verifier would."""
    assert url.startswith(PUBLIC + "/")
    response = client.get(url.removeprefix(PUBLIC))
    assert response.status_code == status, url
    assert response.mimetype == "application/ld+json"
    document: dict[str, Any] = json.loads(response.data)
    return document


def confirm(store: Store, world: World, index: int, badge_id: str) -> str:
    pupil_id = world.pupils[index].id
    badges.decide(store, pupil_id, badge_id, "award", world.teacher_a)
    return str(store.assertions_of_pupil(pupil_id)[-1]["uid"])


def username(store: Store, world: World, index: int) -> str:
    return str(world.pupil_row(store, index)["username"])


def itxt_chunks(data: bytes) -> list[bytes]:
    return [bytes(body) for kind, body in png.Reader(bytes=data).chunks() if kind == b"iTXt"]


def test_issuer_badge_class_and_assertion_are_hosted_json_ld(
    app: Flask, store: Store, world: World
) -> None:
    client = app.test_client()
    uid = confirm(store, world, 0, "pilote-du-carre")
    issued = hosted(client, f"{PUBLIC}/openbadges/assertions/{uid}.json")
    check_ob2(issued, "Assertion")
    badge_class = hosted(client, issued["badge"])
    check_ob2(badge_class, "BadgeClass")
    assert badge_class["name"] == "Pilote du carré"  # French, whatever the visitor's language
    issuer = hosted(client, badge_class["issuer"])
    check_ob2(issuer, "Issuer")
    assert issuer["name"] == "Ville de Robocole"
    # Hosted verification: the assertion lives on the issuer's own origin.
    assert urlsplit(issued["id"]).netloc == urlsplit(issuer["id"]).netloc
    image = client.get(badge_class["image"].removeprefix(PUBLIC))
    assert image.status_code == 200 and image.mimetype == "image/svg+xml"


def test_the_recipient_is_a_salted_hash_of_a_random_identity(
    app: Flask, store: Store, world: World
) -> None:
    uid = confirm(store, world, 0, "pilote-du-carre")
    identity = store.badge_identity(world.pupils[0].id)
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identity)
    recipient = hosted(app.test_client(), f"{PUBLIC}/openbadges/assertions/{uid}.json")["recipient"]
    expected = hashlib.sha256((identity + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${expected}"
    body = json.dumps(recipient)
    assert "Lina" not in body and identity not in body


def test_each_baked_image_unbakes_to_the_hosted_assertion(
    app: Flask, browser: Browser, store: Store, world: World
) -> None:
    uids = [confirm(store, world, 0, b) for b in ("pilote-du-carre", "as-des-sequences")]
    browser.login_pupil(world.klass, username(store, world, 0), pictures_of(store, world, 0))
    page = browser.get("/pupil/badges").text
    for uid in uids:
        hosted_assertion = hosted(browser.client, f"{PUBLIC}/openbadges/assertions/{uid}.json")

        png_url = f"/openbadges/assertions/{uid}/badge.png"
        assert png_url in page  # the pupil's page offers the download
        baked_png = browser.client.get(png_url)
        assert baked_png.mimetype == "image/png"
        assert "attachment" in baked_png.headers["Content-Disposition"]
        chunks = itxt_chunks(baked_png.data)
        assert len(chunks) == 1 and chunks[0].startswith(b"openbadges\x00")
        carried = json.loads(openbadges.unbake(baked_png.data) or "")
        assert carried == hosted_assertion
        check_ob2(carried, "Assertion")

        baked_svg = browser.client.get(f"/openbadges/assertions/{uid}/badge.svg")
        assert baked_svg.mimetype == "image/svg+xml"
        assert openbadges.unbake(baked_svg.data) == hosted_assertion["id"]  # hosted: the URL
        element = parseString(baked_svg.data).getElementsByTagName("openbadges:assertion")[0]
        assert element.getAttribute("verify") == hosted_assertion["id"]
        assert json.loads(element.firstChild.nodeValue) == hosted_assertion


def test_a_withdrawn_badge_answers_410_gone(app: Flask, store: Store, world: World) -> None:
    uid = confirm(store, world, 0, "pilote-du-carre")
    badges.decide(store, world.pupils[0].id, "pilote-du-carre", "revoke", world.teacher_a)
    client = app.test_client()
    gone = hosted(client, f"{PUBLIC}/openbadges/assertions/{uid}.json", status=410)
    assert gone["revoked"] is True and gone["id"].endswith(f"/{uid}.json")
    assert store.assertions_of_pupil(world.pupils[0].id) == []
    # Awarded again: a new assertion, the old one stays revoked.
    new_uid = confirm(store, world, 0, "pilote-du-carre")
    assert new_uid != uid
    hosted(client, f"{PUBLIC}/openbadges/assertions/{new_uid}.json")
    hosted(client, f"{PUBLIC}/openbadges/assertions/{uid}.json", status=410)
    assert client.get("/openbadges/assertions/nothing-here.json").status_code == 404


def test_a_proposed_badge_has_no_assertion_until_confirmed(store: Store, world: World) -> None:
    pupil_id = world.pupils[0].id
    with store.transaction():
        store.add_award_event(pupil_id, "as-des-sequences", "proposed", "rule", None)
    assert store.assertions_of_pupil(pupil_id) == []
    badges.decide(store, pupil_id, "as-des-sequences", "confirm", world.teacher_a)
    assert [a["badge_id"] for a in store.assertions_of_pupil(pupil_id)] == ["as-des-sequences"]


def test_only_the_pupil_and_their_teachers_download_the_baked_badge(
    app: Flask, store: Store, world: World
) -> None:
    uid = confirm(store, world, 0, "pilote-du-carre")
    url = f"/openbadges/assertions/{uid}/badge.png"
    assert app.test_client().get(url).status_code == 404  # nobody signed in
    other_pupil = Browser(app.test_client())
    other_pupil.login_pupil(world.klass, username(store, world, 1), pictures_of(store, world, 1))
    assert other_pupil.get(url).status_code == 404
    other_teacher = Browser(app.test_client())
    other_teacher.login_teacher("b@ecole.fr")
    assert other_teacher.get(url).status_code == 404
    teacher = Browser(app.test_client())
    teacher.login_teacher()
    assert teacher.client.get(url).status_code == 200
    pupil_page = teacher.get(f"/teacher/classes/{world.klass['id']}/pupils/{world.pupils[0].id}")
    assert url in pupil_page.text


def test_the_certificate_says_what_each_badge_means(
    app: Flask, browser: Browser, store: Store, world: World
) -> None:
    uid = confirm(store, world, 0, "as-des-sequences")
    browser.login_pupil(world.klass, username(store, world, 0), pictures_of(store, world, 0))
    page = browser.get("/pupil/certificate")
    assert page.status_code == 200
    assert "Certificat de badges" in page.text and "Lina B." in page.text
    assert "As des séquences" in page.text
    assert "Tu sais écrire des instructions dans le bon ordre." in page.text
    assert f"{PUBLIC}/openbadges/assertions/{uid}.json" in page.text
    assert store.badge_identity(world.pupils[0].id) in page.text
    teacher = Browser(app.test_client())
    teacher.login_teacher()
    seen = teacher.get(
        f"/teacher/classes/{world.klass['id']}/pupils/{world.pupils[0].id}/certificate"
    )
    assert seen.status_code == 200 and "As des séquences" in seen.text


def test_ids_stay_the_same_whatever_address_the_visitor_used(
    app: Flask, store: Store, world: World
) -> None:
    uid = confirm(store, world, 0, "pilote-du-carre")
    client = app.test_client()
    via_lan = client.get(f"/openbadges/assertions/{uid}.json", base_url="http://192.0.2.7:8000")
    assert json.loads(via_lan.data)["id"] == f"{PUBLIC}/openbadges/assertions/{uid}.json"


@pytest.mark.parametrize("badge", SHIPPED.badges, ids=lambda badge: badge.id)
def test_every_shipped_badge_renders_and_bakes(badge: Any) -> None:
    svg = openbadges.badge_svg(SHIPPED, badge)
    assert svg != openbadges.GENERIC_BADGE, f"{badge.id}: its SVG was refused or is missing"
    rendered = openbadges.badge_png(svg)
    width, height, _rows, info = png.Reader(bytes=rendered).read()
    assert (width, height) == (openbadges.PNG_SIZE, openbadges.PNG_SIZE) and info["alpha"]
    document = {"id": f"{PUBLIC}/openbadges/assertions/x.json", "name": "é"}
    for image in (rendered, svg):
        baked = openbadges.bake(image, document)
        found = openbadges.unbake(baked)
        assert found in (document["id"], openbadges.document_json(document))


def test_without_cairo_the_png_is_a_plain_disc(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_cairo(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "cairosvg":
            raise OSError("no library called cairo-2 was found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_cairo)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><circle fill="#264653" r="3"/></svg>'
    data = openbadges.badge_png.__wrapped__(svg, 32)
    width, height, rows, _info = png.Reader(bytes=data).asRGBA8()
    pixels = [list(row) for row in rows]
    assert (width, height) == (32, 32)
    assert pixels[16][16 * 4 : 16 * 4 + 4] == [0x26, 0x46, 0x53, 255]  # the badge's colour
    assert pixels[0][3] == 0  # transparent corner
    assert json.loads(openbadges.unbake(openbadges.bake(data, {"a": 1})) or "") == {"a": 1}


def test_an_svg_that_could_run_code_is_never_used(tmp_path: Path) -> None:
    (tmp_path / "badges").mkdir()
    (tmp_path / "badges" / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    manifest_text = FIXTURE_MANIFEST.read_text().replace(
        'image = "badges/sequences.svg"', 'image = "badges/evil.svg"'
    )
    (tmp_path / "manifest.toml").write_text(manifest_text)
    manifest = load_manifest(tmp_path / "manifest.toml")
    assert openbadges.badge_svg(manifest, manifest.badge("as-des-sequences")) == (
        openbadges.GENERIC_BADGE
    )


def test_without_a_public_address_the_command_line_asks_for_one(store: Store) -> None:
    from robocole.errors import RobocoleError

    with pytest.raises(RobocoleError, match="ROBOCOLE_PUBLIC_URL"):
        openbadges.issuer_from_config({}, store, None)
    issuer = openbadges.issuer_from_config({}, store, "http://127.0.0.1:8000/")
    assert issuer.id == "http://127.0.0.1:8000/openbadges/issuer.json"
    assert "email" not in openbadges.issuer_profile(issuer)


def test_under_jupyterhub_the_hosted_documents_stay_public(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind the hub's single sign-on, a verifier still reads the badges without a login."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "service-token")
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/")
    hub_app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "MANIFEST": str(FIXTURE_MANIFEST),
            "SECRET_KEY": "test-secret",
            "PUBLIC_URL": PUBLIC,
        }
    )
    assert hub_app.extensions.get("robocole.hub_oauth") is not None
    client = hub_app.test_client()
    assert client.get("/pupil/").status_code == 302  # people sign in through the hub
    issuer = client.get("/openbadges/issuer.json")
    assert issuer.status_code == 200 and issuer.mimetype == "application/ld+json"
    badge = client.get("/openbadges/badges/as-des-sequences.json")
    assert badge.status_code == 200
    assert client.get("/openbadges/assertions/unknown.json").status_code == 404

"""Children's data: export everything, erase a pupil, purge a class, keep logs free of names."""

from __future__ import annotations

import html
import io
import json
import logging
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from flask import Flask

from classroom_app import badges, openbadges, privacy
from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store
from robocole.cli import main

from .conftest import FIXTURE_MANIFEST, PASSWORD, Browser, World, api_headers, make_app
from .conftest import pictures_of as cards_of

PUBLIC = "https://robocole.ville.example"


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return make_app(tmp_path, PUBLIC_URL=PUBLIC)


@pytest.fixture
def command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line reads its settings from the environment, as on a server."""
    monkeypatch.setenv("ROBOCOLE_MANIFEST", str(FIXTURE_MANIFEST))
    monkeypatch.setenv("ROBOCOLE_PUBLIC_URL", PUBLIC)


def give_progress(app: Flask, store: Store, world: World) -> None:
    """Lina passes the sequences unit (XP, attempts) and gets two badges confirmed."""
    client = app.test_client()
    username = world.pupil_row(store, 0)["username"]
    for key, lesson, exercises in (
        ("p-1", "sequences-1", ["sequences-1-a", "sequences-1-b"]),
        ("p-2", "sequences-2", ["sequences-2-a"]),
    ):
        response = client.post(
            "/api/v1/results",
            headers=api_headers(),
            json={
                "idempotency_key": key,
                "username": username,
                "lesson_id": lesson,
                "protections": list(MINIMUM_PROTECTIONS),
                "exercises": [{"exercise_id": e, "passed": True} for e in exercises],
            },
        )
        assert response.status_code == 201
    pupil_id = world.pupils[0].id
    badges.decide(store, pupil_id, "as-des-sequences", "confirm", world.teacher_a)
    badges.decide(store, pupil_id, "pilote-du-carre", "award", world.teacher_a)


def pupil_files(app: Flask, store: Store, world: World) -> dict[str, Path]:
    """The files the hub and the grader keep for the class, under the data folder."""
    data = Path(app.config["DATA_DIR"])
    course = f"robocole-{world.klass['code'].lower()}"
    files = {}
    for index in range(3):
        username = world.pupil_row(store, index)["username"]
        files[f"home-{index}"] = data / "home" / username / "sequences-1.ipynb"
        files[f"submitted-{index}"] = (
            data / "courses" / course / "submitted" / username / "sequences-1" / "a.ipynb"
        )
    files["gradebook"] = data / "courses" / course / "gradebook.db"
    files["exchange"] = data / "exchange" / course / "outbound" / "sequences-1" / "a.ipynb"
    files["other class"] = data / "courses" / "robocole-other" / "gradebook.db"
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
    return files


def teacher(app: Flask) -> Browser:
    browser = Browser(app.test_client())
    browser.login_teacher()
    return browser


def class_url(world: World) -> str:
    return f"/teacher/classes/{world.klass['id']}"


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_pupils_export_holds_baked_badges_a_summary_and_all_the_data(
    app: Flask, store: Store, world: World
) -> None:
    give_progress(app, store, world)
    pupil_id = world.pupils[0].id
    response = teacher(app).client.get(f"{class_url(world)}/pupils/{pupil_id}/export.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "lina-b" in response.headers["Content-Disposition"]
    files = read_zip(response.data)
    assert set(files) == {
        "resume.txt",
        "donnees.json",
        "badges/badge-as-des-sequences.png",
        "badges/badge-as-des-sequences.svg",
        "badges/badge-pilote-du-carre.png",
        "badges/badge-pilote-du-carre.svg",
    }
    summary = files["resume.txt"].decode()
    assert "Lina B." in summary and "As des séquences" in summary and "35 XP" in summary
    data = json.loads(files["donnees.json"])
    assert data["pupil"]["pseudonym"] == "Lina B."
    assert len(data["xp_events"]) == 3 and len(data["attempts"]) == 3
    assert [h["state"] for h in data["badge_history"]].count("confirmed") == 2
    assert "picture_hash" not in json.dumps(data)  # a secret, not the child's data
    client = app.test_client()
    for name, image in files.items():
        if name.endswith(".png"):
            carried = json.loads(openbadges.unbake(image) or "")
            hosted = client.get(carried["id"].removeprefix(PUBLIC))
            assert hosted.status_code == 200 and json.loads(hosted.data) == carried
    entry = store.audit_entries(int(world.klass["id"]))[-1]
    assert entry["action"] == "pupil.export" and json.loads(entry["details"]) == {
        "pupil_id": pupil_id
    }


def test_erasing_a_pupil_asks_first_then_leaves_only_their_nameless_badges(
    app: Flask, store: Store, world: World
) -> None:
    give_progress(app, store, world)
    files = pupil_files(app, store, world)
    pupil_id = world.pupils[0].id
    uids = [a["uid"] for a in store.assertions_of_pupil(pupil_id)]
    browser = teacher(app)
    url = f"{class_url(world)}/pupils/{pupil_id}/delete"
    assert "Effacer Lina B." in browser.get(url).text
    refused = browser.post(url, {})
    assert refused.status_code == 400 and store.pupil(pupil_id) is not None
    done = browser.post(url, {"confirm": "yes"})
    assert done.status_code == 302
    assert store.pupil(pupil_id) is None
    for table in ("xp_events", "attempts", "results", "award_events", "celebrations"):
        count = store.conn.execute(f"SELECT count(*) FROM {table} WHERE pupil_id = ?", (pupil_id,))
        assert count.fetchone()[0] == 0, table
    assert "Lina B." not in "\n".join(store.conn.iterdump())
    gone = {name for name, path in files.items() if not path.exists()}
    assert gone == {"home-0", "submitted-0"}  # her notebooks and submissions, no one else's
    for uid in uids:  # the family's downloaded badges can still be checked
        assert app.test_client().get(f"/openbadges/assertions/{uid}.json").status_code == 200
    journal = browser.get(f"{class_url(world)}/journal").text
    table = journal.split("<table", 1)[1]  # (the flash message above names her once)
    assert "élève effacé" in table and "Lina B." not in table


def test_the_class_export_has_one_zip_per_pupil(app: Flask, store: Store, world: World) -> None:
    give_progress(app, store, world)
    response = teacher(app).client.get(f"{class_url(world)}/badges.zip")
    assert response.status_code == 200
    names = sorted(read_zip(response.data))
    code = world.klass["code"].lower()
    assert names == [
        f"robocole-{code}-01-lina-b.zip",
        f"robocole-{code}-02-noah.zip",
        f"robocole-{code}-03-lea-p.zip",
    ]


def test_the_teacher_purges_the_class_by_typing_its_code(
    app: Flask, store: Store, world: World
) -> None:
    give_progress(app, store, world)
    browser = teacher(app)
    browser.get(f"{class_url(world)}/pupils/{world.pupils[1].id}")
    browser.post(
        f"{class_url(world)}/badges",
        {"pupil_id": world.pupils[1].id, "badge_id": "roi-des-boucles", "decision": "award"},
    )
    page = html.unescape(browser.get(f"{class_url(world)}/year-end").text)
    due = format_date(privacy.purge_due_on(world.klass, app.config), "long", locale="fr")
    assert "Fin de l'année scolaire" in page and due in page
    wrong = browser.post(f"{class_url(world)}/purge", {"code": "NOPE"})
    assert wrong.status_code == 400 and len(store.pupils_of_class(int(world.klass["id"]))) == 3
    done = browser.post(f"{class_url(world)}/purge", {"code": world.klass["code"].lower()})
    assert done.status_code == 302
    assert store.pupils_of_class(int(world.klass["id"])) == []
    exported = list(Path(app.config["EXPORT_DIR"]).glob(f"{world.klass['code']}-*/*.zip"))
    assert len(exported) == 3
    assert "class.purge" in [e["action"] for e in store.audit_entries(int(world.klass["id"]))]
    journal = html.unescape(browser.get(f"{class_url(world)}/journal").text)
    assert "classe purgée (fin d'année)" in journal and "3 élèves" in journal
    assert "badge attribué à la main" in journal and "Roi des boucles" in journal


def run_purge(app: Flask, *args: str) -> int:
    return main(["classroom", "--data", app.config["DATA_DIR"], "purge", *args])


def test_the_purge_command_exports_then_erases_and_keeps_anonymous_counts(
    app: Flask,
    store: Store,
    world: World,
    capsys: pytest.CaptureFixture[str],
    command_line: None,
) -> None:
    give_progress(app, store, world)
    files = pupil_files(app, store, world)
    uids = [a["uid"] for a in store.assertions_of_pupil(world.pupils[0].id)]
    code = world.klass["code"]

    assert run_purge(app, "--class", code, "--dry-run") == 0
    said = capsys.readouterr().out
    assert f"Classe {code} : 3 élèves seraient effacés" in said
    assert len(store.pupils_of_class(int(world.klass["id"]))) == 3
    assert all(path.exists() for path in files.values())

    assert run_purge(app, "--class", code) == 2  # no terminal to ask: refuses
    assert "--yes" in capsys.readouterr().err

    assert run_purge(app, "--class", code, "--yes") == 0
    said = capsys.readouterr().out
    assert f"Classe {code} : 3 élèves effacés" in said
    for name in ("Lina", "Noah", "Léa"):
        assert name not in said
    dump = "\n".join(store.conn.iterdump())
    for name in ("Lina B.", "Noah", "Léa P."):
        assert name not in dump
    assert store.conn.execute("SELECT count(*) FROM card_batches").fetchone()[0] == 0
    kept = {name for name, path in files.items() if path.exists()}
    assert kept == {"other class"}  # the class's course, exchange and homes are gone
    stats = store.saved_statistics()
    assert len(stats) == 1 and stats[0]["pupils"] == 3 and stats[0]["xp_total"] == 35
    details = json.loads(stats[0]["details"])
    assert details["badges_confirmed"] == {"as-des-sequences": 1, "pilote-du-carre": 1}
    assert details["pupils_passing_exercise"]["sequences-1-a"] == 1
    folder = next(Path(app.config["EXPORT_DIR"]).glob(f"{code}-*"))
    lina = read_zip((folder / f"robocole-{code.lower()}-01-lina-b.zip").read_bytes())
    assert "badges/badge-as-des-sequences.png" in lina
    for uid in uids:
        assert app.test_client().get(f"/openbadges/assertions/{uid}.json").status_code == 200


def test_retention_follows_the_school_year(store: Store, world: World) -> None:
    config = {"SCHOOL_YEAR_END": "07-14", "RETENTION_DAYS": 30}
    september = {"created_at": "2025-09-02T08:00:00.000000Z"}
    assert privacy.school_year_end(september["created_at"], "07-14") == date(2026, 7, 14)
    assert privacy.purge_due_on(september, config) == date(2026, 8, 13)
    summer = {"created_at": "2026-07-20T08:00:00.000000Z"}  # a summer club: next year's end
    assert privacy.purge_due_on(summer, config) == date(2027, 8, 13)
    created = str(world.klass["created_at"])[:10]
    today = date.fromisoformat(created)
    assert privacy.classes_due(store, config, today) == []
    later = privacy.purge_due_on(world.klass, config)
    assert [k["id"] for k in privacy.classes_due(store, config, later)] == [world.klass["id"]]
    with pytest.raises(privacy.InvalidRetention):
        privacy.purge_due_on(world.klass, {"SCHOOL_YEAR_END": "July", "RETENTION_DAYS": 1})


def test_no_personal_data_reaches_the_logs(
    app: Flask, store: Store, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole year in the life of a class, every logger listening at DEBUG."""
    caplog.set_level(logging.DEBUG)
    app.logger.setLevel(logging.DEBUG)
    browser = Browser(app.test_client())
    browser.login_teacher(password="wrong password")
    browser.login_teacher()
    browser.post(f"{class_url(world)}/pupils", {"names": "Zoé Fontaine\nMalo"})
    lina = world.pupil_row(store, 0)
    pupil = Browser(app.test_client())
    pupil.login_pupil(world.klass, lina["username"], ["lune", "lune", "lune"])
    sequence = cards_of(store, world, 0)
    pupil.login_pupil(world.klass, lina["username"], sequence)
    give_progress(app, store, world)
    pupil.get("/pupil/")
    pupil.get("/pupil/badges")
    pupil.get("/pupil/certificate")
    browser.client.get(f"{class_url(world)}/pupils/{lina['id']}/export.zip")
    browser.post(f"{class_url(world)}/pupils/{world.pupils[1].id}/delete", {"confirm": "yes"})
    browser.get(f"{class_url(world)}/journal")
    browser.post(f"{class_url(world)}/purge", {"code": world.klass["code"]})
    app.test_client().get("/openbadges/assertions/unknown.json")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "erased" in logged  # the privacy actions are logged, by number
    secrets_and_names: list[Any] = [
        "Lina",
        "Noah",
        "Léa",
        "Zoé",
        "Fontaine",
        "Malo",
        "a@ecole.fr",
        PASSWORD,
        "wrong password",
        lina["badge_identity"],
        "/".join(sequence),
        *sequence,
    ]
    for secret in secrets_and_names:
        assert secret not in logged, f"{secret!r} reached the logs"


def test_the_purge_command_alone_erases_only_the_classes_past_their_retention(
    app: Flask,
    store: Store,
    world: World,
    capsys: pytest.CaptureFixture[str],
    command_line: None,
) -> None:
    assert run_purge(app, "--yes") == 0
    assert capsys.readouterr().out.strip() == "Aucune classe à purger."
    with store.transaction():  # the class was created last school year
        store.conn.execute(
            "UPDATE classes SET created_at = '2024-09-02T08:00:00.000000Z' WHERE id = ?",
            (world.klass["id"],),
        )
    assert run_purge(app, "--dry-run") == 0
    assert "3 élèves seraient effacés" in capsys.readouterr().out
    assert run_purge(app, "--yes") == 0
    assert store.pupils_of_class(int(world.klass["id"])) == []
    assert run_purge(app, "--yes") == 0  # purged classes are not due again
    assert "Aucune classe à purger." in capsys.readouterr().out

"""Children's data: export everything about a pupil, erase a pupil, purge a class at year end.

What the platform keeps and why is written for school heads in
``docs/registre-des-traitements.md``. The rules here:

- **Export** gives a family everything kept about their child in one zip: the badges as
  baked Open Badges images (PNG and SVG), a summary anyone can read (``resume.txt``) and all
  the data as JSON (``donnees.json``).
- **Erase** deletes the pupil row; the database deletes the ledger, attempts, badge
  history and saved robot programs with it. The hosted badge assertions stay (they name
  nobody) so the badges the family downloaded can still be checked.
- **Purge** (end of the school year): export each pupil's badges for the families first,
  keep counts that name nobody (``class_statistics``), then erase every pupil of the class.
  A class is due once its school year has ended and ``RETENTION_DAYS`` more have passed.
- Both also erase the files the other parts keep under the data folder: the pupil's home
  folder (notebooks) and, for a class, its nbgrader course (gradebook, submissions,
  feedback) and its exchange folder. For one pupil, their folders in the course go; their
  gradebook row (login and scores, no name) goes with the class.

Nothing here logs a pseudonym: logs name classes and pupils by their numbers only.
"""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from classroom_app import openbadges
from classroom_app.api import course_id
from classroom_app.openbadges import Issuer
from classroom_app.progress import level_for
from classroom_app.store import Store, now
from curriculum.manifest import Manifest
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

log = logging.getLogger(__name__)


class InvalidRetention(RobocoleError):
    """The retention settings are not valid (SCHOOL_YEAR_END is MM-DD, RETENTION_DAYS ≥ 0)."""


# -- one pupil ---------------------------------------------------------------------------


def earned_badges(store: Store, manifest: Manifest, pupil_id: int) -> list[dict[str, Any]]:
    """The pupil's current assertions with their badge, in the order they were earned."""
    known = {badge.id: badge for badge in manifest.badges}
    return [
        {**row, "badge": known[row["badge_id"]]}
        for row in store.assertions_of_pupil(pupil_id)
        if row["badge_id"] in known
    ]


def pupil_summary(
    store: Store, manifest: Manifest, issuer: Issuer, pupil_id: int, record: Mapping[str, Any]
) -> str:
    """A plain-text summary a family can read without any program."""
    pupil = record["pupil"]
    level = level_for(sum(int(event["xp"]) for event in record["xp_events"]))
    lines = [
        _("Robocole — what the platform keeps about %(name)s", name=pupil["pseudonym"]),
        "",
        _("Class: %(name)s", name=record["class"]["name"] if record["class"] else "—"),
        _("Login: %(login)s (no e-mail, no password: a picture card)", login=pupil["username"]),
        _("Level %(n)s · %(xp)s XP", n=level.number, xp=level.xp),
        _("Exercises tried: %(n)s", n=len({a["exercise_id"] for a in record["attempts"]})),
        _("Robot programs saved: %(n)s", n=len(record.get("robot_programs", []))),
        "",
        _("Badges earned:"),
    ]
    badges = earned_badges(store, manifest, pupil_id)
    for row in badges:
        badge = row["badge"]
        lines += [
            f"- {badge.name.get()} ({row['issued_on'][:10]})",
            f"  {badge.description.get()}",
            "  " + _("Check it: %(url)s", url=issuer.assertion_id(row["uid"])),
        ]
    if not badges:
        lines.append("- " + _("none yet"))
    lines += [
        "",
        _(
            "Badge holder code (keep it: it proves these badges are yours): %(code)s",
            code=pupil["badge_identity"],
        ),
        "",
        _(
            "The folder badges/ holds each badge as an Open Badges image (PNG and SVG): "
            "the proof is inside the picture. The folder programmes/ holds the robot "
            "programs. donnees.json holds all the data."
        ),
    ]
    return "\n".join(lines) + "\n"


def pupil_export(store: Store, manifest: Manifest, issuer: Issuer, pupil_id: int) -> bytes:
    """Everything about one pupil as a zip: baked badges, a readable summary, the JSON."""
    store.badge_identity(pupil_id)  # pupils from before badges existed get one now
    record = store.pupil_record(pupil_id)
    record["robot_programs"] = store.program_versions(pupil_id)
    record["badge_assertion_urls"] = [
        issuer.assertion_id(row["uid"]) for row in record["badge_assertions"]
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("resume.txt", pupil_summary(store, manifest, issuer, pupil_id, record))
        archive.writestr(
            "donnees.json", json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
        )
        for row in earned_badges(store, manifest, pupil_id):
            for kind in ("png", "svg"):
                data, _type = openbadges.baked_badge(issuer, manifest, row, kind)
                archive.writestr(f"badges/{openbadges.download_name(row, kind)}", data)
        for program in record["robot_programs"]:
            name = f"programmes/{_slug(program['name'])}-v{program['version']}.py"
            archive.writestr(name, program["source"])
    return buffer.getvalue()


def export_file_name(pupil: Mapping[str, Any]) -> str:
    return f"robocole-{pupil['username']}-{_slug(pupil['pseudonym'])}.zip"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower() or "eleve"


def delete_pupil(
    store: Store, pupil: Mapping[str, Any], teacher_id: int | None, data_dir: Path | None = None
) -> None:
    klass = store.class_by_id(int(pupil["class_id"]))
    with store.transaction():
        store.delete_pupil(int(pupil["id"]))
        store.audit(teacher_id, "pupil.delete", int(pupil["class_id"]), pupil_id=pupil["id"])
    if data_dir is not None and klass is not None:
        course = Path(data_dir) / "courses" / course_id(klass["code"])
        steps = ("submitted", "autograded", "feedback")
        erase(
            [Path(data_dir) / "home" / pupil["username"]]
            + [course / step / pupil["username"] for step in steps]
        )
    log.info("pupil %s of class %s erased", pupil["id"], pupil["class_id"])


def erase(paths: list[Path]) -> int:
    """Remove these files or folders where they exist; how many there were."""
    found = 0
    for path in paths:
        if path.is_symlink() or path.is_file():
            path.unlink()
            found += 1
        elif path.is_dir():
            shutil.rmtree(path)
            found += 1
    return found


# -- a class -----------------------------------------------------------------------------


def class_export(
    store: Store, manifest: Manifest, issuer: Issuer, class_id: int
) -> dict[str, bytes]:
    """One export zip per pupil of the class, by file name."""
    return {
        export_file_name(pupil): pupil_export(store, manifest, issuer, int(pupil["id"]))
        for pupil in store.pupils_of_class(class_id)
    }


def class_export_zip(exports: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # already compressed
        for name, data in exports.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@dataclass
class PurgeReport:
    class_id: int
    class_code: str
    pupils: int
    export_folder: Path | None
    dry_run: bool
    statistics: dict[str, Any] = field(default_factory=dict)
    folders_erased: int = 0


def purge_class(
    store: Store,
    manifest: Manifest,
    issuer: Issuer,
    klass: Mapping[str, Any],
    export_root: Path,
    dry_run: bool = False,
    teacher_id: int | None = None,
    data_dir: Path | None = None,
) -> PurgeReport:
    """Export the families' badges, keep anonymous counts, erase the pupils of the class."""
    class_id = int(klass["id"])
    pupils = store.pupils_of_class(class_id)
    folder = export_root / f"{klass['code']}-{now().strftime('%Y%m%d-%H%M%S')}"
    report = PurgeReport(class_id, klass["code"], len(pupils), folder if pupils else None, dry_run)
    if dry_run:
        report.statistics = store.class_statistics(class_id)
        return report
    if pupils:
        exports = class_export(store, manifest, issuer, class_id)
        folder.mkdir(parents=True, exist_ok=False)
        folder.chmod(0o700)
        for name, content in exports.items():
            (folder / name).write_bytes(content)
            (folder / name).chmod(0o600)
    with store.transaction():
        report.statistics = store.purge_class(class_id)
        store.audit(teacher_id, "class.purge", class_id, pupils=len(pupils))
    if data_dir is not None:
        course = course_id(klass["code"])
        root = Path(data_dir)
        report.folders_erased = erase(
            [root / "courses" / course, root / "exchange" / course]
            + [root / "home" / pupil["username"] for pupil in pupils]
        )
    log.info("class %s purged: %s pupils erased", class_id, len(pupils))
    return report


# -- retention ---------------------------------------------------------------------------


def school_year_end(created_at: str, school_year_end_md: str) -> date:
    """The end of the school year a class created at ``created_at`` belongs to."""
    try:
        month, day = (int(part) for part in school_year_end_md.split("-"))
        created = datetime.fromisoformat(created_at.replace("Z", "+00:00")).date()
        end = date(created.year, month, day)
    except ValueError as error:
        raise InvalidRetention() from error
    return end if created <= end else date(created.year + 1, month, day)


def purge_due_on(klass: Mapping[str, Any], config: Mapping[str, Any]) -> date:
    days = int(config["RETENTION_DAYS"])
    if days < 0:
        raise InvalidRetention()
    return school_year_end(klass["created_at"], str(config["SCHOOL_YEAR_END"])) + timedelta(
        days=days
    )


def classes_due(
    store: Store, config: Mapping[str, Any], today: date | None = None
) -> list[dict[str, Any]]:
    """Classes whose pupils' data has been kept as long as the settings allow."""
    today = today or datetime.now(UTC).date()
    return [
        klass
        for klass in store.all_classes()
        if store.pupils_of_class(int(klass["id"])) and purge_due_on(klass, config) <= today
    ]

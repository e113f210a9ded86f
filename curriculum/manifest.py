"""The curriculum manifest: units, lessons, exercises, competencies and badges.

One TOML file describes the whole curriculum. The classroom app reads it for its quest map and
badge rules, the curriculum tools for building nbgrader courses, the grader for points and XP.
Every text a child or a teacher reads is given in French and English (``{fr = …, en = …}``).

Format (version 1)::

    version = 1
    [course]
    id = "robocole"
    title = { fr = "…", en = "…" }

    [competencies.c3-sequences]          # French programme items and CRCN levels
    programme = "Cycle 3 — Algorithmique et programmation"
    label = { fr = "…", en = "…" }

    [[units]]
    id = "sequences"
    title = { fr = "…", en = "…" }
    story = { fr = "…", en = "…" }        # the unit's character and framing
    requires = []                        # unit ids that come first
    robot = false                        # robot units need the robot API

    [[units.lessons]]
    id = "sequences-1"
    title = { fr = "…", en = "…" }
    requires = []                        # lesson ids; a unit's first lesson needs the units
    competencies = ["c3-sequences"]
    source = "lessons/sequences-1"       # folder of fr.py / en.py (default lessons/<id>)

    [[units.lessons.exercises]]
    id = "sequences-1-a"
    xp = 10
    difficulty = 1                       # 1 (easy) to 3 (challenge)
    concepts = ["sequence"]

    [[badges]]
    id = "as-des-sequences"
    kind = "mastery"                     # mastery | robot | class | workshop
    name = { fr = "…", en = "…" }
    description = { fr = "…", en = "…" }  # what it means
    criteria = { fr = "…", en = "…" }     # how to earn it, said to the child
    image = "badges/sequences.svg"
    rule = { type = "exercises_passed", unit = "sequences" }

Badge rules (the classroom app's rules engine evaluates them):

- ``{type = "exercises_passed", unit = U}``: every exercise of unit U passed;
  ``lessons = [...]`` or ``exercises = [...]`` select others; ``concept = C`` selects the
  exercises tagged C; ``min = N`` asks for N of the selection instead of all of it.
- ``{type = "class_goal"}``: the class reached its shared XP goal (cooperative badge).
- ``{type = "teacher"}``: only a teacher awards it, by hand (robot challenges, workshops).
  With a selection (``exercises = [...]``, ``unit``…: the simulator's version of a robot
  challenge), it is proposed to the teacher once the selection is passed, and the teacher
  confirms it after seeing the real robot do it.

There is deliberately no rule for streaks, speed or ranking.

Lesson texts (``<source>/fr.py`` and ``en.py``, Jupytext percent format) are described in
``curriculum/lesson.py`` and ``docs/curriculum.md``; their nbgrader grade ids are the exercise
ids above. ``robocole curriculum check`` checks the manifest and every lesson together.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from robocole.errors import RobocoleError
from robocole.i18n import LANGUAGES, current_language
from robocole.i18n import gettext as _

MANIFEST_VERSION = 1
BADGE_KINDS = ("mastery", "robot", "class", "workshop")
RULE_TYPES = ("exercises_passed", "class_goal", "teacher")


class ManifestError(RobocoleError):
    """The curriculum manifest is not valid."""


@dataclass(frozen=True)
class Text:
    """A text in every language of the platform."""

    values: Mapping[str, str]

    def get(self, language: str | None = None) -> str:
        language = language or current_language()
        return self.values.get(language) or self.values.get("fr") or ""

    def __str__(self) -> str:
        return self.get()


@dataclass(frozen=True)
class Exercise:
    id: str
    xp: int
    difficulty: int
    concepts: tuple[str, ...]
    lesson_id: str
    unit_id: str


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    unit_id: str
    requires: tuple[str, ...]
    competencies: tuple[str, ...]
    source: str
    exercises: tuple[Exercise, ...]

    @property
    def xp(self) -> int:
        return sum(e.xp for e in self.exercises)


@dataclass(frozen=True)
class Unit:
    id: str
    title: Text
    story: Text
    requires: tuple[str, ...]
    robot: bool
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True)
class Competency:
    id: str
    programme: str
    label: Text


@dataclass(frozen=True)
class BadgeRule:
    type: str
    unit: str | None = None
    lessons: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()
    concept: str | None = None
    min: int | None = None


@dataclass(frozen=True)
class Badge:
    id: str
    kind: str
    name: Text
    description: Text
    criteria: Text
    image: str
    rule: BadgeRule


@dataclass(frozen=True)
class Manifest:
    course_id: str
    title: Text
    units: tuple[Unit, ...]
    badges: tuple[Badge, ...]
    competencies: Mapping[str, Competency] = field(default_factory=dict)
    root: Path | None = None

    def lessons(self) -> Iterator[Lesson]:
        for unit in self.units:
            yield from unit.lessons

    def exercises(self) -> Iterator[Exercise]:
        for lesson in self.lessons():
            yield from lesson.exercises

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons():
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(lesson_id)

    def badge(self, badge_id: str) -> Badge:
        for badge in self.badges:
            if badge.id == badge_id:
                return badge
        raise KeyError(badge_id)

    def rule_exercises(self, rule: BadgeRule) -> list[Exercise]:
        """The exercises an ``exercises_passed`` rule is about, in curriculum order."""
        return [
            exercise
            for exercise in self.exercises()
            if (rule.unit and exercise.unit_id == rule.unit)
            or exercise.lesson_id in rule.lessons
            or exercise.id in rule.exercises
            or (rule.concept and rule.concept in exercise.concepts)
        ]

    def lesson_requirements(self, lesson: Lesson) -> tuple[str, ...]:
        """Lessons to finish before ``lesson`` opens: its own, plus its unit's units' lessons.

        A unit's required units count through their last lesson, so the quest map opens a
        new unit when the previous one is done.
        """
        needed = list(lesson.requires)
        unit = next(u for u in self.units if u.id == lesson.unit_id)
        if unit.lessons and unit.lessons[0].id == lesson.id:
            for required_unit in unit.requires:
                previous = next(u for u in self.units if u.id == required_unit)
                if previous.lessons:
                    needed.append(previous.lessons[-1].id)
        return tuple(dict.fromkeys(needed))


def _text(data: Mapping[str, Any], key: str, where: str) -> Text:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ManifestError(
            _("%(where)s: '%(key)s' needs a text per language (fr, en).", where=where, key=key)
        )
    missing = [lang for lang in LANGUAGES if not str(value.get(lang, "")).strip()]
    if missing:
        raise ManifestError(
            _(
                "%(where)s: '%(key)s' has no text in %(languages)s.",
                where=where,
                key=key,
                languages=", ".join(missing),
            )
        )
    return Text({lang: str(value[lang]).strip() for lang in LANGUAGES})


def _ids(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ManifestError(_("%(where)s: '%(key)s' must be a list of ids.", where=where, key=key))
    return tuple(value)


def _identifier(data: Mapping[str, Any], where: str) -> str:
    value = data.get("id")
    if not isinstance(value, str) or not value or not value.replace("-", "").isalnum():
        raise ManifestError(
            _("%(where)s: missing or invalid id (%(value)r).", where=where, value=value)
        )
    if value != value.lower():
        raise ManifestError(
            _("%(where)s: the id %(value)r must be lower case.", where=where, value=value)
        )
    return value


def _int(data: Mapping[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ManifestError(
            _(
                "%(where)s: '%(key)s' must be a whole number from %(low)d to %(high)d.",
                where=where,
                key=key,
                low=low,
                high=high,
            )
        )
    return value


def _rule(data: Any, where: str) -> BadgeRule:
    if not isinstance(data, Mapping) or data.get("type") not in RULE_TYPES:
        raise ManifestError(
            _(
                "%(where)s: the rule needs a type among %(types)s.",
                where=where,
                types=", ".join(RULE_TYPES),
            )
        )
    minimum = data.get("min")
    if minimum is not None and (not isinstance(minimum, int) or minimum < 1):
        raise ManifestError(_("%(where)s: 'min' must be a positive whole number.", where=where))
    rule = BadgeRule(
        type=data["type"],
        unit=data.get("unit"),
        lessons=_ids(data, "lessons", where),
        exercises=_ids(data, "exercises", where),
        concept=data.get("concept"),
        min=minimum,
    )
    if rule.type == "exercises_passed" and not (
        rule.unit or rule.lessons or rule.exercises or rule.concept
    ):
        raise ManifestError(
            _("%(where)s: the rule must select exercises (unit, lessons…).", where=where)
        )
    return rule


def _exercise(data: Mapping[str, Any], where: str, lesson_id: str, unit_id: str) -> Exercise:
    return Exercise(
        id=_identifier(data, where),
        xp=_int(data, "xp", where, 1, 1000),
        difficulty=_int(data, "difficulty", where, 1, 3),
        concepts=_ids(data, "concepts", where),
        lesson_id=lesson_id,
        unit_id=unit_id,
    )


def parse_manifest(data: Mapping[str, Any], root: Path | None = None) -> Manifest:
    """Build a ``Manifest`` from decoded TOML, checking every reference it makes."""
    if data.get("version") != MANIFEST_VERSION:
        raise ManifestError(
            _("Unknown manifest version: %(version)r.", version=data.get("version"))
        )
    course = data.get("course", {})
    competencies = {
        key: Competency(key, str(value.get("programme", "")), _text(value, "label", key))
        for key, value in data.get("competencies", {}).items()
    }
    units: list[Unit] = []
    for u_index, unit_data in enumerate(data.get("units", [])):
        unit_id = _identifier(unit_data, _("unit %(number)d", number=u_index + 1))
        where = _("unit %(unit)s", unit=unit_id)
        lessons = []
        for l_index, lesson_data in enumerate(unit_data.get("lessons", [])):
            lesson_id = _identifier(
                lesson_data, _("%(where)s, lesson %(number)d", where=where, number=l_index + 1)
            )
            lwhere = _("lesson %(lesson)s", lesson=lesson_id)
            exercises = tuple(
                _exercise(
                    ex,
                    _("%(where)s, exercise %(number)d", where=lwhere, number=e_index + 1),
                    lesson_id,
                    unit_id,
                )
                for e_index, ex in enumerate(lesson_data.get("exercises", []))
            )
            if not exercises:
                raise ManifestError(
                    _("%(where)s: a lesson has at least one exercise.", where=lwhere)
                )
            lessons.append(
                Lesson(
                    id=lesson_id,
                    title=_text(lesson_data, "title", lwhere),
                    unit_id=unit_id,
                    requires=_ids(lesson_data, "requires", lwhere),
                    competencies=_ids(lesson_data, "competencies", lwhere),
                    source=str(lesson_data.get("source", f"lessons/{lesson_id}")),
                    exercises=exercises,
                )
            )
        units.append(
            Unit(
                id=unit_id,
                title=_text(unit_data, "title", where),
                story=_text(unit_data, "story", where),
                requires=_ids(unit_data, "requires", where),
                robot=bool(unit_data.get("robot", False)),
                lessons=tuple(lessons),
            )
        )
    badges = []
    for b_index, badge_data in enumerate(data.get("badges", [])):
        badge_id = _identifier(badge_data, _("badge %(number)d", number=b_index + 1))
        where = _("badge %(badge)s", badge=badge_id)
        kind = badge_data.get("kind")
        if kind not in BADGE_KINDS:
            raise ManifestError(
                _(
                    "%(where)s: 'kind' must be one of %(kinds)s.",
                    where=where,
                    kinds=", ".join(BADGE_KINDS),
                )
            )
        badges.append(
            Badge(
                id=badge_id,
                kind=kind,
                name=_text(badge_data, "name", where),
                description=_text(badge_data, "description", where),
                criteria=_text(badge_data, "criteria", where),
                image=str(badge_data.get("image", "")),
                rule=_rule(badge_data.get("rule"), where),
            )
        )
    manifest = Manifest(
        course_id=str(course.get("id", "robocole")),
        title=_text(course, "title", "course"),
        units=tuple(units),
        badges=tuple(badges),
        competencies=competencies,
        root=root,
    )
    _check_references(manifest)
    return manifest


def _check_references(manifest: Manifest) -> None:
    seen: set[str] = set()
    for kind, identifier in (
        *((_("unit"), u.id) for u in manifest.units),
        *((_("lesson"), lesson.id) for lesson in manifest.lessons()),
        *((_("exercise"), e.id) for e in manifest.exercises()),
        *((_("badge"), b.id) for b in manifest.badges),
    ):
        if identifier in seen:
            raise ManifestError(
                _("The id %(id)r (%(kind)s) is used twice.", id=identifier, kind=kind)
            )
        seen.add(identifier)
    unit_ids = {u.id for u in manifest.units}
    lesson_ids = {lesson.id for lesson in manifest.lessons()}
    exercise_ids = {e.id for e in manifest.exercises()}
    concepts = {c for e in manifest.exercises() for c in e.concepts}
    for unit in manifest.units:
        for required in unit.requires:
            if required not in unit_ids:
                raise ManifestError(
                    _(
                        "unit %(unit)s: the required unit %(required)r does not exist.",
                        unit=unit.id,
                        required=required,
                    )
                )
    for lesson in manifest.lessons():
        for required in lesson.requires:
            if required not in lesson_ids:
                raise ManifestError(
                    _(
                        "lesson %(lesson)s: the required lesson %(required)r does not exist.",
                        lesson=lesson.id,
                        required=required,
                    )
                )
        for competency in lesson.competencies:
            if manifest.competencies and competency not in manifest.competencies:
                raise ManifestError(
                    _(
                        "lesson %(lesson)s: unknown competency %(competency)r.",
                        lesson=lesson.id,
                        competency=competency,
                    )
                )
    for badge in manifest.badges:
        rule, where = badge.rule, _("badge %(badge)s", badge=badge.id)
        if rule.unit and rule.unit not in unit_ids:
            raise ManifestError(
                _("%(where)s: the unit %(unit)r does not exist.", where=where, unit=rule.unit)
            )
        for lesson_id in rule.lessons:
            if lesson_id not in lesson_ids:
                raise ManifestError(
                    _(
                        "%(where)s: the lesson %(lesson)r does not exist.",
                        where=where,
                        lesson=lesson_id,
                    )
                )
        for exercise_id in rule.exercises:
            if exercise_id not in exercise_ids:
                raise ManifestError(
                    _(
                        "%(where)s: the exercise %(exercise)r does not exist.",
                        where=where,
                        exercise=exercise_id,
                    )
                )
        if rule.concept and rule.concept not in concepts:
            raise ManifestError(
                _(
                    "%(where)s: no exercise has the concept %(concept)r.",
                    where=where,
                    concept=rule.concept,
                )
            )
    _check_acyclic(manifest)


def _check_acyclic(manifest: Manifest) -> None:
    graph = {lesson.id: manifest.lesson_requirements(lesson) for lesson in manifest.lessons()}
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 2:
            return
        if state.get(node) == 1:
            cycle = " → ".join([*path[path.index(node) :], node])
            raise ManifestError(
                _("The prerequisites go round in a circle: %(cycle)s.", cycle=cycle)
            )
        state[node] = 1
        for child in graph.get(node, ()):
            visit(child, [*path, node])
        state[node] = 2

    for node in graph:
        visit(node, [])


def load_manifest(path: Path | str | None = None) -> Manifest:
    """Read and check a manifest file (the shipped curriculum when ``path`` is None)."""
    path = Path(path) if path else default_manifest_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as error:
        raise ManifestError(_("The manifest %(path)s is missing.", path=path)) from error
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(
            _("The manifest %(path)s is not valid TOML: %(error)s.", path=path, error=error)
        ) from error
    return parse_manifest(data, root=path.parent)


def default_manifest_path() -> Path:
    return Path(__file__).parent / "content" / "manifest.toml"

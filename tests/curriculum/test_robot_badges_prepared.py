"""Each robot badge names the simulator exercise that prepares it, so passing it in the
notebook proposes the badge and the teacher confirms it on the real robot."""

from __future__ import annotations

from pathlib import Path

from curriculum.manifest import load_manifest

MANIFEST = Path(__file__).parents[2] / "curriculum" / "content" / "manifest.toml"


def test_every_robot_badge_is_prepared_by_a_simulator_exercise() -> None:
    manifest = load_manifest(MANIFEST)
    robot_units = {unit.id for unit in manifest.units if unit.robot}
    robot_badges = [b for b in manifest.badges if b.kind == "robot"]
    assert len(robot_badges) >= 5
    for badge in robot_badges:
        assert badge.rule.type == "teacher", badge.id
        prepared_by = manifest.rule_exercises(badge.rule)
        assert prepared_by, badge.id
        assert {e.unit_id for e in prepared_by} <= robot_units, badge.id


def test_the_square_pilot_follows_the_square_in_the_simulator() -> None:
    manifest = load_manifest(MANIFEST)
    square = manifest.rule_exercises(manifest.badge("pilote-du-carre").rule)
    assert [e.id for e in square] == ["robot-2-a"]
    lesson = (MANIFEST.parent / "lessons" / "robot-2" / "fr.py").read_text(encoding="utf-8")
    assert '# %% tests="robot-2-a" points=1\nverifier(programme, "carre")' in lesson

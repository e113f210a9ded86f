"""A teacher's decisions about badges: confirm, reject, revoke, award by hand.

The history is append-only (``award_events``); the current state of a badge for a pupil is
its latest event. Allowed moves::

    (nothing) ──award by hand──▶ confirmed
    proposed ──confirm──▶ confirmed        proposed ──reject──▶ rejected
    confirmed ──revoke──▶ revoked          rejected / revoked ──award by hand──▶ confirmed
"""

from __future__ import annotations

from classroom_app.store import Store
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

TRANSITIONS: dict[str, dict[str | None, str]] = {
    "confirm": {"proposed": "confirmed"},
    "reject": {"proposed": "rejected"},
    "revoke": {"confirmed": "revoked"},
    "award": {None: "confirmed", "rejected": "confirmed", "revoked": "confirmed"},
}


class BadgeDecisionRefused(RobocoleError):
    """This change of badge is not possible."""


def decide(store: Store, pupil_id: int, badge_id: str, decision: str, teacher_id: int) -> str:
    """Apply a teacher's decision; returns the new state."""
    if decision not in TRANSITIONS:
        raise BadgeDecisionRefused()
    with store.transaction():
        current = store.award_states(pupil_id).get(badge_id)
        state = current.state if current else None
        new_state = TRANSITIONS[decision].get(state)
        if new_state is None:
            raise BadgeDecisionRefused(
                _(
                    "This badge cannot be changed that way now (it is %(state)s).",
                    state=state_label(state),
                )
            )
        source = "teacher" if decision == "award" else (current.source if current else "teacher")
        store.add_award_event(pupil_id, badge_id, new_state, source, teacher_id)
    return new_state


def state_label(state: str | None) -> str:
    labels = {
        None: _("not awarded"),
        "proposed": _("waiting for the teacher"),
        "confirmed": _("earned"),
        "rejected": _("not confirmed"),
        "revoked": _("withdrawn"),
    }
    return labels.get(state, str(state))

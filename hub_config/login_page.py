"""The hub's login page for children: class code, then name, then pictures.

It works without JavaScript and by keyboard: every choice is a link or a large button with a
name, and the pictures clicked so far travel in a hidden field of the form (in the child's own
page only), so the hub keeps no state between clicks. Teachers use the e-mail form. The
pictures are the classroom app's own (``classroom_app.pictures``), the ones on the pupils'
cards.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from jupyterhub._xsrf_utils import _set_xsrf_cookie
from jupyterhub.handlers.base import BaseHandler
from jupyterhub.handlers.login import LoginHandler
from markupsafe import Markup
from tornado import web

from classroom_app.logins import AttemptLimiter
from classroom_app.pictures import PICTURES, PICTURES_BY_ID, svg
from hub_config.classroom_client import ClassroomUnavailable, Roster
from hub_config.hub_pages import LANGUAGE_COOKIE, request_language
from robocole.i18n import LANGUAGES, N_, gettext, set_language

#: How long a login page may stay open before its form expires: JupyterHub gives a visitor
#: who is not logged in an ``_xsrf`` cookie for one hour (renewed at every page we show).
EXPIRED_FORM = N_(
    "This page was open for a long time, so it started again. Click your pictures again,"
    " from the first one."
)
EXPIRED_CODE_FORM = N_("This page was open for a long time. Type your class code again.")
EXPIRED_TEACHER_FORM = N_("This page was open for a long time. Type your password again.")


def _limiter(settings: dict[str, Any], per_minute: int) -> AttemptLimiter:
    # One limiter per hub process, kept in the Tornado application's settings.
    limiter = settings.get("robocole_code_limiter")
    if limiter is None:
        limiter = settings["robocole_code_limiter"] = AttemptLimiter(per_minute)
    return limiter


def refusal_message(code: str) -> str:
    if code in ("locked", "paused"):
        return gettext("Your login is paused. Ask your teacher.")
    return gettext("Oops, these are not your pictures. Look at your card and try again.")


class PictureLoginHandler(LoginHandler):
    """Replaces JupyterHub's /hub/login for ``RobocoleAuthenticator``."""

    robocole_refusal = ""
    #: Set when the form's ``_xsrf`` token no longer matches (see ``check_xsrf_cookie``).
    robocole_form_expired = False

    def _choose_language(self) -> str:
        asked = self.get_argument("lang", "")
        if asked in LANGUAGES:
            # For the whole site: the pupil's lesson view (under /user/) speaks it too.
            self.set_cookie(
                LANGUAGE_COOKIE, asked, path=self.base_url, httponly=True, samesite="Lax"
            )
            language = asked
        else:
            language = request_language(self)
        set_language(language)
        return language

    def check_xsrf_cookie(self) -> None:
        """An expired form shows the same step again, instead of JupyterHub's English form.

        A child who clicks a picture after a long pause (or whose cookies were cleared) sends
        a token the hub no longer accepts. ``post`` then logs no one in and changes nothing:
        it only shows the pupil's pictures again with a fresh token, which is what the check
        protects, so nothing is weakened. Requests from scripts keep JupyterHub's 403.
        """
        try:
            super().check_xsrf_cookie()
        except web.HTTPError:
            navigating = self.request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
            if self.request.method != "POST" or not navigating:
                raise
            self.robocole_form_expired = True

    def render_template(self, name: str, **ns: Any) -> Any:
        # JupyterHub's LoginHandler turns any error of a POST into its own English
        # "Sign in" form; our error pages (templates/error.html) speak to children.
        return BaseHandler.render_template(self, name, **ns)

    async def _page(self, step: str, status: int = 200, **values: Any) -> None:
        language = self._choose_language()
        self.set_status(status)
        next_url = self.get_argument("next", "")
        if self.request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate":
            # A fresh hour for the form at every page, as JupyterHub's login page does.
            _set_xsrf_cookie(
                self, self._xsrf_token_id, cookie_path=self.hub.base_url, xsrf_token=self.xsrf_token
            )
        self.finish(
            await self.render_template(
                "robocole_login.html",
                step=step,
                _=gettext,
                lang=language,
                xsrf=self.xsrf_token.decode("ascii"),
                next_url=next_url,
                login_url=self.settings["login_url"],
                link=lambda **query: self._link(next_url, **query),
                picture_svg=lambda picture_id: Markup(svg(picture_id, 96)),
                pictures=PICTURES,
                **values,
            )
        )

    def _link(self, next_url: str, **query: str) -> str:
        if next_url:
            query["next"] = next_url
        return f"{self.settings['login_url']}?{urlencode(query)}"

    async def _roster(self, code: str) -> Roster | None:
        return await self.authenticator.client().roster(code)

    async def get(self) -> None:
        self._choose_language()
        user = self.current_user
        if user:
            self.redirect(self.get_next_url(user))
            return
        code = self.get_argument("code", "").strip().upper().replace(" ", "")
        if self.get_argument("teacher", ""):
            return await self._page("teacher")
        if not code:
            return await self._page("code")
        who = self.request.remote_ip or "?"
        limiter = _limiter(self.settings, self.authenticator.code_tries_per_minute)
        if limiter.blocked(who):
            message = gettext("Too many tries. Wait one minute, then type the code again.")
            return await self._page("code", 429, code=code, error=message)
        try:
            roster = await self._roster(code)
        except ClassroomUnavailable:
            return await self._unavailable("code")
        if roster is None:
            limiter.failed(who)
            message = gettext("This class code does not exist. Look at your card and try again.")
            return await self._page("code", 400, code=code, error=message)
        username = self.get_argument("pupil", "")
        pupil = next((p for p in roster.pupils if p.username == username), None)
        if pupil is None:
            return await self._page("name", roster=roster)
        return await self._page("pictures", roster=roster, pupil=pupil, chosen=[])

    async def _unavailable(self, step: str) -> None:
        message = gettext("The login is not working right now. Wait a moment and try again.")
        await self._page(step, 503, error=message)

    async def post(self) -> None:
        if self.get_body_argument("kind", "") == "teacher":
            return await self._teacher()
        code = self.get_body_argument("code", "").strip().upper()
        username = self.get_body_argument("pupil", "")
        try:
            roster = await self._roster(code)
        except ClassroomUnavailable:
            return await self._unavailable("code")
        pupil = (
            None
            if roster is None
            else next((p for p in roster.pupils if p.username == username), None)
        )
        if self.robocole_form_expired:
            if roster is None or pupil is None:
                return await self._page("code", error=gettext(EXPIRED_CODE_FORM))
            return await self._page(
                "pictures", roster=roster, pupil=pupil, chosen=[], error=gettext(EXPIRED_FORM)
            )
        if roster is None or pupil is None:
            return await self._page("code", 400, error=gettext("Unknown class or name."))
        chosen = [p for p in self.get_body_argument("chosen", "").split(",") if p]
        chosen = [p for p in chosen if p in PICTURES_BY_ID][: roster.picture_count]
        if self.get_body_argument("action", "") == "clear":
            chosen = []
        elif self.get_body_argument("picture", "") in PICTURES_BY_ID:
            chosen.append(self.get_body_argument("picture"))
        if len(chosen) < roster.picture_count:
            return await self._page("pictures", roster=roster, pupil=pupil, chosen=chosen)
        data = {
            "kind": "pupil",
            "class_code": roster.class_code,
            "username": pupil.username,
            "pictures": ",".join(chosen),
        }
        try:
            user = await self.login_user(data)
        except ClassroomUnavailable:
            return await self._unavailable("code")
        if user is None:
            message = refusal_message(self.robocole_refusal)
            return await self._page(
                "pictures", 401, roster=roster, pupil=pupil, chosen=[], error=message
            )
        self.redirect(self.get_next_url(user))

    async def _teacher(self) -> None:
        email = self.get_body_argument("email", "").strip()
        if self.robocole_form_expired:
            return await self._page("teacher", email=email, error=gettext(EXPIRED_TEACHER_FORM))
        data = {"kind": "teacher", "username": email, "email": email}
        data["password"] = self.get_body_argument("password", "")
        try:
            user = await self.login_user(data)
        except ClassroomUnavailable:
            return await self._unavailable("teacher")
        if user is None:
            if self.robocole_refusal == "locked":
                message = gettext("Too many wrong passwords. Wait a few minutes, then try again.")
            else:
                message = gettext("Wrong e-mail or password.")
            return await self._page("teacher", 401, email=email, error=message)
        if self.get_argument("next", ""):
            self.redirect(self.get_next_url(user))
        else:
            self.redirect(self.authenticator.teacher_url)

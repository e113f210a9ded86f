"""Errors every part raises when a person, not a programmer, must act.

The message of a ``RobocoleError`` is shown as it is to a teacher, a pupil or the city's IT
team, so it is one sentence in their language that says what to do. Parts subclass it; the
command line prints it without a traceback.
"""


class RobocoleError(Exception):
    """Something went wrong that the user can fix."""

    #: Exit code of the ``robocole`` command when this error stops it.
    exit_code = 2

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self.args[0])

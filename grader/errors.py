"""Errors of the grader that a teacher or the city's IT team can act on."""

from robocole.errors import RobocoleError


class GraderError(RobocoleError):
    """The grader could not do its job."""


class SandboxUnavailable(GraderError):
    """The sandbox for pupils' code is not complete, so nothing is graded."""


class CourseNotFound(GraderError):
    """This class has no nbgrader course yet."""

# mypy: ignore-errors
"""nbgrader in every single-user server: one exchange, a course per class, the hub's groups.

Loaded by nbgrader from JUPYTER_CONFIG_PATH (set by the hub before the server starts). The
hub's groups ``nbgrader-<course>`` say which courses a pupil sees in the assignment list.
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - given by traitlets
c.Exchange.root = os.environ.get("ROBOCOLE_EXCHANGE", "/srv/nbgrader/exchange")
# Several classes share the exchange: each course has its own folder in it.
c.Exchange.path_includes_course = True
c.Authenticator.plugin_class = JupyterHubAuthPlugin

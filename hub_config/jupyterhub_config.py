# JupyterHub configuration of one school server (`robocole up` starts the hub with it).
#
# It only assigns options; the classes are chosen by their entry-point names and their own
# options are documented traitlets (`jupyterhub --help-all`). The values a deployment changes
# come from the environment `robocole up` sets (hub_config/platform.py): ROBOCOLE_DATA (the
# data folder), ROBOCOLE_HUB_IP and the ports ROBOCOLE_HUB_PORT, ROBOCOLE_HUB_API_PORT,
# ROBOCOLE_PROXY_API_PORT, ROBOCOLE_CLASSROOM_PORT; secrets come only from the environment
# (ROBOCOLE_HUB_TOKEN, JUPYTERHUB_CRYPT_KEY) or files in the data folder (tokens/: one
# token per caller of the classroom app's API, each with only its rights).
# A city uses hub_config/helm/values.yaml instead (KubeSpawner, PostgreSQL).
import os
import sys
from pathlib import Path

from jupyterhub.utils import random_port

from hub_config import hub_pages
from hub_config.formgrader import CourseServers
from hub_config.landing import start_page

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - given by JupyterHub's loader

data = Path(os.environ.get("ROBOCOLE_DATA", "data")).resolve()
hub_port = int(os.environ.get("ROBOCOLE_HUB_PORT", "8000"))
hub_api_port = int(os.environ.get("ROBOCOLE_HUB_API_PORT", "8081"))
proxy_api_port = int(os.environ.get("ROBOCOLE_PROXY_API_PORT", "8001"))
classroom_port = int(os.environ.get("ROBOCOLE_CLASSROOM_PORT", "8010"))
# The grader's release API (the classroom app asks it to release lessons): a free port
# unless one is given; the hub tells both services at each start.
grader_port = int(os.environ.get("ROBOCOLE_GRADER_PORT") or random_port())
python = sys.executable
# The services run with the data folder as their working folder, whose "grader" and
# "curriculum" folders Python would import in place of Robocole's packages (the grader then
# found no French catalog and spoke English): -P keeps the working folder off the import path.
safe_python = [python, "-P"]
# The platform's public address (`robocole up --public-url`, default http://HOST:PORT).
public_url = os.environ.get("ROBOCOLE_PUBLIC_URL", f"http://127.0.0.1:{hub_port}").rstrip("/")

c.JupyterHub.bind_url = f"http://{os.environ.get('ROBOCOLE_HUB_IP', '127.0.0.1')}:{hub_port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_api_port}"
c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(data / "jupyterhub.pid")
c.JupyterHub.template_paths = [hub_pages.TEMPLATES]
# The hub's pages (hub_config/hub_pages.py): Robocole's templates and static files in the
# visitor's language, compressed answers, SameSite cookies and a strict Content-Security-Policy.
c.JupyterHub.jinja_environment_options = {"extensions": [hub_pages.PageWords]}
c.JupyterHub.tornado_settings = hub_pages.tornado_settings()
c.JupyterHub.authenticator_class = "robocole"
c.JupyterHub.spawner_class = "robocole-local"

# The proxy: the Python port of configurable-http-proxy (no Node.js on the school server),
# which compresses its answers (hub_config/proxy.py: the port alone sent them uncompressed).
c.ConfigurableHTTPProxy.command = [python, "-m", "hub_config.proxy"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"

# The class burst: a class clicks "log in" in the same minute. Servers are forked from the
# zygote (RobocoleLocalSpawner.zygote), which returns from start() only once the server
# listens. Measured on 2 cores (bench/hub_login.py): 30 pupils at once, 1-3/30 labs with stock
# servers and timeouts, 30/30 JupyterLab started within 18-23 s with the zygote. The timeouts
# stay generous for the zygote's own start (its imports, once) and the no-zygote fallback.
c.JupyterHub.concurrent_spawn_limit = 60
c.JupyterHub.active_server_limit = 0
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 150
c.Spawner.default_url = "/lab"
# Pupils land on their quest map and open lessons in the lesson view; teachers on their
# classes (hub_config/landing.py). Neither lands on JupyterLab's Launcher.
c.JupyterHub.default_url = start_page
c.Spawner.cmd = [str(Path(python).parent / "jupyterhub-singleuser")]
c.RobocoleLocalSpawner.home_root = str(data / "home")

c.RobocoleAuthenticator.classroom_url = f"http://127.0.0.1:{classroom_port}/services/classroom"
c.RobocoleAuthenticator.enable_auth_state = bool(os.environ.get("JUPYTERHUB_CRYPT_KEY"))
c.RobocoleAuthenticator.exchange_root = str(data / "exchange")
c.RobocoleAuthenticator.teacher_url = "/services/classroom/teacher/"

# Teachers grade by hand in nbgrader's formgrader: a named server per class's course, run as
# the teacher, started from the classroom app's dashboard (hub_config/formgrader.py).
c.JupyterHub.allow_named_servers = True
c.Spawner.pre_spawn_hook = CourseServers(data / "courses")

c.JupyterHub.services = [
    {
        "name": "classroom",
        "url": f"http://127.0.0.1:{classroom_port}",
        "command": [
            *safe_python,
            "-m",
            "hub_config.classroom_service",
            "--port",
            str(classroom_port),
        ],
        "environment": {
            "ROBOCOLE_DATA": str(data),
            "ROBOCOLE_GRADER_URL": f"http://127.0.0.1:{grader_port}/services/grader",
            # The classroom app's own public address: badges carry it, not a request's Host.
            "ROBOCOLE_PUBLIC_URL": public_url + "/services/classroom",
        },
        "oauth_no_confirm": True,
        "display": True,
    },
    {
        # The grader's watch service: grades each submission and posts the result (XP) with
        # its own token; its release API releases the lessons teachers assign, asked with the
        # classroom app's release token.
        "name": "grader",
        "url": f"http://127.0.0.1:{grader_port}",
        "command": [
            *safe_python,
            "-m",
            "robocole.cli",
            "grade",
            "watch",
            "--courses-root",
            str(data / "courses"),
            "--exchange",
            str(data / "exchange"),
            "--outbox",
            str(data / "grader" / "outbox.db"),
            "--api-url",
            f"http://127.0.0.1:{classroom_port}/services/classroom",
            "--api-token-file",
            str(data / "tokens" / "grader"),
            "--release-token-file",
            str(data / "tokens" / "release"),
            "--release-port",
            str(grader_port),
            "--curriculum",
            str(data / "curriculum"),
        ],
        "environment": {"ROBOCOLE_DATA": str(data)},
    },
    {
        "name": "idle-culler",
        "command": [
            *safe_python,
            "-m",
            "jupyterhub_idle_culler",
            "--timeout=1800",
            "--cull-every=300",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "classroom-service",
        "description": "Warm a class's servers before the lesson; keep the class groups.",
        "services": ["classroom"],
        "scopes": ["admin:users", "admin:groups", "servers", "read:users"],
    },
    # The grader's watch service needs no hub scope: it reads the exchange and posts to the
    # classroom app with its own token.
    {
        "name": "idle-culler",
        "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    },
    # Everyone uses their own server and the classroom app (single sign-on), nothing else.
    {"name": "user", "scopes": ["self", "access:services!service=classroom"]},
    # nbgrader's JupyterHub plugin reads the user's groups with the server's token.
    {"name": "server", "scopes": ["inherit"]},
]

"""The hub: JupyterHub configuration, the picture login and the local process spawner.

- ``authenticator``: ``RobocoleAuthenticator``, the login page for children (class code, name,
  pictures) and teachers (e-mail, password), checked by the classroom app's API.
- ``classroom_client``: the small HTTP client of that API.
- ``login_page``: the Tornado handler that draws the three login steps.
- ``spawner``: ``RobocoleLocalSpawner``, each pupil's server as their own system user, limited.
- ``zygote`` and ``zygote_client``: the process that imported JupyterLab once and forks each
  server (a class's burst shares the start-up work), and the hub's side of it.
- ``pupil_server``: the pupils' server extension that loads nbgrader's pupil side on first use.
- ``process_tree``: ``robocole up`` stops every process of the platform, even after a crash.
- ``server_options``: what a pupil's server loads (light) and a teacher's (formgrader).
- ``jupyterhub_config.py``: assigns the configuration of one school server.
- ``helm/``: Zero to JupyterHub values for a city.
"""

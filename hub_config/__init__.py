"""The hub: JupyterHub configuration, the picture login and the local process spawner.

- ``authenticator``: ``RobocoleAuthenticator``, the login page for children (class code, name,
  pictures) and teachers (e-mail, password), checked by the classroom app's API.
- ``classroom_client``: the small HTTP client of that API.
- ``login_page``: the Tornado handler that draws the three login steps.
- ``spawner``: ``RobocoleLocalSpawner``, each pupil's server as their own system user, limited.
- ``server_options``: what a pupil's server loads (light) and a teacher's (formgrader).
- ``jupyterhub_config.py``: assigns the configuration of one school server.
- ``helm/``: Zero to JupyterHub values for a city.
"""

"""The classroom app: classes, picture logins, the XP ledger, badges and dashboards.

A Flask application built by ``classroom_app.app.create_app``; all SQL lives in
``classroom_app.store``.
"""

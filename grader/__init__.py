"""The grader: nbgrader-based, sandboxed, parallel autograding with French feedback.

Layers, each a small module:

- ``sandbox``: the policy (limits, uid) and the kernel launch command that wraps every pupil
  kernel in ``prlimit`` + ``setpriv`` + ``bwrap``; ``probe`` checks the layers really work.
- ``kernel``: the async kernel manager that launches that command, with a SIGKILL watchdog.
- ``preprocessors``: nbgrader preprocessors plugged into its Autograde/GenerateFeedback seams.
- ``feedback``: kind French messages from a graded notebook.
- ``pipeline``: grade one submission, or a whole class with a pool of workers.
- ``outbox``: durable delivery of results to the classroom app.
- ``watch``: the service that grades each submission as it arrives.
- ``cli``: ``robocole grade …``.
"""

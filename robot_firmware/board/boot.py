# Robocole - runs first at every power-on: repair an upload that a power cut interrupted.
try:
    import rb_demarrage

    _done = rb_demarrage.recover()
    if _done:
        rb_demarrage.say(_done)
    del _done, rb_demarrage
except Exception as _error:  # a broken library must never stop the board from starting
    print("[robot] boot.py :", _error)
    del _error

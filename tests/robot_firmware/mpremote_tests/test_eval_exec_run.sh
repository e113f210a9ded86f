#!/bin/bash
# Copied from MicroPython, tools/mpremote/tests/ at commit f777bc7e7b (the release of the
# pinned mpremote 1.29.0): https://github.com/micropython/micropython
# Copyright (c) 2013-2026 Damien P. George and the MicroPython contributors.
# The MIT License (MIT): the full text is in LICENSE, beside this file.
set -e

$MPREMOTE exec "print('mpremote')"

$MPREMOTE exec "print('before sleep'); import time; time.sleep(0.1); print('after sleep')"
$MPREMOTE exec --no-follow "print('before sleep'); import time; time.sleep(0.1); print('after sleep')"
sleep 0.3

$MPREMOTE eval "1+2"
$MPREMOTE eval "[{'a': 'b'}, (1,2,3,), True]"

cat << EOF > /tmp/run.py
print("run")
EOF

$MPREMOTE run /tmp/run.py

cat << EOF > /tmp/run.py
import time
for i in range(3):
    time.sleep(0.1)
    print("run")
EOF
$MPREMOTE run --no-follow /tmp/run.py
sleep 0.5

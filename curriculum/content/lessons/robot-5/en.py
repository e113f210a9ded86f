# %% [markdown]
# # Following the line
#
# Under Robi, **line sensors** look at the floor. Each one answers `True` when it sees the black line.
# Every robot of the workshop has a sensor on the left and a sensor on the right.
# (The Maqueen has two. The Kitronik has one more, in the centre.)
#
# - `line("left")`: does the left sensor see the line?
# - `line("right")`: and the right one?
# - `True in line()`: does one of the sensors see the line?
# - `motors(left, right)`: sets the speed of each wheel, from 0 to 100. Robi keeps driving until the next order.
#
# To follow a line that bends, Robi keeps correcting itself. If the line is on the left, it turns left.

# %% include="regles"

# %% include="robot"

# %% [markdown]
# ## Exercise 1: the end of the line
#
# Robi stands on a straight line. It drives one centimetre at a time.
# It goes on **as long as** one of its sensors sees the line. So it stops by itself at the end, on the green square.

# %% [markdown] hints="robot-5-a"
# 1. The condition: `True in line()`. It is true as long as a sensor is on the line.
# 2. Inside the loop: `forward(1)`.
# 3. `while True in line():` / `    forward(1)`.

# %% solution="robot-5-a"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while True in line():
        forward(1)
    ### END SOLUTION

show(program, "worlds/bout-de-ligne.toml")

# %% tests="robot-5-a" points=1
check(program, "worlds/bout-de-ligne.toml")
rules(using=("line",))

# %% wrong="robot-5-a"
forward(1)
# ---
while line("center"):
    forward(1)
# ---
forward(130)

# %% right="robot-5-a"
while line("left") or line("right") or True in line():
    forward(1)

# %% [markdown]
# ## Exercise 2: the bending line
#
# Write the **line follower**. Forever (`while True:`), Robi looks at its two sensors:
#
# - if only the left one sees the line: `motors(0, 40)`. It turns left.
# - otherwise, if only the right one sees it: `motors(40, 0)`. It turns right.
# - otherwise: `motors(40, 40)`. It goes straight ahead.
#
# Then it waits for a short moment: `wait(0.02)`.

# %% [markdown] hints="robot-5-b"
# 1. "Only the left one sees the line" is written: `line("left") and not line("right")`.
# 2. Three cases: `if …:` then `elif …:` then `else:`.
# 3. After the three cases, still inside the loop: `wait(0.02)`.

# %% solution="robot-5-b"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while True:
        if line("left") and not line("right"):
            motors(0, 40)
        elif line("right") and not line("left"):
            motors(40, 0)
        else:
            motors(40, 40)
        wait(0.02)
    ### END SOLUTION

show(program, "ligne")

# %% tests="robot-5-b" points=2
check(program, "ligne")

# %% wrong="robot-5-b"
while True:
    if line("left") and not line("right"):
        motors(40, 0)
    elif line("right") and not line("left"):
        motors(0, 40)
    else:
        motors(40, 40)
    wait(0.02)
# ---
while True:
    left, centre, right = line()
    if centre:
        motors(40, 40)
    elif left:
        motors(0, 40)
    elif right:
        motors(40, 0)
    wait(0.02)
# ---
motors(40, 40)
wait(10)

# %% right="robot-5-b"
while True:
    if line("left") and not line("right"):
        motors(0, 50)
    elif line("right") and not line("left"):
        motors(50, 0)
    else:
        motors(40, 40)
    wait(0.02)

# %% [markdown]
# ## Exercise 3: the snake
#
# This line bends left **then** right. Your line follower must work here too: that is the whole point of sensors!
# Write it again (or copy the one from exercise 2).

# %% [markdown] hints="robot-5-c"
# 1. The same program as in exercise 2 works on any line.
# 2. If Robi loses the line in a tight bend, it may be turning too slowly: check `motors(0, 40)` and `motors(40, 0)`.
# 3. Copy your follower from exercise 2 into this new block `def program():`.

# %% solution="robot-5-c"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while True:
        if line("left") and not line("right"):
            motors(0, 40)
        elif line("right") and not line("left"):
            motors(40, 0)
        else:
            motors(40, 40)
        wait(0.02)
    ### END SOLUTION

show(program, "worlds/serpent.toml")

# %% tests="robot-5-c" points=3
check(program, "worlds/serpent.toml")

# %% wrong="robot-5-c"
while True:
    if line("left") and not line("right"):
        motors(40, 0)
    elif line("right") and not line("left"):
        motors(0, 40)
    else:
        motors(40, 40)
    wait(0.02)
# ---
while True:
    left, centre, right = line()
    if centre:
        motors(40, 40)
    elif left:
        motors(0, 40)
    elif right:
        motors(40, 0)
    wait(0.02)
# ---
motors(40, 40)
wait(10)

# %% right="robot-5-c"
while True:
    if line("left") and not line("right"):
        motors(0, 50)
    elif line("right") and not line("left"):
        motors(50, 0)
    else:
        motors(40, 40)
    wait(0.02)

# %% [markdown] sheet=true
# ## Objectives
# Follow a line with the line sensors, on every robot of the workshop.
# ## Duration
# 55 minutes, 20 of them with the real robot.
# ## Prerequisites
# Robot 4.
# ## Unplugged warm-up
# Follow a tape on the floor looking down, correcting at each step.
# ## What to watch for
# The Maqueen has two sensors, the Kitronik three: the program uses only left and right. Turning the wrong way.
# ## Helping a child who is stuck
# Put the robot on the line and read `line()` by hand.
# ## Going further
# Follow the line faster without losing it.

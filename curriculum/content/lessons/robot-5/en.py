# %% [markdown]
# # Following the line
#
# Under Robi, three **line sensors** look at the floor: left, centre, right.
# Each one answers `True` when it is above the black line.
#
# - `line("center")`: does the middle sensor see the line?
# - `left, centre, right = line()`: all three sensors at once.
# - `motors(left, right)`: sets the speed of each wheel (from -100 to 100); Robi keeps driving until the next order.
#
# To follow a line that bends, Robi keeps correcting itself: if the line is on the left, it turns left…

# %% include="robot"

# %% [markdown]
# ## Exercise 1: the end of the line
#
# Robi stands on a straight line. It drives one centimetre at a time **as long as** its centre sensor sees the line.
# So it stops by itself at the end, on the green square.

# %% [markdown] hints="robot-5-a"
# 1. The condition: `line("center")` (true as long as the middle sensor is on the line).
# 2. Inside the loop: `forward(1)`.
# 3. `while line("center"):` / `    forward(1)`.

# %% solution="robot-5-a"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while line("center"):
        forward(1)
    ### END SOLUTION


show(program, "worlds/bout-de-ligne.toml")

# %% tests="robot-5-a" points=1
check(program, "worlds/bout-de-ligne.toml")

# %% [markdown]
# ## Exercise 2: the bending line
#
# Write the **line follower**: forever (`while True:`), Robi reads its three sensors, then
#
# - if the centre sees the line: both wheels at 40 (straight ahead);
# - otherwise, if the left sees it: `motors(0, 40)` (it turns left);
# - otherwise, if the right sees it: `motors(40, 0)` (it turns right).
#
# Then it waits for a short moment: `wait(0.02)`.

# %% [markdown] hints="robot-5-b"
# 1. Start the loop with `left, centre, right = line()`.
# 2. Three cases: `if centre:` … `elif left:` … `elif right:` …
# 3. After the three cases, still inside the loop: `wait(0.02)`.

# %% solution="robot-5-b"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while True:
        left, centre, right = line()
        if centre:
            motors(40, 40)
        elif left:
            motors(0, 40)
        elif right:
            motors(40, 0)
        wait(0.02)
    ### END SOLUTION


show(program, "ligne")

# %% tests="robot-5-b" points=2
check(program, "ligne")

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
        left, centre, right = line()
        if centre:
            motors(40, 40)
        elif left:
            motors(0, 40)
        elif right:
            motors(40, 0)
        wait(0.02)
    ### END SOLUTION


show(program, "worlds/serpent.toml")

# %% tests="robot-5-c" points=3
check(program, "worlds/serpent.toml")

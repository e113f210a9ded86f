# %% [markdown]
# # The distance sensor
#
# Robi has "eyes" at the front: a **distance sensor**. `distance()` gives, in centimetres,
# how far the obstacle in front of it is (999 if it sees nothing).
#
# With a `while` loop, Robi can drive **as long as** the way is clear:
#
# ```python
# while distance() > 20:
#     forward(2)
# ```
#
# In these challenges the wall is **never in the same place**: Robi is tried several times,
# and only a program that **measures** passes every trial.

# %% include="robot"

# %% [markdown]
# ## Exercise 1: stop before the wall
#
# Robi drives in small 2 cm steps **as long as** the wall is more than 8 cm away. It must stop less than 10 cm away, without touching it.

# %% [markdown] hints="robot-4-a"
# 1. The loop's condition compares the measured distance with 8: `distance() > 8`.
# 2. Inside the loop, a small step: `forward(2)`.
# 3. `while distance() > 8:` / `    forward(2)`, inside `def program():`.

# %% solution="robot-4-a"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while distance() > 8:
        forward(2)
    ### END SOLUTION


show(program, "mur")

# %% tests="robot-4-a" points=2
check(program, "mur")

# %% wrong="robot-4-a"
forward(2)

# %% right="robot-4-a"
while distance() > 8:
    forward(2)
print("I am done!")

# %% wrong="robot-4-a"
while distance() > 8:
    back(2)
# ---
while not (distance() > 8):
    forward(2)

# %% [markdown]
# ## Exercise 2: in one go
#
# Smarter: Robi measures the distance **only once**, then drives that distance **minus 6 cm** in one go.

# %% [markdown] hints="robot-4-b"
# 1. `distance()` is a number: you can calculate with it.
# 2. The number of centimetres to drive: `distance() - 6`.
# 3. `forward(distance() - 6)`.

# %% solution="robot-4-b"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    forward(distance() - 6)
    ### END SOLUTION


show(program, "mur")

# %% tests="robot-4-b" points=2
check(program, "mur")

# %% right="robot-4-b"
forward(distance() - 6)
print("I am done!")

# %% wrong="robot-4-b"
back(distance() - 6)

# %% wrong="robot-4-b"
forward(distance())
# ---
forward(10)

# %% [markdown]
# ## Exercise 3: there and back
#
# Robi drives to the wall in 5 cm steps (up to 10 cm from the wall) while **counting its steps** in a variable `steps`.
# Then it turns round and comes back to park on the green square at the start: it drives `5 * steps` centimetres.

# %% [markdown] hints="robot-4-c"
# 1. Before the loop: `steps = 0`. Inside the loop: `forward(5)` then `steps = steps + 1`.
# 2. After the loop: turning round is `turn(180)`.
# 3. To come back: `forward(5 * steps)`.

# %% solution="robot-4-c"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    steps = 0
    while distance() > 10:
        forward(5)
        steps = steps + 1
    turn(180)
    forward(5 * steps)
    ### END SOLUTION


show(program, "worlds/aller-retour.toml")

# %% tests="robot-4-c" points=3
check(program, "worlds/aller-retour.toml")

# %% wrong="robot-4-c"
steps = 0
while distance() > 10:
    forward(5)
    steps = steps + 1
turn(180)
# ---
steps = 0
while distance() > 10:
    forward(5)
    steps = steps + 1
forward(5 * steps)
turn(180)

# %% right="robot-4-c"
steps = 0
while distance() > 10:
    forward(5)
    steps += 1
turn(180)
forward(5 * steps)

# %% wrong="robot-4-c"
while distance() > 10:
    forward(5)
    steps = steps + 1
turn(180)
forward(5 * steps)

# %% [markdown] sheet=true
# ## Objectives
# Read the distance sensor and stop before the wall.
# ## Duration
# 50 minutes, 15 of them with the real robot.
# ## Prerequisites
# The Shapes unit and the Variables unit.
# ## Unplugged warm-up
# Eyes closed, walk towards a classmate who says "stop" one metre away.
# ## What to watch for
# A `while` loop that does not read the sensor never stops. The sensor needs a short time between two readings.
# ## Helping a child who is stuck
# Print the distance with `print` while Robi drives.
# ## Going further
# Go there and back to the start.

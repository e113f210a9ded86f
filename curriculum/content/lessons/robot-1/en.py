# %% [markdown]
# # First turns of the wheels
#
# Meet **Robi**, the real classroom robot! Before trying it on the table, you drive it in the **simulator**:
# it is the same program, to the centimetre.
#
# Robi understands:
#
# | Order | Robi… |
# |---|---|
# | `forward(20)` | drives 20 cm straight ahead |
# | `backward(10)` | backs up 10 cm |
# | `turn(90)` | turns on the spot by 90 degrees **to the right** |
# | `turn(-90)` | turns 90 degrees **to the left** (a negative angle) |
#
# Your program goes in the block `def program():`, indented. `show(program, …)` shows it as an animation.

# %% include="robot"

# %% [markdown]
# ## Exercise 1: straight ahead
#
# Robi must end **stopped on the green square**, 110 cm ahead.

# %% [markdown] hints="robot-1-a"
# 1. A single order is enough: drive forward the right number of centimetres.
# 2. The green square is 110 cm away: `forward(110)`.
# 3. Inside the block: `    forward(110)` (with 4 spaces in front).

# %% solution="robot-1-a" blocks="robi"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    forward(110)
    ### END SOLUTION


show(program, "worlds/tout-droit.toml")

# %% tests="robot-1-a" points=1
check(program, "worlds/tout-droit.toml")

# %% right="robot-1-a"
forward(110)
print("I am done!")

# %% wrong="robot-1-a"
back(110)

# %% wrong="robot-1-a"
forward(50)
# ---
turn(90)
forward(110)

# %% [markdown]
# ## Exercise 2: the bend
#
# The green square is at the top right. Robi drives 120 cm, turns **left**, then drives 90 cm.

# %% [markdown] hints="robot-1-b"
# 1. Three orders, one after the other: forward, turn, forward.
# 2. To the left, the angle is negative: `turn(-90)`.
# 3. `forward(120)`, `turn(-90)`, `forward(90)`.

# %% solution="robot-1-b" blocks="robi"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    forward(120)
    turn(-90)
    forward(90)
    ### END SOLUTION


show(program, "worlds/virage.toml")

# %% tests="robot-1-b" points=2
check(program, "worlds/virage.toml")

# %% wrong="robot-1-b"
forward(120)
turn(-90)
# ---
turn(-90)
forward(120)
forward(90)

# %% right="robot-1-b"
forward(120)
turn(-90)
forward(90)
print("I am done!")

# %% wrong="robot-1-b"
turn(-90)
forward(90)

# %% [markdown]
# ## Exercise 3: the garage
#
# The garage is open **on its left side**. Robi must drive in and stop completely inside, without touching the walls.
# Plan: turn left, go up 55 cm, turn right, then drive 140 cm.

# %% [markdown] hints="robot-1-c"
# 1. Watch the animation: Robi must first go up to the height of the garage door.
# 2. Four orders: `turn(-90)`, `forward(55)`, `turn(90)`, `forward(140)`.
# 3. If Robi touches a wall, check the order of the turns: first left (negative), then right (positive).

# %% solution="robot-1-c" blocks="robi"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    turn(-90)
    forward(55)
    turn(90)
    forward(140)
    ### END SOLUTION


show(program, "garage")

# %% tests="robot-1-c" points=3
check(program, "garage")

# %% wrong="robot-1-c"
turn(-90)
forward(55)
turn(90)
# ---
forward(55)
turn(-90)
turn(90)
forward(140)

# %% right="robot-1-c"
turn(-90)
forward(55)
turn(90)
forward(140)
print("I am done!")

# %% wrong="robot-1-c"
forward(55)
turn(90)
forward(140)

# %% [markdown]
# Well done! When your three challenges pass, ask your teacher to try them on the real Robi.

# %% [markdown] sheet=true
# ## Objectives
# Drive Robi a distance in cm and turn an angle in degrees.
# ## Duration
# 50 minutes, 15 of them with the real robot.
# ## Prerequisites
# The Loops unit.
# ## Unplugged warm-up
# The human robot with measured steps: "forward 3 steps, a quarter turn".
# ## What to watch for
# Turning left is a negative angle. The real robot slips a little: that is normal.
# ## Helping a child who is stuck
# Measure the distance with a ruler on the mat.
# ## Going further
# Park in reverse.

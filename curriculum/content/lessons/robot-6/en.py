# %% [markdown]
# # Avoiding obstacles
#
# Last mission: Robi must get out of places full of obstacles **without touching anything**.
# First with a plan drawn in advance, then using its distance sensor to decide by itself.
#
# Reminder: `turn(90)` turns right, `turn(-90)` left, and `distance()` measures the room in front of Robi.

# %% include="robot"

# %% [markdown]
# ## Exercise 1: the maze, with a plan
#
# Robi starts at the top left, facing down. The exit is at the top right.
# The plan: go down 95 cm, turn left, drive 70 cm, turn left, go up 100 cm, turn right, drive 110 cm.

# %% [markdown] hints="robot-6-a"
# 1. Follow the plan with your finger on the animation: 4 strokes, 3 turns.
# 2. "Left": `turn(-90)`; "right": `turn(90)`.
# 3. `forward(95)`, `turn(-90)`, `forward(70)`, `turn(-90)`, `forward(100)`, `turn(90)`, `forward(110)`.

# %% solution="robot-6-a"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    forward(95)
    turn(-90)
    forward(70)
    turn(-90)
    forward(100)
    turn(90)
    forward(110)
    ### END SOLUTION


show(program, "labyrinthe")

# %% tests="robot-6-a" points=2
check(program, "labyrinthe")

# %% wrong="robot-6-a"
forward(95)
turn(-90)
forward(70)
turn(-90)
forward(100)
turn(90)
# ---
turn(-90)
forward(95)
forward(70)
turn(-90)
forward(100)
turn(90)
forward(110)

# %% right="robot-6-a"
forward(95)
turn(-90)
forward(70)
turn(-90)
forward(100)
turn(90)
forward(110)
print("I am done!")

# %% wrong="robot-6-a"
turn(-90)
forward(70)
turn(-90)
forward(100)
turn(90)
forward(110)

# %% [markdown]
# ## Exercise 2: around the rock
#
# A rock blocks the way, but not always in the same place. Robi drives **as long as** the rock is more than 15 cm away.
# Then it goes around it over the top: turn left, drive 55, turn right, drive 50,
# turn right, drive 55, turn left. Finally it heads for the exit: `forward(200)`.

# %% [markdown] hints="robot-6-b"
# 1. First the loop: `while distance() > 15:` / `    forward(2)`.
# 2. Then the way around, outside the loop: 4 turns and 3 strokes, like a small box around the rock.
# 3. `turn(-90)`, `forward(55)`, `turn(90)`, `forward(50)`, `turn(90)`, `forward(55)`, `turn(-90)`, `forward(200)`.

# %% solution="robot-6-b"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while distance() > 15:
        forward(2)
    turn(-90)
    forward(55)
    turn(90)
    forward(50)
    turn(90)
    forward(55)
    turn(-90)
    forward(200)
    ### END SOLUTION


show(program, "worlds/obstacle.toml")

# %% tests="robot-6-b" points=3
check(program, "worlds/obstacle.toml")

# %% wrong="robot-6-b"
while distance() > 15:
    forward(2)
turn(-90)
forward(55)
turn(90)
forward(50)
turn(90)
forward(55)
turn(-90)
# ---
forward(2)
turn(-90)
forward(55)
turn(90)
forward(50)
turn(90)
forward(55)
turn(-90)
forward(200)
# ---
while distance() > 15:
    forward(2)
forward(55)
turn(-90)
turn(90)
forward(50)
turn(90)
forward(55)
turn(-90)
forward(200)

# %% right="robot-6-b"
while distance() > 15:
    forward(2)
turn(-90)
forward(55)
turn(90)
forward(50)
turn(90)
forward(55)
turn(-90)
forward(200)
print("I am done!")

# %% [markdown]
# ## Exercise 3: the zigzag corridor
#
# This time, no plan! The corridor always bends to the left. Robi's rule, forever:
# **if** a wall is less than 20 cm away, it turns left; **otherwise**, it drives 5 cm.

# %% [markdown] hints="robot-6-c"
# 1. An endless loop, `while True:`, with an `if … else` inside.
# 2. The question: `distance() < 20`. Yes: `turn(-90)`. No: `forward(5)`.
# 3. `while True:` / `    if distance() < 20:` / `        turn(-90)` / `    else:` / `        forward(5)`.

# %% solution="robot-6-c"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    while True:
        if distance() < 20:
            turn(-90)
        else:
            forward(5)
    ### END SOLUTION


show(program, "worlds/zigzag.toml")

# %% tests="robot-6-c" points=3
check(program, "worlds/zigzag.toml")

# %% wrong="robot-6-c"
if distance() < 20:
    turn(-90)
else:
    forward(5)

# %% right="robot-6-c"
# My program
while True:
    if distance() < 20:
        turn(-90)
    else:
        forward(5)

# %% wrong="robot-6-c"
while True:
    if distance() < 20:
        turn(-90)
    else:
        back(5)
# ---
while not (True):
    if distance() < 20:
        turn(-90)
    else:
        forward(5)

# %% [markdown]
# Well done, Robi is autonomous! Show your challenges to your teacher: the real robot is waiting.

# %% [markdown] sheet=true
# ## Objectives
# Avoid obstacles: with a plan, then with the sensor.
# ## Duration
# 55 minutes, 20 of them with the real robot.
# ## Prerequisites
# Robot 5.
# ## Unplugged warm-up
# An obstacle course: a child guides a blindfolded classmate.
# ## What to watch for
# A fixed plan fails when the obstacle moves: the sensor adapts.
# ## Helping a child who is stuck
# Draw the course on paper with the distances.
# ## Going further
# A longer zigzag corridor.

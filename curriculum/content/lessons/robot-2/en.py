# %% [markdown]
# # Shapes with loops
#
# To draw a shape, Robi repeats the same pattern: **drive, then turn**. That is the job of a `for` loop!
#
# ```python
# def program():
#     for i in range(4):
#         forward(30)
#         turn(90)
# ```
#
# To draw a shape, Robi makes one full turn: 360 degrees. It shares this turn between its corners.
# A square has 4 corners: 360 shared by 4 makes 90 degrees. A triangle has 3 corners: 120 degrees each.

# %% include="regles"

# %% include="robot"

# %% [markdown]
# ## Exercise 1: the square
#
# Make Robi draw a square with 30 cm sides, with a loop. It must come back to where it started.

# %% [markdown] hints="robot-2-a"
# 1. A square: 4 sides, 4 corners of 90 degrees.
# 2. Inside the loop: `forward(30)` then `turn(90)`.
# 3. `for i in range(4):` / `    forward(30)` / `    turn(90)`, all indented inside `def program():`.

# %% solution="robot-2-a" blocks="robi,boucles" max_blocks=3
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(4):
        forward(30)
        turn(90)
    ### END SOLUTION


show(program, "carre")

# %% tests="robot-2-a" points=1
check(program, "carre")

# %% wrong="robot-2-a"
for i in range(5):
    forward(30)
    turn(90)
# ---
forward(30)
turn(90)

# %% right="robot-2-a"
for i in range(0, 4):
    forward(30)
    turn(90)

# %% wrong="robot-2-a"
for i in range(3):
    forward(30)
    turn(90)

# %% [markdown]
# ## Exercise 2: the triangle
#
# A triangle has 3 equal sides. Robi drives 40 cm and turns **left** by 120 degrees, 3 times.

# %% [markdown] hints="robot-2-b"
# 1. 3 corners make a full turn: 360 / 3 = 120 degrees.
# 2. To the left, the angle is negative: `turn(-120)`.
# 3. `for i in range(3):` / `    forward(40)` / `    turn(-120)`.

# %% solution="robot-2-b" blocks="robi,boucles" max_blocks=3
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(3):
        forward(40)
        turn(-120)
    ### END SOLUTION


show(program, "worlds/triangle.toml")

# %% tests="robot-2-b" points=2
check(program, "worlds/triangle.toml")

# %% wrong="robot-2-b"
for i in range(4):
    forward(40)
    turn(-120)
# ---
forward(40)
turn(-120)

# %% right="robot-2-b"
for i in range(0, 3):
    forward(40)
    turn(-120)

# %% wrong="robot-2-b"
for i in range(2):
    forward(40)
    turn(-120)

# %% [markdown]
# ## Exercise 3: the hexagon
#
# A hexagon has 6 sides, like a bee's cell. Robi makes sides of 25 cm and turns left at each corner.
# Work out the angle yourself!

# %% [markdown] hints="robot-2-c"
# 1. A full turn is 360 degrees. How many corners? As many as sides.
# 2. 360 / 6 = 60: each corner turns 60 degrees, to the left.
# 3. `for i in range(6):` / `    forward(25)` / `    turn(-60)`.

# %% solution="robot-2-c" blocks="robi,boucles" max_blocks=3
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(6):
        forward(25)
        turn(-60)
    ### END SOLUTION


show(program, "worlds/hexagone.toml")

# %% tests="robot-2-c" points=3
check(program, "worlds/hexagone.toml")

# %% wrong="robot-2-c"
for i in range(7):
    forward(25)
    turn(-60)
# ---
forward(25)
turn(-60)

# %% right="robot-2-c"
for i in range(0, 6):
    forward(25)
    turn(-60)

# %% wrong="robot-2-c"
for i in range(5):
    forward(25)
    turn(-60)

# %% [markdown]
# ## Exercise 4: your very own shape
#
# Invent a shape and have Robi draw it. You choose!
# Three rules:
#
# - You use a loop.
# - Robi comes back to where it started: the shape is closed.
# - Robi drives at least 60 cm in all.
#
# Then show your shape to the class, and try it with the real robot.

# %% [markdown] hints="robot-2-d"
# 1. Choose a shape: a square, a triangle, a hexagon, a star…
# 2. To come back to the start, all the turns together make one full turn: 360 degrees.
# 3. Look at your shape with `show` first. Then check it with the tests cell.

# %% solution="robot-2-d" blocks="robi,boucles"
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(5):
        forward(20)
        turn(72)
    ### END SOLUTION


show(program, "carre")

# %% tests="robot-2-d" points=3
assert "program" in globals(), "First write the block def program(): with your orders inside."
found = path(program)
assert found["end"] == "done", "Robi does not reach the end of your program: run the cell above to see what happens."
assert found["length"] >= 60, f"Robi drove {found['length']} cm. It needs at least 60: make a bigger shape."
assert found["gap"] <= 3, f"Robi ends {found['gap']} cm away from its start. A closed shape comes back to where it started."
rules(loop=True)

# %% wrong="robot-2-d"
forward(60)
# ---
for i in range(3):
    forward(30)
    turn(90)
# ---
forward(30)
turn(90)
forward(30)
turn(90)
forward(30)
turn(90)
forward(30)
turn(90)
# ---
for i in range(4):
    forward(5)
    turn(90)

# %% right="robot-2-d"
for i in range(3):
    forward(40)
    turn(120)
# ---
for side in range(4):
    forward(30)
    turn(-90)

# %% [markdown] sheet=true
# ## Objectives
# Draw shapes with a loop and turns.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Robot 1.
# ## Unplugged warm-up
# Walk a square in the playground counting the turns; then a triangle.
# ## What to watch for
# A triangle's turn is 120 degrees, not 60. A full turn is 360 degrees.
# ## Helping a child who is stuck
# Count the turns and chalk them on the ground.
# ## Going further
# Draw an octagon.

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
# For a shape with `n` sides, Robi makes a full turn (360 degrees) in `n` corners: each corner turns `360 / n` degrees.

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

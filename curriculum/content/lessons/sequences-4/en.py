# %% [markdown]
# # Bug hunt
#
# A **bug** is a mistake in a program. Everybody makes them, even great programmers!
#
# A trickster wrote programs for Pixel… but every one of them has a bug.
# Your detective work: **read** the program, **find** the mistake, then write the **fixed** program.
#
# Detective tip: follow the program line by line with your finger on the grid.

# %% include="pixel"

# %% [markdown]
# ## Exercise 1: one is missing
#
# ```
# P . . T
# ```
#
# The trickster's program:
#
# ```python
# right()
# right()
# ```
#
# Pixel stops too early! Write the fixed program.

# %% [markdown] hints="sequences-4-a"
# 1. Count the squares to the treasure, then count the `right()` orders in the program.
# 2. There are 3 squares to the treasure, but only 2 orders.
# 3. Write `right()` 3 times.

# %% solution="sequences-4-a" blocks="pixel" text_switch=true
start("P . . T")
### BEGIN SOLUTION
right()
right()
right()
### END SOLUTION
show()

# %% tests="sequences-4-a" points=1
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."
assert bumps() == 0, f"Pixel bumped into the edge of the grid {bumps()} times. Count the squares carefully!"

# %% wrong="sequences-4-a"
right()
right()

# %% right="sequences-4-a"
for time in range(3):
    right()

# %% wrong="sequences-4-a"
left()
right()
right()

# %% wrong="sequences-4-a"
right()
right()
right()
right()

# %% [markdown]
# ## Exercise 2: all mixed up
#
# ```
# P # .
# . . T
# ```
#
# The trickster's program:
#
# ```python
# right()
# down()
# right()
# ```
#
# Pixel bumps into the wall! The right orders are there, but not in the right order. Fix it.

# %% [markdown] hints="sequences-4-b"
# 1. Follow the program: what is the first order? Where is the wall?
# 2. Pixel must go down first, and only then go right.
# 3. `down()`, `right()`, `right()`.

# %% solution="sequences-4-b" blocks="pixel" text_switch=true
start("""
P # .
. . T
""")
### BEGIN SOLUTION
down()
right()
right()
### END SOLUTION
show()

# %% tests="sequences-4-b" points=2
assert bumps() == 0, f"Bong! Pixel bumped {bumps()} times again. Which order must come first?"
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."

# %% wrong="sequences-4-b"
down()
right()
# ---
right()
down()
right()

# %% right="sequences-4-b"
down()
for time in range(2):
    right()

# %% wrong="sequences-4-b"
right()
right()

# %% [markdown]
# ## Exercise 3: one too many
#
# ```
# T . .
# # # .
# P . .
# ```
#
# The trickster's program:
#
# ```python
# right()
# right()
# up()
# up()
# left()
# left()
# left()
# ```
#
# At the end, Pixel bumps into the edge of the grid. Find the extra order and fix the program.

# %% [markdown] hints="sequences-4-c"
# 1. Follow the program with your finger and count the squares at each order.
# 2. At the top, there are only 2 squares to the left before the treasure.
# 3. Remove one `left()`: `right()`, `right()`, `up()`, `up()`, `left()`, `left()`.

# %% solution="sequences-4-c" blocks="pixel" text_switch=true
start("""
T . .
# # .
P . .
""")
### BEGIN SOLUTION
right()
right()
up()
up()
left()
left()
### END SOLUTION
show()

# %% tests="sequences-4-c" points=3
assert bumps() == 0, f"Bong! Pixel bumped {bumps()} times: there is still one order too many."
assert position() == treasure(), f"Pixel is not on the treasure: {gap(treasure())}."

# %% wrong="sequences-4-c"
right()
right()
up()
up()
left()
# ---
right()
up()
right()
up()
left()
left()

# %% right="sequences-4-c"
for time in range(2):
    right()
up()
up()
left()
left()

# %% wrong="sequences-4-c"
right()
up()
up()
left()
left()

# %% [markdown]
# Well done, detective! When a program does not work, read it **step by step**: that is how bugs are found.

# %% [markdown] sheet=true
# ## Objectives
# Read a program, predict what it does, then find and fix the bug.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Sequences 1 to 3.
# ## Unplugged warm-up
# The wrong recipe: read a recipe where a step is missing or in the wrong place.
# ## What to watch for
# The child rewrites everything instead of fixing one line. A bug is not a fault: we look for it together.
# ## Helping a child who is stuck
# Run the program line by line with a finger.
# ## Going further
# Hide a bug in one's own program for a classmate.

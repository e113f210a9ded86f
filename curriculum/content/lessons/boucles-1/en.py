# %% [markdown]
# # Repeating is clever
#
# ![Tao](images/tao.svg)
#
# Meet **Tao the turtle**. She walks on squared paper and leaves a trail `#` behind her.
#
# Tao knows 3 orders:
#
# - `forward()`: one step straight ahead;
# - `turn_left()` and `turn_right()`: she turns on the spot, a quarter turn.
#
# At the start, Tao faces right.
#
# To take 10 steps, no need to write `forward()` 10 times. We write a **loop**:
#
# ```python
# for i in range(10):
#     forward()
# ```
#
# Everything **indented** under the `for` is repeated 10 times. Do not forget the colon `:`!

# %% include="regles"

# %% include="tortue"

# %% [markdown]
# ## Exercise 1: a long line
#
# Make Tao walk 10 steps, with a loop. The expected drawing:
#
# ```
# ###########
# ```

# %% [markdown] hints="boucles-1-a"
# 1. You want to repeat `forward()` 10 times: that is the job of `for i in range(10):`.
# 2. The `forward()` line must be indented (4 spaces) under the `for`.
# 3. `for i in range(10):` then, on the next line, `    forward()`.

# %% solution="boucles-1-a" blocks="tao,boucles" max_blocks=2
new_sheet()
### BEGIN SOLUTION
for i in range(10):
    forward()
### END SOLUTION
show()

# %% tests="boucles-1-a" points=1
expected = "###########"
assert drawing() == expected, f"Tao's drawing is not the right one.\nYour drawing:\n{drawing()}\nThe model:\n{expected}\nCount the steps: it takes 10."
rules(loop=True)

# %% wrong="boucles-1-a"
for i in range(11):
    forward()
# ---
forward()

# %% right="boucles-1-a"
for turn in range(10):
    forward()
# ---
for i in range(0, 10):
    forward()

# %% wrong="boucles-1-a"
forward(10)
# ---
forward()
forward()
forward()
forward()
forward()
forward()
forward()
forward()
forward()
forward()

# %% [markdown]
# ## Exercise 2: a big back-to-front L
#
# Tao takes 6 steps, turns left, then takes 4 steps.
# Use **two loops**, one after the other.
#
# ```
# ......#
# ......#
# ......#
# ......#
# #######
# ```

# %% [markdown] hints="boucles-1-b"
# 1. First loop: `forward()` 6 times. Then `turn_left()` (not inside the loop!). Then a second loop.
# 2. `turn_left()` must not be indented: it happens only once.
# 3. `for i in range(6):` / `    forward()` / `turn_left()` / `for i in range(4):` / `    forward()`.

# %% solution="boucles-1-b" blocks="tao,boucles" max_blocks=5
new_sheet()
### BEGIN SOLUTION
for i in range(6):
    forward()
turn_left()
for i in range(4):
    forward()
### END SOLUTION
show()

# %% tests="boucles-1-b" points=1
expected = "......#\n......#\n......#\n......#\n#######"
assert drawing() == expected, f"Tao's drawing is not the right one.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"
rules(loop=True)

# %% wrong="boucles-1-b"
for i in range(6):
    forward()
turn_left()
# ---
for i in range(7):
    forward()
turn_left()
for i in range(4):
    forward()
# ---
for i in range(6):
    forward()
turn_left()
for i in range(5):
    forward()

# %% right="boucles-1-b"
for turn in range(6):
    forward()
turn_left()
for turn in range(4):
    forward()
# ---
for i in range(0, 6):
    forward()
turn_left()
for i in range(4):
    forward()

# %% wrong="boucles-1-b"
forward(6)
turn_left()
forward(4)

# %% [markdown]
# ## Exercise 3: the letter U
#
# Tao draws a U. Here are its orders, one by one:
#
# 1. Tao turns right: it faces down.
# 2. It takes 5 steps.
# 3. It turns left.
# 4. It takes 4 steps.
# 5. It turns left.
# 6. It takes 5 steps.
#
# ```
# #...#
# #...#
# #...#
# #...#
# #...#
# #####
# ```

# %% [markdown] hints="boucles-1-c"
# 1. There are three strokes: you need three loops, with turns between them.
# 2. Start with `turn_right()` so that Tao faces down.
# 3. `turn_right()`, a loop of 5 `forward()`, `turn_left()`, a loop of 4, `turn_left()`, a loop of 5.

# %% solution="boucles-1-c" blocks="tao,boucles" max_blocks=9
new_sheet()
### BEGIN SOLUTION
turn_right()
for i in range(5):
    forward()
turn_left()
for i in range(4):
    forward()
turn_left()
for i in range(5):
    forward()
### END SOLUTION
show()

# %% tests="boucles-1-c" points=2
expected = "#...#\n#...#\n#...#\n#...#\n#...#\n#####"
assert drawing() == expected, f"Tao's drawing is not the right one.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"
rules(loop=True)

# %% wrong="boucles-1-c"
turn_right()
for i in range(5):
    forward()
turn_left()
for i in range(4):
    forward()
turn_left()
# ---
turn_right()
for i in range(6):
    forward()
turn_left()
for i in range(4):
    forward()
turn_left()
for i in range(5):
    forward()
# ---
turn_right()
for i in range(5):
    forward()
turn_left()
for i in range(5):
    forward()
turn_left()
for i in range(5):
    forward()

# %% right="boucles-1-c"
turn_right()
for turn in range(5):
    forward()
turn_left()
for turn in range(4):
    forward()
turn_left()
for turn in range(5):
    forward()
# ---
turn_right()
for i in range(0, 5):
    forward()
turn_left()
for i in range(4):
    forward()
turn_left()
for i in range(5):
    forward()

# %% wrong="boucles-1-c"
turn_right()
forward(5)
turn_left()
forward(4)
turn_left()
forward(5)

# %% [markdown] sheet=true
# ## Objectives
# Repeat an order with a `for` loop instead of writing it several times.
# ## Duration
# 50 minutes.
# ## Prerequisites
# The Sequences unit.
# ## Unplugged warm-up
# The conductor: "clap 5 times" instead of "clap, clap, clap…".
# ## What to watch for
# The colon and the indent under the `for`. Count the turns of the loop, not the squares.
# ## Helping a child who is stuck
# Write the program without a loop first, then spot what repeats.
# ## Going further
# Draw a line of 100 steps: what would change without a loop?

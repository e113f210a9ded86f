# %% [markdown]
# # Repeating patterns
#
# A loop can repeat **several** orders at once: a **pattern**.
#
# ```python
# for i in range(3):
#     forward()
#     turn_left()
# ```
#
# Here, Tao repeats 3 times the pattern "go forward, then turn left".
# All the lines indented under the `for` belong to the pattern.

# %% include="tortue"

# %% [markdown]
# ## Exercise 1: the staircase
#
# The pattern of one step: forward, turn left, forward, turn right.
# Repeat it 5 times.
#
# ```
# .....#
# ....##
# ...##.
# ..##..
# .##...
# ##....
# ```

# %% [markdown] hints="boucles-2-a"
# 1. The pattern has 4 orders: they all go inside the loop, indented.
# 2. `for i in range(5):` then the 4 orders indented by 4 spaces.
# 3. `forward()`, `turn_left()`, `forward()`, `turn_right()`, all indented under `for i in range(5):`.

# %% solution="boucles-2-a" blocks="tao,boucles" max_blocks=5 text_switch=true
new_sheet()
### BEGIN SOLUTION
for i in range(5):
    forward()
    turn_left()
    forward()
    turn_right()
### END SOLUTION
show()

# %% tests="boucles-2-a" points=1
expected = ".....#\n....##\n...##.\n..##..\n.##...\n##...."
assert drawing() == expected, f"The staircase is not the right one.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="boucles-2-a"
for i in range(6):
    forward()
    turn_left()
    forward()
    turn_right()
# ---
forward()
turn_left()
forward()
turn_right()
# ---
for i in range(5):
    turn_left()
    forward()
    forward()
    turn_right()

# %% right="boucles-2-a"
for turn in range(5):
    forward()
    turn_left()
    forward()
    turn_right()
# ---
for i in range(0, 5):
    forward()
    turn_left()
    forward()
    turn_right()

# %% [markdown]
# ## Exercise 2: the square
#
# A square is the same pattern 4 times: 3 steps, then turn right.
#
# ```
# ####
# #..#
# #..#
# ####
# ```
#
# Careful: Tao must end **where she started**.

# %% [markdown] hints="boucles-2-b"
# 1. One side of the square: `forward()` 3 times, then `turn_right()`.
# 2. The square has 4 sides: the loop runs 4 times.
# 3. `for i in range(4):` then, indented: `forward()`, `forward()`, `forward()`, `turn_right()`.

# %% solution="boucles-2-b" blocks="tao,boucles" max_blocks=5 text_switch=true
new_sheet()
### BEGIN SOLUTION
for i in range(4):
    forward()
    forward()
    forward()
    turn_right()
### END SOLUTION
show()

# %% tests="boucles-2-b" points=2
expected = "####\n#..#\n#..#\n####"
assert drawing() == expected, f"It is not the square yet.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"
assert position() == (0, 0), f"Tao must come back to the start (0, 0), but she is at {position()}."

# %% wrong="boucles-2-b"
for i in range(5):
    forward()
    forward()
    forward()
    turn_right()
# ---
forward()
forward()
forward()
turn_right()

# %% right="boucles-2-b"
for turn in range(4):
    forward()
    forward()
    forward()
    turn_right()
# ---
for i in range(0, 4):
    forward()
    forward()
    forward()
    turn_right()

# %% wrong="boucles-2-b"
for i in range(3):
    forward()
    forward()
    forward()
    turn_right()

# %% [markdown]
# ## Exercise 3: the castle battlements
#
# Tao draws the top of a castle wall. Find the pattern that repeats, then repeat it 3 times.
#
# ```
# ..###.###.###
# ..#.#.#.#.#.#
# ###.###.###.#
# ```

# %% [markdown] hints="boucles-2-c"
# 1. One battlement: 2 steps, turn left, 2 steps, turn right, 2 steps, turn right, 2 steps, turn left.
# 2. That whole battlement is the pattern: it goes inside the loop, which runs 3 times.
# 3. Inside `for i in range(3):` write 12 indented lines: 2 `forward()`, `turn_left()`, 2 `forward()`, `turn_right()`, 2 `forward()`, `turn_right()`, 2 `forward()`, `turn_left()`.

# %% solution="boucles-2-c" blocks="tao,boucles" max_blocks=13 text_switch=true
new_sheet()
### BEGIN SOLUTION
for i in range(3):
    forward()
    forward()
    turn_left()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_left()
### END SOLUTION
show()

# %% tests="boucles-2-c" points=3
expected = "..###.###.###\n..#.#.#.#.#.#\n###.###.###.#"
assert drawing() == expected, f"The battlements are not right yet.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="boucles-2-c"
for i in range(4):
    forward()
    forward()
    turn_left()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_left()
# ---
forward()
forward()
turn_left()
forward()
forward()
turn_right()
forward()
forward()
turn_right()
forward()
forward()
turn_left()
# ---
for i in range(3):
    forward()
    turn_left()
    forward()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_left()

# %% right="boucles-2-c"
for turn in range(3):
    forward()
    forward()
    turn_left()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_left()
# ---
for i in range(0, 3):
    forward()
    forward()
    turn_left()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_right()
    forward()
    forward()
    turn_left()

# %% [markdown] sheet=true
# ## Objectives
# Find the pattern that repeats and put it in the loop.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Loops 1.
# ## Unplugged warm-up
# Clap a rhythm (clap-clap-stamp) and repeat it 4 times.
# ## What to watch for
# Putting in the loop what does not repeat. The turn forgotten at the end of the pattern.
# ## Helping a child who is stuck
# Circle the pattern on the model drawing, then write it once.
# ## Going further
# Change the number of turns and predict the drawing before running.

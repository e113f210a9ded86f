# %% [markdown]
# # The loop counter
#
# In `for i in range(10):`, the `i` is not just for show: it is the loop's **counter**.
# On each turn it takes a new value: 0, then 1, then 2…
#
# With `range(1, 6)`, the counter goes from 1 to 5 (the 6 is left out):
#
# ```python
# for i in range(1, 6):
#     write(i)
# ```
#
# Tao then writes 1, 2, 3, 4, 5 in her **notebook**. `notebook()` shows what she wrote.
#
# And something new: Tao can take several steps at once, for example `forward(3)`.

# %% include="tortue"

# %% [markdown]
# ## Exercise 1: counting to 10
#
# Make Tao write the numbers from 1 to 10 in her notebook, with a loop.

# %% [markdown] hints="boucles-3-a"
# 1. The counter must start at 1 and end at 10: `range(1, 11)`.
# 2. Inside the loop, Tao writes the counter: `write(i)`.
# 3. `for i in range(1, 11):` then, indented, `write(i)`.

# %% solution="boucles-3-a"
new_sheet()
### BEGIN SOLUTION
for i in range(1, 11):
    write(i)
### END SOLUTION
print(notebook())

# %% tests="boucles-3-a" points=1
expected = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
assert notebook() == expected, f"Tao's notebook holds {notebook()}, but we expected {expected}."

# %% wrong="boucles-3-a"
for i in range(2, 11):
    write(i)
# ---
for i in range(1, 12):
    write(i)

# %% right="boucles-3-a"
for turn in range(1, 11):
    write(turn)

# %% wrong="boucles-3-a"
for i in range(1, 10):
    write(i)

# %% [markdown]
# ## Exercise 2: the 3 times table
#
# Tao is learning the 3 times table. Make her write 3, 6, 9… up to 30.
# Use the counter: `3 * i` means "3 times i".

# %% [markdown] hints="boucles-3-b"
# 1. The counter goes from 1 to 10, as in exercise 1.
# 2. Instead of writing `i`, Tao writes `3 * i`.
# 3. `for i in range(1, 11):` then, indented, `write(3 * i)`.

# %% solution="boucles-3-b"
new_sheet()
### BEGIN SOLUTION
for i in range(1, 11):
    write(3 * i)
### END SOLUTION
print(notebook())

# %% tests="boucles-3-b" points=2
expected = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30]
assert notebook() == expected, f"Tao's notebook holds {notebook()}, but the 3 times table is {expected}."

# %% wrong="boucles-3-b"
for i in range(2, 11):
    write(3 * i)
# ---
for i in range(1, 12):
    write(3 * i)
# ---
write(3 * i)

# %% right="boucles-3-b"
for turn in range(1, 11):
    write(3 * turn)

# %% [markdown]
# ## Exercise 3: the snail
#
# Tao draws a spiral: she goes forward 1, turns left, goes forward 2, turns left, goes forward 3…
# up to going forward 7. The counter gives the length of each stroke: `forward(i)`.
#
# ```
# ########
# .......#
# ..####.#
# ..#..#.#
# ..#.##.#
# ..#....#
# ..######
# ```

# %% [markdown] hints="boucles-3-c"
# 1. The strokes are 1 to 7 long: `range(1, 8)`.
# 2. Inside the loop: go forward `i` steps, then turn left.
# 3. `for i in range(1, 8):` then, indented, `forward(i)` and `turn_left()`.

# %% solution="boucles-3-c"
new_sheet()
### BEGIN SOLUTION
for i in range(1, 8):
    forward(i)
    turn_left()
### END SOLUTION
show()

# %% tests="boucles-3-c" points=3
expected = "########\n.......#\n..####.#\n..#..#.#\n..#.##.#\n..#....#\n..######"
assert drawing() == expected, f"The snail is not right yet.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="boucles-3-c"
for i in range(2, 8):
    forward(i)
    turn_left()
# ---
for i in range(1, 9):
    forward(i)
    turn_left()
# ---
forward(i)
turn_left()

# %% right="boucles-3-c"
for turn in range(1, 8):
    forward(turn)
    turn_left()

# %% [markdown]
# ## Exercise 4: predict, then fix
#
# Tao must write the numbers from 1 to 5 in its notebook. The program is already written, but it has a bug.
#
# 1. Read the program. What will Tao write? Tell your neighbour.
# 2. Run it to check.
# 3. Fix it.

# %% [markdown] hints="boucles-3-d"
# 1. Run the program and look at the notebook: which number is missing?
# 2. `range` stops just before the second number.
# 3. Change a single number in `range(1, 5)`.

# %% solution="boucles-3-d" fix=true
### BEGIN SOLUTION
### END SOLUTION
new_sheet()
for i in range(1, 5):
    write(i)
print(notebook())

# %% tests="boucles-3-d" points=2
assert notebook() == [1, 2, 3, 4, 5], f"Tao's notebook says {notebook()}, but we expected [1, 2, 3, 4, 5]."

# %% wrong="boucles-3-d"
new_sheet()
for i in range(1, 5):
    write(i)
# ---
new_sheet()
for i in range(0, 5):
    write(i)
# ---
new_sheet()
for i in range(5):
    write(i)
# ---
new_sheet()
for i in range(1, 7):
    write(i)

# %% right="boucles-3-d"
new_sheet()
for i in range(1, 6):
    write(i)
print(notebook())
# ---
new_sheet()
for i in range(5):
    write(i + 1)

# %% [markdown] sheet=true
# ## Objectives
# Use the loop's counter: `range(1, 6)` counts 1, 2, 3, 4, 5.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Loops 2.
# ## Unplugged warm-up
# Count out loud while jumping: from 1 to 10, then in threes.
# ## What to watch for
# `range` stops just before the last number. The counter changes at each turn.
# ## Helping a child who is stuck
# Print the counter with `print` to see its values.
# ## Going further
# Count down, or in twos.

# %% [markdown]
# # If there is a wall
#
# ![Coralie](images/coralie.svg)
#
# Meet **Coralie the mouse**. She runs along corridors to find cheese.
# The problem: she does not know the corridor in advance! Before acting, she must **look**, then **decide**.
#
# To decide, we use `if`:
#
# ```python
# if wall_ahead():
#     jump()
# ```
#
# If there is a wall ahead, Coralie jumps. Otherwise, she does nothing. As with `for`, you need the colon `:` and the indentation.
#
# Coralie can: `forward()`, `jump()` (over the square in front of her), `eat()`.
# She can look: `wall_ahead()` and `cheese_here()`, which answer true (`True`) or false (`False`).
#
# Your program goes in a block `def coralie():`. We try it on several corridors with `try_on(coralie, ". # .")`.
# In a corridor: `.` empty square, `C` cheese, `#` wall. Coralie always starts on the first square.

# %% include="couloir"

# %% [markdown]
# ## Exercise 1: jumping the wall
#
# If there is a wall in front of Coralie, she jumps over it. If there is no wall, she does not move.

# %% [markdown] hints="conditions-1-a"
# 1. Your block `def coralie():` holds a single `if`.
# 2. The question to ask: `wall_ahead()`. The action: `jump()`.
# 3. `def coralie():` / `    if wall_ahead():` / `        jump()`.

# %% solution="conditions-1-a"
### BEGIN SOLUTION
def coralie():
    if wall_ahead():
        jump()
### END SOLUTION
try_on(coralie, ". # .")
print("Coralie is on square", position())

# %% tests="conditions-1-a" points=1
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
try_on(coralie, ". # .")
assert position() == 2, f"With a wall in front of her, Coralie must jump to square 2, but she is on square {position()}."
try_on(coralie, ". . .")
assert jumps() == 0, "With no wall in front of her, Coralie must not jump: she jumped for nothing."

# %% right="conditions-1-a"
# My program
def coralie():
    if wall_ahead():
        jump()

# %% wrong="conditions-1-a"
def coralie():
    if not (wall_ahead()):
        jump()

# %% wrong="conditions-1-a"
def coralie():
    jump()
# ---
def coralie():
    forward()

# %% [markdown]
# ## Exercise 2: the cheese
#
# Coralie moves forward one square. Then, **if** there is cheese here, she eats it.
# Careful: if she eats when there is no cheese, she bites into thin air!

# %% [markdown] hints="conditions-1-b"
# 1. First `forward()`, always. Only then, the question.
# 2. The question: `cheese_here()`. The action: `eat()`.
# 3. `def coralie():` / `    forward()` / `    if cheese_here():` / `        eat()`.

# %% solution="conditions-1-b"
### BEGIN SOLUTION
def coralie():
    forward()
    if cheese_here():
        eat()
### END SOLUTION
try_on(coralie, ". C .")
print("Cheese eaten:", cheeses())

# %% tests="conditions-1-b" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
try_on(coralie, ". C .")
assert cheeses() == 1, f"There is cheese right in front of Coralie, but she ate {cheeses()}."
try_on(coralie, ". . C")
assert misses() == 0, "With no cheese on her square, Coralie bit into thin air: eat only when there is cheese."

# %% right="conditions-1-b"
# My program
def coralie():
    forward()
    if cheese_here():
        eat()

# %% wrong="conditions-1-b"
def coralie():
    forward()
    if not (cheese_here()):
        eat()

# %% wrong="conditions-1-b"
def coralie():
    forward()
    eat()
# ---
def coralie():
    if cheese_here():
        eat()
    forward()

# %% [markdown]
# ## Exercise 3: the cheese hunt
#
# The corridor has 7 squares. Coralie moves forward 6 times. **At each step**, if there is cheese, she eats it.
# Your program must work in **every** corridor, even the ones you have not seen!

# %% [markdown] hints="conditions-1-c"
# 1. A `for` loop that runs 6 times, and inside the loop: move forward, then the cheese question.
# 2. The `if` is inside the loop: it is indented twice, and `eat()` three times.
# 3. `for i in range(6):` / `    forward()` / `    if cheese_here():` / `        eat()`, all inside `def coralie():`.

# %% solution="conditions-1-c"
### BEGIN SOLUTION
def coralie():
    for i in range(6):
        forward()
        if cheese_here():
            eat()
### END SOLUTION
try_on(coralie, ". C . C . . C")
print("Cheese eaten:", cheeses())

# %% tests="conditions-1-c" points=3
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, expected in ((". C . C . . C", 3), (". . C C . C .", 3), (". . . . . . .", 0)):
    try_on(coralie, corridor)
    assert cheeses() == expected, f"In the corridor \"{corridor}\", Coralie ate {cheeses()} pieces of cheese instead of {expected}."
    assert misses() == 0, f"In the corridor \"{corridor}\", Coralie bit into thin air {misses()} times."

# %% wrong="conditions-1-c"
def coralie():
    forward()
    if cheese_here():
        eat()

# %% right="conditions-1-c"
def coralie():
    for turn in range(6):
        forward()
        if cheese_here():
            eat()
# ---
def coralie():
    for i in range(0, 6):
        forward()
        if cheese_here():
            eat()

# %% wrong="conditions-1-c"
def coralie():
    for i in range(5):
        forward()
        if cheese_here():
            eat()
# ---
def coralie():
    for i in range(6):
        forward()
        if not (cheese_here()):
            eat()

# %% [markdown] sheet=true
# ## Objectives
# Make a choice with `if`: act only when a condition is true.
# ## Duration
# 45 minutes.
# ## Prerequisites
# The Events unit.
# ## Unplugged warm-up
# "Simon says": obey only when the sentence starts with "Simon says".
# ## What to watch for
# The colon and the indent under the `if`. Test the condition at the right time (at each step).
# ## Helping a child who is stuck
# Have the child say the condition in words: "if there is a wall, I jump".
# ## Going further
# Add a second condition for the cheese.

# %% [markdown]
# # Otherwise…
#
# With `if`, Coralie does something **only if** the answer is true.
# With `else`, we say what she does **in the other case**:
#
# ```python
# if wall_ahead():
#     jump()
# else:
#     forward()
# ```
#
# One of the two blocks runs, never both. The `else:` lines up with the `if`.

# %% include="couloir"

# %% [markdown]
# ## Exercise 1: jump or step
#
# If there is a wall ahead, Coralie jumps. Otherwise, she moves forward one square.

# %% [markdown] hints="conditions-2-a"
# 1. An `if` with `wall_ahead()`, and an `else:`.
# 2. `else:` sits at the same level as `if`, and the action of the otherwise is indented below it.
# 3. `def coralie():` / `    if wall_ahead():` / `        jump()` / `    else:` / `        forward()`.

# %% solution="conditions-2-a"
### BEGIN SOLUTION
def coralie():
    if wall_ahead():
        jump()
    else:
        forward()
### END SOLUTION
try_on(coralie, ". # .")
print("Coralie is on square", position())

# %% tests="conditions-2-a" points=1
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
try_on(coralie, ". # .")
assert position() == 2, f"With a wall ahead, Coralie must jump to square 2, but she is on square {position()}."
try_on(coralie, ". . #")
assert position() == 1, f"With no wall ahead, Coralie must move to square 1, but she is on square {position()}."

# %% right="conditions-2-a"
# My program
def coralie():
    if wall_ahead():
        jump()
    else:
        forward()

# %% wrong="conditions-2-a"
def coralie():
    if not (wall_ahead()):
        jump()
    else:
        forward()

# %% wrong="conditions-2-a"
def coralie():
    jump()
# ---
def coralie():
    if wall_ahead():
        forward()
    else:
        jump()

# %% [markdown]
# ## Exercise 2: the corridor full of walls
#
# Repeat 4 times: if there is a wall ahead, jump; otherwise, move forward.
# Coralie must reach the end of the corridor without bumping, whatever the corridor.

# %% [markdown] hints="conditions-2-b"
# 1. Put the `if … else` of exercise 1 inside a loop that runs 4 times.
# 2. The whole `if … else` is indented under the `for`.
# 3. `for i in range(4):` / `    if wall_ahead():` / `        jump()` / `    else:` / `        forward()`.

# %% solution="conditions-2-b"
### BEGIN SOLUTION
def coralie():
    for i in range(4):
        if wall_ahead():
            jump()
        else:
            forward()
### END SOLUTION
try_on(coralie, ". . # . # . .")
print("Coralie is on square", position(), "of", end())

# %% tests="conditions-2-b" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor in (". . # . # . .", ". # . . # . .", ". # . # . . ."):
    try_on(coralie, corridor)
    assert bumps() == 0, f"In the corridor \"{corridor}\", Coralie bumped {bumps()} times."
    assert position() == end(), f"In the corridor \"{corridor}\", Coralie stops on square {position()} instead of reaching the end (square {end()})."

# %% wrong="conditions-2-b"
def coralie():
    for i in range(5):
        if wall_ahead():
            jump()
        else:
            forward()
# ---
def coralie():
    if wall_ahead():
        jump()
    else:
        forward()

# %% right="conditions-2-b"
def coralie():
    for turn in range(4):
        if wall_ahead():
            jump()
        else:
            forward()
# ---
def coralie():
    for i in range(0, 4):
        if wall_ahead():
            jump()
        else:
            forward()

# %% wrong="conditions-2-b"
def coralie():
    for i in range(3):
        if wall_ahead():
            jump()
        else:
            forward()

# %% [markdown]
# ## Exercise 3: yum or nothing
#
# Coralie moves forward 5 times. At each step: if there is cheese, she eats it; otherwise, she says `"Nothing here"`.

# %% [markdown] hints="conditions-2-c"
# 1. Inside the loop: first `forward()`, then the `if … else`.
# 2. The question: `cheese_here()`. If yes: `eat()`. Otherwise: `say("Nothing here")`.
# 3. `for i in range(5):` / `    forward()` / `    if cheese_here():` / `        eat()` / `    else:` / `        say("Nothing here")`.

# %% solution="conditions-2-c"
### BEGIN SOLUTION
def coralie():
    for i in range(5):
        forward()
        if cheese_here():
            eat()
        else:
            say("Nothing here")
### END SOLUTION
try_on(coralie, ". C . C . .")

# %% tests="conditions-2-c" points=3
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, yum, nothing in ((". C . C . .", 2, 3), (". . . C C C", 3, 2)):
    try_on(coralie, corridor)
    assert cheeses() == yum, f"In the corridor \"{corridor}\", Coralie ate {cheeses()} pieces of cheese instead of {yum}."
    assert words() == ["Nothing here"] * nothing, f"In the corridor \"{corridor}\", Coralie says {words()}: she must say \"Nothing here\" {nothing} times, once per empty square."

# %% wrong="conditions-2-c"
def coralie():
    for i in range(6):
        forward()
        if cheese_here():
            eat()
        else:
            say("Nothing here")
# ---
def coralie():
    forward()
    if cheese_here():
        eat()
    else:
        say("Nothing here")
# ---
def coralie():
    for i in range(5):
        forward()
        if cheese_here():
            eat()
        else:
            say("nothing here")

# %% right="conditions-2-c"
def coralie():
    for turn in range(5):
        forward()
        if cheese_here():
            eat()
        else:
            say("Nothing here")
# ---
def coralie():
    for i in range(0, 5):
        forward()
        if cheese_here():
            eat()
        else:
            say("Nothing here")

# %% [markdown] sheet=true
# ## Objectives
# Choose between two actions with `if … else`.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Conditions 1.
# ## Unplugged warm-up
# The traffic light: green, I go; otherwise, I stop.
# ## What to watch for
# The `else` has no condition. It lines up with the `if`.
# ## Helping a child who is stuck
# Act out both cases by hand: with a wall, without a wall.
# ## Going further
# Cross a corridor where the walls move.

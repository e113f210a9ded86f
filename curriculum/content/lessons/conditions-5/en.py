# %% [markdown]
# # While…
#
# With `for`, we know in advance how many times to repeat. But Coralie does not know where the cheese is!
# The `while` loop repeats **as long as a condition is true**:
#
# ```python
# while not cheese_here():
#     forward()
# ```
#
# "As long as there is no cheese here, move forward." As soon as the condition becomes false, the loop stops.
#
# Careful: if the condition never becomes false, the loop never stops!
# Here, Coralie stops, worn out, after 100 steps, to warn you.

# %% include="couloir"

# %% [markdown]
# ## Exercise 1: straight to the cheese
#
# As long as there is no cheese here, Coralie moves forward. Then she eats.
# The cheese may be far or near: your program must work everywhere.

# %% [markdown] hints="conditions-5-a"
# 1. The loop's condition: `not cheese_here()`.
# 2. Inside the loop: `forward()`. After the loop (not indented under the `while`): `eat()`.
# 3. `while not cheese_here():` / `    forward()` / `eat()`, all inside `def coralie():`.

# %% solution="conditions-5-a"
### BEGIN SOLUTION
def coralie():
    while not cheese_here():
        forward()
    eat()
### END SOLUTION
try_on(coralie, ". . . C")
print("Coralie ate", cheeses(), "piece of cheese, on square", position())

# %% tests="conditions-5-a" points=1
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, square in ((". . . C", 3), (". C", 1), (". . . . . . . . C", 8)):
    try_on(coralie, corridor)
    assert position() == square and cheeses() == 1, f"In the corridor \"{corridor}\", Coralie must stop on square {square} and eat; she is on square {position()} and ate {cheeses()}."

# %% wrong="conditions-5-a"
def coralie():
    forward()
    eat()

# %% right="conditions-5-a"
# My program
def coralie():
    while not cheese_here():
        forward()
    eat()

# %% wrong="conditions-5-a"
def coralie():
    while not (not cheese_here()):
        forward()
    eat()

# %% wrong="conditions-5-a"
def coralie():
    while not cheese_here():
        forward()

# %% [markdown]
# ## Exercise 2: up to the wall
#
# As long as there is no wall in front of her, Coralie moves forward. When she reaches the wall, she says `"Stop!"`.

# %% [markdown] hints="conditions-5-b"
# 1. The condition: `not wall_ahead()`.
# 2. `say("Stop!")` comes after the loop, only once.
# 3. `while not wall_ahead():` / `    forward()` / `say("Stop!")`.

# %% solution="conditions-5-b"
### BEGIN SOLUTION
def coralie():
    while not wall_ahead():
        forward()
    say("Stop!")
### END SOLUTION
try_on(coralie, ". . . #")

# %% tests="conditions-5-b" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, square in ((". . . #", 2), (". #", 0), (". . . . . . #", 5)):
    try_on(coralie, corridor)
    assert bumps() == 0, f"In the corridor \"{corridor}\", Coralie bumped into the wall: she must stop just before it."
    assert position() == square, f"In the corridor \"{corridor}\", Coralie must stop on square {square}, but she is on square {position()}."
    assert words() == ["Stop!"], f"In front of the wall, Coralie must say \"Stop!\" once; she says {words()}."

# %% wrong="conditions-5-b"
def coralie():
    forward()
    say("Stop!")
# ---
def coralie():
    while not wall_ahead():
        forward()
    say("stop!")

# %% right="conditions-5-b"
def coralie():
    while not wall_ahead():
        forward()
    say('Stop!')

# %% wrong="conditions-5-b"
def coralie():
    while not (not wall_ahead()):
        forward()
    say("Stop!")

# %% [markdown]
# ## Exercise 3: the obstacle course
#
# As long as there is no cheese here: if there is a wall ahead, Coralie jumps; otherwise, she moves forward.
# When she finds the cheese, she eats it.

# %% [markdown] hints="conditions-5-c"
# 1. A `while` loop with, inside it, the `if … else` from the lesson "Otherwise".
# 2. The `if` is indented under the `while`, and its actions once more.
# 3. `while not cheese_here():` / `    if wall_ahead():` / `        jump()` / `    else:` / `        forward()` / `eat()`.

# %% solution="conditions-5-c"
### BEGIN SOLUTION
def coralie():
    while not cheese_here():
        if wall_ahead():
            jump()
        else:
            forward()
    eat()
### END SOLUTION
try_on(coralie, ". . # . # . C")

# %% tests="conditions-5-c" points=3
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor in (". # . . C", ". . # . # . C", "C"):
    try_on(coralie, corridor)
    assert bumps() == 0, f"In the corridor \"{corridor}\", Coralie bumped {bumps()} times."
    assert cheeses() == 1, f"In the corridor \"{corridor}\", Coralie must end up eating the cheese (square {end()}), but she is on square {position()}."

# %% wrong="conditions-5-c"
def coralie():
    if wall_ahead():
        jump()
    else:
        forward()
    eat()

# %% right="conditions-5-c"
# My program
def coralie():
    while not cheese_here():
        if wall_ahead():
            jump()
        else:
            forward()
    eat()

# %% wrong="conditions-5-c"
def coralie():
    while not (not cheese_here()):
        if wall_ahead():
            jump()
        else:
            forward()
    eat()

# %% wrong="conditions-5-c"
def coralie():
    while not cheese_here():
        forward()
    eat()

# %% [markdown] sheet=true
# ## Objectives
# Repeat as long as a condition is true with `while`.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Conditions 4.
# ## Unplugged warm-up
# "Walk until I say stop": the class walks step by step.
# ## What to watch for
# A `while` loop whose condition never changes never stops.
# ## Helping a child who is stuck
# Ask: what changes at each turn?
# ## Going further
# Count the steps taken before the cheese.

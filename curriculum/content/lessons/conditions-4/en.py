# %% [markdown]
# # And, or, not
#
# Sometimes one question is not enough. We can combine questions:
#
# - `a and b`: true if **both** are true;
# - `a or b`: true if **at least one** of them is true;
# - `not a`: true if `a` is **false**.
#
# ```python
# if cheese_here() and sign() < 5:
#     eat()
# ```

# %% include="couloir"

# %% [markdown]
# ## Exercise 1: nice fresh cheese
#
# The sign says how many days the cheese has been there. Coralie eats **only if**
# there is cheese here **and** the sign shows less than 5 days. Otherwise, she says `"No thanks"`.

# %% [markdown] hints="conditions-4-a"
# 1. Two questions joined by `and`: `cheese_here()` and `sign() < 5`.
# 2. If both are true: `eat()`. Otherwise: `say("No thanks")`.
# 3. `if cheese_here() and sign() < 5:` / `    eat()` / `else:` / `    say("No thanks")`.

# %% solution="conditions-4-a"
### BEGIN SOLUTION
def coralie():
    if cheese_here() and sign() < 5:
        eat()
    else:
        say("No thanks")
### END SOLUTION
try_on(coralie, "C", sign=2)

# %% tests="conditions-4-a" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
try_on(coralie, "C", sign=2)
assert cheeses() == 1, "The cheese has been there for 2 days: it is fresh, Coralie must eat it."
try_on(coralie, "C", sign=7)
assert cheeses() == 0 and words() == ["No thanks"], f"The cheese has been there for 7 days: Coralie must say \"No thanks\"; she ate {cheeses()} and said {words()}."
try_on(coralie, ".", sign=2)
assert misses() == 0 and words() == ["No thanks"], "With no cheese, Coralie must say \"No thanks\" without biting into thin air."

# %% wrong="conditions-4-a"
def coralie():
    if cheese_here() and sign() < 5:
        eat()
    else:
        say("no thanks")

# %% right="conditions-4-a"
def coralie():
    if cheese_here() and sign() < 5:
        eat()
    else:
        say('No thanks')

# %% wrong="conditions-4-a"
def coralie():
    if cheese_here() or sign() < 5:
        eat()
    else:
        say("No thanks")
# ---
def coralie():
    if not (cheese_here() and sign() < 5):
        eat()
    else:
        say("No thanks")

# %% [markdown]
# ## Exercise 2: the puddle
#
# When the sign shows 1, there is a puddle in front of Coralie. She jumps **if** there is a wall ahead
# **or** the sign shows 1. Otherwise, she moves forward.

# %% [markdown] hints="conditions-4-b"
# 1. Two questions joined by `or`: `wall_ahead()` or `sign() == 1`.
# 2. If one of them is true: `jump()`. Otherwise: `forward()`.
# 3. `if wall_ahead() or sign() == 1:` / `    jump()` / `else:` / `    forward()`.

# %% solution="conditions-4-b"
### BEGIN SOLUTION
def coralie():
    if wall_ahead() or sign() == 1:
        jump()
    else:
        forward()
### END SOLUTION
try_on(coralie, ". . .", sign=1)

# %% tests="conditions-4-b" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, number, expected in ((". # .", 0, 2), (". . .", 1, 2), (". . .", 0, 1)):
    try_on(coralie, corridor, sign=number)
    assert position() == expected, f"In the corridor \"{corridor}\" with sign {number}, Coralie must end on square {expected}, but she is on square {position()}."

# %% wrong="conditions-4-b"
def coralie():
    if wall_ahead() or sign() == 2:
        jump()
    else:
        forward()
# ---
def coralie():
    if wall_ahead() or sign() != 1:
        jump()
    else:
        forward()

# %% right="conditions-4-b"
# My program
def coralie():
    if wall_ahead() or sign() == 1:
        jump()
    else:
        forward()

# %% wrong="conditions-4-b"
def coralie():
    if wall_ahead() and sign() == 1:
        jump()
    else:
        forward()

# %% [markdown]
# ## Exercise 3: up to the cheese
#
# Coralie runs the loop 5 times. Each time, **if there is no** cheese here, she moves forward.
# After the loop, she eats the cheese she stopped on.

# %% [markdown] hints="conditions-4-c"
# 1. "There is no cheese here" is written `not cheese_here()`.
# 2. Inside the loop, an `if` with no `else`. After the loop (not indented under the `for`), `eat()`.
# 3. `for i in range(5):` / `    if not cheese_here():` / `        forward()` / `eat()`, all inside `def coralie():`.

# %% solution="conditions-4-c"
### BEGIN SOLUTION
def coralie():
    for i in range(5):
        if not cheese_here():
            forward()
    eat()
### END SOLUTION
try_on(coralie, ". . C . . .")
print("Coralie stopped on square", position())

# %% tests="conditions-4-c" points=3
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for corridor, square in ((". . C . . .", 2), (". . . . . C", 5), ("C . . . . .", 0)):
    try_on(coralie, corridor)
    assert position() == square, f"In the corridor \"{corridor}\", Coralie must stop on the cheese (square {square}), but she is on square {position()}."
    assert cheeses() == 1, f"In the corridor \"{corridor}\", Coralie must eat the cheese at the end."

# %% wrong="conditions-4-c"
def coralie():
    if not cheese_here():
        forward()
    eat()

# %% right="conditions-4-c"
def coralie():
    for turn in range(5):
        if not cheese_here():
            forward()
    eat()
# ---
def coralie():
    for i in range(0, 5):
        if not cheese_here():
            forward()
    eat()

# %% wrong="conditions-4-c"
def coralie():
    for i in range(4):
        if not cheese_here():
            forward()
    eat()
# ---
def coralie():
    for i in range(5):
        if not (not cheese_here()):
            forward()
    eat()

# %% [markdown] sheet=true
# ## Objectives
# Combine conditions with `and`, `or`, `not`.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Conditions 3.
# ## Unplugged warm-up
# "Stand up if you wear glasses and a red jumper", then "or".
# ## What to watch for
# `and` needs both, `or` only one. `not` turns it round.
# ## Helping a child who is stuck
# Make a true/false table of the two conditions.
# ## Going further
# Write a condition in three parts.

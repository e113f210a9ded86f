# %% [markdown]
# # Comparing numbers
#
# In every corridor there is a **sign** with a number on it. `sign()` gives that number.
#
# To decide, Coralie can **compare** numbers:
#
# | In Python | Means |
# |---|---|
# | `a > b` | a is greater than b |
# | `a < b` | a is less than b |
# | `a == b` | a is equal to b (two `=` signs!) |
# | `a != b` | a is different from b |
#
# And for more than two cases, `elif` ("else, if") adds another question:
#
# ```python
# if sign() < 3:
#     say("small")
# elif sign() < 10:
#     say("medium")
# else:
#     say("big")
# ```

# %% include="couloir"

# %% [markdown]
# ## Exercise 1: far or near?
#
# The sign says how many squares are left to the cheese.
# If the number is greater than 5, Coralie says `"It's far!"`. Otherwise, she says `"It's very close!"`.

# %% [markdown] hints="conditions-3-a"
# 1. The question: `sign() > 5`.
# 2. An `if` and an `else`, each with a `say(…)`.
# 3. `if sign() > 5:` / `    say("It's far!")` / `else:` / `    say("It's very close!")`, inside `def coralie():`.

# %% solution="conditions-3-a"
### BEGIN SOLUTION
def coralie():
    if sign() > 5:
        say("It's far!")
    else:
        say("It's very close!")
### END SOLUTION
try_on(coralie, ".", sign=8)

# %% tests="conditions-3-a" points=1
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for number, expected in ((8, "It's far!"), (6, "It's far!"), (5, "It's very close!"), (2, "It's very close!")):
    try_on(coralie, ".", sign=number)
    assert words() == [expected], f"When the sign shows {number}, Coralie says {words()}, but we expected [\"{expected}\"]."

# %% wrong="conditions-3-a"
def coralie():
    if sign() >= 5:
        say("It's far!")
    else:
        say("It's very close!")
# ---
def coralie():
    if sign() > 5:
        say("it's far!")
    else:
        say("It's very close!")

# %% wrong="conditions-3-a"
def coralie():
    if sign() > 6:
        say("It's far!")
    else:
        say("It's very close!")

# %% right="conditions-3-a"
def coralie():
    if sign() > 5:
        say("It's far !")
    else:
        say("It’s very close!")

# %% [markdown]
# ## Exercise 2: the secret code
#
# The sign shows the code of the pantry door. If the code is **equal** to 42,
# Coralie says `"Open sesame!"`. Otherwise, she says `"Wrong code"`.

# %% [markdown] hints="conditions-3-b"
# 1. To test equality, write two equals signs: `==`.
# 2. The question: `sign() == 42`.
# 3. `if sign() == 42:` / `    say("Open sesame!")` / `else:` / `    say("Wrong code")`.

# %% solution="conditions-3-b"
### BEGIN SOLUTION
def coralie():
    if sign() == 42:
        say("Open sesame!")
    else:
        say("Wrong code")
### END SOLUTION
try_on(coralie, ".", sign=42)

# %% tests="conditions-3-b" points=2
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for number, expected in ((42, "Open sesame!"), (24, "Wrong code"), (0, "Wrong code")):
    try_on(coralie, ".", sign=number)
    assert words() == [expected], f"With the code {number}, Coralie says {words()}, but we expected [\"{expected}\"]."

# %% wrong="conditions-3-b"
def coralie():
    if sign() == 43:
        say("Open sesame!")
    else:
        say("Wrong code")
# ---
def coralie():
    if sign() != 42:
        say("Open sesame!")
    else:
        say("Wrong code")
# ---
def coralie():
    if sign() == 42:
        say("open sesame!")
    else:
        say("Wrong code")

# %% right="conditions-3-b"
def coralie():
    if sign() == 42:
        say('Open sesame!')
    else:
        say("Wrong code")

# %% [markdown]
# ## Exercise 3: the cheese detector
#
# The sign shows how far away the cheese is. Coralie says:
#
# - `"Very close"` if the distance is less than 3;
# - `"Not far"` if it is less than 10 (but not less than 3);
# - `"Very far"` in every other case.

# %% [markdown] hints="conditions-3-c"
# 1. Three cases: `if`, then `elif`, then `else`.
# 2. The order matters: ask the `< 3` question first, then `< 10`.
# 3. `if sign() < 3:` … `elif sign() < 10:` … `else:` …, each with its own `say(…)`.

# %% solution="conditions-3-c"
### BEGIN SOLUTION
def coralie():
    if sign() < 3:
        say("Very close")
    elif sign() < 10:
        say("Not far")
    else:
        say("Very far")
### END SOLUTION
try_on(coralie, ".", sign=7)

# %% tests="conditions-3-c" points=3
assert "coralie" in globals(), "First write the block def coralie(): with your program inside."
for number, expected in ((1, "Very close"), (3, "Not far"), (9, "Not far"), (10, "Very far"), (50, "Very far")):
    try_on(coralie, ".", sign=number)
    assert words() == [expected], f"At distance {number}, Coralie says {words()}, but we expected [\"{expected}\"]."

# %% wrong="conditions-3-c"
def coralie():
    if sign() < 4:
        say("Very close")
    elif sign() < 10:
        say("Not far")
    else:
        say("Very far")
# ---
def coralie():
    if sign() < 3:
        say("Very close")
    elif sign() < 11:
        say("Not far")
    else:
        say("Very far")
# ---
def coralie():
    if sign() <= 3:
        say("Very close")
    elif sign() < 10:
        say("Not far")
    else:
        say("Very far")

# %% right="conditions-3-c"
def coralie():
    if sign() < 3:
        say('Very close')
    elif sign() < 10:
        say("Not far")
    else:
        say("Very far")

# %% [markdown] sheet=true
# ## Objectives
# Compare numbers (`>`, `<`, `==`) to choose.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Conditions 2.
# ## Unplugged warm-up
# The number line on the floor: "step forward if your number is more than 5".
# ## What to watch for
# `=` stores, `==` compares. "More than 5" does not include 5.
# ## Helping a child who is stuck
# Try the edge: what does Coralie say for 5? for 6?
# ## Going further
# Add a third answer with `elif`.

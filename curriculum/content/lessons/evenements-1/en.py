# %% [markdown]
# # When the flag is clicked
#
# ![Léo](images/leo.svg)
#
# Meet **Leo the rabbit**, the hero of a video game. Leo does not move by himself: he **waits** for an **event**.
# An event is something that happens: the player clicks the green flag, presses a key…
#
# To tell Leo what to do, we write a **block of instructions** with a name, using `def`:
#
# ```python
# def on_flag():
#     say("Hi!")
#     jump()
# ```
#
# Then we hook it to an event:
#
# ```python
# when("flag", on_flag)
# ```
#
# Now, **every time** the flag is clicked, the game runs `on_flag`.
# Careful: inside `when(…)`, write the block's name **without brackets**.
#
# Leo can: `forward()`, `back()`, `jump()` and `say("…")`.
# To try your game: `play("flag")` pretends the player clicked the flag.

# %% include="jeu"

# %% [markdown]
# ## Exercise 1: hello!
#
# When the flag is clicked, Leo must say `"Hello!"`.

# %% [markdown] hints="evenements-1-a"
# 1. Write a block `def on_flag():` with, indented below it, what Leo says.
# 2. Inside the block: `say("Hello!")`. Then, outside the block, hook it to the flag.
# 3. `def on_flag():` / `    say("Hello!")` / `when("flag", on_flag)`.

# %% solution="evenements-1-a"
new_game()
### BEGIN SOLUTION
def on_flag():
    say("Hello!")


when("flag", on_flag)
### END SOLUTION
play("flag")

# %% tests="evenements-1-a" points=1
play("flag")
assert words() == ["Hello!"], f"When the flag is clicked, Leo says {words()}, but we expected [\"Hello!\"]. Did you write when(\"flag\", …)?"

# %% wrong="evenements-1-a"
def on_flag():
    say("Hello!")
# ---
def on_flag():
    say("hello!")


when("flag", on_flag)

# %% right="evenements-1-a"
def on_flag():
    say('Hello!')


when("flag", on_flag)

# %% right="evenements-1-a"
def on_flag():
    say("Hello !")


when("flag", on_flag)

# %% wrong="evenements-1-a"
def on_flag():
    say("Hello!")

# %% [markdown]
# ## Exercise 2: ready to race
#
# When the flag is clicked, Leo moves forward 3 squares (with a loop), then says `"I am ready!"`.

# %% [markdown] hints="evenements-1-b"
# 1. Inside your block you can put a `for` loop, as with Tao.
# 2. The loop and `say(…)` are both inside the block: indented under `def`.
# 3. `def on_flag():` / `    for i in range(3):` / `        forward()` / `    say("I am ready!")`, then `when("flag", on_flag)`.

# %% solution="evenements-1-b"
new_game()
### BEGIN SOLUTION
def on_flag():
    for i in range(3):
        forward()
    say("I am ready!")


when("flag", on_flag)
### END SOLUTION
play("flag")

# %% tests="evenements-1-b" points=1
play("flag")
assert position() == 3, f"After the flag, Leo is on square {position()}, but we expected square 3."
assert words() == ["I am ready!"], f"Leo says {words()}, but we expected [\"I am ready!\"]."

# %% wrong="evenements-1-b"
def on_flag():
    for i in range(3):
        forward()
    say("I am ready!")
# ---
def on_flag():
    for i in range(4):
        forward()
    say("I am ready!")


when("flag", on_flag)
# ---
def on_flag():
    forward()
    say("I am ready!")


when("flag", on_flag)

# %% right="evenements-1-b"
def on_flag():
    for turn in range(3):
        forward()
    say("I am ready!")


when("flag", on_flag)
# ---
def on_flag():
    for i in range(0, 3):
        forward()
    say("I am ready!")


when("flag", on_flag)

# %% [markdown]
# ## Exercise 3: two events
#
# - When the flag is clicked, Leo says `"Off we go!"`.
# - When the player clicks on Leo (the `"click"` event), Leo jumps.
#
# You need two blocks, and two `when(…)`.

# %% [markdown] hints="evenements-1-c"
# 1. One block for the flag, another block for the click: give them two different names.
# 2. For example `on_flag` and `on_click`. Each block has its own `when(…)`.
# 3. `def on_click():` / `    jump()` then `when("click", on_click)`; and the same for the flag with `say("Off we go!")`.

# %% solution="evenements-1-c"
new_game()
### BEGIN SOLUTION
def on_flag():
    say("Off we go!")


def on_click():
    jump()


when("flag", on_flag)
when("click", on_click)
### END SOLUTION
play("flag", "click", "click")

# %% tests="evenements-1-c" points=2
play("flag", "click", "click")
assert words() == ["Off we go!"], f"After the flag, Leo says {words()}, but we expected [\"Off we go!\"]."
assert jumps() == 2, f"The player clicked Leo 2 times, but Leo jumped {jumps()} times."

# %% wrong="evenements-1-c"
def on_flag():
    say("Off we go!")


def on_click():
    jump()


when("flag", on_flag)
# ---
def on_flag():
    say("off we go!")


def on_click():
    jump()


when("flag", on_flag)
when("click", on_click)

# %% right="evenements-1-c"
def on_flag():
    say('Off we go!')


def on_click():
    jump()


when("flag", on_flag)
when("click", on_click)

# %% wrong="evenements-1-c"
def on_click():
    jump()


when("flag", on_flag)
when("click", on_click)

# %% [markdown] sheet=true
# ## Objectives
# Trigger an action when an event happens (the flag, a click).
# ## Duration
# 45 minutes.
# ## Prerequisites
# The Loops unit.
# ## Unplugged warm-up
# Signal game: when I raise the red flag you say hello; when I clap you jump.
# ## What to watch for
# The function is written without brackets in `when("flag", on_flag)`. Nothing happens until the event comes.
# ## Helping a child who is stuck
# Read it out loud: "when the flag is clicked, Leo does…".
# ## Going further
# Add a third event of one's choice.

# %% [markdown]
# # The arrow keys
#
# In a game, the player steers the hero with the **keys** of the keyboard.
# Each key is an event: `"right"`, `"left"`, `"up"`, `"space"`.
#
# When the player presses a key, the game runs the block hooked to that key.
# `play("right", "right", "left")` pretends the player pressed these keys, in this order.

# %% include="jeu"

# %% [markdown]
# ## Exercise 1: the right arrow
#
# When the player presses the right arrow (`"right"`), Leo moves forward one square.

# %% [markdown] hints="evenements-2-a"
# 1. Just like the flag: a `def` block, then `when(…)` with the key `"right"`.
# 2. Inside the block, Leo moves forward **once**: it is the player who presses several times.
# 3. `def on_right():` / `    forward()` / `when("right", on_right)`.

# %% solution="evenements-2-a"
new_game()
### BEGIN SOLUTION
def on_right():
    forward()


when("right", on_right)
### END SOLUTION
play("right", "right", "right")
print("Leo is on square", position())

# %% tests="evenements-2-a" points=1
play("right", "right", "right")
assert position() == 3, f"The player pressed the right arrow 3 times, but Leo is on square {position()} instead of 3."

# %% wrong="evenements-2-a"
def on_right():
    forward()

# %% right="evenements-2-a"
def on_right():
    forward()


when('right', on_right)

# %% wrong="evenements-2-a"
def on_right():
    forward()

# %% wrong="evenements-2-a"
def on_right():
    forward()


when("left", on_right)

# %% [markdown]
# ## Exercise 2: there and back
#
# Now, two keys:
#
# - right arrow (`"right"`): Leo moves forward;
# - left arrow (`"left"`): Leo moves back.

# %% [markdown] hints="evenements-2-b"
# 1. You need two blocks, one per key, and two `when(…)`.
# 2. The left arrow's block calls `back()`.
# 3. `def on_right():` / `    forward()`, `def on_left():` / `    back()`, then `when("right", on_right)` and `when("left", on_left)`.

# %% solution="evenements-2-b"
new_game()
### BEGIN SOLUTION
def on_right():
    forward()


def on_left():
    back()


when("right", on_right)
when("left", on_left)
### END SOLUTION
play("right", "right", "left")
print("Leo is on square", position())

# %% tests="evenements-2-b" points=2
play("right", "right", "right", "left")
assert position() == 2, f"With right, right, right, left, Leo should be on square 2, but he is on square {position()}."
play("left", "left")
assert position() == -2, f"With left, left, Leo should move back to square -2, but he is on square {position()}."

# %% wrong="evenements-2-b"
def on_right():
    forward()


def on_left():
    back()


when("right", on_right)

# %% right="evenements-2-b"
def on_right():
    forward()


def on_left():
    back()


when('right', on_right)
when("left", on_left)

# %% wrong="evenements-2-b"
def on_right():
    back()


def on_left():
    back()


when("right", on_right)
when("left", on_left)

# %% wrong="evenements-2-b"

# %% wrong="evenements-2-b"
def on_right():
    forward()


def on_left():
    forward()


when("right", on_right)
when("left", on_left)

# %% [markdown]
# ## Exercise 3: the super jump
#
# - Space key (`"space"`): Leo jumps once.
# - Up arrow (`"up"`): Leo does a **super jump**: he jumps 3 times in a row (with a loop).

# %% [markdown] hints="evenements-2-c"
# 1. Two blocks: one for `"space"`, one for `"up"`.
# 2. In the super jump block, put a loop that repeats `jump()` 3 times.
# 3. `def super_jump():` / `    for i in range(3):` / `        jump()` then `when("up", super_jump)`.

# %% solution="evenements-2-c"
new_game()
### BEGIN SOLUTION
def small_jump():
    jump()


def super_jump():
    for i in range(3):
        jump()


when("space", small_jump)
when("up", super_jump)
### END SOLUTION
play("space", "up")
print("Leo jumped", jumps(), "times")

# %% tests="evenements-2-c" points=3
play("space")
assert jumps() == 1, f"With the space key, Leo must jump once, but he jumped {jumps()} times."
play("up")
assert jumps() == 3, f"With the up arrow, Leo must jump 3 times, but he jumped {jumps()} times."
play("space", "up", "space")
assert jumps() == 5, f"With space, up, space, Leo must jump 1 + 3 + 1 = 5 times, but he jumped {jumps()} times."

# %% wrong="evenements-2-c"
def small_jump():
    jump()


def super_jump():
    for i in range(3):
        jump()


when("space", small_jump)
# ---
def small_jump():
    jump()


def super_jump():
    for i in range(4):
        jump()


when("space", small_jump)
when("up", super_jump)
# ---
def small_jump():
    jump()


def super_jump():
    jump()


when("space", small_jump)
when("up", super_jump)

# %% right="evenements-2-c"
def small_jump():
    jump()


def super_jump():
    for turn in range(3):
        jump()


when("space", small_jump)
when("up", super_jump)
# ---
def small_jump():
    jump()


def super_jump():
    for i in range(0, 3):
        jump()


when("space", small_jump)
when("up", super_jump)

# %% [markdown] sheet=true
# ## Objectives
# Make Leo react to the keys of the keyboard.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Events 1.
# ## Unplugged warm-up
# The remote control: one child guides a classmate with arrow cards.
# ## What to watch for
# Each key has its function. Mixing up the key's name and the function's name.
# ## Helping a child who is stuck
# List key → what Leo does, before writing.
# ## Going further
# Invent a secret key for a super jump.

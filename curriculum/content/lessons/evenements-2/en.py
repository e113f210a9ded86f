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

# %% [markdown]
# ## Exercise 4: invent your game
#
# Invent Leo's game! Choose at least two events: the flag, a click, the arrows, the space key…
# For each event, Leo does something: he moves, he jumps, he talks…
#
# Let your neighbour try your game.

# %% [markdown] hints="evenements-2-d"
# 1. An event is a function and a `when("…", your_function)`.
# 2. Write a function for the flag first. Then another one for another event.
# 3. Check that each function makes Leo move or talk.

# %% solution="evenements-2-d"
new_game()
### BEGIN SOLUTION
def on_flag():
    say("This is my game!")


def on_click():
    jump()


when("flag", on_flag)
when("click", on_click)
### END SOLUTION
play("flag", "click")

# %% tests="evenements-2-d" points=3
heard = events_heard()
assert len(heard) >= 2, f"Your game listens to {len(heard)} event: it needs at least 2. Add a when(…)."
for event in heard:
    play(event)
    assert position() != 0 or jumps() > 0 or words(), f"When \"{event}\" happens, Leo does nothing. Give him something to do."

# %% wrong="evenements-2-d"
def on_flag():
    say("This is my game!")


when("flag", on_flag)
# ---
def on_flag():
    say("This is my game!")


def on_click():
    pass


when("flag", on_flag)
when("click", on_click)
# ---
def on_flag():
    say("This is my game!")


def on_click():
    jump()
# ---
def on_flag():
    say("This is my game!")


when("flag", on_flag)
when("Flag", on_flag)

# %% right="evenements-2-d"
def on_right():
    forward()


def on_left():
    back()


def on_up():
    jump()
    say("Hop!")


when("right", on_right)
when("left", on_left)
when("up", on_up)
# ---
def on_click():
    jump()


def on_space():
    for i in range(2):
        forward()


when("click", on_click)
when("space", on_space)

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

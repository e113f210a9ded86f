# %% [markdown]
# # Messages
#
# A block can also **send a message** to the whole game: `send("party")`.
# Every block hooked to that message with `when("party", …)` then starts.
#
# This is how the characters of a game talk to each other: one sends a message, another listens and reacts.
#
# ```python
# def on_flag():
#     send("party")
#
# def party_time():
#     jump()
#
# when("flag", on_flag)
# when("party", party_time)
# ```

# %% include="jeu"

# %% [markdown]
# ## Exercise 1: the alarm clock
#
# - When the flag is clicked, the game sends the message `"wake up"`.
# - When Leo gets the message `"wake up"`, he says `"What a lovely day!"`.

# %% [markdown] hints="evenements-3-a"
# 1. Two blocks: one sends the message, the other listens to it.
# 2. The flag block holds `send("wake up")`. The wake-up block holds `say("What a lovely day!")`.
# 3. Do not forget both `when(…)`: `when("flag", on_flag)` and `when("wake up", on_wake_up)`.

# %% solution="evenements-3-a"
new_game()
### BEGIN SOLUTION
def on_flag():
    send("wake up")


def on_wake_up():
    say("What a lovely day!")


when("flag", on_flag)
when("wake up", on_wake_up)
### END SOLUTION
play("flag")

# %% tests="evenements-3-a" points=1
play("wake up")
assert words() == ["What a lovely day!"], f"When Leo gets the message \"wake up\", he says {words()}, but we expected [\"What a lovely day!\"]."
play("flag")
assert words() == ["What a lovely day!"], f"When the flag is clicked, Leo says {words()}: the flag must send the message \"wake up\"."

# %% wrong="evenements-3-a"
def on_flag():
    send("wake up")


def on_wake_up():
    say("What a lovely day!")


when("flag", on_flag)

# %% right="evenements-3-a"
def on_flag():
    send('wake up')


def on_wake_up():
    say("What a lovely day!")


when("flag", on_flag)
when("wake up", on_wake_up)
# ---
def on_flag():
    send("Wake up")


def on_wake_up():
    say("What a lovely day!")


when("flag", on_flag)
when("wake up", on_wake_up)

# %% right="evenements-3-a"
def on_flag():
    send("Wake up")


def on_wake_up():
    say("What a lovely day !")


when("flag", on_flag)
when("wake up", on_wake_up)

# %% wrong="evenements-3-a"
def on_flag():
    say("What a lovely day!")


when("flag", on_flag)
# ---
def on_flag():
    send("wake up")


def on_wake_up():
    say("What a lovely day!")


when("flag", on_flag)
when("get up", on_wake_up)

# %% [markdown]
# ## Exercise 2: the dance
#
# - When the player clicks on Leo (`"click"`), the game sends the message `"dance"`.
# - When Leo gets `"dance"`, he jumps 2 times then says `"Yippee!"`.

# %% [markdown] hints="evenements-3-b"
# 1. Same idea as exercise 1: one block sends, one block listens.
# 2. The dance block: `jump()`, `jump()`, `say("Yippee!")`.
# 3. `when("click", on_click)` with `send("dance")` inside it, and `when("dance", dance)`.

# %% solution="evenements-3-b"
new_game()
### BEGIN SOLUTION
def on_click():
    send("dance")


def dance():
    jump()
    jump()
    say("Yippee!")


when("click", on_click)
when("dance", dance)
### END SOLUTION
play("click")

# %% tests="evenements-3-b" points=2
play("click")
assert jumps() == 2, f"After a click, Leo must jump 2 times while dancing, but he jumped {jumps()} times."
assert words() == ["Yippee!"], f"After the dance, Leo says {words()}, but we expected [\"Yippee!\"]."

# %% wrong="evenements-3-b"
def on_click():
    send("dance")


def dance():
    jump()
    jump()
    say("Yippee!")


when("click", on_click)

# %% right="evenements-3-b"
def on_click():
    send("dance")


def dance():
    for time in range(2):
        jump()
    say("Yippee!")


when("click", on_click)
when("dance", dance)
# ---
def on_click():
    send('dance')


def dance():
    jump()
    jump()
    say("Yippee!")


when("click", on_click)
when("dance", dance)
# ---
def on_click():
    send("Dance")


def dance():
    jump()
    jump()
    say("Yippee!")


when("click", on_click)
when("dance", dance)

# %% wrong="evenements-3-b"
def on_click():
    jump()
    say("Yippee!")


when("click", on_click)
# ---
def on_click():
    send("dance")


def dance():
    jump()
    say("Yippee!")


when("click", on_click)
when("dance", dance)

# %% [markdown]
# ## Exercise 3: the relay race
#
# Three blocks that pass on the baton:
#
# 1. When the flag is clicked: send the message `"one"`.
# 2. When Leo gets `"one"`: he moves forward one square, then sends the message `"two"`.
# 3. When Leo gets `"two"`: he moves forward 2 squares, then says `"Made it!"`.

# %% [markdown] hints="evenements-3-c"
# 1. Write the three blocks, then the three `when(…)`.
# 2. The `"one"` block holds `forward()` then `send("two")`.
# 3. The `"two"` block holds `forward()`, `forward()`, `say("Made it!")`.

# %% solution="evenements-3-c"
new_game()
### BEGIN SOLUTION
def on_flag():
    send("one")


def step_one():
    forward()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)
when("two", step_two)
### END SOLUTION
play("flag")

# %% tests="evenements-3-c" points=3
play("two")
assert position() == 2 and words() == ["Made it!"], f"With the message \"two\", Leo must move forward 2 squares and say \"Made it!\"; he is on square {position()} and says {words()}."
play("flag")
assert position() == 3, f"After the flag, the relay must take Leo to square 3, but he is on square {position()}."
assert words() == ["Made it!"], f"At the end of the relay, Leo says {words()}, but we expected [\"Made it!\"]."

# %% wrong="evenements-3-c"
def on_flag():
    send("one")


def step_one():
    forward()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)

# %% right="evenements-3-c"
def on_flag():
    send('one')


def step_one():
    forward()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)
when("two", step_two)

# %% right="evenements-3-c"
def on_flag():
    send("One")


def step_one():
    forward()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)
when("two", step_two)

# %% wrong="evenements-3-c"
def step_one():
    forward()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)
when("two", step_two)
# ---
def on_flag():
    send("one")


def step_one():
    back()
    send("two")


def step_two():
    forward()
    forward()
    say("Made it!")


when("flag", on_flag)
when("one", step_one)
when("two", step_two)

# %% wrong="evenements-3-c"

# %% [markdown] sheet=true
# ## Objectives
# Make two parts of the program talk with messages.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Events 2.
# ## Unplugged warm-up
# Telephone: a child receives a word and passes it on to the next one, who acts.
# ## What to watch for
# The message's name must be the same in `send` and in `when` (capitals and accents do not count).
# ## Helping a child who is stuck
# Draw the arrows: who sends what, who listens to what.
# ## Going further
# Add a fourth leg to the relay.

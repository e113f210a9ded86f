# %% [markdown]
# # Music and lights
#
# Robi has a speaker and coloured LEDs. Two new orders:
#
# - `beep("C", 0.5)` plays the note C for half a second (notes: C, D, E, F, G, A, B);
# - `led("green")` lights the LEDs in green (red, green, blue, yellow, orange, purple, pink, off).
#
# `notes_played(program)` and `colours(program)` tell you what Robi played and lit.

# %% include="robot"

# %% [markdown]
# ## Exercise 1: C, D, E
#
# Robi plays the notes C, D, E, half a second each.

# %% [markdown] hints="robot-3-a"
# 1. Three `beep` orders, one per note, in order.
# 2. The note is a text between quotes, the duration a number: `beep("C", 0.5)`.
# 3. `beep("C", 0.5)`, `beep("D", 0.5)`, `beep("E", 0.5)`.

# %% solution="robot-3-a" blocks="musique,boucles" text_switch=true
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    beep("C", 0.5)
    beep("D", 0.5)
    beep("E", 0.5)
    ### END SOLUTION


print(notes_played(program))

# %% tests="robot-3-a" points=1
notes = notes_played(program)
assert notes == ["C", "D", "E"], f"Robi played {notes}, but we expected C, D, E, in that order."

# %% wrong="robot-3-a"
beep("C", 0.5)
beep("D", 0.5)
# ---
beep("D", 0.5)
beep("C", 0.5)
beep("E", 0.5)

# %% right="robot-3-a"
beep('C', 0.5)
beep("D", 0.5)
beep("E", 0.5)

# %% wrong="robot-3-a"
beep("D", 0.5)
beep("E", 0.5)

# %% [markdown]
# ## Exercise 2: Frère Jacques
#
# The start of "Frère Jacques" (Are you sleeping, Brother John?) is **C, D, E, C**, played **twice**. Use a loop!

# %% [markdown] hints="robot-3-b"
# 1. The pattern C, D, E, C repeats 2 times: `for i in range(2):`.
# 2. Inside the loop, 4 `beep` orders.
# 3. `for i in range(2):` / `    beep("C", 0.5)` / `    beep("D", 0.5)` / `    beep("E", 0.5)` / `    beep("C", 0.5)`.

# %% solution="robot-3-b" blocks="musique,boucles" max_blocks=5 text_switch=true
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(2):
        beep("C", 0.5)
        beep("D", 0.5)
        beep("E", 0.5)
        beep("C", 0.5)
    ### END SOLUTION


print(notes_played(program))

# %% tests="robot-3-b" points=2
notes = notes_played(program)
expected = ["C", "D", "E", "C"] * 2
assert notes == expected, f"Robi played {notes}, but Frère Jacques starts with {expected}."

# %% wrong="robot-3-b"
for i in range(3):
    beep("C", 0.5)
    beep("D", 0.5)
    beep("E", 0.5)
    beep("C", 0.5)
# ---
beep("C", 0.5)
beep("D", 0.5)
beep("E", 0.5)
beep("C", 0.5)
# ---
for i in range(2):
    beep("D", 0.5)
    beep("C", 0.5)
    beep("E", 0.5)
    beep("C", 0.5)

# %% right="robot-3-b"
for turn in range(2):
    beep("C", 0.5)
    beep("D", 0.5)
    beep("E", 0.5)
    beep("C", 0.5)
# ---
for i in range(0, 2):
    beep("C", 0.5)
    beep("D", 0.5)
    beep("E", 0.5)
    beep("C", 0.5)

# %% [markdown]
# ## Exercise 3: the show
#
# Four times in a row: Robi lights up red and plays a C, then lights up blue and plays a G (a quarter of a second each).

# %% [markdown] hints="robot-3-c"
# 1. The pattern: `led("red")`, `beep("C", 0.25)`, `led("blue")`, `beep("G", 0.25)`.
# 2. That pattern goes inside a loop that runs 4 times.
# 3. `for i in range(4):` then the 4 orders of the pattern, indented.

# %% solution="robot-3-c" blocks="musique,boucles" max_blocks=5 text_switch=true
def program():
    """Your orders for Robi."""
    ### BEGIN SOLUTION
    for i in range(4):
        led("red")
        beep("C", 0.25)
        led("blue")
        beep("G", 0.25)
    ### END SOLUTION


print(colours(program), notes_played(program))

# %% tests="robot-3-c" points=3
lights = colours(program)
notes = notes_played(program)
assert lights == ["red", "blue"] * 4, f"Robi's LEDs took the colours {lights}, but we expected red, blue, 4 times."
assert notes == ["C", "G"] * 4, f"Robi played {notes}, but we expected C, G, 4 times."

# %% wrong="robot-3-c"
for i in range(5):
    led("red")
    beep("C", 0.25)
    led("blue")
    beep("G", 0.25)
# ---
led("red")
beep("C", 0.25)
led("blue")
beep("G", 0.25)

# %% right="robot-3-c"
for turn in range(4):
    led("red")
    beep("C", 0.25)
    led("blue")
    beep("G", 0.25)
# ---
for i in range(0, 4):
    led("red")
    beep("C", 0.25)
    led("blue")
    beep("G", 0.25)

# %% wrong="robot-3-c"
for i in range(3):
    led("red")
    beep("C", 0.25)
    led("blue")
    beep("G", 0.25)

# %% [markdown] sheet=true
# ## Objectives
# Play notes and light lights, in order, with loops.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Robot 2.
# ## Unplugged warm-up
# Sing "Frère Jacques" tapping each note on the table.
# ## What to watch for
# The length is given in seconds. The notes' names go in quotes.
# ## Helping a child who is stuck
# Write the tune on the board, one note per line.
# ## Going further
# Invent a sound and light show.

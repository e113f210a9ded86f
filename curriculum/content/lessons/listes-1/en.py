# %% [markdown]
# # A tidy backpack
#
# ![Inès](images/ines.svg)
#
# Meet **Ines the explorer**. She sets off into the jungle with her backpack.
# In her backpack, things are kept **in order**. In Python, that is a **list**:
#
# ```python
# bag = ["rope", "torch", "flask"]
# ```
#
# - A list is written between square brackets `[ ]`, with commas between the items.
# - `bag[0]` is the **first** item (we count from 0!), `bag[1]` the second…
# - `bag[-1]` is the **last** item.
# - `len(bag)` gives the number of items in the list.

# %% [markdown]
# ## Exercise 1: packing the bag
#
# Create the list `bag` with, in this order: `"rope"`, `"torch"`, `"flask"`.

# %% [markdown] hints="listes-1-a"
# 1. Square brackets, and the three texts between quotes, separated by commas.
# 2. The order matters: the rope first.
# 3. `bag = ["rope", "torch", "flask"]`.

# %% solution="listes-1-a"
### BEGIN SOLUTION
bag = ["rope", "torch", "flask"]
### END SOLUTION
print(bag)

# %% tests="listes-1-a" points=1
assert "bag" in globals(), "There is no list called bag yet."
assert bag == ["rope", "torch", "flask"], f"The bag holds {bag}, but we expected [\"rope\", \"torch\", \"flask\"], in that order."

# %% wrong="listes-1-a"
bag = ["Rope", "torch", "flask"]

# %% right="listes-1-a"
bag = ['rope', "torch", "flask"]

# %% wrong="listes-1-a"
bag = ["rope", "torch"]
# ---
bag = "rope, torch, flask"

# %% [markdown]
# ## Exercise 2: the first and the last
#
# Ines's bag is already packed. Create:
#
# - `first`: the first item in the bag;
# - `last`: the last item in the bag.
#
# Use the square brackets, without copying the words.

# %% [markdown] hints="listes-1-b"
# 1. The first item is at place number 0.
# 2. The last item is at place -1.
# 3. `first = bag[0]` then `last = bag[-1]`.

# %% solution="listes-1-b"
bag = ["compass", "map", "hat", "binoculars"]
### BEGIN SOLUTION
first = bag[0]
last = bag[-1]
### END SOLUTION
print("First:", first, "- last:", last)

# %% tests="listes-1-b" points=1
assert "first" in globals() and "last" in globals(), "Create both variables: first and last."
assert first == "compass", f"first holds {first!r}, but the first item in the bag is \"compass\" (place 0)."
assert last == "binoculars", f"last holds {last!r}, but the last item in the bag is \"binoculars\" (place -1)."

# %% wrong="listes-1-b"
first = bag[1]
last = bag[-1]
# ---
first = bag[0]
last = bag[-2]

# %% right="listes-1-b"
first = bag[0]
last = bag[-1]
print("I am done!")

# %% wrong="listes-1-b"
first = "compass"
last = bag[0]

# %% [markdown]
# ## Exercise 3: how many things?
#
# Ines found lots of things! Create the variable `count`: the number of items in `finds`,
# calculated with `len`. Then create `third`: the third item of the list.

# %% [markdown] hints="listes-1-c"
# 1. `len(finds)` counts the items.
# 2. The third item is at place 2, because we count from 0.
# 3. `count = len(finds)` then `third = finds[2]`.

# %% solution="listes-1-c"
finds = ["feather", "pebble", "shell", "seed", "leaf", "stick"]
### BEGIN SOLUTION
count = len(finds)
third = finds[2]
### END SOLUTION
print(count, "finds; the third one is:", third)

# %% tests="listes-1-c" points=2
assert "count" in globals() and "third" in globals(), "Create both variables: count and third."
assert count == 6, f"count holds {count!r}, but there are 6 finds in the list."
assert third == "shell", f"third holds {third!r}; the third item is at place 2: \"shell\"."

# %% wrong="listes-1-c"
count = len(finds)
third = finds[3]

# %% right="listes-1-c"
count = len(finds)
third = finds[2]
print("I am done!")

# %% wrong="listes-1-c"
count = len(finds)
third = finds[1]

# %% wrong="listes-1-c"
count = 5
third = finds[2]

# %% [markdown] sheet=true
# ## Objectives
# Store several values in a list and read one by its position.
# ## Duration
# 45 minutes.
# ## Prerequisites
# The Variables unit.
# ## Unplugged warm-up
# A train of carriages numbered from 0: who is in carriage 2?
# ## What to watch for
# The first item is at position 0. `[-1]` gives the last one.
# ## Helping a child who is stuck
# Number the list's boxes in pencil, starting at 0.
# ## Going further
# Find the last but one thing.

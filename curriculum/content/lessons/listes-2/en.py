# %% [markdown]
# # Adding and removing
#
# A list can change during the adventure:
#
# - `bag.append("compass")` adds `"compass"` **at the end** of the bag;
# - `bag.remove("pebble")` takes the `"pebble"` out of the bag;
# - `"map" in bag` answers `True` if the map is in the bag, `False` otherwise.

# %% [markdown]
# ## Exercise 1: the compass
#
# Ines finds a compass. Add `"compass"` at the end of her bag.

# %% [markdown] hints="listes-2-a"
# 1. To add at the end, use `.append(…)` right after the name of the list.
# 2. The text goes between the brackets, with its quotes.
# 3. `bag.append("compass")`.

# %% solution="listes-2-a"
bag = ["rope", "torch"]
### BEGIN SOLUTION
bag.append("compass")
### END SOLUTION
print(bag)

# %% tests="listes-2-a" points=1
assert bag == ["rope", "torch", "compass"], f"The bag holds {bag}, but we expected [\"rope\", \"torch\", \"compass\"]: the compass goes at the end."

# %% wrong="listes-2-a"
bag.append("Compass")

# %% right="listes-2-a"
bag.append('compass')

# %% wrong="listes-2-a"
bag = ["compass"]
# ---
bag.append("compass")
bag.append("compass")

# %% [markdown]
# ## Exercise 2: too heavy!
#
# The bag is too heavy: there is a big rock in it. Take `"rock"` out of the bag.

# %% [markdown] hints="listes-2-b"
# 1. To take an item out, use `.remove(…)`.
# 2. Give the item itself, not its place.
# 3. `bag.remove("rock")`.

# %% solution="listes-2-b"
bag = ["rope", "rock", "torch", "flask"]
### BEGIN SOLUTION
bag.remove("rock")
### END SOLUTION
print(bag)

# %% tests="listes-2-b" points=2
assert "rock" not in bag, f"The rock is still in the bag: {bag}."
assert bag == ["rope", "torch", "flask"], f"The bag holds {bag}, but we expected [\"rope\", \"torch\", \"flask\"]."

# %% right="listes-2-b"
bag.remove('rock')

# %% wrong="listes-2-b"
bag.remove("torch")
# ---
bag = []
# ---
bag.remove(bag[0])

# %% [markdown]
# ## Exercise 3: forget nothing
#
# Before leaving, Ines checks her list of must-haves, `must_haves`.
# For each must-have, **if** it is not in the bag, add it to the bag.
# Careful: no doubles, something already in the bag must not be in it twice!

# %% [markdown] hints="listes-2-c"
# 1. A loop `for thing in must_haves:` goes over each thing, one by one.
# 2. Inside the loop: `if thing not in bag:` then add it.
# 3. `for thing in must_haves:` / `    if thing not in bag:` / `        bag.append(thing)`.

# %% solution="listes-2-c"
bag = ["torch", "hat"]
must_haves = ["map", "torch", "flask"]
### BEGIN SOLUTION
for thing in must_haves:
    if thing not in bag:
        bag.append(thing)
### END SOLUTION
print(bag)

# %% tests="listes-2-c" points=3
assert bag.count("torch") == 1, f"The torch is in the bag {bag.count('torch')} times: only add what is missing."
assert bag == ["torch", "hat", "map", "flask"], f"The bag holds {bag}, but we expected [\"torch\", \"hat\", \"map\", \"flask\"]."

# %% right="listes-2-c"
for turn in must_haves:
    if turn not in bag:
        bag.append(turn)

# %% wrong="listes-2-c"
for thing in must_haves:
    if not (thing not in bag):
        bag.append(thing)

# %% wrong="listes-2-c"
for thing in must_haves:
    bag.append(thing)
# ---
bag.append("map")

# %% [markdown] sheet=true
# ## Objectives
# Add (`append`) and remove (`remove`) items of a list.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Lists 1.
# ## Unplugged warm-up
# The backpack: add and take out real things; the class keeps the list on the board.
# ## What to watch for
# `append` adds at the end. Removing something that is not there is an error.
# ## Helping a child who is stuck
# Print the list after each line.
# ## Going further
# Add nothing twice, with `if … not in`.

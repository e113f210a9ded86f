# %% [markdown]
# # Going through the list
#
# A `for` loop can go over **each item** of a list, one by one:
#
# ```python
# for item in bag:
#     print(item)
# ```
#
# On each turn, the variable `item` holds the next item of the list.
# That is handy to count, add up, search…

# %% include="regles"

# %% [markdown]
# ## Exercise 1: the gold treasure
#
# Ines found some chests. The list `chests` gives the number of gold coins in each chest.
# Calculate `total`, the total number of coins, with a loop.

# %% [markdown] hints="listes-3-a"
# 1. Start with `total = 0`, then add each chest to the total inside a loop.
# 2. `for coins in chests:` then, inside the loop, `total = total + coins`.
# 3. `total = 0` / `for coins in chests:` / `    total = total + coins`.

# %% solution="listes-3-a"
chests = [3, 5, 2, 7]
### BEGIN SOLUTION
total = 0
for coins in chests:
    total = total + coins
### END SOLUTION
print("Total:", total, "gold coins")

# %% tests="listes-3-a" points=2
assert "total" in globals(), "Create the variable total, which starts at 0."
assert total == 17, f"total is {total!r}, but 3 + 5 + 2 + 7 = 17 gold coins."

# %% wrong="listes-3-a"
total = 0
# ---
total = 1
for coins in chests:
    total = total + coins

# %% right="listes-3-a"
total = 0
for turn in chests:
    total = total + turn
# ---
total = 0
for coins in chests:
    total += coins

# %% wrong="listes-3-a"
total = 0
for coins in chests:
    total = total - coins

# %% [markdown]
# ## Exercise 2: jungle calls
#
# For each animal in the list `animals`, Ines shouts its name followed by `"!"`.
# Build the list `calls`: empty at first, then with one call added for each animal.

# %% [markdown] hints="listes-3-b"
# 1. An empty list is written `[]`. You add items to it with `.append(…)`.
# 2. An animal's call: `animal + "!"` glues the two texts together.
# 3. `calls = []` / `for animal in animals:` / `    calls.append(animal + "!")`.

# %% solution="listes-3-b"
animals = ["toucan", "jaguar", "monkey"]
### BEGIN SOLUTION
calls = []
for animal in animals:
    calls.append(animal + "!")
### END SOLUTION
print(calls)

# %% tests="listes-3-b" points=2
assert "calls" in globals(), "Create the list calls, empty at first: calls = []."
assert same_text(calls, ["toucan!", "jaguar!", "monkey!"]), f"The list calls holds {calls}, but we expected [\"toucan!\", \"jaguar!\", \"monkey!\"]."

# %% wrong="listes-3-b"
calls = []

# %% right="listes-3-b"
calls = []
for turn in animals:
    calls.append(turn + "!")
# ---
calls = []
for animal in animals:
    calls.append(animal + '!')

# %% right="listes-3-b"
calls = []
for animal in animals:
    calls.append(animal + " !")

# %% wrong="listes-3-b"
calls = []
for animal in animals:
    calls.append(animal)
# ---
calls = ["toucan!"]

# %% [markdown]
# ## Exercise 3: the heaviest stone
#
# The list `stones` gives the weight of each stone (in grams). Find `heaviest`, the greatest weight,
# **without** using `max`: go through the list and keep the greatest weight seen so far.

# %% [markdown] hints="listes-3-c"
# 1. Start with `heaviest = stones[0]`: it is the heaviest seen so far.
# 2. For each weight, if it is greater than `heaviest`, it becomes the new `heaviest`.
# 3. `for weight in stones:` / `    if weight > heaviest:` / `        heaviest = weight`.

# %% solution="listes-3-c"
stones = [120, 340, 85, 410, 260]
### BEGIN SOLUTION
heaviest = stones[0]
for weight in stones:
    if weight > heaviest:
        heaviest = weight
### END SOLUTION
print("The heaviest weighs", heaviest, "g")

# %% tests="listes-3-c" points=3
assert "heaviest" in globals(), "Create the variable heaviest."
assert heaviest == 410, f"heaviest is {heaviest!r}, but the heaviest stone weighs 410 g."
rules(without=("max", "sorted", "sort"), using=("stones",))

# %% wrong="listes-3-c"
heaviest = stones[0]

# %% right="listes-3-c"
heaviest = stones[0]
for turn in stones:
    if turn > heaviest:
        heaviest = turn

# %% wrong="listes-3-c"
heaviest = max(stones)
# ---
heaviest = sorted(stones)[-1]
# ---
heaviest = 410

# %% right="listes-3-c"
heaviest = 0
for p in stones:
    if p > heaviest:
        heaviest = p

# %% [markdown] sheet=true
# ## Objectives
# Go through a list with `for` to add up, change or search.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Lists 2.
# ## Unplugged warm-up
# Count the coins of a pile one by one, keeping the total in one's head.
# ## What to watch for
# The total starts at 0 before the loop. Using `max` or typing the answer instead of going through.
# ## Helping a child who is stuck
# Go through by hand on a slate: at each item, write the total.
# ## Going further
# Find the lightest stone.

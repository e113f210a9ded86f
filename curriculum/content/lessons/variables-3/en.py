# %% [markdown]
# # Momo's sums
#
# With variables, Momo can do all his sums:
#
# | In Python | Calculation |
# |---|---|
# | `a + b` | addition |
# | `a - b` | subtraction |
# | `a * b` | multiplication |
# | `a // b` | whole division (how many times b fits into a) |
# | `a % b` | the remainder of the division |
#
# The big advantage: if a price changes, we change a single box, and every calculation follows.

# %% include="regles"

# %% [markdown]
# ## Exercise 1: three melons
#
# A melon costs 4 € (`melon_price`). A customer buys 3 of them (`melons`).
# Create the variable `total` with the price to pay, calculated from the two boxes.

# %% [markdown] hints="variables-3-a"
# 1. The total price is the price of one melon **times** the number of melons.
# 2. In Python, "times" is written `*`.
# 3. `total = melon_price * melons`.

# %% solution="variables-3-a"
melon_price = 4
melons = 3
### BEGIN SOLUTION
total = melon_price * melons
### END SOLUTION
print("To pay:", total, "€")

# %% tests="variables-3-a" points=1
assert "total" in globals(), "There is no box called total yet."
assert total == 12, f"The box total holds {total!r}, but 3 melons at 4 € cost 12 €."
rules(computed=("total",))

# %% right="variables-3-a"
total = melon_price * melons
print("I am done!")

# %% wrong="variables-3-a"
total = 12
# ---
total = melon_price + melons
# ---
total = melon_price * 4

# %% [markdown]
# ## Exercise 2: giving change
#
# The customer must pay `total` (12 €) and hands over a 20 € note (`note`).
# Create the variable `change`: the money Momo gives back.

# %% [markdown] hints="variables-3-b"
# 1. Momo gives back the difference between the note and the price.
# 2. It is a subtraction: the note **minus** the total.
# 3. `change = note - total`.

# %% solution="variables-3-b"
total = 12
note = 20
### BEGIN SOLUTION
change = note - total
### END SOLUTION
print("Momo gives back", change, "€")

# %% tests="variables-3-b" points=2
assert "change" in globals(), "There is no box called change yet."
assert change == 8, f"The box change holds {change!r}, but for a 20 € note and 12 € to pay, Momo gives back 8 €."
rules(computed=("change",))

# %% right="variables-3-b"
change = note - total
print("I am done!")

# %% wrong="variables-3-b"
change = 8
# ---
change = total - note
# ---
change = note + total

# %% [markdown]
# ## Exercise 3: sharing the cherries
#
# Momo shares 17 cherries (`cherries`) between 5 children (`children`), so that each gets the same amount.
# Create:
#
# - `each`: how many cherries each child gets;
# - `left_over`: how many cherries are left for Momo.

# %% [markdown] hints="variables-3-c"
# 1. Whole division `//` gives how many cherries each child gets; the remainder `%` gives what is left.
# 2. `cherries // children` and `cherries % children`.
# 3. `each = cherries // children` then `left_over = cherries % children`.

# %% solution="variables-3-c"
cherries = 17
children = 5
### BEGIN SOLUTION
each = cherries // children
left_over = cherries % children
### END SOLUTION
print("Each child gets", each, "cherries, and", left_over, "are left")

# %% tests="variables-3-c" points=3
assert "each" in globals() and "left_over" in globals(), "Create both boxes: each and left_over."
assert each == 3, f"Each child gets {each!r} cherries by your sum, but 17 cherries for 5 children makes 3 each."
assert left_over == 2, f"{left_over!r} cherries are left by your sum, but 17 - 5 × 3 = 2."
rules(computed=("each", "left_over"))

# %% right="variables-3-c"
each = cherries // children
left_over = cherries % children
print("I am done!")

# %% wrong="variables-3-c"
each = 3
left_over = 2
# ---
each = cherries / children
left_over = cherries % children
# ---
each = cherries // children
left_over = cherries - children

# %% [markdown] sheet=true
# ## Objectives
# Calculate with variables (`+`, `-`, `*`, `//`, `%`).
# ## Duration
# 50 minutes.
# ## Prerequisites
# Variables 2.
# ## Unplugged warm-up
# Share 17 sweets between 5 children, for real: how many each, how many left?
# ## What to watch for
# `/` gives a decimal number, `//` the whole number. Working it out in one's head and typing the result.
# ## Helping a child who is stuck
# Do the sum by hand first, then find each operation.
# ## Going further
# Change the prices: the program follows by itself.

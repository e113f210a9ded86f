# %% [markdown]
# # Changing the value
#
# What a box holds can **change**. When Momo sells fruit, the money in his till goes up:
#
# ```python
# till = 10
# till = till + 3
# ```
#
# Read the second line from right to left: "take what is in `till`, add 3, and put the result into `till`".
# Now `till` holds 13. The old value is replaced.

# %% include="regles"

# %% [markdown]
# ## Exercise 1: the first sale
#
# Momo's till holds 10 €. A customer buys a pineapple for 3 €.
# Add 3 to the till, **using the till itself** (not by writing 13!).

# %% [markdown] hints="variables-2-a"
# 1. The new till is the old till plus 3.
# 2. On the right of the `=`, write `till + 3`.
# 3. `till = till + 3`.

# %% solution="variables-2-a"
till = 10
### BEGIN SOLUTION
till = till + 3
### END SOLUTION
print("In the till:", till, "€")

# %% tests="variables-2-a" points=1
assert till == 13, f"The till holds {till} €, but after a 3 € sale it should hold 10 + 3 = 13 €."
rules(no_number=(13,), computed=("till",))

# %% wrong="variables-2-a"
till = 13
# ---
till = 10 + 3
# ---
till = till + 2

# %% right="variables-2-a"
till += 3
# ---
till = 3 + till

# %% wrong="variables-2-a"
till = till + 4

# %% [markdown]
# ## Exercise 2: melon day
#
# The till holds 20 €. Momo sells 5 melons at 3 € each.
# With a loop that runs 5 times, add 3 € to the till for each melon sold.

# %% [markdown] hints="variables-2-b"
# 1. A `for` loop that runs 5 times: once per melon.
# 2. Inside the loop, the same line as in exercise 1.
# 3. `for melon in range(5):` then, indented, `till = till + 3`.

# %% solution="variables-2-b"
till = 20
### BEGIN SOLUTION
for melon in range(5):
    till = till + 3
### END SOLUTION
print("In the till:", till, "€")

# %% tests="variables-2-b" points=2
assert till == 35, f"The till holds {till} €, but with 5 melons at 3 € it should hold 20 + 15 = 35 €."

# %% wrong="variables-2-b"
for melon in range(6):
    till = till + 3
# ---
for melon in range(5):
    till = till + 4
# ---
till = till + 3

# %% right="variables-2-b"
for turn in range(5):
    till = till + 3
# ---
for melon in range(5):
    till += 3

# %% [markdown]
# ## Exercise 3: the week's piggy bank
#
# Momo's piggy bank is empty. Every day of the week (days 1 to 7), he puts 2 € in it,
# **except** on Sunday (day 7), when he puts in 5 €.
# Use a loop with a counter `day`, and an `if … else`.

# %% [markdown] hints="variables-2-c"
# 1. The counter goes from 1 to 7: `for day in range(1, 8):`.
# 2. Inside the loop: if `day == 7`, add 5; otherwise, add 2.
# 3. `if day == 7:` / `    piggy_bank = piggy_bank + 5` / `else:` / `    piggy_bank = piggy_bank + 2`.

# %% solution="variables-2-c"
piggy_bank = 0
### BEGIN SOLUTION
for day in range(1, 8):
    if day == 7:
        piggy_bank = piggy_bank + 5
    else:
        piggy_bank = piggy_bank + 2
### END SOLUTION
print("In the piggy bank:", piggy_bank, "€")

# %% tests="variables-2-c" points=3
assert piggy_bank == 17, f"The piggy bank holds {piggy_bank} €, but 6 days at 2 € and a Sunday at 5 € make 17 €."

# %% wrong="variables-2-c"
for day in range(2, 8):
    if day == 7:
        piggy_bank = piggy_bank + 5
    else:
        piggy_bank = piggy_bank + 2
# ---
for day in range(1, 9):
    if day == 7:
        piggy_bank = piggy_bank + 5
    else:
        piggy_bank = piggy_bank + 2
# ---
for day in range(1, 8):
    if day != 7:
        piggy_bank = piggy_bank + 5
    else:
        piggy_bank = piggy_bank + 2

# %% right="variables-2-c"
for turn in range(1, 8):
    if turn == 7:
        piggy_bank = piggy_bank + 5
    else:
        piggy_bank = piggy_bank + 2
# ---
for day in range(1, 8):
    if day == 7:
        piggy_bank += 5
    else:
        piggy_bank = piggy_bank + 2

# %% [markdown] sheet=true
# ## Objectives
# Change a variable's value from its old value.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Variables 1.
# ## Unplugged warm-up
# The piggy bank: add a coin, the total changes.
# ## What to watch for
# `till = till + 3` reads from right to left. Typing 13 instead of working it out.
# ## Helping a child who is stuck
# Follow the till on a slate, line by line.
# ## Going further
# Sell fruit at different prices in a loop.

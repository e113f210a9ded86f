# %% [markdown]
# # A box with a name
#
# ![Momo](images/momo.svg)
#
# Meet **Momo**, who runs a fruit stall at the market. So as not to forget anything, Momo keeps his information
# in **boxes with a label**. In programming, these boxes are called **variables**.
#
# ```python
# apples = 12
# ```
#
# This line creates a box called `apples` and puts the number 12 in it.
# The `=` sign means "put into the box" (it is not the "equals" of maths).
#
# A box can also hold text, between quotes: `city = "Lyon"`.
# To look inside a box, write its name: `print(apples)`.

# %% include="regles"

# %% [markdown]
# ## Exercise 1: Momo's apples
#
# This morning, Momo has 12 apples. Create the variable `apples` that holds 12.

# %% [markdown] hints="variables-1-a"
# 1. The name of the box on the left, the `=` sign, the value on the right.
# 2. The name must be exactly `apples`, with no capital letter.
# 3. `apples = 12`.

# %% solution="variables-1-a"
### BEGIN SOLUTION
apples = 12
### END SOLUTION
print("Momo has", apples, "apples")

# %% tests="variables-1-a" points=1
assert "apples" in globals(), "There is no box called apples yet: write apples = …"
assert apples == 12, f"The box apples holds {apples!r}, but Momo has 12 apples."

# %% wrong="variables-1-a"
apples = 13

# %% right="variables-1-a"
apples = 12
print("I am done!")

# %% wrong="variables-1-a"
apples = 11

# %% wrong="variables-1-a"
apples = "12"

# %% [markdown]
# ## Exercise 2: the stall's label
#
# Create two variables:
#
# - `name`, which holds the text `"Momo"`;
# - `favourite_fruit`, which holds the text `"mango"`.
#
# Do not forget the quotes around the text!

# %% [markdown] hints="variables-1-b"
# 1. Text is written between quotes: `"Momo"`.
# 2. Two lines, one per variable.
# 3. `name = "Momo"` then `favourite_fruit = "mango"`.

# %% solution="variables-1-b"
### BEGIN SOLUTION
name = "Momo"
favourite_fruit = "mango"
### END SOLUTION
print(name, "loves", favourite_fruit)

# %% tests="variables-1-b" points=1
assert "name" in globals() and "favourite_fruit" in globals(), "Create both boxes: name and favourite_fruit."
assert name == "Momo", f"The box name holds {name!r}, but we expected \"Momo\" (with a capital letter)."
assert favourite_fruit == "mango", f"The box favourite_fruit holds {favourite_fruit!r}, but we expected \"mango\"."

# %% wrong="variables-1-b"
name = "momo"
favourite_fruit = "mango"

# %% right="variables-1-b"
name = 'Momo'
favourite_fruit = "mango"

# %% wrong="variables-1-b"
name = "Momo"
# ---
name = "Momo"
favourite_fruit = "banana"

# %% [markdown]
# ## Exercise 3: all the fruit
#
# Momo has 12 apples and 7 pears: they are already in the boxes `apples` and `pears`.
# Create the variable `fruit` that holds the total number of fruit, **calculated from the two boxes**.

# %% [markdown] hints="variables-1-c"
# 1. You can use what a box holds in a calculation, by writing its name.
# 2. The total is the apples **plus** the pears.
# 3. `fruit = apples + pears`.

# %% solution="variables-1-c"
apples = 12
pears = 7
### BEGIN SOLUTION
fruit = apples + pears
### END SOLUTION
print("Momo has", fruit, "pieces of fruit")

# %% tests="variables-1-c" points=2
assert "fruit" in globals(), "There is no box called fruit yet."
assert fruit == 19, f"The box fruit holds {fruit!r}, but 12 apples + 7 pears makes 19 pieces of fruit."
rules(computed=("fruit",), no_number=(19,))

# %% wrong="variables-1-c"
fruit = 19
# ---
fruit = 12 + 7

# %% right="variables-1-c"
fruit = pears + apples

# %% wrong="variables-1-c"
fruit = apples - pears

# %% [markdown] sheet=true
# ## Objectives
# Store a value in a named box (a variable) and use it again.
# ## Duration
# 45 minutes.
# ## Prerequisites
# The Conditions unit.
# ## Unplugged warm-up
# Shoe boxes labelled "apples", "pears" where number cards are stored.
# ## What to watch for
# `=` stores; it does not say "equals". A text goes in quotes, a number does not.
# ## Helping a child who is stuck
# Ask: what is in the box? Have the child write `print(apples)`.
# ## Going further
# Add a box for bananas and work out the total again.

# %% [markdown]
# # Numbers and text
#
# Momo's boxes hold two kinds of values: **numbers** (`12`) and **text** (`"mango"`).
# We say they do not have the same **type**. And that changes everything:
#
# | In Python | Result |
# |---|---|
# | `3 + 4` | `7` (numbers are added) |
# | `"3" + "4"` | `"34"` (texts are glued together) |
# | `"Momo has " + 12` | an error: you cannot glue a text and a number! |
#
# To go from one type to the other:
#
# - `str(12)` turns the number 12 into the text `"12"`;
# - `int("12")` turns the text `"12"` into the number 12.

# %% include="regles"

# %% [markdown]
# ## Exercise 1: the stall's blackboard
#
# Momo wants to write on his blackboard: `"Momo has 12 apples"`.
# Create the variable `message` by gluing `"Momo has "`, the number in the box `apples` turned into text, and `" apples"`.

# %% [markdown] hints="variables-4-a"
# 1. The number must become text before it is glued: `str(apples)`.
# 2. Glue the three pieces with `+`, without forgetting the spaces inside the texts.
# 3. `message = "Momo has " + str(apples) + " apples"`.

# %% solution="variables-4-a"
apples = 12
### BEGIN SOLUTION
message = "Momo has " + str(apples) + " apples"
### END SOLUTION
print(message)

# %% tests="variables-4-a" points=1
assert "message" in globals(), "There is no box called message yet."
assert message == "Momo has 12 apples", f"Your blackboard says {message!r}, but we expected \"Momo has 12 apples\". Check the spaces!"
rules(using=("apples",))

# %% wrong="variables-4-a"
message = "momo has " + str(apples) + " apples"

# %% right="variables-4-a"
message = 'Momo has ' + str(apples) + " apples"

# %% wrong="variables-4-a"
message = "Momo has 12 apples"

# %% wrong="variables-4-a"
message = "Momo has" + str(apples) + "apples"

# %% [markdown]
# ## Exercise 2: the handwritten price
#
# A customer wrote the price of a pineapple on a piece of paper: it is text, `"5"` (in the box `written_price`).
# Momo adds 2 € for the bag. Create `total`, the **number** to pay.

# %% [markdown] hints="variables-4-b"
# 1. `written_price + 2` gives an error: you cannot add a text and a number.
# 2. First turn the text into a number with `int(…)`.
# 3. `total = int(written_price) + 2`.

# %% solution="variables-4-b"
written_price = "5"
### BEGIN SOLUTION
total = int(written_price) + 2
### END SOLUTION
print("To pay:", total, "€")

# %% tests="variables-4-b" points=2
assert "total" in globals(), "There is no box called total yet."
assert total == 7, f"The box total holds {total!r}, but we expected the number 7 (5 + 2). Did you turn the text into a number with int?"
rules(using=("written_price",))

# %% wrong="variables-4-b"
total = int(written_price) + 3

# %% wrong="variables-4-b"
total = 7
# ---
total = written_price + "2"

# %% right="variables-4-b"
total = int(written_price) + 2
print("I am done!")

# %% [markdown]
# ## Exercise 3: the price tag
#
# Momo makes the tag for a fruit. He has the name of the fruit (`fruit`), the price of one fruit (`price`)
# and the number of fruit (`count`). Create `tag`, which must read for example: `"3 mangos: 6 €"`.
# The total price is calculated: `price * count`.

# %% [markdown] hints="variables-4-c"
# 1. Two numbers to turn into text: `count` and the total price `price * count`.
# 2. The pieces: `str(count)`, `" "`, `fruit`, `"s: "`, `str(price * count)`, `" €"`.
# 3. `tag = str(count) + " " + fruit + "s: " + str(price * count) + " €"`.

# %% solution="variables-4-c"
fruit = "mango"
price = 2
count = 3
### BEGIN SOLUTION
tag = str(count) + " " + fruit + "s: " + str(price * count) + " €"
### END SOLUTION
print(tag)

# %% tests="variables-4-c" points=3
assert "tag" in globals(), "There is no box called tag yet."
assert same_text(tag, "3 mangos: 6 €"), f"Your tag says {tag!r}, but we expected \"3 mangos: 6 €\"."
rules(using=("fruit", "price", "count"))

# %% wrong="variables-4-c"
tag = str(count) + " " + fruit + "S: " + str(price * count) + " €"

# %% right="variables-4-c"
tag = str(count) + ' ' + fruit + "s: " + str(price * count) + " €"

# %% wrong="variables-4-c"
tag = "3 mangos: 6 €"
# ---
tag = str(count) + " " + fruit + "s: 6 €"

# %% right="variables-4-c"
tag = str(count) + " " + fruit + "s : " + str(price * count) + " €"

# %% [markdown] sheet=true
# ## Objectives
# Tell numbers from texts and turn one into the other (`str`, `int`).
# ## Duration
# 50 minutes.
# ## Prerequisites
# Variables 3.
# ## Unplugged warm-up
# Stick word labels and number labels together to make a sentence.
# ## What to watch for
# `"5" + 2` is an error. The spaces in texts stuck together.
# ## Helping a child who is stuck
# Print each piece with `print` before sticking them.
# ## Going further
# Make a tag for several fruits.

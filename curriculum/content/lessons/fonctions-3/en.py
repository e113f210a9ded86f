# %% [markdown]
# # Machines working together
#
# Great inventions are made of small machines. To solve a big problem,
# Zed **splits** it into small problems, and writes a function for each one.
#
# A function can use the result of another one:
#
# ```python
# def square(n):
#     return n * n
#
# def cube(n):
#     return square(n) * n
# ```
#
# A function can also return different results depending on an `if`.

# %% [markdown]
# ## Exercise 1: squares
#
# First write `square(n)`, which returns `n` times `n`.
# Then write `sum_of_squares(a, b)`, which returns the square of `a` plus the square of `b`, **using `square`**.

# %% [markdown] hints="fonctions-3-a"
# 1. Two functions: write `square` first, since `sum_of_squares` uses it.
# 2. `square(n)` returns `n * n`. `sum_of_squares(a, b)` returns `square(a) + square(b)`.
# 3. `def square(n):` / `    return n * n` then `def sum_of_squares(a, b):` / `    return square(a) + square(b)`.

# %% solution="fonctions-3-a"
### BEGIN SOLUTION
def square(n):
    return n * n


def sum_of_squares(a, b):
    return square(a) + square(b)
### END SOLUTION
print(sum_of_squares(3, 4))

# %% tests="fonctions-3-a" points=2
assert "square" in globals() and "sum_of_squares" in globals(), "Write both functions: square and sum_of_squares."
for n, expected in ((3, 9), (0, 0), (7, 49)):
    assert square(n) == expected, f"square({n}) returns {square(n)!r}, but {n} times {n} makes {expected}."
assert sum_of_squares(3, 4) == 25, f"sum_of_squares(3, 4) returns {sum_of_squares(3, 4)!r}, but 9 + 16 = 25."

# %% right="fonctions-3-a"
# My program
def square(n):
    return n * n


def sum_of_squares(a, b):
    return square(a) + square(b)

# %% wrong="fonctions-3-a"
def square(n):
    return n * n


def sum_of_squares(a, b):
    return square(a) - square(b)

# %% wrong="fonctions-3-a"
def square(n):
    return n * 2


def sum_of_squares(a, b):
    return square(a) + square(b)
# ---
def square(n):
    return n * n


def sum_of_squares(a, b):
    return a + b

# %% [markdown]
# ## Exercise 2: the bigger one
#
# Write the function `bigger(a, b)` that returns the bigger of the two numbers, with an `if`.
# If both are equal, it returns that number.

# %% [markdown] hints="fonctions-3-b"
# 1. If `a > b`, the bigger one is `a`. Otherwise, it is `b`.
# 2. A function can have one `return` in the `if` and another in the `else`.
# 3. `if a > b:` / `    return a` / `else:` / `    return b`.

# %% solution="fonctions-3-b"
### BEGIN SOLUTION
def bigger(a, b):
    if a > b:
        return a
    else:
        return b
### END SOLUTION
print(bigger(7, 12))

# %% tests="fonctions-3-b" points=2
assert "bigger" in globals(), "There is no function bigger yet."
for a, b, expected in ((7, 12, 12), (12, 7, 12), (5, 5, 5), (-3, -8, -3)):
    result = bigger(a, b)
    assert result == expected, f"bigger({a}, {b}) returns {result!r}, but the bigger one is {expected}."

# %% right="fonctions-3-b"
# My program
def bigger(a, b):
    if a > b:
        return a
    else:
        return b

# %% wrong="fonctions-3-b"
def bigger(a, b):
    if a > b:
        print(a)
    else:
        return b
# ---
def bigger(a, b):
    if not (a > b):
        return a
    else:
        return b

# %% wrong="fonctions-3-b"
def bigger(a, b):
    return a

# %% [markdown]
# ## Exercise 3: the average mark
#
# Zed's inventions get marks. Write the function `average(marks)` that takes a **list** of marks
# and returns their average: the sum of the marks divided by the number of marks.
# Work out the sum with a loop (without `sum`).

# %% [markdown] hints="fonctions-3-c"
# 1. As for Ines's treasure: `total = 0`, then a loop that adds each mark.
# 2. The number of marks is `len(marks)`. Division is written `/`.
# 3. `total = 0` / `for mark in marks:` / `    total = total + mark` / `return total / len(marks)`.

# %% solution="fonctions-3-c"
### BEGIN SOLUTION
def average(marks):
    total = 0
    for mark in marks:
        total = total + mark
    return total / len(marks)
### END SOLUTION
print(average([12, 15, 18]))

# %% tests="fonctions-3-c" points=3
assert "average" in globals(), "There is no function average yet."
for marks, expected in (([12, 15, 18], 15), ([10], 10), ([8, 9], 8.5)):
    result = average(marks)
    assert result == expected, f"average({marks}) returns {result!r}, but we expected {expected}."

# %% wrong="fonctions-3-c"
def average(marks):
    total = 1
    for mark in marks:
        total = total + mark
    return total / len(marks)

# %% right="fonctions-3-c"
def average(marks):
    total = 0
    for turn in marks:
        total = total + turn
    return total / len(marks)
# ---
def average(marks):
    total = 0
    for mark in marks:
        total += mark
    return total / len(marks)

# %% wrong="fonctions-3-c"
def average(marks):
    total = 0
    for mark in marks:
        total = total + mark
    print(total / len(marks))
# ---
def average(marks):
    total = 0
    for mark in marks:
        total = total - mark
    return total / len(marks)

# %% [markdown] sheet=true
# ## Objectives
# Make functions work together: one calls the other.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Functions 2.
# ## Unplugged warm-up
# The assembly line: one child doubles a number, the next adds 1.
# ## What to watch for
# One function's result feeds the next. `return` ends the function.
# ## Helping a child who is stuck
# Test each function alone before putting them together.
# ## Going further
# Work out the average of three marks, then four.

# %% [markdown]
# # My first machine
#
# ![Zed](images/zed.svg)
#
# Meet **Zed the inventor**. Zed builds **machines**: you start them, they do a job,
# and they **give back a result**. In Python, a machine is called a **function**.
#
# You already wrote `def` blocks for Leo and Coralie. A function can also **return** a result with `return`:
#
# ```python
# def hello():
#     return "Hello!"
#
# message = hello()   # message now holds "Hello!"
# ```
#
# `return` ends the function and hands the result to whoever started it.

# %% include="regles"

# %% [markdown]
# ## Exercise 1: the greeting machine
#
# Write the function `greet` that returns the text `"Hello, I am Zed!"`.

# %% [markdown] hints="fonctions-1-a"
# 1. `def greet():` then, indented, a line with `return`.
# 2. After `return`, the text between quotes, copied exactly.
# 3. `def greet():` / `    return "Hello, I am Zed!"`.

# %% solution="fonctions-1-a"
### BEGIN SOLUTION
def greet():
    return "Hello, I am Zed!"
### END SOLUTION
print(greet())

# %% tests="fonctions-1-a" points=1
assert "greet" in globals(), "There is no function greet yet: write def greet(): …"
result = greet()
assert same_text(result, "Hello, I am Zed!"), f"Your function returns {result!r}, but we expected \"Hello, I am Zed!\". Did you write return?"

# %% wrong="fonctions-1-a"
def greet():
    return "hello, I am Zed!"

# %% right="fonctions-1-a"
def greet():
    return 'Hello, I am Zed!'

# %% right="fonctions-1-a"
def greet():
    return "Hello, I am Zed !"

# %% wrong="fonctions-1-a"
def greet():
    print("Hello, I am Zed!")

# %% wrong="fonctions-1-a"
def greet():
    return "Hello"

# %% [markdown]
# ## Exercise 2: the double greeting machine
#
# A machine can use another machine! The function `greet` is ready.
# Write the function `double_greet` that returns two greetings glued together, with a space between them:
# `"Hello, I am Zed! Hello, I am Zed!"`.

# %% [markdown] hints="fonctions-1-b"
# 1. Inside `double_greet`, call `greet()` twice.
# 2. The `+` sign glues texts together: `greet() + " " + greet()`.
# 3. `def double_greet():` / `    return greet() + " " + greet()`.

# %% solution="fonctions-1-b"
def greet():
    return "Hello, I am Zed!"


### BEGIN SOLUTION
def double_greet():
    return greet() + " " + greet()
### END SOLUTION
print(double_greet())

# %% tests="fonctions-1-b" points=2
assert "double_greet" in globals(), "There is no function double_greet yet."
result = double_greet()
assert same_text(result, "Hello, I am Zed! Hello, I am Zed!"), f"Your function returns {result!r}, but we expected two greetings with a space between them."

# %% right="fonctions-1-b"
def double_greet():
    return greet() + ' ' + greet()

# %% wrong="fonctions-1-b"
def double_greet():
    print(greet() + " " + greet())

# %% wrong="fonctions-1-b"
def double_greet():
    return greet() + greet()
# ---
def double_greet():
    return greet()

# %% [markdown]
# ## Exercise 3: the star machine
#
# Write the function `stars` that builds, with a loop, a text of 5 stars `"*****"` and returns it.

# %% [markdown] hints="fonctions-1-c"
# 1. Start with an empty text `line = ""`, then add a star 5 times.
# 2. Inside the loop: `line = line + "*"`. After the loop: `return line`.
# 3. `def stars():` / `    line = ""` / `    for i in range(5):` / `        line = line + "*"` / `    return line`.

# %% solution="fonctions-1-c"
### BEGIN SOLUTION
def stars():
    line = ""
    for i in range(5):
        line = line + "*"
    return line
### END SOLUTION
print(stars())

# %% tests="fonctions-1-c" points=2
assert "stars" in globals(), "There is no function stars yet."
result = stars()
assert result == "*****", f"Your function returns {result!r}, but we expected 5 stars: \"*****\". Is the return after the loop?"

# %% wrong="fonctions-1-c"
def stars():
    line = ""
    for i in range(6):
        line = line + "*"
    return line
# ---
def stars():
    line = ""
    line = line + "*"
    return line

# %% right="fonctions-1-c"
def stars():
    line = ""
    for turn in range(5):
        line = line + "*"
    return line
# ---
def stars():
    line = ""
    for i in range(5):
        line += "*"
    return line

# %% wrong="fonctions-1-c"
def stars():
    line = ""
    for i in range(4):
        line = line + "*"
    return line

# %% [markdown] sheet=true
# ## Objectives
# Write a function that gives back a result with `return`.
# ## Duration
# 45 minutes.
# ## Prerequisites
# The Lists unit.
# ## Unplugged warm-up
# The juice machine: turn the handle, out comes a glass. The machine does not drink the juice: it gives it.
# ## What to watch for
# `print` shows, `return` gives back. Call the function with its brackets.
# ## Helping a child who is stuck
# Compare `print(greet())` and `greet()` alone.
# ## Going further
# A machine that greets twice, then three times.

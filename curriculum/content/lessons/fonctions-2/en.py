# %% [markdown]
# # Settings for the machine
#
# A machine becomes really useful when you can **set it up**. Its settings are called **parameters**:
# we write them between the brackets.
#
# ```python
# def triple(number):
#     return number * 3
#
# triple(4)    # returns 12
# triple(10)   # returns 30
# ```
#
# When we run `triple(4)`, the parameter `number` holds 4 while the machine works.

# %% [markdown]
# ## Exercise 1: twice as far
#
# Zed's robot moves forward `squares` squares, then another `squares` squares.
# Write the function `twice(squares)` that returns the total number of squares travelled.

# %% [markdown] hints="fonctions-2-a"
# 1. The robot moves the same number of squares twice.
# 2. The result is `squares * 2` (or `squares + squares`).
# 3. `def twice(squares):` / `    return squares * 2`.

# %% solution="fonctions-2-a"
### BEGIN SOLUTION
def twice(squares):
    return squares * 2
### END SOLUTION
print(twice(3))

# %% tests="fonctions-2-a" points=1
assert "twice" in globals(), "There is no function twice yet."
for squares, expected in ((3, 6), (5, 10), (0, 0)):
    result = twice(squares)
    assert result == expected, f"Your function returns {result!r}, but we expected {expected} for moving {squares} squares twice."

# %% wrong="fonctions-2-a"
def twice(squares):
    return squares * 3

# %% right="fonctions-2-a"
# My program
def twice(squares):
    return squares * 2

# %% wrong="fonctions-2-a"
def twice(squares):
    return squares * 1
# ---
def twice(squares):
    print(squares * 2)

# %% [markdown]
# ## Exercise 2: the machine that greets everyone
#
# Write the function `hello(name)` that returns `"Hello "` followed by the name, then `"!"`.
# For example, `hello("Ines")` returns `"Hello Ines!"`.

# %% [markdown] hints="fonctions-2-b"
# 1. The parameter `name` holds the name to greet.
# 2. Glue three pieces with `+`: `"Hello "`, `name` and `"!"`.
# 3. `def hello(name):` / `    return "Hello " + name + "!"`.

# %% solution="fonctions-2-b"
### BEGIN SOLUTION
def hello(name):
    return "Hello " + name + "!"
### END SOLUTION
print(hello("Ines"))

# %% tests="fonctions-2-b" points=2
assert "hello" in globals(), "There is no function hello yet."
for name in ("Ines", "Leo", "Momo"):
    result = hello(name)
    assert result == f"Hello {name}!", f"For {name!r}, your function returns {result!r}, but we expected \"Hello {name}!\"."

# %% wrong="fonctions-2-b"
def hello(name):
    return "hello " + name + "!"

# %% right="fonctions-2-b"
def hello(name):
    return 'Hello ' + name + "!"

# %% wrong="fonctions-2-b"
def hello(name):
    print("Hello " + name + "!")

# %% wrong="fonctions-2-b"
def hello(name):
    return "Hello Lea!"

# %% [markdown]
# ## Exercise 3: the border machine
#
# Write the function `border(pattern, times)` that returns the text `pattern` repeated `times` times, with a loop.
# For example, `border("<>", 3)` returns `"<><><>"`.

# %% [markdown] hints="fonctions-2-c"
# 1. Two parameters, separated by a comma: `def border(pattern, times):`.
# 2. As with the stars: an empty text, then a loop that runs `times` times and adds the pattern.
# 3. `result = ""` / `for i in range(times):` / `    result = result + pattern` / `return result`.

# %% solution="fonctions-2-c"
### BEGIN SOLUTION
def border(pattern, times):
    result = ""
    for i in range(times):
        result = result + pattern
    return result
### END SOLUTION
print(border("<>", 3))

# %% tests="fonctions-2-c" points=3
assert "border" in globals(), "There is no function border yet."
for pattern, times, expected in (("<>", 3, "<><><>"), ("*", 5, "*****"), ("ab", 0, "")):
    result = border(pattern, times)
    assert result == expected, f"border({pattern!r}, {times}) returns {result!r}, but we expected {expected!r}."

# %% wrong="fonctions-2-c"
def border(pattern, times):
    result = ""
    result = result + pattern
    return result

# %% right="fonctions-2-c"
def border(pattern, times):
    result = ""
    for turn in range(times):
        result = result + pattern
    return result
# ---
def border(pattern, times):
    result = ""
    for i in range(times):
        result += pattern
    return result

# %% wrong="fonctions-2-c"
def border(pattern, times):
    result = ""
    for i in range(times):
        result = result + pattern
    print(result)

# %% wrong="fonctions-2-c"
def border(pattern, times):
    return pattern

# %% [markdown]
# ## Exercise 4: invent your machine
#
# Invent a sentence machine: `my_machine(word)`. It gets a word and **gives back** a sentence with this word in it.
# For example, a compliment machine: `my_machine("Zoe")` gives back `"Zoe, you draw very well!"`.
# You choose the sentence! Then try your machine with your neighbour's first name.

# %% [markdown] hints="fonctions-2-d"
# 1. Start with `def my_machine(word):`.
# 2. Stick the word and your sentence together with `+`. Do not forget the spaces.
# 3. The last line of the function starts with `return`.

# %% solution="fonctions-2-d"
### BEGIN SOLUTION
def my_machine(word):
    return "Well done " + word + ", you did it!"
### END SOLUTION
print(my_machine("Zoe"))

# %% tests="fonctions-2-d" points=3
assert "my_machine" in globals() and callable(my_machine), "First write your function: def my_machine(word):"
for word in ("Zoe", "Malik"):
    sentence = my_machine(word)
    assert isinstance(sentence, str), f"my_machine({word!r}) gives back {sentence!r}: it must give back a sentence (with return)."
    assert word in sentence, f"my_machine({word!r}) gives back {sentence!r}: the word {word!r} must be in the sentence."
    assert len(sentence) > len(word), f"my_machine({word!r}) gives back only the word: add your sentence around it."

# %% wrong="fonctions-2-d"
def my_machine(word):
    print("Well done " + word + "!")
# ---
def my_machine(word):
    return "Well done Zoe!"
# ---
def my_machine(word):
    return word
# ---
def my_machine(word):
    return "Well done!"

# %% right="fonctions-2-d"
def my_machine(word):
    return word + ", you draw very well!"
# ---
def my_machine(word):
    sentence = "The dragon " + word + " breathes fire."
    return sentence

# %% [markdown] sheet=true
# ## Objectives
# Give settings (parameters) to a function.
# ## Duration
# 50 minutes.
# ## Prerequisites
# Functions 1.
# ## Unplugged warm-up
# The greeting machine: give it a first name, it says hello to that person.
# ## What to watch for
# The parameter has a name in the function and a value in the call. Do not type the name in.
# ## Helping a child who is stuck
# Try the call with two different names.
# ## Going further
# A border with two patterns that take turns.

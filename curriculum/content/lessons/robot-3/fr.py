# %% [markdown]
# # Musique et lumières
#
# Robi a un haut-parleur et des LED de couleur. Deux nouveaux ordres :
#
# - `bip("do", 0.5)` joue la note do pendant une demi-seconde (notes : do, ré, mi, fa, sol, la, si) ;
# - `led("vert")` allume les LED en vert (rouge, vert, bleu, jaune, orange, violet, rose, éteint).
#
# `notes_jouees(programme)` et `couleurs(programme)` te disent ce que Robi a joué et allumé.

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : do, ré, mi
#
# Robi joue les notes do, ré, mi, une demi-seconde chacune.

# %% [markdown] hints="robot-3-a"
# 1. Trois ordres `bip`, un par note, dans l'ordre.
# 2. La note est un texte entre guillemets, la durée un nombre : `bip("do", 0.5)`.
# 3. `bip("do", 0.5)`, `bip("ré", 0.5)`, `bip("mi", 0.5)`.

# %% solution="robot-3-a" blocks="musique,boucles" text_switch=true
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    bip("do", 0.5)
    bip("ré", 0.5)
    bip("mi", 0.5)
    ### END SOLUTION


print(notes_jouees(programme))

# %% tests="robot-3-a" points=1
notes = notes_jouees(programme)
assert notes == ["do", "ré", "mi"], f"Robi a joué {notes}, mais on attendait do, ré, mi, dans cet ordre."

# %% wrong="robot-3-a"
bip("do", 0.5)
bip("ré", 0.5)
# ---
bip("ré", 0.5)
bip("do", 0.5)
bip("mi", 0.5)

# %% right="robot-3-a"
bip('do', 0.5)
bip("ré", 0.5)
bip("mi", 0.5)

# %% wrong="robot-3-a"
bip("ré", 0.5)
bip("mi", 0.5)

# %% [markdown]
# ## Exercice 2 : Frère Jacques
#
# Le début de « Frère Jacques », c'est **do, ré, mi, do**, joué **deux fois**. Utilise une boucle !

# %% [markdown] hints="robot-3-b"
# 1. Le motif do, ré, mi, do se répète 2 fois : `for i in range(2):`.
# 2. Dans la boucle, 4 ordres `bip`.
# 3. `for i in range(2):` / `    bip("do", 0.5)` / `    bip("ré", 0.5)` / `    bip("mi", 0.5)` / `    bip("do", 0.5)`.

# %% solution="robot-3-b" blocks="musique,boucles" max_blocks=5 text_switch=true
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(2):
        bip("do", 0.5)
        bip("ré", 0.5)
        bip("mi", 0.5)
        bip("do", 0.5)
    ### END SOLUTION


print(notes_jouees(programme))

# %% tests="robot-3-b" points=2
notes = notes_jouees(programme)
attendu = ["do", "ré", "mi", "do"] * 2
assert notes == attendu, f"Robi a joué {notes}, mais Frère Jacques commence par {attendu}."

# %% wrong="robot-3-b"
for i in range(3):
    bip("do", 0.5)
    bip("ré", 0.5)
    bip("mi", 0.5)
    bip("do", 0.5)
# ---
bip("do", 0.5)
bip("ré", 0.5)
bip("mi", 0.5)
bip("do", 0.5)
# ---
for i in range(2):
    bip("ré", 0.5)
    bip("do", 0.5)
    bip("mi", 0.5)
    bip("do", 0.5)

# %% right="robot-3-b"
for tour in range(2):
    bip("do", 0.5)
    bip("ré", 0.5)
    bip("mi", 0.5)
    bip("do", 0.5)
# ---
for i in range(0, 2):
    bip("do", 0.5)
    bip("ré", 0.5)
    bip("mi", 0.5)
    bip("do", 0.5)

# %% [markdown]
# ## Exercice 3 : le spectacle
#
# Quatre fois de suite : Robi s'allume en rouge et joue un do, puis s'allume en bleu et joue un sol (un quart de seconde chacun).

# %% [markdown] hints="robot-3-c"
# 1. Le motif : `led("rouge")`, `bip("do", 0.25)`, `led("bleu")`, `bip("sol", 0.25)`.
# 2. Ce motif va dans une boucle qui tourne 4 fois.
# 3. `for i in range(4):` puis les 4 ordres du motif, décalés.

# %% solution="robot-3-c" blocks="musique,boucles" max_blocks=5 text_switch=true
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(4):
        led("rouge")
        bip("do", 0.25)
        led("bleu")
        bip("sol", 0.25)
    ### END SOLUTION


print(couleurs(programme), notes_jouees(programme))

# %% tests="robot-3-c" points=3
lumieres = couleurs(programme)
notes = notes_jouees(programme)
assert lumieres == ["rouge", "bleu"] * 4, f"Les LED de Robi ont pris les couleurs {lumieres}, mais on attendait rouge, bleu, 4 fois."
assert notes == ["do", "sol"] * 4, f"Robi a joué {notes}, mais on attendait do, sol, 4 fois."

# %% wrong="robot-3-c"
for i in range(5):
    led("rouge")
    bip("do", 0.25)
    led("bleu")
    bip("sol", 0.25)
# ---
led("rouge")
bip("do", 0.25)
led("bleu")
bip("sol", 0.25)

# %% right="robot-3-c"
for tour in range(4):
    led("rouge")
    bip("do", 0.25)
    led("bleu")
    bip("sol", 0.25)
# ---
for i in range(0, 4):
    led("rouge")
    bip("do", 0.25)
    led("bleu")
    bip("sol", 0.25)

# %% wrong="robot-3-c"
for i in range(3):
    led("rouge")
    bip("do", 0.25)
    led("bleu")
    bip("sol", 0.25)

# %% [markdown] sheet=true
# ## Objectifs
# Jouer des notes et allumer des lumières, dans l'ordre, avec des boucles.
# ## Durée
# 45 minutes.
# ## Prérequis
# Robot 2.
# ## Échauffement débranché
# Chanter « Frère Jacques » en tapant chaque note sur la table.
# ## Points de vigilance
# La durée se donne en secondes. Les noms des notes s'écrivent entre guillemets.
# ## Aider un enfant bloqué
# Écrire la mélodie au tableau, une note par ligne.
# ## Pour aller plus loin
# Inventer un spectacle son et lumière.

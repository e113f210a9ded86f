# %% [markdown]
# # Premiers pas
#
# ![Pixel](images/pixel.svg)
#
# Voici **Pixel**, un petit robot qui vit sur une grille.
# Pixel cherche des trésors. Il obéit à tes ordres, **un par un**, dans l'ordre.
#
# Pixel connaît 4 ordres. Chaque ordre le fait bouger d'**une** case :
#
# | Ordre | Pixel va… |
# |---|---|
# | `droite()` | à droite |
# | `gauche()` | à gauche |
# | `haut()` | en haut |
# | `bas()` | en bas |
#
# Sur la grille : `P` c'est Pixel, `T` c'est le trésor, `.` c'est une case vide.

# %% include="pixel"

# %% [markdown]
# ## Exercice 1 : le trésor tout proche
#
# Le trésor est à 2 cases à droite de Pixel :
#
# ```
# P . T
# ```
#
# Écris les ordres qui amènent Pixel sur le trésor.
# Écris **un ordre par ligne**, sous la ligne `# Écris ton programme ici`.

# %% [markdown] hints="sequences-1-a"
# 1. Compte les cases entre Pixel et le trésor.
# 2. Pixel doit aller 2 fois à droite.
# 3. Écris `droite()` sur une ligne, puis encore `droite()` sur la ligne d'en dessous.

# %% solution="sequences-1-a" blocks="pixel"
depart("P . T")
### BEGIN SOLUTION
droite()
droite()
### END SOLUTION
montre()

# %% tests="sequences-1-a" points=1
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."
assert chocs() == 0, f"Pixel s'est cogné {chocs()} fois contre le bord de la grille. Compte bien les cases !"

# %% wrong="sequences-1-a"
droite()

# %% right="sequences-1-a"
for fois in range(2):
    droite()

# %% wrong="sequences-1-a"
gauche()
droite()

# %% wrong="sequences-1-a"
droite()
droite()
droite()

# %% [markdown]
# ## Exercice 2 : descendre l'escalier
#
# Cette fois, le trésor est en bas à droite :
#
# ```
# P . .
# . . .
# . . T
# ```
#
# Amène Pixel sur le trésor.

# %% [markdown] hints="sequences-1-b"
# 1. Pixel doit aller à droite **et** en bas.
# 2. Il faut 2 pas vers la droite et 2 pas vers le bas.
# 3. Par exemple : `droite()`, `droite()`, `bas()`, `bas()`.

# %% solution="sequences-1-b" blocks="pixel"
depart("""
P . .
. . .
. . T
""")
### BEGIN SOLUTION
droite()
droite()
bas()
bas()
### END SOLUTION
montre()

# %% tests="sequences-1-b" points=1
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-1-b"
droite()
droite()
bas()

# %% right="sequences-1-b"
for fois in range(2):
    droite()
bas()
bas()

# %% wrong="sequences-1-b"
droite()
bas()
bas()
# ---
gauche()
droite()
bas()
bas()

# %% [markdown]
# ## Exercice 3 : le grand voyage
#
# Le trésor est loin, en haut à gauche. Pixel part d'en bas à droite :
#
# ```
# T . . .
# . . . .
# . . . P
# ```
#
# Amène Pixel sur le trésor, et **uniquement** en passant par des cases de la grille.

# %% [markdown] hints="sequences-1-c"
# 1. Le trésor est à gauche et en haut de Pixel.
# 2. Compte : 3 cases vers la gauche, 2 cases vers le haut.
# 3. Écris 3 fois `gauche()`, puis 2 fois `haut()`.

# %% solution="sequences-1-c" blocks="pixel"
depart("""
T . . .
. . . .
. . . P
""")
### BEGIN SOLUTION
gauche()
gauche()
gauche()
haut()
haut()
### END SOLUTION
montre()

# %% tests="sequences-1-c" points=2
assert chocs() == 0, (
    f"Pixel s'est cogné {chocs()} fois contre le bord de la grille. Compte bien les cases !"
)
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-1-c"
gauche()
gauche()
gauche()
haut()

# %% right="sequences-1-c"
for fois in range(3):
    gauche()
haut()
haut()

# %% wrong="sequences-1-c"
gauche()
gauche()
haut()
haut()
# ---
droite()
gauche()
gauche()
haut()
haut()

# %% [markdown]
# Bravo ! Tu as écrit tes premiers programmes : une **séquence** d'ordres, exécutés dans l'ordre.

# %% [markdown] sheet=true
# ## Objectifs
# Donner des ordres un par un, dans l'ordre, pour amener Pixel sur le trésor.
# ## Durée
# 45 minutes.
# ## Prérequis
# Aucun : c'est la première séance. Savoir repérer la droite et la gauche.
# ## Échauffement débranché
# Le robot humain : un enfant joue Pixel sur un quadrillage au sol, la classe lui donne les ordres « droite », « bas »… un seul à la fois.
# ## Points de vigilance
# La gauche et la droite de Pixel sont celles de l'écran, pas celles de l'enfant. L'oubli des parenthèses : `droite` sans `()` ne fait rien.
# ## Aider un enfant bloqué
# Faire compter les cases avec le doigt sur l'écran, puis écrire un ordre par case.
# ## Pour aller plus loin
# Demander le chemin le plus court, puis un autre chemin qui marche aussi.

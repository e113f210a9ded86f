# %% [markdown]
# # Chasse au bug
#
# Un **bug**, c'est une erreur dans un programme. Tout le monde en fait, même les grands programmeurs !
#
# Un petit malin a écrit des programmes pour Pixel… mais ils ont tous un bug.
# Ton travail de détective : **lire** le programme, **trouver** l'erreur, puis écrire le programme **corrigé**.
#
# Astuce de détective : suis le programme ligne par ligne avec ton doigt sur la grille.

# %% include="pixel"

# %% [markdown]
# ## Exercice 1 : il en manque un
#
# ```
# P . . T
# ```
#
# Le programme du petit malin :
#
# ```python
# droite()
# droite()
# ```
#
# Pixel s'arrête trop tôt ! Écris le programme corrigé.

# %% [markdown] hints="sequences-4-a"
# 1. Compte les cases jusqu'au trésor, puis compte les `droite()` du programme.
# 2. Il y a 3 cases jusqu'au trésor, mais seulement 2 ordres.
# 3. Écris 3 fois `droite()`.

# %% solution="sequences-4-a" blocks="pixel" text_switch=true
depart("P . . T")
### BEGIN SOLUTION
droite()
droite()
droite()
### END SOLUTION
montre()

# %% tests="sequences-4-a" points=1
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."
assert chocs() == 0, f"Pixel s'est cogné {chocs()} fois contre le bord de la grille. Compte bien les cases !"

# %% wrong="sequences-4-a"
droite()
droite()

# %% right="sequences-4-a"
for fois in range(3):
    droite()

# %% wrong="sequences-4-a"
gauche()
droite()
droite()

# %% wrong="sequences-4-a"
droite()
droite()
droite()
droite()

# %% [markdown]
# ## Exercice 2 : dans le désordre
#
# ```
# P # .
# . . T
# ```
#
# Le programme du petit malin :
#
# ```python
# droite()
# bas()
# droite()
# ```
#
# Pixel se cogne contre le mur ! Les bons ordres sont là, mais pas dans le bon ordre. Corrige-le.

# %% [markdown] hints="sequences-4-b"
# 1. Suis le programme : quel est le premier ordre ? Où est le mur ?
# 2. Pixel doit d'abord descendre, et ensuite seulement aller à droite.
# 3. `bas()`, `droite()`, `droite()`.

# %% solution="sequences-4-b" blocks="pixel" text_switch=true
depart("""
P # .
. . T
""")
### BEGIN SOLUTION
bas()
droite()
droite()
### END SOLUTION
montre()

# %% tests="sequences-4-b" points=2
assert chocs() == 0, f"Bong ! Pixel s'est encore cogné {chocs()} fois. Quel ordre doit venir en premier ?"
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-4-b"
bas()
droite()
# ---
droite()
bas()
droite()

# %% right="sequences-4-b"
bas()
for fois in range(2):
    droite()

# %% wrong="sequences-4-b"
droite()
droite()

# %% [markdown]
# ## Exercice 3 : un de trop
#
# ```
# T . .
# # # .
# P . .
# ```
#
# Le programme du petit malin :
#
# ```python
# droite()
# droite()
# haut()
# haut()
# gauche()
# gauche()
# gauche()
# ```
#
# Pixel se cogne contre le bord de la grille à la fin. Trouve l'ordre en trop et corrige le programme.

# %% [markdown] hints="sequences-4-c"
# 1. Suis le programme avec ton doigt et compte les cases à chaque ordre.
# 2. En haut, il n'y a que 2 cases à gauche avant le trésor.
# 3. Enlève un `gauche()` : `droite()`, `droite()`, `haut()`, `haut()`, `gauche()`, `gauche()`.

# %% solution="sequences-4-c" blocks="pixel" text_switch=true
depart("""
T . .
# # .
P . .
""")
### BEGIN SOLUTION
droite()
droite()
haut()
haut()
gauche()
gauche()
### END SOLUTION
montre()

# %% tests="sequences-4-c" points=3
assert chocs() == 0, f"Bong ! Pixel s'est cogné {chocs()} fois : il reste un ordre en trop."
assert position() == tresor(), f"Pixel n'est pas sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-4-c"
droite()
droite()
haut()
haut()
gauche()
# ---
droite()
haut()
droite()
haut()
gauche()
gauche()

# %% right="sequences-4-c"
for fois in range(2):
    droite()
haut()
haut()
gauche()
gauche()

# %% wrong="sequences-4-c"
droite()
haut()
haut()
gauche()
gauche()

# %% [markdown]
# Bravo, détective ! Quand un programme ne marche pas, on le **relit pas à pas** : c'est comme ça qu'on trouve les bugs.

# %% [markdown] sheet=true
# ## Objectifs
# Lire un programme, prévoir ce qu'il fait, puis trouver et corriger le bug.
# ## Durée
# 45 minutes.
# ## Prérequis
# Séquences 1 à 3.
# ## Échauffement débranché
# La recette fausse : lire une recette de cuisine où une étape manque ou est à la mauvaise place.
# ## Points de vigilance
# L'enfant réécrit tout au lieu de corriger une ligne. Un bug, ce n'est pas une faute : on le cherche ensemble.
# ## Aider un enfant bloqué
# Faire exécuter le programme ligne par ligne avec le doigt.
# ## Pour aller plus loin
# Cacher un bug dans son propre programme pour un camarade.

# %% [markdown]
# # Attention aux murs
#
# Sur certaines grilles, il y a des **murs** : `#`.
# Si Pixel fonce dans un mur, il se cogne (« Bong ! ») et reste sur place.
#
# L'**ordre** des instructions compte : d'abord contourner le mur, ensuite avancer.

# %% include="pixel"

# %% [markdown]
# ## Exercice 1 : le petit mur
#
# ```
# P # T
# . . .
# ```
#
# Amène Pixel sur le trésor **sans te cogner** au mur.

# %% [markdown] hints="sequences-2-a"
# 1. Pixel ne peut pas aller tout droit : le mur est juste à sa droite.
# 2. Passe par la ligne du dessous pour faire le tour du mur.
# 3. `bas()`, puis 2 fois `droite()`, puis `haut()`.

# %% solution="sequences-2-a" blocks="pixel"
depart("""
P # T
. . .
""")
### BEGIN SOLUTION
bas()
droite()
droite()
haut()
### END SOLUTION
montre()

# %% tests="sequences-2-a" points=1
assert chocs() == 0, f"Bong ! Pixel s'est cogné {chocs()} fois. Regarde bien où est le mur #."
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-2-a"
bas()
droite()
droite()
# ---
droite()
bas()
droite()
haut()

# %% right="sequences-2-a"
bas()
for fois in range(2):
    droite()
haut()

# %% wrong="sequences-2-a"
droite()
droite()
haut()

# %% [markdown]
# ## Exercice 2 : le couloir
#
# ```
# P . # T
# # . # .
# . . . .
# ```
#
# Trouve le chemin jusqu'au trésor, sans te cogner.

# %% [markdown] hints="sequences-2-b"
# 1. Avec ton doigt, suis les cases `.` depuis Pixel jusqu'au trésor.
# 2. Le chemin descend par la 2e colonne, passe en bas, puis remonte par la dernière colonne.
# 3. `droite()`, `bas()`, `bas()`, `droite()`, `droite()`, `haut()`, `haut()`.

# %% solution="sequences-2-b" blocks="pixel"
depart("""
P . # T
# . # .
. . . .
""")
### BEGIN SOLUTION
droite()
bas()
bas()
droite()
droite()
haut()
haut()
### END SOLUTION
montre()

# %% tests="sequences-2-b" points=2
assert chocs() == 0, f"Bong ! Pixel s'est cogné {chocs()} fois. Suis le couloir avec ton doigt."
assert position() == tresor(), f"Pixel n'est pas encore sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-2-b"
droite()
bas()
bas()
droite()
droite()
haut()
# ---
bas()
droite()
bas()
droite()
droite()
haut()
haut()

# %% right="sequences-2-b"
droite()
for fois in range(2):
    bas()
droite()
droite()
haut()
haut()

# %% wrong="sequences-2-b"
bas()
bas()
droite()
droite()
haut()
haut()

# %% [markdown]
# ## Exercice 3 : la clé d'abord !
#
# Le trésor est fermé à clé. Pixel doit **d'abord** passer sur la clé `K`, **ensuite** aller au trésor.
#
# ```
# P . . #
# # # . #
# K . . .
# # # # T
# ```

# %% [markdown] hints="sequences-2-c"
# 1. Découpe le problème : d'abord le chemin jusqu'à la clé, ensuite le chemin de la clé au trésor.
# 2. Pour la clé : 2 fois à droite, 2 fois en bas, 2 fois à gauche.
# 3. Ensuite, de la clé : 3 fois à droite, puis 1 fois en bas.

# %% solution="sequences-2-c" blocks="pixel"
depart("""
P . . #
# # . #
K . . .
# # # T
""")
### BEGIN SOLUTION
droite()
droite()
bas()
bas()
gauche()
gauche()
droite()
droite()
droite()
bas()
### END SOLUTION
montre()

# %% tests="sequences-2-c" points=3
assert cle() in trajet(), "Pixel n'est pas passé sur la clé K : le trésor reste fermé. Va d'abord chercher la clé !"
assert chocs() == 0, f"Bong ! Pixel s'est cogné {chocs()} fois. Vérifie chaque pas."
assert position() == tresor(), f"Pixel a la clé, mais n'est pas sur le trésor : {ecart(tresor())}."

# %% wrong="sequences-2-c"
droite()
droite()
bas()
bas()
gauche()
gauche()
droite()
droite()
droite()
# ---
droite()
bas()
droite()
bas()
gauche()
gauche()
droite()
droite()
droite()
bas()

# %% right="sequences-2-c"
for fois in range(2):
    droite()
bas()
bas()
gauche()
gauche()
droite()
droite()
droite()
bas()

# %% wrong="sequences-2-c"
droite()
bas()
bas()
gauche()
gauche()
droite()
droite()
droite()
bas()

# %% [markdown] sheet=true
# ## Objectifs
# Prévoir un chemin qui évite les murs ; ramasser la clé avant d'ouvrir.
# ## Durée
# 45 minutes.
# ## Prérequis
# Séquences 1 (premiers pas).
# ## Échauffement débranché
# Un parcours de chaises dans la salle : la classe écrit au tableau les ordres pour le contourner.
# ## Points de vigilance
# Un ordre de trop fait cogner Pixel. L'ordre des actions compte : la clé d'abord.
# ## Aider un enfant bloqué
# Tracer le chemin au crayon sur une feuille quadrillée avant d'écrire.
# ## Pour aller plus loin
# Trouver un chemin avec moins d'ordres.

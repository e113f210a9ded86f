# %% [markdown]
# # Pixel peint
#
# Pixel a trouvé un pot de peinture ! Un nouvel ordre :
#
# - `peins()` : Pixel peint la case où il se trouve. Une case peinte s'affiche `*`.
#
# Pour dessiner, Pixel se déplace et peint, case après case.
# `dessin()` montre ce que Pixel a peint.

# %% include="pixel"

# %% [markdown]
# ## Exercice 1 : un trait
#
# Peins les 3 cases de la ligne, pour obtenir ce dessin :
#
# ```
# * * *
# ```

# %% [markdown] hints="sequences-3-a"
# 1. Pixel peint seulement la case où il est. Il faut peindre, avancer, peindre…
# 2. Commence par `peins()` : la première case est sous Pixel.
# 3. `peins()`, `droite()`, `peins()`, `droite()`, `peins()`.

# %% solution="sequences-3-a" blocks="pixel,peins"
depart("P . .")
### BEGIN SOLUTION
peins()
droite()
peins()
droite()
peins()
### END SOLUTION
print(dessin())

# %% tests="sequences-3-a" points=1
attendu = "* * *"
assert dessin() == attendu, f"Le dessin ne ressemble pas au modèle.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="sequences-3-a"
peins()
droite()
peins()
droite()
# ---
droite()
peins()
peins()
droite()
peins()

# %% right="sequences-3-a"
peins()
droite()
peins()
droite()
peins()
print("J'ai fini !")

# %% wrong="sequences-3-a"
droite()
peins()
droite()
peins()

# %% [markdown]
# ## Exercice 2 : la lettre L
#
# Dessine un grand L :
#
# ```
# * . .
# * . .
# * * *
# ```

# %% [markdown] hints="sequences-3-b"
# 1. Pixel part en haut à gauche. Peins en descendant, puis en allant à droite.
# 2. La case du coin (en bas à gauche) ne doit être peinte qu'une fois, mais deux fois ce n'est pas grave.
# 3. `peins()`, `bas()`, `peins()`, `bas()`, `peins()`, `droite()`, `peins()`, `droite()`, `peins()`.

# %% solution="sequences-3-b" blocks="pixel,peins"
depart("""
P . .
. . .
. . .
""")
### BEGIN SOLUTION
peins()
bas()
peins()
bas()
peins()
droite()
peins()
droite()
peins()
### END SOLUTION
print(dessin())

# %% tests="sequences-3-b" points=2
attendu = "* . .\n* . .\n* * *"
assert dessin() == attendu, f"Le dessin ne ressemble pas au modèle.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="sequences-3-b"
peins()
bas()
peins()
bas()
peins()
droite()
peins()
droite()
# ---
bas()
peins()
peins()
bas()
peins()
droite()
peins()
droite()
peins()

# %% right="sequences-3-b"
peins()
bas()
peins()
bas()
peins()
droite()
peins()
droite()
peins()
print("J'ai fini !")

# %% wrong="sequences-3-b"
bas()
peins()
bas()
peins()
droite()
peins()
droite()
peins()

# %% [markdown]
# ## Exercice 3 : le signe plus
#
# Pixel part du haut, au milieu. Dessine un signe plus :
#
# ```
# . * .
# * * *
# . * .
# ```

# %% [markdown] hints="sequences-3-c"
# 1. Peins le haut, puis descends au centre et peins-le.
# 2. Depuis le centre, va peindre la gauche, puis traverse jusqu'à la droite, puis reviens au centre pour descendre.
# 3. `peins()`, `bas()`, `peins()`, `gauche()`, `peins()`, `droite()`, `droite()`, `peins()`, `gauche()`, `bas()`, `peins()`.

# %% solution="sequences-3-c" blocks="pixel,peins"
depart("""
. P .
. . .
. . .
""")
### BEGIN SOLUTION
peins()
bas()
peins()
gauche()
peins()
droite()
droite()
peins()
gauche()
bas()
peins()
### END SOLUTION
print(dessin())

# %% tests="sequences-3-c" points=3
attendu = ". * .\n* * *\n. * ."
assert dessin() == attendu, f"Le dessin ne ressemble pas au modèle.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="sequences-3-c"
peins()
bas()
peins()
gauche()
peins()
droite()
droite()
peins()
gauche()
bas()
# ---
bas()
peins()
peins()
gauche()
peins()
droite()
droite()
peins()
gauche()
bas()
peins()

# %% right="sequences-3-c"
peins()
bas()
peins()
gauche()
peins()
for fois in range(2):
    droite()
peins()
gauche()
bas()
peins()

# %% wrong="sequences-3-c"
bas()
peins()
gauche()
peins()
droite()
droite()
peins()
gauche()
bas()
peins()

# %% [markdown] sheet=true
# ## Objectifs
# Laisser une trace : peindre une forme case par case.
# ## Durée
# 45 minutes.
# ## Prérequis
# Séquences 2.
# ## Échauffement débranché
# Dessin dicté : un enfant dicte un dessin sur quadrillage, un autre le dessine sans voir le modèle.
# ## Points de vigilance
# Peindre n'est pas avancer : il faut les deux ordres. Une case peinte deux fois ne se voit pas.
# ## Aider un enfant bloqué
# Comparer le dessin obtenu et le modèle, ligne par ligne.
# ## Pour aller plus loin
# Inventer sa propre lettre et la faire peindre par un camarade.

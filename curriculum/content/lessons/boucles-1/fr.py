# %% [markdown]
# # Répéter, c'est malin
#
# ![Tao](images/tao.svg)
#
# Voici **Tao la tortue**. Elle marche sur une feuille quadrillée et laisse une trace `#` derrière elle.
#
# Tao connaît 3 ordres :
#
# - `avance()` : un pas tout droit ;
# - `tourne_gauche()` et `tourne_droite()` : elle tourne sur place, d'un quart de tour.
#
# Au départ, Tao regarde vers la droite.
#
# Pour faire 10 pas, pas besoin d'écrire 10 fois `avance()`. On écrit une **boucle** :
#
# ```python
# for i in range(10):
#     avance()
# ```
#
# Tout ce qui est **décalé** sous le `for` est répété 10 fois. N'oublie pas les deux-points `:` !

# %% include="regles"

# %% include="tortue"

# %% [markdown]
# ## Exercice 1 : une longue ligne
#
# Fais avancer Tao de 10 pas, avec une boucle. Le dessin attendu :
#
# ```
# ###########
# ```

# %% [markdown] hints="boucles-1-a"
# 1. Tu veux répéter `avance()` 10 fois : c'est le travail de `for i in range(10):`.
# 2. La ligne `avance()` doit être décalée (4 espaces) sous le `for`.
# 3. `for i in range(10):` puis, à la ligne, `    avance()`.

# %% solution="boucles-1-a" blocks="tao,boucles" max_blocks=2
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(10):
    avance()
### END SOLUTION
montre()

# %% tests="boucles-1-a" points=1
attendu = "###########"
assert dessin() == attendu, f"Le dessin de Tao n'est pas le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}\nCompte les pas : il en faut 10."
regles(boucle=True)

# %% wrong="boucles-1-a"
for i in range(11):
    avance()
# ---
avance()

# %% right="boucles-1-a"
for tour in range(10):
    avance()
# ---
for i in range(0, 10):
    avance()

# %% wrong="boucles-1-a"
avance(10)
# ---
avance()
avance()
avance()
avance()
avance()
avance()
avance()
avance()
avance()
avance()

# %% [markdown]
# ## Exercice 2 : un grand L à l'envers
#
# Tao fait 6 pas, tourne à gauche, puis fait 4 pas.
# Utilise **deux boucles**, l'une après l'autre.
#
# ```
# ......#
# ......#
# ......#
# ......#
# #######
# ```

# %% [markdown] hints="boucles-1-b"
# 1. Première boucle : 6 fois `avance()`. Puis `tourne_gauche()` (pas dans la boucle !). Puis une deuxième boucle.
# 2. `tourne_gauche()` ne doit pas être décalé : il se fait une seule fois.
# 3. `for i in range(6):` / `    avance()` / `tourne_gauche()` / `for i in range(4):` / `    avance()`.

# %% solution="boucles-1-b" blocks="tao,boucles" max_blocks=5
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(6):
    avance()
tourne_gauche()
for i in range(4):
    avance()
### END SOLUTION
montre()

# %% tests="boucles-1-b" points=1
attendu = "......#\n......#\n......#\n......#\n#######"
assert dessin() == attendu, f"Le dessin de Tao n'est pas le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"
regles(boucle=True)

# %% wrong="boucles-1-b"
for i in range(6):
    avance()
tourne_gauche()
# ---
for i in range(7):
    avance()
tourne_gauche()
for i in range(4):
    avance()
# ---
for i in range(6):
    avance()
tourne_gauche()
for i in range(5):
    avance()

# %% right="boucles-1-b"
for tour in range(6):
    avance()
tourne_gauche()
for tour in range(4):
    avance()
# ---
for i in range(0, 6):
    avance()
tourne_gauche()
for i in range(4):
    avance()

# %% wrong="boucles-1-b"
avance(6)
tourne_gauche()
avance(4)

# %% [markdown]
# ## Exercice 3 : la lettre U
#
# Tao dessine un U. Voici ses ordres, un par un :
#
# 1. Tao tourne à droite : elle regarde vers le bas.
# 2. Elle fait 5 pas.
# 3. Elle tourne à gauche.
# 4. Elle fait 4 pas.
# 5. Elle tourne à gauche.
# 6. Elle fait 5 pas.
#
# ```
# #...#
# #...#
# #...#
# #...#
# #...#
# #####
# ```

# %% [markdown] hints="boucles-1-c"
# 1. Il y a trois traits : il te faut trois boucles, et des virages entre elles.
# 2. Commence par `tourne_droite()` pour que Tao regarde vers le bas.
# 3. `tourne_droite()`, une boucle de 5 `avance()`, `tourne_gauche()`, une boucle de 4, `tourne_gauche()`, une boucle de 5.

# %% solution="boucles-1-c" blocks="tao,boucles" max_blocks=9
nouvelle_feuille()
### BEGIN SOLUTION
tourne_droite()
for i in range(5):
    avance()
tourne_gauche()
for i in range(4):
    avance()
tourne_gauche()
for i in range(5):
    avance()
### END SOLUTION
montre()

# %% tests="boucles-1-c" points=2
attendu = "#...#\n#...#\n#...#\n#...#\n#...#\n#####"
assert dessin() == attendu, f"Le dessin de Tao n'est pas le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"
regles(boucle=True)

# %% wrong="boucles-1-c"
tourne_droite()
for i in range(5):
    avance()
tourne_gauche()
for i in range(4):
    avance()
tourne_gauche()
# ---
tourne_droite()
for i in range(6):
    avance()
tourne_gauche()
for i in range(4):
    avance()
tourne_gauche()
for i in range(5):
    avance()
# ---
tourne_droite()
for i in range(5):
    avance()
tourne_gauche()
for i in range(5):
    avance()
tourne_gauche()
for i in range(5):
    avance()

# %% right="boucles-1-c"
tourne_droite()
for tour in range(5):
    avance()
tourne_gauche()
for tour in range(4):
    avance()
tourne_gauche()
for tour in range(5):
    avance()
# ---
tourne_droite()
for i in range(0, 5):
    avance()
tourne_gauche()
for i in range(4):
    avance()
tourne_gauche()
for i in range(5):
    avance()

# %% wrong="boucles-1-c"
tourne_droite()
avance(5)
tourne_gauche()
avance(4)
tourne_gauche()
avance(5)

# %% [markdown] sheet=true
# ## Objectifs
# Répéter un ordre avec une boucle `for` au lieu de l'écrire plusieurs fois.
# ## Durée
# 50 minutes.
# ## Prérequis
# L'unité Séquences.
# ## Échauffement débranché
# Le chef d'orchestre : « tapez 5 fois dans vos mains » au lieu de « tapez, tapez, tapez… ».
# ## Points de vigilance
# Les deux-points et le décalage sous le `for`. Le nombre de tours se compte, pas le nombre de cases.
# ## Aider un enfant bloqué
# Écrire d'abord le programme sans boucle, puis repérer ce qui se répète.
# ## Pour aller plus loin
# Dessiner un trait de 100 pas : que changerait-on sans boucle ?

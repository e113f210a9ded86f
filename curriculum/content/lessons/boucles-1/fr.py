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

# %% [markdown]
# ## Exercice 3 : la lettre U
#
# Tao tourne d'abord à droite (vers le bas), fait 5 pas, tourne à gauche, fait 4 pas, tourne à gauche et fait 5 pas.
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

# %% [markdown]
# # Des motifs qui se répètent
#
# Une boucle peut répéter **plusieurs** ordres à la fois : c'est un **motif**.
#
# ```python
# for i in range(3):
#     avance()
#     tourne_gauche()
# ```
#
# Ici, Tao répète 3 fois le motif « avance, puis tourne à gauche ».
# Toutes les lignes décalées sous le `for` font partie du motif.

# %% include="tortue"

# %% [markdown]
# ## Exercice 1 : l'escalier
#
# Le motif d'une marche : avance, tourne à gauche, avance, tourne à droite.
# Répète-le 5 fois.
#
# ```
# .....#
# ....##
# ...##.
# ..##..
# .##...
# ##....
# ```

# %% [markdown] hints="boucles-2-a"
# 1. Le motif a 4 ordres : ils vont tous dans la boucle, décalés.
# 2. `for i in range(5):` puis les 4 ordres décalés de 4 espaces.
# 3. `avance()`, `tourne_gauche()`, `avance()`, `tourne_droite()`, tous décalés sous `for i in range(5):`.

# %% solution="boucles-2-a" blocks="tao,boucles" max_blocks=5 text_switch=true
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(5):
    avance()
    tourne_gauche()
    avance()
    tourne_droite()
### END SOLUTION
montre()

# %% tests="boucles-2-a" points=1
attendu = ".....#\n....##\n...##.\n..##..\n.##...\n##...."
assert dessin() == attendu, f"L'escalier n'est pas le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="boucles-2-a"
for i in range(6):
    avance()
    tourne_gauche()
    avance()
    tourne_droite()
# ---
avance()
tourne_gauche()
avance()
tourne_droite()
# ---
for i in range(5):
    tourne_gauche()
    avance()
    avance()
    tourne_droite()

# %% right="boucles-2-a"
for tour in range(5):
    avance()
    tourne_gauche()
    avance()
    tourne_droite()
# ---
for i in range(0, 5):
    avance()
    tourne_gauche()
    avance()
    tourne_droite()

# %% [markdown]
# ## Exercice 2 : le carré
#
# Un carré, c'est 4 fois le même motif : 3 pas, puis tourner à droite.
#
# ```
# ####
# #..#
# #..#
# ####
# ```
#
# Attention : Tao doit finir **à son point de départ**.

# %% [markdown] hints="boucles-2-b"
# 1. Un côté du carré : 3 fois `avance()`, puis `tourne_droite()`.
# 2. Le carré a 4 côtés : la boucle tourne 4 fois.
# 3. `for i in range(4):` puis, décalés : `avance()`, `avance()`, `avance()`, `tourne_droite()`.

# %% solution="boucles-2-b" blocks="tao,boucles" max_blocks=5 text_switch=true
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(4):
    avance()
    avance()
    avance()
    tourne_droite()
### END SOLUTION
montre()

# %% tests="boucles-2-b" points=2
attendu = "####\n#..#\n#..#\n####"
assert dessin() == attendu, f"Ce n'est pas encore le carré.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"
assert position() == (0, 0), f"Tao doit revenir au départ (0, 0), mais elle est en {position()}."

# %% wrong="boucles-2-b"
for i in range(5):
    avance()
    avance()
    avance()
    tourne_droite()
# ---
avance()
avance()
avance()
tourne_droite()

# %% right="boucles-2-b"
for tour in range(4):
    avance()
    avance()
    avance()
    tourne_droite()
# ---
for i in range(0, 4):
    avance()
    avance()
    avance()
    tourne_droite()

# %% wrong="boucles-2-b"
for i in range(3):
    avance()
    avance()
    avance()
    tourne_droite()

# %% [markdown]
# ## Exercice 3 : les créneaux du château
#
# Tao dessine le haut d'un mur de château. Trouve le motif qui se répète, puis répète-le 3 fois.
#
# ```
# ..###.###.###
# ..#.#.#.#.#.#
# ###.###.###.#
# ```

# %% [markdown] hints="boucles-2-c"
# 1. Un créneau : 2 pas, tourne à gauche, 2 pas, tourne à droite, 2 pas, tourne à droite, 2 pas, tourne à gauche.
# 2. Ce créneau complet est le motif : il va dans la boucle, qui tourne 3 fois.
# 3. Dans `for i in range(3):` écris 12 lignes décalées : 2 `avance()`, `tourne_gauche()`, 2 `avance()`, `tourne_droite()`, 2 `avance()`, `tourne_droite()`, 2 `avance()`, `tourne_gauche()`.

# %% solution="boucles-2-c" blocks="tao,boucles" max_blocks=13 text_switch=true
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(3):
    avance()
    avance()
    tourne_gauche()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_gauche()
### END SOLUTION
montre()

# %% tests="boucles-2-c" points=3
attendu = "..###.###.###\n..#.#.#.#.#.#\n###.###.###.#"
assert dessin() == attendu, f"Les créneaux ne sont pas encore bons.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="boucles-2-c"
for i in range(4):
    avance()
    avance()
    tourne_gauche()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_gauche()
# ---
avance()
avance()
tourne_gauche()
avance()
avance()
tourne_droite()
avance()
avance()
tourne_droite()
avance()
avance()
tourne_gauche()
# ---
for i in range(3):
    avance()
    tourne_gauche()
    avance()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_gauche()

# %% right="boucles-2-c"
for tour in range(3):
    avance()
    avance()
    tourne_gauche()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_gauche()
# ---
for i in range(0, 3):
    avance()
    avance()
    tourne_gauche()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_droite()
    avance()
    avance()
    tourne_gauche()

# %% [markdown] sheet=true
# ## Objectifs
# Trouver le motif qui se répète et le mettre dans la boucle.
# ## Durée
# 50 minutes.
# ## Prérequis
# Boucles 1.
# ## Échauffement débranché
# Frapper un rythme (tape-tape-claque) et le faire répéter 4 fois.
# ## Points de vigilance
# Mettre dans la boucle ce qui ne se répète pas. Le virage oublié à la fin du motif.
# ## Aider un enfant bloqué
# Entourer le motif sur le dessin modèle, puis l'écrire une fois.
# ## Pour aller plus loin
# Changer le nombre de tours et prévoir le dessin avant de lancer.

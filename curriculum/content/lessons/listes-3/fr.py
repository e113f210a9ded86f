# %% [markdown]
# # Parcourir la liste
#
# Une boucle `for` peut passer sur **chaque élément** d'une liste, un par un :
#
# ```python
# for objet in sac:
#     print(objet)
# ```
#
# À chaque tour, la variable `objet` contient l'élément suivant de la liste.
# C'est pratique pour compter, additionner, chercher…

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : le trésor d'or
#
# Inès a trouvé des coffres. La liste `coffres` donne le nombre de pièces d'or dans chaque coffre.
# Calcule `total`, le nombre total de pièces, avec une boucle.

# %% [markdown] hints="listes-3-a"
# 1. Commence avec `total = 0`, puis ajoute chaque coffre au total dans une boucle.
# 2. `for pieces in coffres:` puis, dans la boucle, `total = total + pieces`.
# 3. `total = 0` / `for pieces in coffres:` / `    total = total + pieces`.

# %% solution="listes-3-a"
coffres = [3, 5, 2, 7]
### BEGIN SOLUTION
total = 0
for pieces in coffres:
    total = total + pieces
### END SOLUTION
print("Total :", total, "pièces d'or")

# %% tests="listes-3-a" points=2
assert "total" in globals(), "Crée la variable total, qui commence à 0."
assert total == 17, f"total vaut {total!r}, mais 3 + 5 + 2 + 7 = 17 pièces d'or."

# %% wrong="listes-3-a"
total = 0
# ---
total = 1
for pieces in coffres:
    total = total + pieces

# %% right="listes-3-a"
total = 0
for tour in coffres:
    total = total + tour
# ---
total = 0
for pieces in coffres:
    total += pieces

# %% wrong="listes-3-a"
total = 0
for pieces in coffres:
    total = total - pieces

# %% [markdown]
# ## Exercice 2 : les cris de la jungle
#
# Pour chaque animal de la liste `animaux`, Inès crie son nom suivi de `" !"`.
# Construis la liste `cris` : au début vide, puis avec un cri ajouté pour chaque animal.

# %% [markdown] hints="listes-3-b"
# 1. Une liste vide s'écrit `[]`. On y ajoute des éléments avec `.append(…)`.
# 2. Le cri d'un animal : `animal + " !"` colle les deux textes.
# 3. `cris = []` / `for animal in animaux:` / `    cris.append(animal + " !")`.

# %% solution="listes-3-b"
animaux = ["toucan", "jaguar", "singe"]
### BEGIN SOLUTION
cris = []
for animal in animaux:
    cris.append(animal + " !")
### END SOLUTION
print(cris)

# %% tests="listes-3-b" points=2
assert "cris" in globals(), "Crée la liste cris, vide au début : cris = []."
assert meme_texte(cris, ["toucan !", "jaguar !", "singe !"]), f"La liste cris contient {cris}, mais on attendait [\"toucan !\", \"jaguar !\", \"singe !\"]."

# %% wrong="listes-3-b"
cris = []

# %% right="listes-3-b"
cris = []
for tour in animaux:
    cris.append(tour + " !")
# ---
cris = []
for animal in animaux:
    cris.append(animal + ' !')

# %% right="listes-3-b"
cris = []
for animal in animaux:
    cris.append(animal + "!")

# %% wrong="listes-3-b"
cris = []
for animal in animaux:
    cris.append(animal)
# ---
cris = ["toucan !"]

# %% [markdown]
# ## Exercice 3 : la pierre la plus lourde
#
# La liste `pierres` donne le poids de chaque pierre (en grammes). Trouve `plus_lourde`, le plus grand poids,
# **sans** utiliser `max` : parcours la liste et garde le plus grand poids vu jusqu'ici.

# %% [markdown] hints="listes-3-c"
# 1. Commence avec `plus_lourde = pierres[0]` : c'est la plus lourde vue jusqu'ici.
# 2. Pour chaque poids, s'il est plus grand que `plus_lourde`, il devient la nouvelle `plus_lourde`.
# 3. `for poids in pierres:` / `    if poids > plus_lourde:` / `        plus_lourde = poids`.

# %% solution="listes-3-c"
pierres = [120, 340, 85, 410, 260]
### BEGIN SOLUTION
plus_lourde = pierres[0]
for poids in pierres:
    if poids > plus_lourde:
        plus_lourde = poids
### END SOLUTION
print("La plus lourde pèse", plus_lourde, "g")

# %% tests="listes-3-c" points=3
assert "plus_lourde" in globals(), "Crée la variable plus_lourde."
assert plus_lourde == 410, f"plus_lourde vaut {plus_lourde!r}, mais la pierre la plus lourde pèse 410 g."
regles(sans=("max", "sorted", "sort"), avec=("pierres",))

# %% wrong="listes-3-c"
plus_lourde = pierres[0]

# %% right="listes-3-c"
plus_lourde = pierres[0]
for tour in pierres:
    if tour > plus_lourde:
        plus_lourde = tour

# %% wrong="listes-3-c"
plus_lourde = max(pierres)
# ---
plus_lourde = sorted(pierres)[-1]
# ---
plus_lourde = 410

# %% right="listes-3-c"
plus_lourde = 0
for p in pierres:
    if p > plus_lourde:
        plus_lourde = p

# %% [markdown] sheet=true
# ## Objectifs
# Parcourir une liste avec `for` pour calculer un total, transformer ou chercher.
# ## Durée
# 50 minutes.
# ## Prérequis
# Listes 2.
# ## Échauffement débranché
# Compter les pièces d'une pile une par une en gardant le total dans sa tête.
# ## Points de vigilance
# Le total commence à 0 avant la boucle. Utiliser `max` ou taper la réponse au lieu de parcourir.
# ## Aider un enfant bloqué
# Faire le parcours à la main sur une ardoise : à chaque élément, noter le total.
# ## Pour aller plus loin
# Trouver la pierre la plus légère.

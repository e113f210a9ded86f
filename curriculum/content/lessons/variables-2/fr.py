# %% [markdown]
# # Changer la valeur
#
# Le contenu d'une boîte peut **changer**. Quand Momo vend des fruits, l'argent dans sa caisse augmente :
#
# ```python
# caisse = 10
# caisse = caisse + 3
# ```
#
# La deuxième ligne se lit de droite à gauche : « prends ce qu'il y a dans `caisse`, ajoute 3, et range le résultat dans `caisse` ».
# Maintenant, `caisse` contient 13. L'ancienne valeur est remplacée.

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : la première vente
#
# La caisse de Momo contient 10 €. Un client achète un ananas à 3 €.
# Ajoute 3 à la caisse, **en utilisant la caisse elle-même** (pas en écrivant 13 !).

# %% [markdown] hints="variables-2-a"
# 1. La nouvelle caisse, c'est l'ancienne caisse plus 3.
# 2. À droite du `=`, écris `caisse + 3`.
# 3. `caisse = caisse + 3`.

# %% solution="variables-2-a"
caisse = 10
### BEGIN SOLUTION
caisse = caisse + 3
### END SOLUTION
print("Dans la caisse :", caisse, "€")

# %% tests="variables-2-a" points=1
assert caisse == 13, f"La caisse contient {caisse} €, mais après une vente à 3 € elle devrait contenir 10 + 3 = 13 €."
regles(sans_nombre=(13,), calcule=("caisse",))

# %% wrong="variables-2-a"
caisse = 13
# ---
caisse = 10 + 3
# ---
caisse = caisse + 2

# %% right="variables-2-a"
caisse += 3
# ---
caisse = 3 + caisse

# %% wrong="variables-2-a"
caisse = caisse + 4

# %% [markdown]
# ## Exercice 2 : la journée des melons
#
# La caisse contient 20 €. Momo vend 5 melons à 3 € chacun.
# Avec une boucle qui tourne 5 fois, ajoute 3 € à la caisse à chaque melon vendu.

# %% [markdown] hints="variables-2-b"
# 1. Une boucle `for` qui tourne 5 fois : une fois par melon.
# 2. Dans la boucle, la même ligne que dans l'exercice 1.
# 3. `for melon in range(5):` puis, décalé, `caisse = caisse + 3`.

# %% solution="variables-2-b"
caisse = 20
### BEGIN SOLUTION
for melon in range(5):
    caisse = caisse + 3
### END SOLUTION
print("Dans la caisse :", caisse, "€")

# %% tests="variables-2-b" points=2
assert caisse == 35, f"La caisse contient {caisse} €, mais avec 5 melons à 3 €, elle devrait contenir 20 + 15 = 35 €."

# %% wrong="variables-2-b"
for melon in range(6):
    caisse = caisse + 3
# ---
for melon in range(5):
    caisse = caisse + 4
# ---
caisse = caisse + 3

# %% right="variables-2-b"
for tour in range(5):
    caisse = caisse + 3
# ---
for melon in range(5):
    caisse += 3

# %% [markdown]
# ## Exercice 3 : la tirelire de la semaine
#
# La tirelire de Momo est vide. Chaque jour de la semaine (jours 1 à 7), il y met 2 €,
# **sauf** le dimanche (jour 7), où il y met 5 €.
# Utilise une boucle avec un compteur `jour`, et un `if … else`.

# %% [markdown] hints="variables-2-c"
# 1. Le compteur va de 1 à 7 : `for jour in range(1, 8):`.
# 2. Dans la boucle : si `jour == 7`, ajoute 5 ; sinon, ajoute 2.
# 3. `if jour == 7:` / `    tirelire = tirelire + 5` / `else:` / `    tirelire = tirelire + 2`.

# %% solution="variables-2-c"
tirelire = 0
### BEGIN SOLUTION
for jour in range(1, 8):
    if jour == 7:
        tirelire = tirelire + 5
    else:
        tirelire = tirelire + 2
### END SOLUTION
print("Dans la tirelire :", tirelire, "€")

# %% tests="variables-2-c" points=3
assert tirelire == 17, f"La tirelire contient {tirelire} €, mais 6 jours à 2 € et un dimanche à 5 € font 17 €."

# %% wrong="variables-2-c"
for jour in range(2, 8):
    if jour == 7:
        tirelire = tirelire + 5
    else:
        tirelire = tirelire + 2
# ---
for jour in range(1, 9):
    if jour == 7:
        tirelire = tirelire + 5
    else:
        tirelire = tirelire + 2
# ---
for jour in range(1, 8):
    if jour != 7:
        tirelire = tirelire + 5
    else:
        tirelire = tirelire + 2

# %% right="variables-2-c"
for tour in range(1, 8):
    if tour == 7:
        tirelire = tirelire + 5
    else:
        tirelire = tirelire + 2
# ---
for jour in range(1, 8):
    if jour == 7:
        tirelire += 5
    else:
        tirelire = tirelire + 2

# %% [markdown] sheet=true
# ## Objectifs
# Changer la valeur d'une variable à partir de son ancienne valeur.
# ## Durée
# 45 minutes.
# ## Prérequis
# Variables 1.
# ## Échauffement débranché
# La tirelire : on ajoute une pièce, le total change.
# ## Points de vigilance
# `caisse = caisse + 3` se lit de droite à gauche. Taper 13 au lieu de calculer.
# ## Aider un enfant bloqué
# Suivre la caisse sur une ardoise, ligne par ligne.
# ## Pour aller plus loin
# Vendre des fruits de prix différents dans une boucle.

# %% [markdown]
# # Nombres et textes
#
# Dans les boîtes de Momo, il y a deux sortes de valeurs : des **nombres** (`12`) et des **textes** (`"mangue"`).
# On dit qu'elles n'ont pas le même **type**. Et ça change tout :
#
# | En Python | Résultat |
# |---|---|
# | `3 + 4` | `7` (on additionne des nombres) |
# | `"3" + "4"` | `"34"` (on colle des textes) |
# | `"Momo a " + 12` | une erreur : on ne colle pas un texte et un nombre ! |
#
# Pour passer d'un type à l'autre :
#
# - `str(12)` transforme le nombre 12 en texte `"12"` ;
# - `int("12")` transforme le texte `"12"` en nombre 12.

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : l'ardoise du stand
#
# Momo veut écrire sur son ardoise : `"Momo a 12 pommes"`.
# Crée la variable `message` en collant `"Momo a "`, le nombre de la boîte `pommes` transformé en texte, et `" pommes"`.

# %% [markdown] hints="variables-4-a"
# 1. Le nombre doit devenir un texte avant d'être collé : `str(pommes)`.
# 2. Colle les trois morceaux avec `+`, sans oublier les espaces dans les textes.
# 3. `message = "Momo a " + str(pommes) + " pommes"`.

# %% solution="variables-4-a"
pommes = 12
### BEGIN SOLUTION
message = "Momo a " + str(pommes) + " pommes"
### END SOLUTION
print(message)

# %% tests="variables-4-a" points=1
assert "message" in globals(), "Il n'y a pas encore de boîte nommée message."
assert message == "Momo a 12 pommes", f"Ton ardoise dit {message!r}, mais on attendait \"Momo a 12 pommes\". Vérifie les espaces !"
regles(avec=("pommes",))

# %% wrong="variables-4-a"
message = "momo a " + str(pommes) + " pommes"

# %% right="variables-4-a"
message = 'Momo a ' + str(pommes) + " pommes"

# %% wrong="variables-4-a"
message = "Momo a 12 pommes"

# %% wrong="variables-4-a"
message = "Momo a" + str(pommes) + "pommes"

# %% [markdown]
# ## Exercice 2 : le prix écrit à la main
#
# Un client a écrit le prix d'un ananas sur un papier : c'est un texte, `"5"` (dans la boîte `prix_ecrit`).
# Momo ajoute 2 € pour le sac. Crée `total`, le **nombre** à payer.

# %% [markdown] hints="variables-4-b"
# 1. `prix_ecrit + 2` donne une erreur : on ne peut pas additionner un texte et un nombre.
# 2. Transforme d'abord le texte en nombre avec `int(…)`.
# 3. `total = int(prix_ecrit) + 2`.

# %% solution="variables-4-b"
prix_ecrit = "5"
### BEGIN SOLUTION
total = int(prix_ecrit) + 2
### END SOLUTION
print("À payer :", total, "€")

# %% tests="variables-4-b" points=2
assert "total" in globals(), "Il n'y a pas encore de boîte nommée total."
assert total == 7, f"La boîte total contient {total!r}, mais on attendait le nombre 7 (5 + 2). As-tu transformé le texte en nombre avec int ?"
regles(avec=("prix_ecrit",))

# %% wrong="variables-4-b"
total = int(prix_ecrit) + 3

# %% wrong="variables-4-b"
total = 7
# ---
total = prix_ecrit + "2"

# %% right="variables-4-b"
total = int(prix_ecrit) + 2
print("J'ai fini !")

# %% [markdown]
# ## Exercice 3 : l'étiquette de prix
#
# Momo prépare l'étiquette d'un fruit. Il a le nom du fruit (`fruit`), le prix d'un fruit (`prix`)
# et le nombre de fruits (`nombre`). Crée `etiquette`, qui doit donner par exemple : `"3 mangues : 6 €"`.
# Le prix total est calculé : `prix * nombre`.

# %% [markdown] hints="variables-4-c"
# 1. Deux nombres à transformer en texte : `nombre` et le prix total `prix * nombre`.
# 2. Les morceaux : `str(nombre)`, `" "`, `fruit`, `"s : "`, `str(prix * nombre)`, `" €"`.
# 3. `etiquette = str(nombre) + " " + fruit + "s : " + str(prix * nombre) + " €"`.

# %% solution="variables-4-c"
fruit = "mangue"
prix = 2
nombre = 3
### BEGIN SOLUTION
etiquette = str(nombre) + " " + fruit + "s : " + str(prix * nombre) + " €"
### END SOLUTION
print(etiquette)

# %% tests="variables-4-c" points=3
assert "etiquette" in globals(), "Il n'y a pas encore de boîte nommée etiquette."
assert meme_texte(etiquette, "3 mangues : 6 €"), f"Ton étiquette dit {etiquette!r}, mais on attendait \"3 mangues : 6 €\"."
regles(avec=("fruit", "prix", "nombre"))

# %% wrong="variables-4-c"
etiquette = str(nombre) + " " + fruit + "S : " + str(prix * nombre) + " €"

# %% right="variables-4-c"
etiquette = str(nombre) + ' ' + fruit + "s : " + str(prix * nombre) + " €"

# %% wrong="variables-4-c"
etiquette = "3 mangues : 6 €"
# ---
etiquette = str(nombre) + " " + fruit + "s : 6 €"

# %% right="variables-4-c"
etiquette = str(nombre) + " " + fruit + "s: " + str(prix * nombre) + " €"

# %% [markdown] sheet=true
# ## Objectifs
# Distinguer les nombres et les textes, passer de l'un à l'autre (`str`, `int`).
# ## Durée
# 50 minutes.
# ## Prérequis
# Variables 3.
# ## Échauffement débranché
# Coller des étiquettes-mots et des étiquettes-nombres pour faire une phrase.
# ## Points de vigilance
# `"5" + 2` est une erreur. Les espaces dans les textes collés.
# ## Aider un enfant bloqué
# Afficher chaque morceau avec `print` avant de les coller.
# ## Pour aller plus loin
# Faire une étiquette pour plusieurs fruits.

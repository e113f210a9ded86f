# %% [markdown]
# # Les comptes de Momo
#
# Avec des variables, Momo peut faire tous ses calculs :
#
# | En Python | Calcul |
# |---|---|
# | `a + b` | addition |
# | `a - b` | soustraction |
# | `a * b` | multiplication |
# | `a // b` | division entière (combien de fois b rentre dans a) |
# | `a % b` | le reste de la division |
#
# Le grand avantage : si un prix change, on change une seule boîte, et tous les calculs suivent.

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : trois melons
#
# Un melon coûte 4 € (`prix_melon`). Un client en achète 3 (`melons`).
# Crée la variable `total` avec le prix à payer, calculé avec les deux boîtes.

# %% [markdown] hints="variables-3-a"
# 1. Le prix total, c'est le prix d'un melon **fois** le nombre de melons.
# 2. En Python, « fois » s'écrit `*`.
# 3. `total = prix_melon * melons`.

# %% solution="variables-3-a"
prix_melon = 4
melons = 3
### BEGIN SOLUTION
total = prix_melon * melons
### END SOLUTION
print("À payer :", total, "€")

# %% tests="variables-3-a" points=1
assert "total" in globals(), "Il n'y a pas encore de boîte nommée total."
assert total == 12, f"La boîte total contient {total!r}, mais 3 melons à 4 € coûtent 12 €."
regles(calcule=("total",))

# %% right="variables-3-a"
total = prix_melon * melons
print("J'ai fini !")

# %% wrong="variables-3-a"
total = 12
# ---
total = prix_melon + melons
# ---
total = prix_melon * 4

# %% [markdown]
# ## Exercice 2 : rendre la monnaie
#
# Le client doit payer `total` (12 €) et donne un billet de 20 € (`billet`).
# Crée la variable `rendu` : l'argent que Momo lui rend.

# %% [markdown] hints="variables-3-b"
# 1. Momo rend la différence entre le billet et le prix.
# 2. C'est une soustraction : le billet **moins** le total.
# 3. `rendu = billet - total`.

# %% solution="variables-3-b"
total = 12
billet = 20
### BEGIN SOLUTION
rendu = billet - total
### END SOLUTION
print("Momo rend", rendu, "€")

# %% tests="variables-3-b" points=2
assert "rendu" in globals(), "Il n'y a pas encore de boîte nommée rendu."
assert rendu == 8, f"La boîte rendu contient {rendu!r}, mais pour un billet de 20 € et 12 € à payer, Momo rend 8 €."
regles(calcule=("rendu",))

# %% right="variables-3-b"
rendu = billet - total
print("J'ai fini !")

# %% wrong="variables-3-b"
rendu = 8
# ---
rendu = total - billet
# ---
rendu = billet + total

# %% [markdown]
# ## Exercice 3 : partager les cerises
#
# Momo partage 17 cerises (`cerises`) entre 5 enfants (`enfants`), pour que chacun en ait autant.
# Crée :
#
# - `par_enfant` : combien de cerises chaque enfant reçoit ;
# - `reste` : combien de cerises il reste pour Momo.

# %% [markdown] hints="variables-3-c"
# 1. La division entière `//` donne combien de cerises chacun reçoit ; le reste `%` donne ce qui reste.
# 2. `cerises // enfants` et `cerises % enfants`.
# 3. `par_enfant = cerises // enfants` puis `reste = cerises % enfants`.

# %% solution="variables-3-c"
cerises = 17
enfants = 5
### BEGIN SOLUTION
par_enfant = cerises // enfants
reste = cerises % enfants
### END SOLUTION
print("Chaque enfant reçoit", par_enfant, "cerises, et il en reste", reste)

# %% tests="variables-3-c" points=3
assert "par_enfant" in globals() and "reste" in globals(), "Crée les deux boîtes : par_enfant et reste."
assert par_enfant == 3, f"Chaque enfant reçoit {par_enfant!r} cerises d'après ton calcul, mais 17 cerises pour 5 enfants, ça fait 3 chacun."
assert reste == 2, f"Il reste {reste!r} cerises d'après ton calcul, mais 17 - 5 × 3 = 2."
regles(calcule=("par_enfant", "reste"))

# %% right="variables-3-c"
par_enfant = cerises // enfants
reste = cerises % enfants
print("J'ai fini !")

# %% wrong="variables-3-c"
par_enfant = 3
reste = 2
# ---
par_enfant = cerises / enfants
reste = cerises % enfants
# ---
par_enfant = cerises // enfants
reste = cerises - enfants

# %% [markdown] sheet=true
# ## Objectifs
# Calculer avec des variables (`+`, `-`, `*`, `//`, `%`).
# ## Durée
# 50 minutes.
# ## Prérequis
# Variables 2.
# ## Échauffement débranché
# Partager 17 bonbons entre 5 enfants, pour de vrai : combien chacun, combien il reste ?
# ## Points de vigilance
# `/` donne un nombre à virgule, `//` le nombre entier. Calculer de tête et taper le résultat.
# ## Aider un enfant bloqué
# Faire le calcul à la main d'abord, puis retrouver chaque opération.
# ## Pour aller plus loin
# Changer les prix : le programme suit tout seul.

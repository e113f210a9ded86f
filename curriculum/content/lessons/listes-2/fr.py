# %% [markdown]
# # Ajouter et retirer
#
# Une liste peut changer pendant l'aventure :
#
# - `sac.append("boussole")` ajoute `"boussole"` **à la fin** du sac ;
# - `sac.remove("caillou")` retire le `"caillou"` du sac ;
# - `"carte" in sac` répond `True` si la carte est dans le sac, `False` sinon.

# %% [markdown]
# ## Exercice 1 : la boussole
#
# Inès trouve une boussole. Ajoute `"boussole"` à la fin de son sac.

# %% [markdown] hints="listes-2-a"
# 1. Pour ajouter à la fin, on utilise `.append(…)` juste après le nom de la liste.
# 2. Le texte va entre les parenthèses, avec ses guillemets.
# 3. `sac.append("boussole")`.

# %% solution="listes-2-a"
sac = ["corde", "lampe"]
### BEGIN SOLUTION
sac.append("boussole")
### END SOLUTION
print(sac)

# %% tests="listes-2-a" points=1
assert sac == ["corde", "lampe", "boussole"], f"Le sac contient {sac}, mais on attendait [\"corde\", \"lampe\", \"boussole\"] : la boussole va à la fin."

# %% wrong="listes-2-a"
sac.append("Boussole")

# %% right="listes-2-a"
sac.append('boussole')

# %% wrong="listes-2-a"
sac = ["boussole"]
# ---
sac.append("boussole")
sac.append("boussole")

# %% [markdown]
# ## Exercice 2 : trop lourd !
#
# Le sac est trop lourd : il y a un gros caillou dedans. Retire `"caillou"` du sac.

# %% [markdown] hints="listes-2-b"
# 1. Pour retirer un objet, on utilise `.remove(…)`.
# 2. On donne l'objet lui-même, pas sa place.
# 3. `sac.remove("caillou")`.

# %% solution="listes-2-b"
sac = ["corde", "caillou", "lampe", "gourde"]
### BEGIN SOLUTION
sac.remove("caillou")
### END SOLUTION
print(sac)

# %% tests="listes-2-b" points=2
assert "caillou" not in sac, f"Le caillou est encore dans le sac : {sac}."
assert sac == ["corde", "lampe", "gourde"], f"Le sac contient {sac}, mais on attendait [\"corde\", \"lampe\", \"gourde\"]."

# %% right="listes-2-b"
sac.remove('caillou')

# %% wrong="listes-2-b"
sac.remove("lampe")
# ---
sac = []
# ---
sac.remove(sac[0])

# %% [markdown]
# ## Exercice 3 : ne rien oublier
#
# Avant de partir, Inès vérifie sa liste de choses indispensables, `indispensables`.
# Pour chaque chose indispensable, **si** elle n'est pas dans le sac, ajoute-la au sac.
# Attention : pas de doublon, une chose déjà dans le sac ne doit pas y être deux fois !

# %% [markdown] hints="listes-2-c"
# 1. Une boucle `for chose in indispensables:` passe sur chaque chose, une par une.
# 2. Dans la boucle : `if chose not in sac:` puis ajoute-la.
# 3. `for chose in indispensables:` / `    if chose not in sac:` / `        sac.append(chose)`.

# %% solution="listes-2-c"
sac = ["lampe", "chapeau"]
indispensables = ["carte", "lampe", "gourde"]
### BEGIN SOLUTION
for chose in indispensables:
    if chose not in sac:
        sac.append(chose)
### END SOLUTION
print(sac)

# %% tests="listes-2-c" points=3
assert sac.count("lampe") == 1, f"La lampe est {sac.count('lampe')} fois dans le sac : n'ajoute que ce qui manque."
assert sac == ["lampe", "chapeau", "carte", "gourde"], f"Le sac contient {sac}, mais on attendait [\"lampe\", \"chapeau\", \"carte\", \"gourde\"]."

# %% right="listes-2-c"
for tour in indispensables:
    if tour not in sac:
        sac.append(tour)

# %% wrong="listes-2-c"
for chose in indispensables:
    if not (chose not in sac):
        sac.append(chose)

# %% wrong="listes-2-c"
for chose in indispensables:
    sac.append(chose)
# ---
sac.append("carte")

# %% [markdown] sheet=true
# ## Objectifs
# Ajouter (`append`) et retirer (`remove`) des éléments d'une liste.
# ## Durée
# 45 minutes.
# ## Prérequis
# Listes 1.
# ## Échauffement débranché
# Le sac à dos : on ajoute et on retire des objets réels, la classe tient la liste au tableau.
# ## Points de vigilance
# `append` ajoute à la fin. Retirer un objet absent est une erreur.
# ## Aider un enfant bloqué
# Afficher la liste après chaque ligne.
# ## Pour aller plus loin
# Ne rien ajouter deux fois, avec `if … not in`.

# %% [markdown]
# # Un sac bien rangé
#
# ![Inès](images/ines.svg)
#
# Voici **Inès l'exploratrice**. Elle part dans la jungle avec son sac à dos.
# Dans son sac, les objets sont rangés **dans l'ordre**. En Python, c'est une **liste** :
#
# ```python
# sac = ["corde", "lampe", "gourde"]
# ```
#
# - Une liste s'écrit entre crochets `[ ]`, avec des virgules entre les éléments.
# - `sac[0]` est le **premier** objet (on compte à partir de 0 !), `sac[1]` le deuxième…
# - `sac[-1]` est le **dernier** objet.
# - `len(sac)` donne le nombre d'objets dans la liste.

# %% [markdown]
# ## Exercice 1 : préparer le sac
#
# Crée la liste `sac` avec, dans cet ordre : `"corde"`, `"lampe"`, `"gourde"`.

# %% [markdown] hints="listes-1-a"
# 1. Des crochets, et les trois textes entre guillemets, séparés par des virgules.
# 2. L'ordre compte : la corde d'abord.
# 3. `sac = ["corde", "lampe", "gourde"]`.

# %% solution="listes-1-a"
### BEGIN SOLUTION
sac = ["corde", "lampe", "gourde"]
### END SOLUTION
print(sac)

# %% tests="listes-1-a" points=1
assert "sac" in globals(), "Il n'y a pas encore de liste nommée sac."
assert sac == ["corde", "lampe", "gourde"], f"Le sac contient {sac}, mais on attendait [\"corde\", \"lampe\", \"gourde\"], dans cet ordre."

# %% wrong="listes-1-a"
sac = ["Corde", "lampe", "gourde"]

# %% right="listes-1-a"
sac = ['corde', "lampe", "gourde"]

# %% wrong="listes-1-a"
sac = ["corde", "lampe"]
# ---
sac = "corde, lampe, gourde"

# %% [markdown]
# ## Exercice 2 : le premier et le dernier
#
# Le sac d'Inès est déjà prêt. Crée :
#
# - `premier` : le premier objet du sac ;
# - `dernier` : le dernier objet du sac.
#
# Utilise les crochets, sans recopier les mots.

# %% [markdown] hints="listes-1-b"
# 1. Le premier objet est à la place numéro 0.
# 2. Le dernier objet est à la place -1.
# 3. `premier = sac[0]` puis `dernier = sac[-1]`.

# %% solution="listes-1-b"
sac = ["boussole", "carte", "chapeau", "jumelles"]
### BEGIN SOLUTION
premier = sac[0]
dernier = sac[-1]
### END SOLUTION
print("Premier :", premier, "- dernier :", dernier)

# %% tests="listes-1-b" points=1
assert "premier" in globals() and "dernier" in globals(), "Crée les deux variables : premier et dernier."
assert premier == "boussole", f"premier contient {premier!r}, mais le premier objet du sac est \"boussole\" (place 0)."
assert dernier == "jumelles", f"dernier contient {dernier!r}, mais le dernier objet du sac est \"jumelles\" (place -1)."

# %% wrong="listes-1-b"
premier = sac[1]
dernier = sac[-1]
# ---
premier = sac[0]
dernier = sac[-2]

# %% right="listes-1-b"
premier = sac[0]
dernier = sac[-1]
print("J'ai fini !")

# %% wrong="listes-1-b"
premier = "boussole"
dernier = sac[0]

# %% [markdown]
# ## Exercice 3 : combien d'objets ?
#
# Inès a trouvé plein de choses ! Crée la variable `nombre` : le nombre d'objets dans `trouvailles`,
# calculé avec `len`. Puis crée `troisieme` : le troisième objet de la liste.

# %% [markdown] hints="listes-1-c"
# 1. `len(trouvailles)` compte les objets.
# 2. Le troisième objet est à la place 2, car on compte à partir de 0.
# 3. `nombre = len(trouvailles)` puis `troisieme = trouvailles[2]`.

# %% solution="listes-1-c"
trouvailles = ["plume", "caillou", "coquillage", "graine", "feuille", "bâton"]
### BEGIN SOLUTION
nombre = len(trouvailles)
troisieme = trouvailles[2]
### END SOLUTION
print(nombre, "trouvailles ; la troisième est :", troisieme)

# %% tests="listes-1-c" points=2
assert "nombre" in globals() and "troisieme" in globals(), "Crée les deux variables : nombre et troisieme."
assert nombre == 6, f"nombre contient {nombre!r}, mais il y a 6 trouvailles dans la liste."
assert troisieme == "coquillage", f"troisieme contient {troisieme!r} ; le troisième objet est à la place 2 : \"coquillage\"."

# %% wrong="listes-1-c"
nombre = len(trouvailles)
troisieme = trouvailles[3]

# %% right="listes-1-c"
nombre = len(trouvailles)
troisieme = trouvailles[2]
print("J'ai fini !")

# %% wrong="listes-1-c"
nombre = len(trouvailles)
troisieme = trouvailles[1]

# %% wrong="listes-1-c"
nombre = 5
troisieme = trouvailles[2]

# %% [markdown] sheet=true
# ## Objectifs
# Ranger plusieurs valeurs dans une liste et lire un élément par sa position.
# ## Durée
# 45 minutes.
# ## Prérequis
# L'unité Variables.
# ## Échauffement débranché
# Un train de wagons numérotés à partir de 0 : qui est dans le wagon 2 ?
# ## Points de vigilance
# Le premier élément est à la position 0. `[-1]` donne le dernier.
# ## Aider un enfant bloqué
# Numéroter les cases de la liste au crayon, en commençant à 0.
# ## Pour aller plus loin
# Trouver l'avant-dernier objet.

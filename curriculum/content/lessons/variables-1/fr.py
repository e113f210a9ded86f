# %% [markdown]
# # Une boîte avec un nom
#
# ![Momo](images/momo.svg)
#
# Voici **Momo**, qui tient un stand de fruits au marché. Pour ne rien oublier, Momo range ses informations
# dans des **boîtes avec une étiquette**. En programmation, ces boîtes s'appellent des **variables**.
#
# ```python
# pommes = 12
# ```
#
# Cette ligne crée une boîte nommée `pommes` et met le nombre 12 dedans.
# Le signe `=` veut dire « range dans la boîte » (ce n'est pas le « égal » des maths).
#
# Une boîte peut aussi contenir du texte, entre guillemets : `ville = "Lyon"`.
# Pour regarder dans une boîte, on écrit son nom : `print(pommes)`.

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : les pommes de Momo
#
# Ce matin, Momo a 12 pommes. Crée la variable `pommes` qui contient 12.

# %% [markdown] hints="variables-1-a"
# 1. Le nom de la boîte à gauche, le signe `=`, la valeur à droite.
# 2. Le nom doit être exactement `pommes`, sans accent ni majuscule.
# 3. `pommes = 12`.

# %% solution="variables-1-a"
### BEGIN SOLUTION
pommes = 12
### END SOLUTION
print("Momo a", pommes, "pommes")

# %% tests="variables-1-a" points=1
assert "pommes" in globals(), "Il n'y a pas encore de boîte nommée pommes : écris pommes = …"
assert pommes == 12, f"La boîte pommes contient {pommes!r}, mais Momo a 12 pommes."

# %% wrong="variables-1-a"
pommes = 13

# %% right="variables-1-a"
pommes = 12
print("J'ai fini !")

# %% wrong="variables-1-a"
pommes = 11

# %% wrong="variables-1-a"
pommes = "12"

# %% [markdown]
# ## Exercice 2 : l'étiquette du stand
#
# Crée deux variables :
#
# - `nom`, qui contient le texte `"Momo"` ;
# - `fruit_prefere`, qui contient le texte `"mangue"`.
#
# N'oublie pas les guillemets autour du texte !

# %% [markdown] hints="variables-1-b"
# 1. Un texte s'écrit entre guillemets : `"Momo"`.
# 2. Deux lignes, une par variable.
# 3. `nom = "Momo"` puis `fruit_prefere = "mangue"`.

# %% solution="variables-1-b"
### BEGIN SOLUTION
nom = "Momo"
fruit_prefere = "mangue"
### END SOLUTION
print(nom, "adore la", fruit_prefere)

# %% tests="variables-1-b" points=1
assert "nom" in globals() and "fruit_prefere" in globals(), "Crée les deux boîtes : nom et fruit_prefere."
assert nom == "Momo", f"La boîte nom contient {nom!r}, mais on attendait \"Momo\" (avec une majuscule)."
assert fruit_prefere == "mangue", f"La boîte fruit_prefere contient {fruit_prefere!r}, mais on attendait \"mangue\"."

# %% wrong="variables-1-b"
nom = "momo"
fruit_prefere = "mangue"

# %% right="variables-1-b"
nom = 'Momo'
fruit_prefere = "mangue"

# %% wrong="variables-1-b"
nom = "Momo"
# ---
nom = "Momo"
fruit_prefere = "banane"

# %% [markdown]
# ## Exercice 3 : tous les fruits
#
# Momo a 12 pommes et 7 poires : elles sont déjà dans les boîtes `pommes` et `poires`.
# Crée la variable `fruits` qui contient le nombre total de fruits, **calculé à partir des deux boîtes**.

# %% [markdown] hints="variables-1-c"
# 1. On peut utiliser le contenu d'une boîte dans un calcul, en écrivant son nom.
# 2. Le total, c'est les pommes **plus** les poires.
# 3. `fruits = pommes + poires`.

# %% solution="variables-1-c"
pommes = 12
poires = 7
### BEGIN SOLUTION
fruits = pommes + poires
### END SOLUTION
print("Momo a", fruits, "fruits")

# %% tests="variables-1-c" points=2
assert "fruits" in globals(), "Il n'y a pas encore de boîte nommée fruits."
assert fruits == 19, f"La boîte fruits contient {fruits!r}, mais 12 pommes + 7 poires, ça fait 19 fruits."
regles(calcule=("fruits",), sans_nombre=(19,))

# %% wrong="variables-1-c"
fruits = 19
# ---
fruits = 12 + 7

# %% right="variables-1-c"
fruits = poires + pommes

# %% wrong="variables-1-c"
fruits = pommes - poires

# %% [markdown] sheet=true
# ## Objectifs
# Ranger une valeur dans une boîte nommée (une variable) et la réutiliser.
# ## Durée
# 45 minutes.
# ## Prérequis
# L'unité Conditions.
# ## Échauffement débranché
# Des boîtes à chaussures étiquetées « pommes », « poires » où l'on range des cartes-nombres.
# ## Points de vigilance
# Le `=` range ; il ne dit pas « égal ». Un texte s'écrit entre guillemets, pas un nombre.
# ## Aider un enfant bloqué
# Demander : que contient la boîte ? Faire écrire `print(pommes)`.
# ## Pour aller plus loin
# Ajouter une boîte pour les bananes et recalculer le total.

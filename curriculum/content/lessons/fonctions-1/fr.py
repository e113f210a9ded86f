# %% [markdown]
# # Ma première machine
#
# ![Zed](images/zed.svg)
#
# Voici **Zed l'inventeur**. Zed construit des **machines** : on les lance, elles font un travail,
# et elles **rendent un résultat**. En Python, une machine s'appelle une **fonction**.
#
# Tu as déjà écrit des blocs `def` pour Léo et Coralie. Une fonction peut en plus **renvoyer** un résultat avec `return` :
#
# ```python
# def bonjour():
#     return "Bonjour !"
#
# message = bonjour()   # message contient maintenant "Bonjour !"
# ```
#
# `return` termine la fonction et donne le résultat à celui qui l'a lancée.

# %% include="regles"

# %% [markdown]
# ## Exercice 1 : la machine à saluer
#
# Écris la fonction `salut` qui renvoie le texte `"Bonjour, je suis Zed !"`.

# %% [markdown] hints="fonctions-1-a"
# 1. `def salut():` puis, décalé, une ligne avec `return`.
# 2. Après `return`, le texte entre guillemets, recopié exactement.
# 3. `def salut():` / `    return "Bonjour, je suis Zed !"`.

# %% solution="fonctions-1-a"
### BEGIN SOLUTION
def salut():
    return "Bonjour, je suis Zed !"
### END SOLUTION
print(salut())

# %% tests="fonctions-1-a" points=1
assert "salut" in globals(), "Il n'y a pas encore de fonction salut : écris def salut(): …"
resultat = salut()
assert meme_texte(resultat, "Bonjour, je suis Zed !"), f"Ta fonction renvoie {resultat!r}, mais on attendait \"Bonjour, je suis Zed !\". As-tu écrit return ?"

# %% wrong="fonctions-1-a"
def salut():
    return "bonjour, je suis Zed !"

# %% right="fonctions-1-a"
def salut():
    return 'Bonjour, je suis Zed !'

# %% right="fonctions-1-a"
def salut():
    return "Bonjour, je suis Zed!"

# %% wrong="fonctions-1-a"
def salut():
    print("Bonjour, je suis Zed !")

# %% wrong="fonctions-1-a"
def salut():
    return "Bonjour"

# %% [markdown]
# ## Exercice 2 : la machine à double salut
#
# Une machine peut utiliser une autre machine ! La fonction `salut` est déjà prête.
# Écris la fonction `double_salut` qui renvoie deux saluts collés, séparés par une espace :
# `"Bonjour, je suis Zed ! Bonjour, je suis Zed !"`.

# %% [markdown] hints="fonctions-1-b"
# 1. Dans `double_salut`, appelle `salut()` deux fois.
# 2. Le signe `+` colle des textes : `salut() + " " + salut()`.
# 3. `def double_salut():` / `    return salut() + " " + salut()`.

# %% solution="fonctions-1-b"
def salut():
    return "Bonjour, je suis Zed !"


### BEGIN SOLUTION
def double_salut():
    return salut() + " " + salut()
### END SOLUTION
print(double_salut())

# %% tests="fonctions-1-b" points=2
assert "double_salut" in globals(), "Il n'y a pas encore de fonction double_salut."
resultat = double_salut()
assert meme_texte(resultat, "Bonjour, je suis Zed ! Bonjour, je suis Zed !"), f"Ta fonction renvoie {resultat!r}, mais on attendait deux saluts séparés par une espace."

# %% right="fonctions-1-b"
def double_salut():
    return salut() + ' ' + salut()

# %% wrong="fonctions-1-b"
def double_salut():
    print(salut() + " " + salut())

# %% wrong="fonctions-1-b"
def double_salut():
    return salut() + salut()
# ---
def double_salut():
    return salut()

# %% [markdown]
# ## Exercice 3 : la machine à étoiles
#
# Écris la fonction `etoiles` qui fabrique, avec une boucle, un texte de 5 étoiles `"*****"` et le renvoie.

# %% [markdown] hints="fonctions-1-c"
# 1. Commence avec un texte vide `ligne = ""`, puis ajoute une étoile 5 fois.
# 2. Dans la boucle : `ligne = ligne + "*"`. Après la boucle : `return ligne`.
# 3. `def etoiles():` / `    ligne = ""` / `    for i in range(5):` / `        ligne = ligne + "*"` / `    return ligne`.

# %% solution="fonctions-1-c"
### BEGIN SOLUTION
def etoiles():
    ligne = ""
    for i in range(5):
        ligne = ligne + "*"
    return ligne
### END SOLUTION
print(etoiles())

# %% tests="fonctions-1-c" points=2
assert "etoiles" in globals(), "Il n'y a pas encore de fonction etoiles."
resultat = etoiles()
assert resultat == "*****", f"Ta fonction renvoie {resultat!r}, mais on attendait 5 étoiles : \"*****\". Le return est-il bien après la boucle ?"

# %% wrong="fonctions-1-c"
def etoiles():
    ligne = ""
    for i in range(6):
        ligne = ligne + "*"
    return ligne
# ---
def etoiles():
    ligne = ""
    ligne = ligne + "*"
    return ligne

# %% right="fonctions-1-c"
def etoiles():
    ligne = ""
    for tour in range(5):
        ligne = ligne + "*"
    return ligne
# ---
def etoiles():
    ligne = ""
    for i in range(5):
        ligne += "*"
    return ligne

# %% wrong="fonctions-1-c"
def etoiles():
    ligne = ""
    for i in range(4):
        ligne = ligne + "*"
    return ligne

# %% [markdown] sheet=true
# ## Objectifs
# Écrire une fonction qui renvoie un résultat avec `return`.
# ## Durée
# 45 minutes.
# ## Prérequis
# L'unité Listes.
# ## Échauffement débranché
# La machine à jus : on tourne la manivelle, il sort un verre. La machine ne boit pas le jus : elle le donne.
# ## Points de vigilance
# `print` montre, `return` donne. Appeler la fonction avec ses parenthèses.
# ## Aider un enfant bloqué
# Comparer `print(salut())` et `salut()` seul.
# ## Pour aller plus loin
# Une machine qui salue deux fois, puis trois.

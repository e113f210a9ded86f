# %% [markdown]
# # Des machines qui travaillent ensemble
#
# Les grandes inventions sont faites de petites machines. Pour résoudre un gros problème,
# Zed le **découpe** en petits problèmes, et écrit une fonction pour chacun.
#
# Une fonction peut utiliser le résultat d'une autre :
#
# ```python
# def carre(n):
#     return n * n
#
# def cube(n):
#     return carre(n) * n
# ```
#
# Une fonction peut aussi renvoyer des résultats différents selon un `if`.

# %% [markdown]
# ## Exercice 1 : les carrés
#
# Écris d'abord `carre(n)`, qui renvoie `n` fois `n`.
# Puis écris `somme_des_carres(a, b)`, qui renvoie le carré de `a` plus le carré de `b`, **en utilisant `carre`**.

# %% [markdown] hints="fonctions-3-a"
# 1. Deux fonctions : écris `carre` d'abord, car `somme_des_carres` s'en sert.
# 2. `carre(n)` renvoie `n * n`. `somme_des_carres(a, b)` renvoie `carre(a) + carre(b)`.
# 3. `def carre(n):` / `    return n * n` puis `def somme_des_carres(a, b):` / `    return carre(a) + carre(b)`.

# %% solution="fonctions-3-a"
### BEGIN SOLUTION
def carre(n):
    return n * n


def somme_des_carres(a, b):
    return carre(a) + carre(b)
### END SOLUTION
print(somme_des_carres(3, 4))

# %% tests="fonctions-3-a" points=2
assert "carre" in globals() and "somme_des_carres" in globals(), "Écris les deux fonctions : carre et somme_des_carres."
for n, attendu in ((3, 9), (0, 0), (7, 49)):
    assert carre(n) == attendu, f"carre({n}) renvoie {carre(n)!r}, mais {n} fois {n} font {attendu}."
assert somme_des_carres(3, 4) == 25, f"somme_des_carres(3, 4) renvoie {somme_des_carres(3, 4)!r}, mais 9 + 16 = 25."

# %% right="fonctions-3-a"
# Mon programme
def carre(n):
    return n * n


def somme_des_carres(a, b):
    return carre(a) + carre(b)

# %% wrong="fonctions-3-a"
def carre(n):
    return n * n


def somme_des_carres(a, b):
    return carre(a) - carre(b)

# %% wrong="fonctions-3-a"
def carre(n):
    return n * 2


def somme_des_carres(a, b):
    return carre(a) + carre(b)
# ---
def carre(n):
    return n * n


def somme_des_carres(a, b):
    return a + b

# %% [markdown]
# ## Exercice 2 : le plus grand
#
# Écris la fonction `plus_grand(a, b)` qui renvoie le plus grand des deux nombres, avec un `if`.
# Si les deux sont égaux, elle renvoie ce nombre.

# %% [markdown] hints="fonctions-3-b"
# 1. Si `a > b`, le plus grand est `a`. Sinon, c'est `b`.
# 2. Une fonction peut avoir un `return` dans le `if` et un autre dans le `else`.
# 3. `if a > b:` / `    return a` / `else:` / `    return b`.

# %% solution="fonctions-3-b"
### BEGIN SOLUTION
def plus_grand(a, b):
    if a > b:
        return a
    else:
        return b
### END SOLUTION
print(plus_grand(7, 12))

# %% tests="fonctions-3-b" points=2
assert "plus_grand" in globals(), "Il n'y a pas encore de fonction plus_grand."
for a, b, attendu in ((7, 12, 12), (12, 7, 12), (5, 5, 5), (-3, -8, -3)):
    resultat = plus_grand(a, b)
    assert resultat == attendu, f"plus_grand({a}, {b}) renvoie {resultat!r}, mais le plus grand est {attendu}."

# %% right="fonctions-3-b"
# Mon programme
def plus_grand(a, b):
    if a > b:
        return a
    else:
        return b

# %% wrong="fonctions-3-b"
def plus_grand(a, b):
    if a > b:
        print(a)
    else:
        return b
# ---
def plus_grand(a, b):
    if not (a > b):
        return a
    else:
        return b

# %% wrong="fonctions-3-b"
def plus_grand(a, b):
    return a

# %% [markdown]
# ## Exercice 3 : la moyenne des notes
#
# Les inventions de Zed reçoivent des notes. Écris la fonction `moyenne(notes)` qui reçoit une **liste** de notes
# et renvoie leur moyenne : la somme des notes divisée par le nombre de notes.
# Calcule la somme avec une boucle (sans `sum`).

# %% [markdown] hints="fonctions-3-c"
# 1. Comme pour le trésor d'Inès : `total = 0`, puis une boucle qui ajoute chaque note.
# 2. Le nombre de notes, c'est `len(notes)`. La division s'écrit `/`.
# 3. `total = 0` / `for note in notes:` / `    total = total + note` / `return total / len(notes)`.

# %% solution="fonctions-3-c"
### BEGIN SOLUTION
def moyenne(notes):
    total = 0
    for note in notes:
        total = total + note
    return total / len(notes)
### END SOLUTION
print(moyenne([12, 15, 18]))

# %% tests="fonctions-3-c" points=3
assert "moyenne" in globals(), "Il n'y a pas encore de fonction moyenne."
for notes, attendu in (([12, 15, 18], 15), ([10], 10), ([8, 9], 8.5)):
    resultat = moyenne(notes)
    assert resultat == attendu, f"moyenne({notes}) renvoie {resultat!r}, mais on attendait {attendu}."

# %% wrong="fonctions-3-c"
def moyenne(notes):
    total = 1
    for note in notes:
        total = total + note
    return total / len(notes)

# %% right="fonctions-3-c"
def moyenne(notes):
    total = 0
    for tour in notes:
        total = total + tour
    return total / len(notes)
# ---
def moyenne(notes):
    total = 0
    for note in notes:
        total += note
    return total / len(notes)

# %% wrong="fonctions-3-c"
def moyenne(notes):
    total = 0
    for note in notes:
        total = total + note
    print(total / len(notes))
# ---
def moyenne(notes):
    total = 0
    for note in notes:
        total = total - note
    return total / len(notes)

# %% [markdown] sheet=true
# ## Objectifs
# Faire travailler des fonctions ensemble : l'une appelle l'autre.
# ## Durée
# 50 minutes.
# ## Prérequis
# Fonctions 2.
# ## Échauffement débranché
# La chaîne de montage : un enfant double un nombre, le suivant ajoute 1.
# ## Points de vigilance
# Le résultat d'une fonction sert à la suivante. `return` arrête la fonction.
# ## Aider un enfant bloqué
# Tester chaque fonction seule avant de les assembler.
# ## Pour aller plus loin
# Calculer la moyenne de trois notes, puis de quatre.

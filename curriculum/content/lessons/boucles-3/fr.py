# %% [markdown]
# # Le compteur de la boucle
#
# Dans `for i in range(10):`, le `i` n'est pas là pour faire joli : c'est le **compteur** de la boucle.
# À chaque tour, il change de valeur : 0, puis 1, puis 2…
#
# Avec `range(1, 6)`, le compteur compte 1, 2, 3, 4, 5. Il s'arrête juste avant 6 :
#
# ```python
# for i in range(1, 6):
#     ecris(i)
# ```
#
# Tao écrit alors 1, 2, 3, 4, 5 dans son **carnet**. `carnet()` montre ce qu'elle a écrit.
#
# Et une nouveauté : Tao sait faire plusieurs pas d'un coup, par exemple `avance(3)`.

# %% include="tortue"

# %% [markdown]
# ## Exercice 1 : compter jusqu'à 10
#
# Fais écrire à Tao les nombres de 1 à 10 dans son carnet, avec une boucle.

# %% [markdown] hints="boucles-3-a"
# 1. Le compteur doit commencer à 1 et finir à 10 : `range(1, 11)`.
# 2. Dans la boucle, Tao écrit le compteur : `ecris(i)`.
# 3. `for i in range(1, 11):` puis, décalé, `ecris(i)`.

# %% solution="boucles-3-a"
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(1, 11):
    ecris(i)
### END SOLUTION
print(carnet())

# %% tests="boucles-3-a" points=1
attendu = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
assert carnet() == attendu, f"Le carnet de Tao contient {carnet()}, mais on attendait {attendu}."

# %% wrong="boucles-3-a"
for i in range(2, 11):
    ecris(i)
# ---
for i in range(1, 12):
    ecris(i)

# %% right="boucles-3-a"
for tour in range(1, 11):
    ecris(tour)

# %% wrong="boucles-3-a"
for i in range(1, 10):
    ecris(i)

# %% [markdown]
# ## Exercice 2 : la table de 3
#
# Tao révise la table de 3. Fais-lui écrire 3, 6, 9… jusqu'à 30.
# Utilise le compteur : `3 * i` veut dire « 3 fois i ».

# %% [markdown] hints="boucles-3-b"
# 1. Le compteur va de 1 à 10, comme dans l'exercice 1.
# 2. Au lieu d'écrire `i`, Tao écrit `3 * i`.
# 3. `for i in range(1, 11):` puis, décalé, `ecris(3 * i)`.

# %% solution="boucles-3-b"
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(1, 11):
    ecris(3 * i)
### END SOLUTION
print(carnet())

# %% tests="boucles-3-b" points=2
attendu = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30]
assert carnet() == attendu, f"Le carnet de Tao contient {carnet()}, mais la table de 3 c'est {attendu}."

# %% wrong="boucles-3-b"
for i in range(2, 11):
    ecris(3 * i)
# ---
for i in range(1, 12):
    ecris(3 * i)
# ---
ecris(3 * i)

# %% right="boucles-3-b"
for tour in range(1, 11):
    ecris(3 * tour)

# %% [markdown]
# ## Exercice 3 : l'escargot
#
# Tao dessine une spirale : elle avance de 1, tourne à gauche, avance de 2, tourne à gauche, avance de 3…
# jusqu'à avancer de 7. Le compteur donne la longueur de chaque trait : `avance(i)`.
#
# ```
# ########
# .......#
# ..####.#
# ..#..#.#
# ..#.##.#
# ..#....#
# ..######
# ```

# %% [markdown] hints="boucles-3-c"
# 1. La longueur des traits va de 1 à 7 : `range(1, 8)`.
# 2. Dans la boucle : avance de `i` pas, puis tourne à gauche.
# 3. `for i in range(1, 8):` puis, décalés, `avance(i)` et `tourne_gauche()`.

# %% solution="boucles-3-c"
nouvelle_feuille()
### BEGIN SOLUTION
for i in range(1, 8):
    avance(i)
    tourne_gauche()
### END SOLUTION
montre()

# %% tests="boucles-3-c" points=3
attendu = "########\n.......#\n..####.#\n..#..#.#\n..#.##.#\n..#....#\n..######"
assert dessin() == attendu, f"L'escargot n'est pas encore le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="boucles-3-c"
for i in range(2, 8):
    avance(i)
    tourne_gauche()
# ---
for i in range(1, 9):
    avance(i)
    tourne_gauche()
# ---
avance(i)
tourne_gauche()

# %% right="boucles-3-c"
for tour in range(1, 8):
    avance(tour)
    tourne_gauche()

# %% [markdown]
# ## Exercice 4 : prévois, puis corrige
#
# Tao doit écrire les nombres de 1 à 5 dans son carnet. Le programme est déjà écrit, mais il a un bug.
#
# 1. Lis le programme. Que va écrire Tao ? Dis-le à ton voisin.
# 2. Lance-le pour vérifier.
# 3. Corrige-le.

# %% [markdown] hints="boucles-3-d"
# 1. Lance le programme et regarde le carnet : quel nombre manque ?
# 2. `range` s'arrête juste avant le deuxième nombre.
# 3. Change un seul nombre dans `range(1, 5)`.

# %% solution="boucles-3-d" fix=true
### BEGIN SOLUTION
### END SOLUTION
nouvelle_feuille()
for i in range(1, 5):
    ecris(i)
print(carnet())

# %% tests="boucles-3-d" points=2
assert carnet() == [1, 2, 3, 4, 5], f"Le carnet de Tao dit {carnet()}, mais on attendait [1, 2, 3, 4, 5]."

# %% wrong="boucles-3-d"
nouvelle_feuille()
for i in range(1, 5):
    ecris(i)
# ---
nouvelle_feuille()
for i in range(0, 5):
    ecris(i)
# ---
nouvelle_feuille()
for i in range(5):
    ecris(i)
# ---
nouvelle_feuille()
for i in range(1, 7):
    ecris(i)

# %% right="boucles-3-d"
nouvelle_feuille()
for i in range(1, 6):
    ecris(i)
print(carnet())
# ---
nouvelle_feuille()
for i in range(5):
    ecris(i + 1)

# %% [markdown] sheet=true
# ## Objectifs
# Utiliser le compteur de la boucle : `range(1, 6)` compte 1, 2, 3, 4, 5.
# ## Durée
# 50 minutes.
# ## Prérequis
# Boucles 2.
# ## Échauffement débranché
# Compter à voix haute en sautant : de 1 à 10, puis de 3 en 3.
# ## Points de vigilance
# `range` s'arrête juste avant le dernier nombre. Le compteur change à chaque tour.
# ## Aider un enfant bloqué
# Faire afficher le compteur avec `print` pour voir ses valeurs.
# ## Pour aller plus loin
# Compter à rebours, ou de 2 en 2.

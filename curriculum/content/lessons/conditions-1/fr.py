# %% [markdown]
# # S'il y a un mur
#
# ![Coralie](images/coralie.svg)
#
# Voici **Coralie la souris**. Elle court dans des couloirs pour trouver du fromage.
# Le problème : elle ne connaît pas le couloir à l'avance ! Avant d'agir, elle doit **regarder**, puis **décider**.
#
# Pour décider, on utilise `if` (« si » en anglais) :
#
# ```python
# if mur_devant():
#     saute()
# ```
#
# S'il y a un mur devant, Coralie saute. Sinon, elle ne fait rien. Comme avec `for`, il faut les deux-points `:` et le décalage.
#
# Coralie sait : `avance()`, `saute()` (par-dessus la case devant elle), `mange()`.
# Elle peut regarder : `mur_devant()` et `fromage_ici()`, qui répondent vrai (`True`) ou faux (`False`).
#
# Ton programme va dans un bloc `def coralie():`. On l'essaie sur plusieurs couloirs avec `essaie(coralie, ". # .")`.
# Dans un couloir : `.` case vide, `F` fromage, `#` mur. Coralie part toujours de la première case.

# %% include="couloir"

# %% [markdown]
# ## Exercice 1 : sauter le mur
#
# S'il y a un mur devant Coralie, elle saute par-dessus. S'il n'y a pas de mur, elle ne bouge pas.

# %% [markdown] hints="conditions-1-a"
# 1. Ton bloc `def coralie():` contient un seul `if`.
# 2. La question à poser : `mur_devant()`. L'action : `saute()`.
# 3. `def coralie():` / `    if mur_devant():` / `        saute()`.

# %% solution="conditions-1-a"
### BEGIN SOLUTION
def coralie():
    if mur_devant():
        saute()
### END SOLUTION
essaie(coralie, ". # .")
print("Coralie est sur la case", position())

# %% tests="conditions-1-a" points=1
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
essaie(coralie, ". # .")
assert position() == 2, f"Avec un mur devant elle, Coralie doit sauter jusqu'à la case 2, mais elle est sur la case {position()}."
essaie(coralie, ". . .")
assert sauts() == 0, "Sans mur devant elle, Coralie ne doit pas sauter : elle a sauté pour rien."

# %% right="conditions-1-a"
# Mon programme
def coralie():
    if mur_devant():
        saute()

# %% wrong="conditions-1-a"
def coralie():
    if not (mur_devant()):
        saute()

# %% wrong="conditions-1-a"
def coralie():
    saute()
# ---
def coralie():
    avance()

# %% [markdown]
# ## Exercice 2 : le fromage
#
# Coralie avance d'une case. Ensuite, **si** il y a du fromage ici, elle le mange.
# Attention : si elle mange alors qu'il n'y a pas de fromage, elle croque dans le vide !

# %% [markdown] hints="conditions-1-b"
# 1. D'abord `avance()`, toujours. Ensuite seulement, la question.
# 2. La question : `fromage_ici()`. L'action : `mange()`.
# 3. `def coralie():` / `    avance()` / `    if fromage_ici():` / `        mange()`.

# %% solution="conditions-1-b"
### BEGIN SOLUTION
def coralie():
    avance()
    if fromage_ici():
        mange()
### END SOLUTION
essaie(coralie, ". F .")
print("Fromages mangés :", fromages())

# %% tests="conditions-1-b" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
essaie(coralie, ". F .")
assert fromages() == 1, f"Il y a un fromage juste devant Coralie, mais elle en a mangé {fromages()}."
essaie(coralie, ". . F")
assert erreurs() == 0, "Sans fromage sur sa case, Coralie a croqué dans le vide : mange seulement s'il y a du fromage."

# %% right="conditions-1-b"
# Mon programme
def coralie():
    avance()
    if fromage_ici():
        mange()

# %% wrong="conditions-1-b"
def coralie():
    avance()
    if not (fromage_ici()):
        mange()

# %% wrong="conditions-1-b"
def coralie():
    avance()
    mange()
# ---
def coralie():
    if fromage_ici():
        mange()
    avance()

# %% [markdown]
# ## Exercice 3 : la chasse au fromage
#
# Le couloir a 7 cases. Coralie avance 6 fois. **À chaque pas**, s'il y a du fromage, elle le mange.
# Ton programme doit marcher dans **tous** les couloirs, même ceux que tu n'as pas vus !

# %% [markdown] hints="conditions-1-c"
# 1. Une boucle `for` qui tourne 6 fois, et dans la boucle : avancer, puis la question du fromage.
# 2. Le `if` est dans la boucle : il est décalé deux fois, et `mange()` trois fois.
# 3. `for i in range(6):` / `    avance()` / `    if fromage_ici():` / `        mange()`, le tout dans `def coralie():`.

# %% solution="conditions-1-c"
### BEGIN SOLUTION
def coralie():
    for i in range(6):
        avance()
        if fromage_ici():
            mange()
### END SOLUTION
essaie(coralie, ". F . F . . F")
print("Fromages mangés :", fromages())

# %% tests="conditions-1-c" points=3
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, attendu in ((". F . F . . F", 3), (". . F F . F .", 3), (". . . . . . .", 0)):
    essaie(coralie, couloir)
    assert fromages() == attendu, f"Dans le couloir « {couloir} », Coralie a mangé {fromages()} fromages au lieu de {attendu}."
    assert erreurs() == 0, f"Dans le couloir « {couloir} », Coralie a croqué {erreurs()} fois dans le vide."

# %% wrong="conditions-1-c"
def coralie():
    avance()
    if fromage_ici():
        mange()

# %% right="conditions-1-c"
def coralie():
    for tour in range(6):
        avance()
        if fromage_ici():
            mange()
# ---
def coralie():
    for i in range(0, 6):
        avance()
        if fromage_ici():
            mange()

# %% wrong="conditions-1-c"
def coralie():
    for i in range(5):
        avance()
        if fromage_ici():
            mange()
# ---
def coralie():
    for i in range(6):
        avance()
        if not (fromage_ici()):
            mange()

# %% [markdown] sheet=true
# ## Objectifs
# Faire un choix avec `if` : agir seulement si une condition est vraie.
# ## Durée
# 45 minutes.
# ## Prérequis
# L'unité Événements.
# ## Échauffement débranché
# « Jacques a dit » : on obéit seulement si la phrase commence par « Jacques a dit ».
# ## Points de vigilance
# Les deux-points et le décalage sous le `if`. Tester la condition au bon moment (à chaque pas).
# ## Aider un enfant bloqué
# Faire dire la condition en français : « s'il y a un mur, je saute ».
# ## Pour aller plus loin
# Ajouter une deuxième condition pour le fromage.

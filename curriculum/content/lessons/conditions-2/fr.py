# %% [markdown]
# # Sinon…
#
# Avec `if`, Coralie fait quelque chose **seulement si** la réponse est vraie.
# Avec `else` (« sinon »), on dit ce qu'elle fait **dans l'autre cas** :
#
# ```python
# if mur_devant():
#     saute()
# else:
#     avance()
# ```
#
# Un des deux blocs se lance, jamais les deux. Le `else:` est aligné avec le `if`.

# %% include="couloir"

# %% [markdown]
# ## Exercice 1 : sauter ou avancer
#
# S'il y a un mur devant, Coralie saute. Sinon, elle avance d'une case.

# %% [markdown] hints="conditions-2-a"
# 1. Un `if` avec `mur_devant()`, et un `else:`.
# 2. `else:` est au même niveau que `if`, et l'action du sinon est décalée dessous.
# 3. `def coralie():` / `    if mur_devant():` / `        saute()` / `    else:` / `        avance()`.

# %% solution="conditions-2-a"
### BEGIN SOLUTION
def coralie():
    if mur_devant():
        saute()
    else:
        avance()
### END SOLUTION
essaie(coralie, ". # .")
print("Coralie est sur la case", position())

# %% tests="conditions-2-a" points=1
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
essaie(coralie, ". # .")
assert position() == 2, f"Avec un mur devant, Coralie doit sauter jusqu'à la case 2, mais elle est sur la case {position()}."
essaie(coralie, ". . #")
assert position() == 1, f"Sans mur devant, Coralie doit avancer jusqu'à la case 1, mais elle est sur la case {position()}."

# %% right="conditions-2-a"
# Mon programme
def coralie():
    if mur_devant():
        saute()
    else:
        avance()

# %% wrong="conditions-2-a"
def coralie():
    if not (mur_devant()):
        saute()
    else:
        avance()

# %% wrong="conditions-2-a"
def coralie():
    saute()
# ---
def coralie():
    if mur_devant():
        avance()
    else:
        saute()

# %% [markdown]
# ## Exercice 2 : le couloir plein de murs
#
# Répète 4 fois : s'il y a un mur devant, saute ; sinon, avance.
# Coralie doit arriver au bout du couloir sans se cogner, quel que soit le couloir.

# %% [markdown] hints="conditions-2-b"
# 1. Mets le `if … else` de l'exercice 1 dans une boucle qui tourne 4 fois.
# 2. Tout le `if … else` est décalé sous le `for`.
# 3. `for i in range(4):` / `    if mur_devant():` / `        saute()` / `    else:` / `        avance()`.

# %% solution="conditions-2-b"
### BEGIN SOLUTION
def coralie():
    for i in range(4):
        if mur_devant():
            saute()
        else:
            avance()
### END SOLUTION
essaie(coralie, ". . # . # . .")
print("Coralie est sur la case", position(), "sur", fin())

# %% tests="conditions-2-b" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir in (". . # . # . .", ". # . . # . .", ". # . # . . ."):
    essaie(coralie, couloir)
    assert chocs() == 0, f"Dans le couloir « {couloir} », Coralie s'est cognée {chocs()} fois."
    assert position() == fin(), f"Dans le couloir « {couloir} », Coralie s'arrête case {position()} au lieu d'arriver au bout (case {fin()})."

# %% wrong="conditions-2-b"
def coralie():
    for i in range(5):
        if mur_devant():
            saute()
        else:
            avance()
# ---
def coralie():
    if mur_devant():
        saute()
    else:
        avance()

# %% right="conditions-2-b"
def coralie():
    for tour in range(4):
        if mur_devant():
            saute()
        else:
            avance()
# ---
def coralie():
    for i in range(0, 4):
        if mur_devant():
            saute()
        else:
            avance()

# %% wrong="conditions-2-b"
def coralie():
    for i in range(3):
        if mur_devant():
            saute()
        else:
            avance()

# %% [markdown]
# ## Exercice 3 : miam ou rien
#
# Coralie avance 5 fois. À chaque pas : s'il y a du fromage, elle le mange ; sinon, elle dit `"Rien ici"`.

# %% [markdown] hints="conditions-2-c"
# 1. Dans la boucle : d'abord `avance()`, puis le `if … else`.
# 2. La question : `fromage_ici()`. Si oui : `mange()`. Sinon : `dit("Rien ici")`.
# 3. `for i in range(5):` / `    avance()` / `    if fromage_ici():` / `        mange()` / `    else:` / `        dit("Rien ici")`.

# %% solution="conditions-2-c"
### BEGIN SOLUTION
def coralie():
    for i in range(5):
        avance()
        if fromage_ici():
            mange()
        else:
            dit("Rien ici")
### END SOLUTION
essaie(coralie, ". F . F . .")

# %% tests="conditions-2-c" points=3
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, miam, rien in ((". F . F . .", 2, 3), (". . . F F F", 3, 2)):
    essaie(coralie, couloir)
    assert fromages() == miam, f"Dans le couloir « {couloir} », Coralie a mangé {fromages()} fromages au lieu de {miam}."
    assert paroles() == ["Rien ici"] * rien, f"Dans le couloir « {couloir} », Coralie dit {paroles()} : elle doit dire « Rien ici » {rien} fois, une fois par case vide."

# %% wrong="conditions-2-c"
def coralie():
    for i in range(6):
        avance()
        if fromage_ici():
            mange()
        else:
            dit("Rien ici")
# ---
def coralie():
    avance()
    if fromage_ici():
        mange()
    else:
        dit("Rien ici")
# ---
def coralie():
    for i in range(5):
        avance()
        if fromage_ici():
            mange()
        else:
            dit("rien ici")

# %% right="conditions-2-c"
def coralie():
    for tour in range(5):
        avance()
        if fromage_ici():
            mange()
        else:
            dit("Rien ici")
# ---
def coralie():
    for i in range(0, 5):
        avance()
        if fromage_ici():
            mange()
        else:
            dit("Rien ici")

# %% [markdown] sheet=true
# ## Objectifs
# Choisir entre deux actions avec `if … else`.
# ## Durée
# 45 minutes.
# ## Prérequis
# Conditions 1.
# ## Échauffement débranché
# Le feu : vert, j'avance ; sinon, je m'arrête.
# ## Points de vigilance
# Le `else` n'a pas de condition. Il s'aligne avec le `if`.
# ## Aider un enfant bloqué
# Jouer les deux cas à la main : avec mur, sans mur.
# ## Pour aller plus loin
# Faire traverser un couloir où les murs changent de place.

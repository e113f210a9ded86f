# %% [markdown]
# # Et, ou, non
#
# Parfois, une seule question ne suffit pas. On peut combiner les questions :
#
# - `a and b` (« et ») : vrai si **les deux** sont vrais ;
# - `a or b` (« ou ») : vrai si **au moins un** des deux est vrai ;
# - `not a` (« non ») : vrai si `a` est **faux**.
#
# ```python
# if fromage_ici() and panneau() < 5:
#     mange()
# ```

# %% include="couloir"

# %% [markdown]
# ## Exercice 1 : un fromage bien frais
#
# Le panneau dit depuis combien de jours le fromage est là. Coralie mange **seulement si**
# il y a du fromage ici **et** que le panneau indique moins de 5 jours. Sinon, elle dit `"Non merci"`.

# %% [markdown] hints="conditions-4-a"
# 1. Deux questions reliées par `and` : `fromage_ici()` et `panneau() < 5`.
# 2. Si les deux sont vraies : `mange()`. Sinon : `dit("Non merci")`.
# 3. `if fromage_ici() and panneau() < 5:` / `    mange()` / `else:` / `    dit("Non merci")`.

# %% solution="conditions-4-a"
### BEGIN SOLUTION
def coralie():
    if fromage_ici() and panneau() < 5:
        mange()
    else:
        dit("Non merci")
### END SOLUTION
essaie(coralie, "F", panneau=2)

# %% tests="conditions-4-a" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
essaie(coralie, "F", panneau=2)
assert fromages() == 1, "Le fromage est là depuis 2 jours : il est frais, Coralie doit le manger."
essaie(coralie, "F", panneau=7)
assert fromages() == 0 and paroles() == ["Non merci"], f"Le fromage est là depuis 7 jours : Coralie doit dire « Non merci » ; elle a mangé {fromages()} fromage et dit {paroles()}."
essaie(coralie, ".", panneau=2)
assert erreurs() == 0 and paroles() == ["Non merci"], "Sans fromage, Coralie doit dire « Non merci » sans croquer dans le vide."

# %% wrong="conditions-4-a"
def coralie():
    if fromage_ici() and panneau() < 5:
        mange()
    else:
        dit("non merci")

# %% right="conditions-4-a"
def coralie():
    if fromage_ici() and panneau() < 5:
        mange()
    else:
        dit('Non merci')

# %% wrong="conditions-4-a"
def coralie():
    if fromage_ici() or panneau() < 5:
        mange()
    else:
        dit("Non merci")
# ---
def coralie():
    if not (fromage_ici() and panneau() < 5):
        mange()
    else:
        dit("Non merci")

# %% [markdown]
# ## Exercice 2 : la flaque
#
# Quand le panneau indique 1, il y a une flaque devant Coralie. Elle saute **si** il y a un mur devant
# **ou** si le panneau indique 1. Sinon, elle avance.

# %% [markdown] hints="conditions-4-b"
# 1. Deux questions reliées par `or` : `mur_devant()` ou `panneau() == 1`.
# 2. Si l'une des deux est vraie : `saute()`. Sinon : `avance()`.
# 3. `if mur_devant() or panneau() == 1:` / `    saute()` / `else:` / `    avance()`.

# %% solution="conditions-4-b"
### BEGIN SOLUTION
def coralie():
    if mur_devant() or panneau() == 1:
        saute()
    else:
        avance()
### END SOLUTION
essaie(coralie, ". . .", panneau=1)

# %% tests="conditions-4-b" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, nombre, attendu in ((". # .", 0, 2), (". . .", 1, 2), (". . .", 0, 1)):
    essaie(coralie, couloir, panneau=nombre)
    assert position() == attendu, f"Dans le couloir « {couloir} » avec le panneau {nombre}, Coralie doit finir case {attendu}, mais elle est case {position()}."

# %% wrong="conditions-4-b"
def coralie():
    if mur_devant() or panneau() == 2:
        saute()
    else:
        avance()
# ---
def coralie():
    if mur_devant() or panneau() != 1:
        saute()
    else:
        avance()

# %% right="conditions-4-b"
# Mon programme
def coralie():
    if mur_devant() or panneau() == 1:
        saute()
    else:
        avance()

# %% wrong="conditions-4-b"
def coralie():
    if mur_devant() and panneau() == 1:
        saute()
    else:
        avance()

# %% [markdown]
# ## Exercice 3 : jusqu'au fromage
#
# Coralie fait 5 tours de boucle. À chaque tour, **s'il n'y a pas** de fromage ici, elle avance.
# Après la boucle, elle mange le fromage sur lequel elle s'est arrêtée.

# %% [markdown] hints="conditions-4-c"
# 1. « Il n'y a pas de fromage ici » s'écrit `not fromage_ici()`.
# 2. Dans la boucle, un `if` sans `else`. Après la boucle (pas décalé sous le `for`), `mange()`.
# 3. `for i in range(5):` / `    if not fromage_ici():` / `        avance()` / `mange()`, le tout dans `def coralie():`.

# %% solution="conditions-4-c"
### BEGIN SOLUTION
def coralie():
    for i in range(5):
        if not fromage_ici():
            avance()
    mange()
### END SOLUTION
essaie(coralie, ". . F . . .")
print("Coralie s'est arrêtée case", position())

# %% tests="conditions-4-c" points=3
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, case in ((". . F . . .", 2), (". . . . . F", 5), ("F . . . . .", 0)):
    essaie(coralie, couloir)
    assert position() == case, f"Dans le couloir « {couloir} », Coralie doit s'arrêter sur le fromage (case {case}), mais elle est case {position()}."
    assert fromages() == 1, f"Dans le couloir « {couloir} », Coralie doit manger le fromage à la fin."

# %% wrong="conditions-4-c"
def coralie():
    if not fromage_ici():
        avance()
    mange()

# %% right="conditions-4-c"
def coralie():
    for tour in range(5):
        if not fromage_ici():
            avance()
    mange()
# ---
def coralie():
    for i in range(0, 5):
        if not fromage_ici():
            avance()
    mange()

# %% wrong="conditions-4-c"
def coralie():
    for i in range(4):
        if not fromage_ici():
            avance()
    mange()
# ---
def coralie():
    for i in range(5):
        if not (not fromage_ici()):
            avance()
    mange()

# %% [markdown] sheet=true
# ## Objectifs
# Combiner des conditions avec `and`, `or`, `not`.
# ## Durée
# 50 minutes.
# ## Prérequis
# Conditions 3.
# ## Échauffement débranché
# « Levez-vous si vous avez des lunettes et un pull rouge », puis « ou ».
# ## Points de vigilance
# `and` demande les deux, `or` une seule. `not` inverse.
# ## Aider un enfant bloqué
# Faire un tableau vrai/faux des deux conditions.
# ## Pour aller plus loin
# Écrire une condition avec trois parties.

# %% [markdown]
# # Tant que…
#
# Avec `for`, on sait à l'avance combien de fois répéter. Mais Coralie ne sait pas où est le fromage !
# La boucle `while` (« tant que ») répète **tant qu'une condition est vraie** :
#
# ```python
# while not fromage_ici():
#     avance()
# ```
#
# « Tant qu'il n'y a pas de fromage ici, avance. » Dès que la condition devient fausse, la boucle s'arrête.
#
# Attention : si la condition ne devient jamais fausse, la boucle ne s'arrête jamais !
# Ici, Coralie s'arrête épuisée après 100 pas, pour te prévenir.

# %% include="couloir"

# %% [markdown]
# ## Exercice 1 : droit au fromage
#
# Tant qu'il n'y a pas de fromage ici, Coralie avance. Ensuite, elle mange.
# Le fromage peut être loin ou près : ton programme doit marcher partout.

# %% [markdown] hints="conditions-5-a"
# 1. La condition de la boucle : `not fromage_ici()`.
# 2. Dans la boucle : `avance()`. Après la boucle (pas décalé sous le `while`) : `mange()`.
# 3. `while not fromage_ici():` / `    avance()` / `mange()`, le tout dans `def coralie():`.

# %% solution="conditions-5-a"
### BEGIN SOLUTION
def coralie():
    while not fromage_ici():
        avance()
    mange()
### END SOLUTION
essaie(coralie, ". . . F")
print("Coralie a mangé", fromages(), "fromage, case", position())

# %% tests="conditions-5-a" points=1
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, case in ((". . . F", 3), (". F", 1), (". . . . . . . . F", 8)):
    essaie(coralie, couloir)
    assert position() == case and fromages() == 1, f"Dans le couloir « {couloir} », Coralie doit s'arrêter case {case} et manger ; elle est case {position()} et a mangé {fromages()} fromage."

# %% wrong="conditions-5-a"
def coralie():
    avance()
    mange()

# %% right="conditions-5-a"
# Mon programme
def coralie():
    while not fromage_ici():
        avance()
    mange()

# %% wrong="conditions-5-a"
def coralie():
    while not (not fromage_ici()):
        avance()
    mange()

# %% wrong="conditions-5-a"
def coralie():
    while not fromage_ici():
        avance()

# %% [markdown]
# ## Exercice 2 : jusqu'au mur
#
# Tant qu'il n'y a pas de mur devant elle, Coralie avance. Quand elle arrive devant le mur, elle dit `"Stop !"`.

# %% [markdown] hints="conditions-5-b"
# 1. La condition : `not mur_devant()`.
# 2. `dit("Stop !")` vient après la boucle, une seule fois.
# 3. `while not mur_devant():` / `    avance()` / `dit("Stop !")`.

# %% solution="conditions-5-b"
### BEGIN SOLUTION
def coralie():
    while not mur_devant():
        avance()
    dit("Stop !")
### END SOLUTION
essaie(coralie, ". . . #")

# %% tests="conditions-5-b" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir, case in ((". . . #", 2), (". #", 0), (". . . . . . #", 5)):
    essaie(coralie, couloir)
    assert chocs() == 0, f"Dans le couloir « {couloir} », Coralie s'est cognée : elle doit s'arrêter juste avant le mur."
    assert position() == case, f"Dans le couloir « {couloir} », Coralie doit s'arrêter case {case}, mais elle est case {position()}."
    assert paroles() == ["Stop !"], f"Devant le mur, Coralie doit dire « Stop ! » une seule fois ; elle dit {paroles()}."

# %% wrong="conditions-5-b"
def coralie():
    avance()
    dit("Stop !")
# ---
def coralie():
    while not mur_devant():
        avance()
    dit("stop !")

# %% right="conditions-5-b"
def coralie():
    while not mur_devant():
        avance()
    dit('Stop !')

# %% wrong="conditions-5-b"
def coralie():
    while not (not mur_devant()):
        avance()
    dit("Stop !")

# %% [markdown]
# ## Exercice 3 : le parcours d'obstacles
#
# Tant qu'il n'y a pas de fromage ici : s'il y a un mur devant, Coralie saute ; sinon, elle avance.
# Quand elle trouve le fromage, elle le mange.

# %% [markdown] hints="conditions-5-c"
# 1. Une boucle `while` avec, dedans, le `if … else` de la leçon « Sinon ».
# 2. Le `if` est décalé sous le `while`, et ses actions encore une fois de plus.
# 3. `while not fromage_ici():` / `    if mur_devant():` / `        saute()` / `    else:` / `        avance()` / `mange()`.

# %% solution="conditions-5-c"
### BEGIN SOLUTION
def coralie():
    while not fromage_ici():
        if mur_devant():
            saute()
        else:
            avance()
    mange()
### END SOLUTION
essaie(coralie, ". . # . # . F")

# %% tests="conditions-5-c" points=3
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for couloir in (". # . . F", ". . # . # . F", "F"):
    essaie(coralie, couloir)
    assert chocs() == 0, f"Dans le couloir « {couloir} », Coralie s'est cognée {chocs()} fois."
    assert fromages() == 1, f"Dans le couloir « {couloir} », Coralie doit finir par manger le fromage (case {fin()}), mais elle est case {position()}."

# %% wrong="conditions-5-c"
def coralie():
    if mur_devant():
        saute()
    else:
        avance()
    mange()

# %% right="conditions-5-c"
# Mon programme
def coralie():
    while not fromage_ici():
        if mur_devant():
            saute()
        else:
            avance()
    mange()

# %% wrong="conditions-5-c"
def coralie():
    while not (not fromage_ici()):
        if mur_devant():
            saute()
        else:
            avance()
    mange()

# %% wrong="conditions-5-c"
def coralie():
    while not fromage_ici():
        avance()
    mange()

# %% [markdown] sheet=true
# ## Objectifs
# Répéter tant qu'une condition est vraie avec `while`.
# ## Durée
# 50 minutes.
# ## Prérequis
# Conditions 4.
# ## Échauffement débranché
# « Avance tant que je ne dis pas stop » : la classe avance pas à pas.
# ## Points de vigilance
# Une boucle `while` dont la condition ne change jamais ne s'arrête pas.
# ## Aider un enfant bloqué
# Demander : qu'est-ce qui change à chaque tour ?
# ## Pour aller plus loin
# Compter les pas faits avant le fromage.

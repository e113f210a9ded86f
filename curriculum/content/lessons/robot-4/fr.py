# %% [markdown]
# # Le capteur de distance
#
# Robi a des « yeux » à l'avant : un **capteur de distance**. `distance()` donne, en centimètres,
# la distance de l'obstacle devant lui (999 s'il ne voit rien).
#
# Avec une boucle `while`, Robi peut avancer **tant que** le chemin est libre :
#
# ```python
# while distance() > 20:
#     avancer(2)
# ```
#
# Dans ces défis, le mur n'est **jamais au même endroit** : Robi est essayé plusieurs fois,
# et seul un programme qui **mesure** réussit à chaque essai.

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : stop avant le mur
#
# Robi avance par petits pas de 2 cm **tant que** le mur est à plus de 8 cm. Il doit s'arrêter à moins de 10 cm, sans le toucher.

# %% [markdown] hints="robot-4-a"
# 1. La condition de la boucle compare la distance mesurée à 8 : `distance() > 8`.
# 2. Dans la boucle, un petit pas : `avancer(2)`.
# 3. `while distance() > 8:` / `    avancer(2)`, dans `def programme():`.

# %% solution="robot-4-a"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while distance() > 8:
        avancer(2)
    ### END SOLUTION


montrer(programme, "mur")

# %% tests="robot-4-a" points=2
verifier(programme, "mur")

# %% [markdown]
# ## Exercice 2 : en une seule fois
#
# Plus malin : Robi mesure **une seule fois** la distance, puis avance d'un coup de cette distance **moins 6 cm**.

# %% [markdown] hints="robot-4-b"
# 1. `distance()` est un nombre : on peut faire un calcul avec.
# 2. Le nombre de centimètres à avancer : `distance() - 6`.
# 3. `avancer(distance() - 6)`.

# %% solution="robot-4-b"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    avancer(distance() - 6)
    ### END SOLUTION


montrer(programme, "mur")

# %% tests="robot-4-b" points=2
verifier(programme, "mur")

# %% [markdown]
# ## Exercice 3 : aller-retour
#
# Robi va jusqu'au mur par pas de 5 cm (jusqu'à 10 cm du mur) en **comptant ses pas** dans une variable `pas`.
# Puis il fait demi-tour et revient se garer dans la case verte du départ : il avance de `5 * pas` centimètres.

# %% [markdown] hints="robot-4-c"
# 1. Avant la boucle : `pas = 0`. Dans la boucle : `avancer(5)` puis `pas = pas + 1`.
# 2. Après la boucle : un demi-tour, c'est `tourner(180)`.
# 3. Pour revenir : `avancer(5 * pas)`.

# %% solution="robot-4-c"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    pas = 0
    while distance() > 10:
        avancer(5)
        pas = pas + 1
    tourner(180)
    avancer(5 * pas)
    ### END SOLUTION


montrer(programme, "worlds/aller-retour.toml")

# %% tests="robot-4-c" points=3
verifier(programme, "worlds/aller-retour.toml")

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

# %% wrong="robot-4-a"
avancer(2)

# %% right="robot-4-a"
while distance() > 8:
    avancer(2)
print("J'ai fini !")

# %% wrong="robot-4-a"
while distance() > 8:
    reculer(2)
# ---
while not (distance() > 8):
    avancer(2)

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

# %% right="robot-4-b"
avancer(distance() - 6)
print("J'ai fini !")

# %% wrong="robot-4-b"
reculer(distance() - 6)

# %% wrong="robot-4-b"
avancer(distance())
# ---
avancer(10)

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

# %% wrong="robot-4-c"
pas = 0
while distance() > 10:
    avancer(5)
    pas = pas + 1
tourner(180)
# ---
pas = 0
while distance() > 10:
    avancer(5)
    pas = pas + 1
avancer(5 * pas)
tourner(180)

# %% right="robot-4-c"
pas = 0
while distance() > 10:
    avancer(5)
    pas += 1
tourner(180)
avancer(5 * pas)

# %% wrong="robot-4-c"
while distance() > 10:
    avancer(5)
    pas = pas + 1
tourner(180)
avancer(5 * pas)

# %% [markdown] sheet=true
# ## Objectifs
# Lire le capteur de distance et s'arrêter avant le mur.
# ## Durée
# 50 minutes, dont 15 avec le vrai robot.
# ## Prérequis
# L'unité Formes et l'unité Variables.
# ## Échauffement débranché
# Les yeux fermés, avancer vers un camarade qui dit « stop » à un mètre.
# ## Points de vigilance
# Une boucle `while` qui ne lit pas le capteur ne s'arrête pas. Le capteur a besoin d'un petit temps entre deux mesures.
# ## Aider un enfant bloqué
# Afficher la distance avec `print` pendant que Robi avance.
# ## Pour aller plus loin
# Faire un aller-retour et revenir au départ.

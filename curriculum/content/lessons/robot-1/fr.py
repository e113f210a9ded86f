# %% [markdown]
# # Premiers tours de roue
#
# Voici **Robi**, le vrai robot de la classe ! Avant de l'essayer sur la table, tu le fais rouler dans le **simulateur** :
# c'est le même programme, au centimètre près.
#
# Robi comprend :
#
# | Ordre | Robi… |
# |---|---|
# | `avancer(20)` | avance tout droit de 20 cm |
# | `reculer(10)` | recule de 10 cm |
# | `tourner(90)` | tourne sur place de 90 degrés **vers la droite** |
# | `tourner(-90)` | tourne de 90 degrés **vers la gauche** (un angle négatif) |
#
# Ton programme s'écrit dans le bloc `def programme():`, décalé. `montrer(programme, …)` te le montre en animation.

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : tout droit
#
# Robi doit finir **arrêté sur la case verte**, 110 cm devant lui.

# %% [markdown] hints="robot-1-a"
# 1. Il suffit d'un seul ordre : avancer du bon nombre de centimètres.
# 2. La case verte est à 110 cm : `avancer(110)`.
# 3. Dans le bloc : `    avancer(110)` (avec 4 espaces devant).

# %% solution="robot-1-a" blocks="robi"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    avancer(110)
    ### END SOLUTION


montrer(programme, "worlds/tout-droit.toml")

# %% tests="robot-1-a" points=1
verifier(programme, "worlds/tout-droit.toml")

# %% right="robot-1-a"
avancer(110)
print("J'ai fini !")

# %% wrong="robot-1-a"
reculer(110)

# %% wrong="robot-1-a"
avancer(50)
# ---
tourner(90)
avancer(110)

# %% [markdown]
# ## Exercice 2 : le virage
#
# La case verte est en haut à droite. Robi avance de 120 cm, tourne **à gauche**, puis avance de 90 cm.

# %% [markdown] hints="robot-1-b"
# 1. Trois ordres, l'un après l'autre : avancer, tourner, avancer.
# 2. À gauche, l'angle est négatif : `tourner(-90)`.
# 3. `avancer(120)`, `tourner(-90)`, `avancer(90)`.

# %% solution="robot-1-b" blocks="robi"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    avancer(120)
    tourner(-90)
    avancer(90)
    ### END SOLUTION


montrer(programme, "worlds/virage.toml")

# %% tests="robot-1-b" points=2
verifier(programme, "worlds/virage.toml")

# %% wrong="robot-1-b"
avancer(120)
tourner(-90)
# ---
tourner(-90)
avancer(120)
avancer(90)

# %% right="robot-1-b"
avancer(120)
tourner(-90)
avancer(90)
print("J'ai fini !")

# %% wrong="robot-1-b"
tourner(-90)
avancer(90)

# %% [markdown]
# ## Exercice 3 : le garage
#
# Le garage est ouvert **sur sa gauche**. Robi doit entrer et s'arrêter tout entier dedans, sans toucher les murs.
# Plan : tourner à gauche, monter de 55 cm, tourner à droite, puis avancer de 140 cm.

# %% [markdown] hints="robot-1-c"
# 1. Regarde l'animation : Robi doit d'abord monter à la hauteur de la porte du garage.
# 2. Quatre ordres : `tourner(-90)`, `avancer(55)`, `tourner(90)`, `avancer(140)`.
# 3. Si Robi touche un mur, relis l'ordre des virages : d'abord à gauche (négatif), puis à droite (positif).

# %% solution="robot-1-c" blocks="robi"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    tourner(-90)
    avancer(55)
    tourner(90)
    avancer(140)
    ### END SOLUTION


montrer(programme, "garage")

# %% tests="robot-1-c" points=3
verifier(programme, "garage")

# %% wrong="robot-1-c"
tourner(-90)
avancer(55)
tourner(90)
# ---
avancer(55)
tourner(-90)
tourner(90)
avancer(140)

# %% right="robot-1-c"
tourner(-90)
avancer(55)
tourner(90)
avancer(140)
print("J'ai fini !")

# %% wrong="robot-1-c"
avancer(55)
tourner(90)
avancer(140)

# %% [markdown]
# Bravo ! Quand tes trois défis sont réussis, demande à ton enseignant·e de les essayer sur le vrai Robi.

# %% [markdown] sheet=true
# ## Objectifs
# Faire rouler Robi d'une distance en cm et tourner d'un angle en degrés.
# ## Durée
# 50 minutes, dont 15 avec le vrai robot.
# ## Prérequis
# L'unité Boucles.
# ## Échauffement débranché
# Le robot humain, avec des pas mesurés : « avance de 3 pas, tourne d'un quart de tour ».
# ## Points de vigilance
# Tourner à gauche, c'est un angle négatif. Le vrai robot glisse un peu : c'est normal.
# ## Aider un enfant bloqué
# Mesurer la distance avec une règle sur le tapis.
# ## Pour aller plus loin
# Se garer en marche arrière.

# %% [markdown]
# # Éviter les obstacles
#
# Dernière mission : Robi doit sortir de lieux pleins d'obstacles **sans rien toucher**.
# D'abord avec un plan tracé à l'avance, puis en utilisant son capteur de distance pour décider tout seul.
#
# Rappel : `tourner(90)` tourne à droite, `tourner(-90)` à gauche, et `distance()` mesure la place devant Robi.

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : le labyrinthe, avec un plan
#
# Robi part en haut à gauche, tourné vers le bas. La sortie est en haut à droite.
# Le plan : descendre de 95 cm, tourner à gauche, avancer de 70 cm, tourner à gauche, monter de 100 cm, tourner à droite, avancer de 110 cm.

# %% [markdown] hints="robot-6-a"
# 1. Suis le plan avec ton doigt sur l'animation : 4 traits, 3 virages.
# 2. « À gauche » : `tourner(-90)` ; « à droite » : `tourner(90)`.
# 3. `avancer(95)`, `tourner(-90)`, `avancer(70)`, `tourner(-90)`, `avancer(100)`, `tourner(90)`, `avancer(110)`.

# %% solution="robot-6-a"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    avancer(95)
    tourner(-90)
    avancer(70)
    tourner(-90)
    avancer(100)
    tourner(90)
    avancer(110)
    ### END SOLUTION


montrer(programme, "labyrinthe")

# %% tests="robot-6-a" points=2
verifier(programme, "labyrinthe")

# %% wrong="robot-6-a"
avancer(95)
tourner(-90)
avancer(70)
tourner(-90)
avancer(100)
tourner(90)
# ---
tourner(-90)
avancer(95)
avancer(70)
tourner(-90)
avancer(100)
tourner(90)
avancer(110)

# %% right="robot-6-a"
avancer(95)
tourner(-90)
avancer(70)
tourner(-90)
avancer(100)
tourner(90)
avancer(110)
print("J'ai fini !")

# %% wrong="robot-6-a"
tourner(-90)
avancer(70)
tourner(-90)
avancer(100)
tourner(90)
avancer(110)

# %% [markdown]
# ## Exercice 2 : contourner le rocher
#
# Un rocher barre le chemin, mais pas toujours au même endroit. Robi avance **tant que** le rocher est à plus de 15 cm.
# Puis il le contourne par le haut : tourner à gauche, avancer de 55, tourner à droite, avancer de 50,
# tourner à droite, avancer de 55, tourner à gauche. Enfin il file vers la sortie : `avancer(200)`.

# %% [markdown] hints="robot-6-b"
# 1. D'abord la boucle : `while distance() > 15:` / `    avancer(2)`.
# 2. Ensuite le contournement, hors de la boucle : 4 virages et 3 traits, comme une petite boîte autour du rocher.
# 3. `tourner(-90)`, `avancer(55)`, `tourner(90)`, `avancer(50)`, `tourner(90)`, `avancer(55)`, `tourner(-90)`, `avancer(200)`.

# %% solution="robot-6-b"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while distance() > 15:
        avancer(2)
    tourner(-90)
    avancer(55)
    tourner(90)
    avancer(50)
    tourner(90)
    avancer(55)
    tourner(-90)
    avancer(200)
    ### END SOLUTION


montrer(programme, "worlds/obstacle.toml")

# %% tests="robot-6-b" points=3
verifier(programme, "worlds/obstacle.toml")

# %% wrong="robot-6-b"
while distance() > 15:
    avancer(2)
tourner(-90)
avancer(55)
tourner(90)
avancer(50)
tourner(90)
avancer(55)
tourner(-90)
# ---
avancer(2)
tourner(-90)
avancer(55)
tourner(90)
avancer(50)
tourner(90)
avancer(55)
tourner(-90)
avancer(200)
# ---
while distance() > 15:
    avancer(2)
avancer(55)
tourner(-90)
tourner(90)
avancer(50)
tourner(90)
avancer(55)
tourner(-90)
avancer(200)

# %% right="robot-6-b"
while distance() > 15:
    avancer(2)
tourner(-90)
avancer(55)
tourner(90)
avancer(50)
tourner(90)
avancer(55)
tourner(-90)
avancer(200)
print("J'ai fini !")

# %% [markdown]
# ## Exercice 3 : le couloir en zigzag
#
# Cette fois, pas de plan ! Le couloir tourne toujours à gauche. La règle de Robi, pour toujours :
# **si** un mur est à moins de 20 cm, il tourne à gauche ; **sinon**, il avance de 5 cm.

# %% [markdown] hints="robot-6-c"
# 1. Une boucle sans fin, `while True:`, avec un `if … else` dedans.
# 2. La question : `distance() < 20`. Oui : `tourner(-90)`. Non : `avancer(5)`.
# 3. `while True:` / `    if distance() < 20:` / `        tourner(-90)` / `    else:` / `        avancer(5)`.

# %% solution="robot-6-c"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while True:
        if distance() < 20:
            tourner(-90)
        else:
            avancer(5)
    ### END SOLUTION


montrer(programme, "worlds/zigzag.toml")

# %% tests="robot-6-c" points=3
verifier(programme, "worlds/zigzag.toml")

# %% wrong="robot-6-c"
if distance() < 20:
    tourner(-90)
else:
    avancer(5)

# %% right="robot-6-c"
# Mon programme
while True:
    if distance() < 20:
        tourner(-90)
    else:
        avancer(5)

# %% wrong="robot-6-c"
while True:
    if distance() < 20:
        tourner(-90)
    else:
        reculer(5)
# ---
while not (True):
    if distance() < 20:
        tourner(-90)
    else:
        avancer(5)

# %% [markdown]
# Bravo, Robi est autonome ! Montre tes défis à ton enseignant·e : le vrai robot les attend.

# %% [markdown] sheet=true
# ## Objectifs
# Éviter des obstacles : avec un plan, puis avec le capteur.
# ## Durée
# 55 minutes, dont 20 avec le vrai robot.
# ## Prérequis
# Robot 5.
# ## Échauffement débranché
# Un parcours d'obstacles : un enfant guide un camarade aux yeux bandés.
# ## Points de vigilance
# Un plan fixe échoue si l'obstacle bouge : le capteur, lui, s'adapte.
# ## Aider un enfant bloqué
# Dessiner le parcours sur papier avec les distances.
# ## Pour aller plus loin
# Un couloir en zigzag plus long.

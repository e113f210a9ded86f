# %% [markdown]
# # Suivre la ligne
#
# Sous Robi, des **capteurs de ligne** regardent le sol. Chacun répond `True` quand il voit la ligne noire.
# Tous les robots de l'atelier ont un capteur à gauche et un capteur à droite.
# (Le Maqueen en a deux. Le Kitronik en a un de plus, au centre.)
#
# - `ligne("gauche")` : le capteur de gauche voit-il la ligne ?
# - `ligne("droite")` : et celui de droite ?
# - `True in ligne()` : un des capteurs voit-il la ligne ?
# - `moteurs(gauche, droite)` : règle la vitesse de chaque roue, de 0 à 100. Robi roule jusqu'au prochain ordre.
#
# Pour suivre une ligne qui tourne, Robi corrige sans arrêt. Si la ligne est à gauche, il tourne à gauche.

# %% include="regles"

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : le bout de la ligne
#
# Robi est posé sur une ligne droite. Il avance d'un centimètre à la fois.
# Il continue **tant qu'**un de ses capteurs voit la ligne. Il s'arrête donc tout seul au bout, dans la case verte.

# %% [markdown] hints="robot-5-a"
# 1. La condition : `True in ligne()`. Elle est vraie tant qu'un capteur est sur la ligne.
# 2. Dans la boucle : `avancer(1)`.
# 3. `while True in ligne():` / `    avancer(1)`.

# %% solution="robot-5-a"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while True in ligne():
        avancer(1)
    ### END SOLUTION

montrer(programme, "worlds/bout-de-ligne.toml")

# %% tests="robot-5-a" points=1
verifier(programme, "worlds/bout-de-ligne.toml")
regles(avec=("ligne",))

# %% wrong="robot-5-a"
avancer(1)
# ---
while ligne("centre"):
    avancer(1)
# ---
avancer(130)

# %% right="robot-5-a"
while ligne("gauche") or ligne("droite") or True in ligne():
    avancer(1)

# %% [markdown]
# ## Exercice 2 : la ligne qui tourne
#
# Écris le **suiveur de ligne**. Pour toujours (`while True:`), Robi regarde ses deux capteurs :
#
# - si seule la gauche voit la ligne : `moteurs(0, 40)`. Il tourne à gauche.
# - sinon, si seule la droite la voit : `moteurs(40, 0)`. Il tourne à droite.
# - sinon : `moteurs(40, 40)`. Il va tout droit.
#
# Puis il attend un petit instant : `attendre(0.02)`.

# %% [markdown] hints="robot-5-b"
# 1. « Seule la gauche voit la ligne » s'écrit : `ligne("gauche") and not ligne("droite")`.
# 2. Trois cas : `if …:` puis `elif …:` puis `else:`.
# 3. Après les trois cas, toujours dans la boucle : `attendre(0.02)`.

# %% solution="robot-5-b"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while True:
        if ligne("gauche") and not ligne("droite"):
            moteurs(0, 40)
        elif ligne("droite") and not ligne("gauche"):
            moteurs(40, 0)
        else:
            moteurs(40, 40)
        attendre(0.02)
    ### END SOLUTION

montrer(programme, "ligne")

# %% tests="robot-5-b" points=2
verifier(programme, "ligne")

# %% wrong="robot-5-b"
while True:
    if ligne("gauche") and not ligne("droite"):
        moteurs(40, 0)
    elif ligne("droite") and not ligne("gauche"):
        moteurs(0, 40)
    else:
        moteurs(40, 40)
    attendre(0.02)
# ---
while True:
    gauche, centre, droite = ligne()
    if centre:
        moteurs(40, 40)
    elif gauche:
        moteurs(0, 40)
    elif droite:
        moteurs(40, 0)
    attendre(0.02)
# ---
moteurs(40, 40)
attendre(10)

# %% right="robot-5-b"
while True:
    if ligne("gauche") and not ligne("droite"):
        moteurs(0, 50)
    elif ligne("droite") and not ligne("gauche"):
        moteurs(50, 0)
    else:
        moteurs(40, 40)
    attendre(0.02)

# %% [markdown]
# ## Exercice 3 : le serpent
#
# Cette ligne tourne à gauche **puis** à droite. Ton suiveur de ligne doit marcher ici aussi : c'est tout l'intérêt des capteurs !
# Écris-le de nouveau (ou recopie celui de l'exercice 2).

# %% [markdown] hints="robot-5-c"
# 1. Le même programme que l'exercice 2 marche sur n'importe quelle ligne.
# 2. Si Robi perd la ligne dans un virage serré, il tourne peut-être trop lentement : vérifie `moteurs(0, 40)` et `moteurs(40, 0)`.
# 3. Recopie ton suiveur de l'exercice 2 dans ce nouveau bloc `def programme():`.

# %% solution="robot-5-c"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while True:
        if ligne("gauche") and not ligne("droite"):
            moteurs(0, 40)
        elif ligne("droite") and not ligne("gauche"):
            moteurs(40, 0)
        else:
            moteurs(40, 40)
        attendre(0.02)
    ### END SOLUTION

montrer(programme, "worlds/serpent.toml")

# %% tests="robot-5-c" points=3
verifier(programme, "worlds/serpent.toml")

# %% wrong="robot-5-c"
while True:
    if ligne("gauche") and not ligne("droite"):
        moteurs(40, 0)
    elif ligne("droite") and not ligne("gauche"):
        moteurs(0, 40)
    else:
        moteurs(40, 40)
    attendre(0.02)
# ---
while True:
    gauche, centre, droite = ligne()
    if centre:
        moteurs(40, 40)
    elif gauche:
        moteurs(0, 40)
    elif droite:
        moteurs(40, 0)
    attendre(0.02)
# ---
moteurs(40, 40)
attendre(10)

# %% right="robot-5-c"
while True:
    if ligne("gauche") and not ligne("droite"):
        moteurs(0, 50)
    elif ligne("droite") and not ligne("gauche"):
        moteurs(50, 0)
    else:
        moteurs(40, 40)
    attendre(0.02)

# %% [markdown] sheet=true
# ## Objectifs
# Suivre une ligne avec les capteurs de ligne, sur tous les robots de l'atelier.
# ## Durée
# 55 minutes, dont 20 avec le vrai robot.
# ## Prérequis
# Robot 4.
# ## Échauffement débranché
# Suivre un ruban au sol les yeux baissés, en corrigeant à chaque pas.
# ## Points de vigilance
# Le Maqueen a deux capteurs, le Kitronik trois : le programme n'utilise que la gauche et la droite. Tourner du mauvais côté.
# ## Aider un enfant bloqué
# Poser le robot sur la ligne et lire `ligne()` à la main.
# ## Pour aller plus loin
# Suivre la ligne plus vite sans la perdre.

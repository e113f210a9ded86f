# %% [markdown]
# # Suivre la ligne
#
# Sous Robi, trois **capteurs de ligne** regardent le sol : à gauche, au centre, à droite.
# Chacun répond `True` quand il est au-dessus de la ligne noire.
#
# - `ligne("centre")` : le capteur du milieu voit-il la ligne ?
# - `gauche, centre, droite = ligne()` : les trois capteurs d'un coup.
# - `moteurs(gauche, droite)` : règle la vitesse de chaque roue (de -100 à 100) ; Robi roule jusqu'au prochain ordre.
#
# Pour suivre une ligne qui tourne, Robi corrige sans arrêt : si la ligne est à gauche, il tourne vers la gauche…

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : le bout de la ligne
#
# Robi est posé sur une ligne droite. Il avance d'un centimètre à la fois **tant que** son capteur du centre voit la ligne.
# Il s'arrête donc tout seul au bout, dans la case verte.

# %% [markdown] hints="robot-5-a"
# 1. La condition : `ligne("centre")` (vrai tant que le capteur du milieu est sur la ligne).
# 2. Dans la boucle : `avancer(1)`.
# 3. `while ligne("centre"):` / `    avancer(1)`.

# %% solution="robot-5-a"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while ligne("centre"):
        avancer(1)
    ### END SOLUTION


montrer(programme, "worlds/bout-de-ligne.toml")

# %% tests="robot-5-a" points=1
verifier(programme, "worlds/bout-de-ligne.toml")

# %% [markdown]
# ## Exercice 2 : la ligne qui tourne
#
# Écris le **suiveur de ligne** : pour toujours (`while True:`), Robi lit ses trois capteurs, puis
#
# - si le centre voit la ligne : les deux roues à 40 (tout droit) ;
# - sinon, si la gauche la voit : `moteurs(0, 40)` (il tourne à gauche) ;
# - sinon, si la droite la voit : `moteurs(40, 0)` (il tourne à droite).
#
# Puis il attend un petit instant : `attendre(0.02)`.

# %% [markdown] hints="robot-5-b"
# 1. Commence la boucle par `gauche, centre, droite = ligne()`.
# 2. Trois cas : `if centre:` … `elif gauche:` … `elif droite:` …
# 3. Après les trois cas, toujours dans la boucle : `attendre(0.02)`.

# %% solution="robot-5-b"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    while True:
        gauche, centre, droite = ligne()
        if centre:
            moteurs(40, 40)
        elif gauche:
            moteurs(0, 40)
        elif droite:
            moteurs(40, 0)
        attendre(0.02)
    ### END SOLUTION


montrer(programme, "ligne")

# %% tests="robot-5-b" points=2
verifier(programme, "ligne")

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
        gauche, centre, droite = ligne()
        if centre:
            moteurs(40, 40)
        elif gauche:
            moteurs(0, 40)
        elif droite:
            moteurs(40, 0)
        attendre(0.02)
    ### END SOLUTION


montrer(programme, "worlds/serpent.toml")

# %% tests="robot-5-c" points=3
verifier(programme, "worlds/serpent.toml")

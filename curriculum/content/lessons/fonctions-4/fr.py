# %% [markdown]
# # Dessiner avec des fonctions
#
# Zed a prêté son atelier à **Tao la tortue** ! Avec des fonctions, Tao peut apprendre de **nouveaux mots** :
# une fois la fonction `carre` écrite, `carre(3)` dessine un carré, sans tout réécrire.
#
# Rappel des ordres de Tao : `avance(pas)`, `tourne_gauche()`, `tourne_droite()`.
# `nouvelle_feuille()` efface tout et remet Tao au départ, tournée vers la droite.

# %% include="tortue"

# %% [markdown]
# ## Exercice 1 : le mot « carré »
#
# Écris la fonction `carre(cote)` : Tao dessine un carré de `cote` pas de côté, en tournant à droite,
# et revient à son point de départ. Par exemple `carre(3)` dessine :
#
# ```
# ####
# #..#
# #..#
# ####
# ```

# %% [markdown] hints="fonctions-4-a"
# 1. Un carré, c'est 4 fois : avancer d'un côté, puis tourner à droite.
# 2. La longueur du côté est le paramètre : `avance(cote)`.
# 3. `def carre(cote):` / `    for i in range(4):` / `        avance(cote)` / `        tourne_droite()`.

# %% solution="fonctions-4-a"
### BEGIN SOLUTION
def carre(cote):
    for i in range(4):
        avance(cote)
        tourne_droite()
### END SOLUTION
nouvelle_feuille()
carre(3)
montre()

# %% tests="fonctions-4-a" points=2
assert "carre" in globals(), "Il n'y a pas encore de fonction carre."
for cote, attendu in ((3, "####\n#..#\n#..#\n####"), (5, "######\n#....#\n#....#\n#....#\n#....#\n######")):
    nouvelle_feuille()
    carre(cote)
    assert dessin() == attendu, f"carre({cote}) dessine :\n{dessin()}\nmais on attendait :\n{attendu}"
    assert position() == (0, 0), f"Après carre({cote}), Tao doit revenir au départ, mais elle est en {position()}."

# %% wrong="fonctions-4-a"
def carre(cote):
    for i in range(5):
        avance(cote)
        tourne_droite()
# ---
def carre(cote):
    avance(cote)
    tourne_droite()

# %% right="fonctions-4-a"
def carre(cote):
    for tour in range(4):
        avance(cote)
        tourne_droite()
# ---
def carre(cote):
    for i in range(0, 4):
        avance(cote)
        tourne_droite()

# %% wrong="fonctions-4-a"
def carre(cote):
    for i in range(3):
        avance(cote)
        tourne_droite()

# %% [markdown]
# ## Exercice 2 : le mot « escalier »
#
# Écris la fonction `escalier(marches, hauteur)` : pour chaque marche, Tao tourne à gauche,
# avance de `hauteur`, tourne à droite, avance de `hauteur`. Par exemple `escalier(2, 2)` dessine :
#
# ```
# ..###
# ..#..
# ###..
# #....
# #....
# ```

# %% [markdown] hints="fonctions-4-b"
# 1. Deux paramètres : `def escalier(marches, hauteur):`.
# 2. La boucle tourne `marches` fois : `for m in range(marches):`.
# 3. Dans la boucle : `tourne_gauche()`, `avance(hauteur)`, `tourne_droite()`, `avance(hauteur)`.

# %% solution="fonctions-4-b"
### BEGIN SOLUTION
def escalier(marches, hauteur):
    for m in range(marches):
        tourne_gauche()
        avance(hauteur)
        tourne_droite()
        avance(hauteur)
### END SOLUTION
nouvelle_feuille()
escalier(2, 2)
montre()

# %% tests="fonctions-4-b" points=2
assert "escalier" in globals(), "Il n'y a pas encore de fonction escalier."
for marches, hauteur, attendu in ((2, 2, "..###\n..#..\n###..\n#....\n#...."), (3, 1, "..##\n.##.\n##..\n#...")):
    nouvelle_feuille()
    escalier(marches, hauteur)
    assert dessin() == attendu, f"escalier({marches}, {hauteur}) dessine :\n{dessin()}\nmais on attendait :\n{attendu}"

# %% wrong="fonctions-4-b"
def escalier(marches, hauteur):
    tourne_gauche()
    avance(hauteur)
    tourne_droite()
    avance(hauteur)
# ---
def escalier(marches, hauteur):
    for m in range(marches):
        avance(hauteur)
        tourne_gauche()
        tourne_droite()
        avance(hauteur)

# %% right="fonctions-4-b"
def escalier(marches, hauteur):
    for tour in range(marches):
        tourne_gauche()
        avance(hauteur)
        tourne_droite()
        avance(hauteur)
# ---
def escalier(marches, hauteur):
    for m in range(0, marches):
        tourne_gauche()
        avance(hauteur)
        tourne_droite()
        avance(hauteur)

# %% wrong="fonctions-4-b"
def escalier(marches, hauteur):
    for m in range(marches):
        tourne_droite()
        avance(hauteur)
        tourne_droite()
        avance(hauteur)

# %% [markdown]
# ## Exercice 3 : la guirlande de lanternes
#
# Voici la fonction `carre` de Zed (la même que la tienne). Utilise-la pour écrire `guirlande(lanternes)` :
# pour chaque lanterne, Tao avance de 2, dessine `carre(2)`, puis avance encore de 2.
# Par exemple `guirlande(3)` dessine :
#
# ```
# #############
# ..#.#.#.#.#.#
# ..###.###.###
# ```

# %%
def carre(cote):
    for i in range(4):
        avance(cote)
        tourne_droite()

# %% [markdown] hints="fonctions-4-c"
# 1. Une fonction peut appeler une autre fonction : dans `guirlande`, appelle `carre(2)`.
# 2. La boucle tourne `lanternes` fois, et contient 3 lignes.
# 3. `def guirlande(lanternes):` / `    for i in range(lanternes):` / `        avance(2)` / `        carre(2)` / `        avance(2)`.

# %% solution="fonctions-4-c"
### BEGIN SOLUTION
def guirlande(lanternes):
    for i in range(lanternes):
        avance(2)
        carre(2)
        avance(2)
### END SOLUTION
nouvelle_feuille()
guirlande(3)
montre()

# %% tests="fonctions-4-c" points=3
assert "guirlande" in globals(), "Il n'y a pas encore de fonction guirlande."
for lanternes, attendu in ((3, "#############\n..#.#.#.#.#.#\n..###.###.###"), (1, "#####\n..#.#\n..###")):
    nouvelle_feuille()
    guirlande(lanternes)
    assert dessin() == attendu, f"guirlande({lanternes}) dessine :\n{dessin()}\nmais on attendait :\n{attendu}"

# %% wrong="fonctions-4-c"
def guirlande(lanternes):
    for i in range(lanternes):
        avance(3)
        carre(2)
        avance(2)
# ---
def guirlande(lanternes):
    for i in range(lanternes):
        avance(2)
        carre(3)
        avance(2)
# ---
def guirlande(lanternes):
    avance(2)
    carre(2)
    avance(2)

# %% right="fonctions-4-c"
def guirlande(lanternes):
    for tour in range(lanternes):
        avance(2)
        carre(2)
        avance(2)
# ---
def guirlande(lanternes):
    for i in range(0, lanternes):
        avance(2)
        carre(2)
        avance(2)

# %% [markdown] sheet=true
# ## Objectifs
# Découper un dessin en fonctions réutilisables (carré, escalier).
# ## Durée
# 55 minutes.
# ## Prérequis
# Fonctions 3 et l'unité Boucles.
# ## Échauffement débranché
# Décrire un dessin de frise en nommant ses morceaux : « lanterne, espace, lanterne… ».
# ## Points de vigilance
# Où finit la tortue après la fonction ? Son cap compte pour la suite.
# ## Aider un enfant bloqué
# Faire dessiner une seule fois le morceau, puis l'appeler.
# ## Pour aller plus loin
# Inventer un motif et en faire une guirlande.

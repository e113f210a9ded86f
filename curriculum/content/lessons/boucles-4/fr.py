# %% [markdown]
# # Une boucle dans une boucle
#
# Une boucle peut contenir… une autre boucle ! On dit qu'elles sont **imbriquées**.
#
# ```python
# for cote in range(4):
#     for pas in range(6):
#         avance()
#     tourne_droite()
# ```
#
# La boucle du dedans fait un côté (6 pas). La boucle du dehors répète le côté 4 fois.
# Regarde bien les décalages : `avance()` est décalé **deux** fois.

# %% include="regles"

# %% include="tortue"

# %% [markdown]
# ## Exercice 1 : le grand carré
#
# Dessine un carré de 6 pas de côté, avec deux boucles imbriquées. Tao doit revenir au départ.
#
# ```
# #######
# #.....#
# #.....#
# #.....#
# #.....#
# #.....#
# #######
# ```

# %% [markdown] hints="boucles-4-a"
# 1. Un côté : une boucle de 6 `avance()`, puis `tourne_droite()`.
# 2. Ce côté va dans une boucle qui tourne 4 fois.
# 3. Recopie l'exemple du début de la leçon : il dessine exactement ce carré.

# %% solution="boucles-4-a"
nouvelle_feuille()
### BEGIN SOLUTION
for cote in range(4):
    for pas in range(6):
        avance()
    tourne_droite()
### END SOLUTION
montre()

# %% tests="boucles-4-a" points=2
attendu = "#######\n#.....#\n#.....#\n#.....#\n#.....#\n#.....#\n#######"
assert dessin() == attendu, f"Ce n'est pas encore le grand carré.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"
assert position() == (0, 0), f"Tao doit revenir au départ (0, 0), mais elle est en {position()}."

# %% wrong="boucles-4-a"
for cote in range(5):
    for pas in range(6):
        avance()
    tourne_droite()
# ---
for cote in range(4):
    for pas in range(7):
        avance()
    tourne_droite()
# ---
for pas in range(6):
    avance()
tourne_droite()

# %% right="boucles-4-a"
for tour in range(4):
    for pas in range(6):
        avance()
    tourne_droite()
# ---
for cote in range(0, 4):
    for pas in range(6):
        avance()
    tourne_droite()

# %% [markdown]
# ## Exercice 2 : le grand escalier
#
# Chaque marche : Tao tourne à gauche, monte de 3 pas (un par un, avec une boucle), tourne à droite, avance de 3 pas (avec une boucle).
# Il y a 3 marches.
#
# ```
# ......####
# ......#...
# ......#...
# ...####...
# ...#......
# ...#......
# ####......
# #.........
# #.........
# #.........
# ```

# %% [markdown] hints="boucles-4-b"
# 1. La boucle du dehors compte les marches : `for marche in range(3):`.
# 2. Dans une marche, il y a deux petites boucles de 3 `avance()`, avec les virages autour.
# 3. `tourne_gauche()`, `for pas in range(3):` + `avance()`, `tourne_droite()`, `for pas in range(3):` + `avance()`, le tout dans la grande boucle.

# %% solution="boucles-4-b"
nouvelle_feuille()
### BEGIN SOLUTION
for marche in range(3):
    tourne_gauche()
    for pas in range(3):
        avance()
    tourne_droite()
    for pas in range(3):
        avance()
### END SOLUTION
montre()

# %% tests="boucles-4-b" points=2
attendu = "......####\n......#...\n......#...\n...####...\n...#......\n...#......\n####......\n#.........\n#.........\n#........."
assert dessin() == attendu, f"L'escalier n'est pas encore le bon.\nTon dessin :\n{dessin()}\nLe modèle :\n{attendu}"

# %% wrong="boucles-4-b"
for marche in range(4):
    tourne_gauche()
    for pas in range(3):
        avance()
    tourne_droite()
    for pas in range(3):
        avance()
# ---
for marche in range(3):
    tourne_gauche()
    for pas in range(4):
        avance()
    tourne_droite()
    for pas in range(3):
        avance()
# ---
tourne_gauche()
for pas in range(3):
    avance()
tourne_droite()
for pas in range(3):
    avance()

# %% right="boucles-4-b"
for tour in range(3):
    tourne_gauche()
    for pas in range(3):
        avance()
    tourne_droite()
    for pas in range(3):
        avance()
# ---
for marche in range(0, 3):
    tourne_gauche()
    for pas in range(3):
        avance()
    tourne_droite()
    for pas in range(3):
        avance()

# %% [markdown]
# ## Exercice 3 : la table de multiplication
#
# Tao remplit un tableau de multiplication. Pour chaque ligne de 1 à 3, et pour chaque colonne de 1 à 3,
# elle écrit `ligne * colonne` dans son carnet.
#
# | × | 1 | 2 | 3 |
# |---|---|---|---|
# | **1** | 1 | 2 | 3 |
# | **2** | 2 | 4 | 6 |
# | **3** | 3 | 6 | 9 |
#
# Le carnet doit contenir : `[1, 2, 3, 2, 4, 6, 3, 6, 9]`.

# %% [markdown] hints="boucles-4-c"
# 1. Deux compteurs : `ligne` pour la boucle du dehors, `colonne` pour celle du dedans.
# 2. Les deux vont de 1 à 3 : `range(1, 4)`.
# 3. `for ligne in range(1, 4):` puis `    for colonne in range(1, 4):` puis `        ecris(ligne * colonne)`.

# %% solution="boucles-4-c"
nouvelle_feuille()
### BEGIN SOLUTION
for ligne in range(1, 4):
    for colonne in range(1, 4):
        ecris(ligne * colonne)
### END SOLUTION
print(carnet())

# %% tests="boucles-4-c" points=3
attendu = [1, 2, 3, 2, 4, 6, 3, 6, 9]
assert carnet() == attendu, f"Le carnet de Tao contient {carnet()}, mais le tableau donne {attendu}."

# %% wrong="boucles-4-c"
for ligne in range(2, 4):
    for colonne in range(1, 4):
        ecris(ligne * colonne)
# ---
for ligne in range(1, 5):
    for colonne in range(1, 4):
        ecris(ligne * colonne)

# %% right="boucles-4-c"
for tour in range(1, 4):
    for colonne in range(1, 4):
        ecris(tour * colonne)

# %% wrong="boucles-4-c"
for ligne in range(1, 3):
    for colonne in range(1, 4):
        ecris(ligne * colonne)

# %% [markdown]
# ## Exercice 4 : à toi de créer !
#
# Invente ta propre forme. C'est toi qui choisis !
# Ton dessin doit suivre trois règles :
#
# - Tu utilises une boucle.
# - Tao revient à son point de départ : la forme est fermée.
# - Le dessin a au moins 12 cases.
#
# Quand ton dessin est prêt, montre-le à la classe.

# %% [markdown] hints="boucles-4-d"
# 1. Pense à une forme qui se répète : un carré, un rectangle, une croix…
# 2. Si Tao refait 4 fois la même chose et tourne toujours du même côté, elle revient au départ.
# 3. Dessine d'abord ta forme sur une feuille quadrillée. Compte ses cases.

# %% solution="boucles-4-d"
nouvelle_feuille()
### BEGIN SOLUTION
for moitie in range(2):
    avance(5)
    tourne_gauche()
    avance(3)
    tourne_gauche()
### END SOLUTION
montre()

# %% tests="boucles-4-d" points=3
cases = dessin().count("#")
assert cases >= 12, f"Ton dessin a {cases} cases. Il en faut au moins 12 : fais une forme plus grande."
assert position() == (0, 0), f"La forme n'est pas fermée : Tao finit en {position()}, pas à son départ (0, 0)."
regles(boucle=True)

# %% wrong="boucles-4-d"
avance(5)
tourne_gauche()
avance(3)
tourne_gauche()
avance(5)
tourne_gauche()
avance(3)
# ---
for cote in range(3):
    avance(4)
    tourne_gauche()
# ---
for cote in range(4):
    avance(1)
    tourne_gauche()
# ---
for cote in range(4):
    avance(4)

# %% right="boucles-4-d"
for cote in range(4):
    avance(4)
    tourne_droite()
# ---
for branche in range(4):
    avance(3)
    tourne_gauche()
    avance(1)
    tourne_gauche()
    avance(3)
    tourne_droite()
# ---
for cote in range(3):
    avance(4)
    tourne_gauche()
avance(4)

# %% [markdown] sheet=true
# ## Objectifs
# Mettre une boucle dans une boucle pour répéter un motif qui se répète déjà.
# ## Durée
# 55 minutes.
# ## Prérequis
# Boucles 3.
# ## Échauffement débranché
# Une ronde : 3 tours de ronde, et à chaque tour, 4 pas.
# ## Points de vigilance
# Le décalage de la boucle intérieure. Compter le nombre total d'ordres : 3 fois 4.
# ## Aider un enfant bloqué
# Écrire d'abord la boucle intérieure seule, vérifier, puis l'entourer.
# ## Pour aller plus loin
# Changer la taille du carré et le nombre de carrés.

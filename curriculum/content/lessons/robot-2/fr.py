# %% [markdown]
# # Des formes avec des boucles
#
# Pour dessiner une forme, Robi répète le même motif : **avancer, puis tourner**. C'est le travail d'une boucle `for` !
#
# ```python
# def programme():
#     for i in range(4):
#         avancer(30)
#         tourner(90)
# ```
#
# Pour dessiner une forme, Robi fait un tour complet : 360 degrés. Il partage ce tour entre ses virages.
# Un carré a 4 virages : 360 partagé en 4, ça fait 90 degrés. Un triangle a 3 virages : 120 degrés chacun.

# %% include="regles"

# %% include="robot"

# %% [markdown]
# ## Exercice 1 : le carré
#
# Fais dessiner à Robi un carré de 30 cm de côté, avec une boucle. Il doit revenir à son point de départ.

# %% [markdown] hints="robot-2-a"
# 1. Un carré : 4 côtés, 4 virages de 90 degrés.
# 2. Dans la boucle : `avancer(30)` puis `tourner(90)`.
# 3. `for i in range(4):` / `    avancer(30)` / `    tourner(90)`, le tout décalé dans `def programme():`.

# %% solution="robot-2-a" blocks="robi,boucles" max_blocks=3
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(4):
        avancer(30)
        tourner(90)
    ### END SOLUTION


montrer(programme, "carre")

# %% tests="robot-2-a" points=1
verifier(programme, "carre")

# %% wrong="robot-2-a"
for i in range(5):
    avancer(30)
    tourner(90)
# ---
avancer(30)
tourner(90)

# %% right="robot-2-a"
for tour in range(4):
    avancer(30)
    tourner(90)
# ---
for i in range(0, 4):
    avancer(30)
    tourner(90)

# %% wrong="robot-2-a"
for i in range(3):
    avancer(30)
    tourner(90)

# %% [markdown]
# ## Exercice 2 : le triangle
#
# Un triangle a 3 côtés égaux. Robi avance de 40 cm et tourne **à gauche** de 120 degrés, 3 fois.

# %% [markdown] hints="robot-2-b"
# 1. 3 virages pour faire un tour complet : 360 / 3 = 120 degrés.
# 2. À gauche, l'angle est négatif : `tourner(-120)`.
# 3. `for i in range(3):` / `    avancer(40)` / `    tourner(-120)`.

# %% solution="robot-2-b" blocks="robi,boucles" max_blocks=3
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(3):
        avancer(40)
        tourner(-120)
    ### END SOLUTION


montrer(programme, "worlds/triangle.toml")

# %% tests="robot-2-b" points=2
verifier(programme, "worlds/triangle.toml")

# %% wrong="robot-2-b"
for i in range(4):
    avancer(40)
    tourner(-120)
# ---
avancer(40)
tourner(-120)

# %% right="robot-2-b"
for tour in range(3):
    avancer(40)
    tourner(-120)
# ---
for i in range(0, 3):
    avancer(40)
    tourner(-120)

# %% wrong="robot-2-b"
for i in range(2):
    avancer(40)
    tourner(-120)

# %% [markdown]
# ## Exercice 3 : l'hexagone
#
# Un hexagone a 6 côtés, comme une alvéole d'abeille. Robi fait des côtés de 25 cm et tourne à gauche à chaque coin.
# À toi de calculer l'angle !

# %% [markdown] hints="robot-2-c"
# 1. Un tour complet, c'est 360 degrés. Combien de virages ? Autant que de côtés.
# 2. 360 / 6 = 60 : chaque virage fait 60 degrés, à gauche.
# 3. `for i in range(6):` / `    avancer(25)` / `    tourner(-60)`.

# %% solution="robot-2-c" blocks="robi,boucles" max_blocks=3
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(6):
        avancer(25)
        tourner(-60)
    ### END SOLUTION


montrer(programme, "worlds/hexagone.toml")

# %% tests="robot-2-c" points=3
verifier(programme, "worlds/hexagone.toml")

# %% wrong="robot-2-c"
for i in range(7):
    avancer(25)
    tourner(-60)
# ---
avancer(25)
tourner(-60)

# %% right="robot-2-c"
for tour in range(6):
    avancer(25)
    tourner(-60)
# ---
for i in range(0, 6):
    avancer(25)
    tourner(-60)

# %% wrong="robot-2-c"
for i in range(5):
    avancer(25)
    tourner(-60)

# %% [markdown]
# ## Exercice 4 : ta forme à toi
#
# Invente une forme et fais-la dessiner par Robi. C'est toi qui choisis !
# Trois règles :
#
# - Tu utilises une boucle.
# - Robi revient à son point de départ : la forme est fermée.
# - Robi roule au moins 60 cm en tout.
#
# Ensuite, montre ta forme à la classe, puis essaie-la avec le vrai robot.

# %% [markdown] hints="robot-2-d"
# 1. Choisis une forme : un carré, un triangle, un hexagone, une étoile…
# 2. Pour revenir au départ, tous les virages font ensemble un tour complet : 360 degrés.
# 3. Regarde d'abord ta forme avec `montrer`. Puis vérifie avec la cellule des tests.

# %% solution="robot-2-d" blocks="robi,boucles"
def programme():
    """Tes ordres pour Robi."""
    ### BEGIN SOLUTION
    for i in range(5):
        avancer(20)
        tourner(72)
    ### END SOLUTION


montrer(programme, "carre")

# %% tests="robot-2-d" points=3
assert "programme" in globals(), "Écris d'abord le bloc def programme(): avec tes ordres dedans."
chemin = trajet(programme)
assert chemin["fin"] == "done", "Robi n'arrive pas au bout de ton programme : lance la cellule du dessus pour voir ce qui se passe."
assert chemin["longueur"] >= 60, f"Robi a roulé {chemin['longueur']} cm. Il en faut au moins 60 : fais une forme plus grande."
assert chemin["ecart"] <= 3, f"Robi finit à {chemin['ecart']} cm de son départ. Une forme fermée revient à son point de départ."
regles(boucle=True)

# %% wrong="robot-2-d"
avancer(60)
# ---
for i in range(3):
    avancer(30)
    tourner(90)
# ---
avancer(30)
tourner(90)
avancer(30)
tourner(90)
avancer(30)
tourner(90)
avancer(30)
tourner(90)
# ---
for i in range(4):
    avancer(5)
    tourner(90)

# %% right="robot-2-d"
for i in range(3):
    avancer(40)
    tourner(120)
# ---
for cote in range(4):
    avancer(30)
    tourner(-90)

# %% [markdown] sheet=true
# ## Objectifs
# Dessiner des formes avec une boucle et des virages.
# ## Durée
# 50 minutes.
# ## Prérequis
# Robot 1.
# ## Échauffement débranché
# Marcher un carré dans la cour en comptant les virages ; puis un triangle.
# ## Points de vigilance
# Le virage d'un triangle fait 120 degrés, pas 60. Un tour complet, c'est 360 degrés.
# ## Aider un enfant bloqué
# Compter les virages et les tracer au sol avec une craie.
# ## Pour aller plus loin
# Dessiner un octogone.

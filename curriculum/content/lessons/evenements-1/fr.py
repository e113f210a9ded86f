# %% [markdown]
# # Quand le drapeau est cliqué
#
# ![Léo](images/leo.svg)
#
# Voici **Léo le lapin**, le héros d'un jeu vidéo. Léo ne bouge pas tout seul : il **attend** un **événement**.
# Un événement, c'est quelque chose qui arrive : le joueur clique sur le drapeau vert, appuie sur une touche…
#
# Pour dire à Léo quoi faire, on écrit un **bloc d'instructions** avec un nom, grâce à `def` :
#
# ```python
# def au_drapeau():
#     dit("Salut !")
#     saute()
# ```
#
# Puis on l'accroche à un événement :
#
# ```python
# quand("drapeau", au_drapeau)
# ```
#
# Maintenant, **chaque fois** que le drapeau est cliqué, le jeu lance `au_drapeau`.
# Attention : dans `quand(…)`, on écrit le nom du bloc **sans parenthèses**.
#
# Léo sait faire : `avance()`, `recule()`, `saute()` et `dit("…")`.
# Pour essayer ton jeu : `joue("drapeau")` fait comme si le joueur cliquait sur le drapeau.

# %% include="jeu"

# %% [markdown]
# ## Exercice 1 : bonjour !
#
# Quand le drapeau est cliqué, Léo doit dire `"Bonjour !"`.

# %% [markdown] hints="evenements-1-a"
# 1. Écris un bloc `def au_drapeau():` avec, décalé dessous, ce que dit Léo.
# 2. Dans le bloc : `dit("Bonjour !")`. Ensuite, hors du bloc, accroche-le au drapeau.
# 3. `def au_drapeau():` / `    dit("Bonjour !")` / `quand("drapeau", au_drapeau)`.

# %% solution="evenements-1-a"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    dit("Bonjour !")


quand("drapeau", au_drapeau)
### END SOLUTION
joue("drapeau")

# %% tests="evenements-1-a" points=1
joue("drapeau")
assert paroles() == ["Bonjour !"], f"Quand on clique sur le drapeau, Léo dit {paroles()}, mais on attendait [\"Bonjour !\"]. As-tu bien écrit quand(\"drapeau\", …) ?"

# %% wrong="evenements-1-a"
def au_drapeau():
    dit("Bonjour !")
# ---
def au_drapeau():
    dit("bonjour !")


quand("drapeau", au_drapeau)

# %% right="evenements-1-a"
def au_drapeau():
    dit('Bonjour !')


quand("drapeau", au_drapeau)

# %% right="evenements-1-a"
def au_drapeau():
    dit("Bonjour!")


quand("drapeau", au_drapeau)

# %% wrong="evenements-1-a"
def au_drapeau():
    dit("Bonjour !")

# %% [markdown]
# ## Exercice 2 : prêt pour la course
#
# Quand le drapeau est cliqué, Léo avance de 3 cases (avec une boucle), puis dit `"Je suis prêt !"`.

# %% [markdown] hints="evenements-1-b"
# 1. Dans ton bloc, tu peux mettre une boucle `for`, comme avec Tao.
# 2. La boucle et `dit(…)` sont tous les deux dans le bloc : décalés sous `def`.
# 3. `def au_drapeau():` / `    for i in range(3):` / `        avance()` / `    dit("Je suis prêt !")`, puis `quand("drapeau", au_drapeau)`.

# %% solution="evenements-1-b"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    for i in range(3):
        avance()
    dit("Je suis prêt !")


quand("drapeau", au_drapeau)
### END SOLUTION
joue("drapeau")

# %% tests="evenements-1-b" points=1
joue("drapeau")
assert position() == 3, f"Après le drapeau, Léo est sur la case {position()}, mais on attendait la case 3."
assert paroles() == ["Je suis prêt !"], f"Léo dit {paroles()}, mais on attendait [\"Je suis prêt !\"]."

# %% wrong="evenements-1-b"
def au_drapeau():
    for i in range(3):
        avance()
    dit("Je suis prêt !")
# ---
def au_drapeau():
    for i in range(4):
        avance()
    dit("Je suis prêt !")


quand("drapeau", au_drapeau)
# ---
def au_drapeau():
    avance()
    dit("Je suis prêt !")


quand("drapeau", au_drapeau)

# %% right="evenements-1-b"
def au_drapeau():
    for tour in range(3):
        avance()
    dit("Je suis prêt !")


quand("drapeau", au_drapeau)
# ---
def au_drapeau():
    for i in range(0, 3):
        avance()
    dit("Je suis prêt !")


quand("drapeau", au_drapeau)

# %% [markdown]
# ## Exercice 3 : deux événements
#
# - Quand le drapeau est cliqué, Léo dit `"C'est parti !"`.
# - Quand le joueur clique sur Léo (l'événement `"clic"`), Léo saute.
#
# Il faut deux blocs, et deux `quand(…)`.

# %% [markdown] hints="evenements-1-c"
# 1. Un bloc pour le drapeau, un autre bloc pour le clic : donne-leur deux noms différents.
# 2. Par exemple `au_drapeau` et `au_clic`. Chaque bloc a son propre `quand(…)`.
# 3. `def au_clic():` / `    saute()` puis `quand("clic", au_clic)` ; et de même pour le drapeau avec `dit("C'est parti !")`.

# %% solution="evenements-1-c"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    dit("C'est parti !")


def au_clic():
    saute()


quand("drapeau", au_drapeau)
quand("clic", au_clic)
### END SOLUTION
joue("drapeau", "clic", "clic")

# %% tests="evenements-1-c" points=2
joue("drapeau", "clic", "clic")
assert paroles() == ["C'est parti !"], f"Après le drapeau, Léo dit {paroles()}, mais on attendait [\"C'est parti !\"]."
assert sauts() == 2, f"Le joueur a cliqué 2 fois sur Léo, mais Léo a sauté {sauts()} fois."

# %% wrong="evenements-1-c"
def au_drapeau():
    dit("C'est parti !")


def au_clic():
    saute()


quand("drapeau", au_drapeau)
# ---
def au_drapeau():
    dit("c'est parti !")


def au_clic():
    saute()


quand("drapeau", au_drapeau)
quand("clic", au_clic)

# %% right="evenements-1-c"
def au_drapeau():
    dit("C'est parti !")


def au_clic():
    saute()


quand('drapeau', au_drapeau)
quand("clic", au_clic)

# %% wrong="evenements-1-c"
def au_clic():
    saute()


quand("drapeau", au_drapeau)
quand("clic", au_clic)

# %% [markdown] sheet=true
# ## Objectifs
# Déclencher une action quand un événement arrive (le drapeau, un clic).
# ## Durée
# 45 minutes.
# ## Prérequis
# L'unité Boucles.
# ## Échauffement débranché
# Jeu de signaux : quand je lève le drapeau rouge, vous dites bonjour ; quand je tape, vous sautez.
# ## Points de vigilance
# La fonction s'écrit sans parenthèses dans `quand("drapeau", au_drapeau)`. Rien ne se passe tant que l'événement n'arrive pas.
# ## Aider un enfant bloqué
# Relire à voix haute : « quand le drapeau est cliqué, Léo fait… ».
# ## Pour aller plus loin
# Ajouter un troisième événement de son choix.

# %% [markdown]
# # Les flèches du clavier
#
# Dans un jeu, le joueur dirige le héros avec les **touches** du clavier.
# Chaque touche est un événement : `"droite"`, `"gauche"`, `"haut"`, `"espace"`.
#
# Quand le joueur appuie sur une touche, le jeu lance le bloc accroché à cette touche.
# `joue("droite", "droite", "gauche")` fait comme si le joueur appuyait sur ces touches, dans l'ordre.

# %% include="jeu"

# %% [markdown]
# ## Exercice 1 : la flèche droite
#
# Quand le joueur appuie sur la flèche droite (`"droite"`), Léo avance d'une case.

# %% [markdown] hints="evenements-2-a"
# 1. Comme pour le drapeau : un bloc `def`, puis `quand(…)` avec la touche `"droite"`.
# 2. Dans le bloc, Léo avance **une** fois : c'est le joueur qui appuie plusieurs fois.
# 3. `def a_droite():` / `    avance()` / `quand("droite", a_droite)`.

# %% solution="evenements-2-a"
nouvelle_partie()
### BEGIN SOLUTION
def a_droite():
    avance()


quand("droite", a_droite)
### END SOLUTION
joue("droite", "droite", "droite")
print("Léo est sur la case", position())

# %% tests="evenements-2-a" points=1
joue("droite", "droite", "droite")
assert position() == 3, f"Le joueur a appuyé 3 fois sur la flèche droite, mais Léo est sur la case {position()} au lieu de 3."

# %% wrong="evenements-2-a"
def a_droite():
    avance()

# %% right="evenements-2-a"
def a_droite():
    avance()


quand('droite', a_droite)

# %% wrong="evenements-2-a"
def a_droite():
    avance()

# %% wrong="evenements-2-a"
def a_droite():
    avance()


quand("gauche", a_droite)

# %% [markdown]
# ## Exercice 2 : aller et retour
#
# Maintenant, deux touches :
#
# - flèche droite (`"droite"`) : Léo avance ;
# - flèche gauche (`"gauche"`) : Léo recule.

# %% [markdown] hints="evenements-2-b"
# 1. Il faut deux blocs, un par touche, et deux `quand(…)`.
# 2. Le bloc de la flèche gauche appelle `recule()`.
# 3. `def a_droite():` / `    avance()`, `def a_gauche():` / `    recule()`, puis `quand("droite", a_droite)` et `quand("gauche", a_gauche)`.

# %% solution="evenements-2-b"
nouvelle_partie()
### BEGIN SOLUTION
def a_droite():
    avance()


def a_gauche():
    recule()


quand("droite", a_droite)
quand("gauche", a_gauche)
### END SOLUTION
joue("droite", "droite", "gauche")
print("Léo est sur la case", position())

# %% tests="evenements-2-b" points=2
joue("droite", "droite", "droite", "gauche")
assert position() == 2, f"Avec droite, droite, droite, gauche, Léo devrait être sur la case 2, mais il est sur la case {position()}."
joue("gauche", "gauche")
assert position() == -2, f"Avec gauche, gauche, Léo devrait reculer jusqu'à la case -2, mais il est sur la case {position()}."

# %% wrong="evenements-2-b"
def a_droite():
    avance()


def a_gauche():
    recule()


quand("droite", a_droite)

# %% right="evenements-2-b"
def a_droite():
    avance()


def a_gauche():
    recule()


quand('droite', a_droite)
quand("gauche", a_gauche)

# %% wrong="evenements-2-b"
def a_droite():
    recule()


def a_gauche():
    avance()


quand("droite", a_droite)
quand("gauche", a_gauche)

# %% wrong="evenements-2-b"
def a_droite():
    avance()


def a_gauche():
    avance()


quand("droite", a_droite)
quand("gauche", a_gauche)

# %% [markdown]
# ## Exercice 3 : le super saut
#
# - Touche espace (`"espace"`) : Léo saute une fois.
# - Flèche du haut (`"haut"`) : Léo fait un **super saut** : il saute 3 fois de suite (avec une boucle).

# %% [markdown] hints="evenements-2-c"
# 1. Deux blocs : un pour `"espace"`, un pour `"haut"`.
# 2. Dans le bloc du super saut, mets une boucle qui répète `saute()` 3 fois.
# 3. `def super_saut():` / `    for i in range(3):` / `        saute()` puis `quand("haut", super_saut)`.

# %% solution="evenements-2-c"
nouvelle_partie()
### BEGIN SOLUTION
def petit_saut():
    saute()


def super_saut():
    for i in range(3):
        saute()


quand("espace", petit_saut)
quand("haut", super_saut)
### END SOLUTION
joue("espace", "haut")
print("Léo a sauté", sauts(), "fois")

# %% tests="evenements-2-c" points=3
joue("espace")
assert sauts() == 1, f"Avec la touche espace, Léo doit sauter 1 fois, mais il a sauté {sauts()} fois."
joue("haut")
assert sauts() == 3, f"Avec la flèche du haut, Léo doit sauter 3 fois, mais il a sauté {sauts()} fois."
joue("espace", "haut", "espace")
assert sauts() == 5, f"Avec espace, haut, espace, Léo doit sauter 1 + 3 + 1 = 5 fois, mais il a sauté {sauts()} fois."

# %% wrong="evenements-2-c"
def petit_saut():
    saute()


def super_saut():
    for i in range(3):
        saute()


quand("espace", petit_saut)
# ---
def petit_saut():
    saute()


def super_saut():
    for i in range(4):
        saute()


quand("espace", petit_saut)
quand("haut", super_saut)
# ---
def petit_saut():
    saute()


def super_saut():
    saute()


quand("espace", petit_saut)
quand("haut", super_saut)

# %% right="evenements-2-c"
def petit_saut():
    saute()


def super_saut():
    for tour in range(3):
        saute()


quand("espace", petit_saut)
quand("haut", super_saut)
# ---
def petit_saut():
    saute()


def super_saut():
    for i in range(0, 3):
        saute()


quand("espace", petit_saut)
quand("haut", super_saut)

# %% [markdown]
# ## Exercice 4 : invente ton jeu
#
# À toi d'inventer le jeu de Léo ! Choisis au moins deux événements : le drapeau, un clic, les flèches, la touche espace…
# Pour chaque événement, Léo fait quelque chose : il avance, il saute, il parle…
#
# Fais essayer ton jeu à ton voisin.

# %% [markdown] hints="evenements-2-d"
# 1. Un événement, c'est une fonction et un `quand("…", ta_fonction)`.
# 2. Écris d'abord une fonction pour le drapeau. Puis une autre pour un autre événement.
# 3. Vérifie que chaque fonction fait bouger ou parler Léo.

# %% solution="evenements-2-d"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    dit("C'est mon jeu !")


def au_clic():
    saute()


quand("drapeau", au_drapeau)
quand("clic", au_clic)
### END SOLUTION
joue("drapeau", "clic")

# %% tests="evenements-2-d" points=3
ecoutes = evenements_ecoutes()
assert len(ecoutes) >= 2, f"Ton jeu écoute {len(ecoutes)} événement : il en faut au moins 2. Ajoute un quand(…)."
for evenement in ecoutes:
    joue(evenement)
    assert position() != 0 or sauts() > 0 or paroles(), f"Quand « {evenement} » arrive, Léo ne fait rien. Donne-lui quelque chose à faire."

# %% wrong="evenements-2-d"
def au_drapeau():
    dit("C'est mon jeu !")


quand("drapeau", au_drapeau)
# ---
def au_drapeau():
    dit("C'est mon jeu !")


def au_clic():
    pass


quand("drapeau", au_drapeau)
quand("clic", au_clic)
# ---
def au_drapeau():
    dit("C'est mon jeu !")


def au_clic():
    saute()
# ---
def au_drapeau():
    dit("C'est mon jeu !")


quand("drapeau", au_drapeau)
quand("Drapeau", au_drapeau)

# %% right="evenements-2-d"
def a_droite():
    avance()


def a_gauche():
    recule()


def en_haut():
    saute()
    dit("Hop !")


quand("droite", a_droite)
quand("gauche", a_gauche)
quand("haut", en_haut)
# ---
def au_clic():
    saute()


def espace():
    for i in range(2):
        avance()


quand("clic", au_clic)
quand("espace", espace)

# %% [markdown] sheet=true
# ## Objectifs
# Faire réagir Léo aux touches du clavier.
# ## Durée
# 45 minutes.
# ## Prérequis
# Événements 1.
# ## Échauffement débranché
# Jeu de la télécommande : un enfant guide un camarade avec des cartes-flèches.
# ## Points de vigilance
# Chaque touche a sa fonction. Confondre le nom de la touche et le nom de la fonction.
# ## Aider un enfant bloqué
# Faire la liste : touche → ce que fait Léo, avant d'écrire.
# ## Pour aller plus loin
# Inventer une touche secrète qui fait un super saut.

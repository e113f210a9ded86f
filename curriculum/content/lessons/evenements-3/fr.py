# %% [markdown]
# # Les messages
#
# Un bloc peut aussi **envoyer un message** à tout le jeu : `envoie("fête")`.
# Tous les blocs accrochés à ce message avec `quand("fête", …)` se lancent alors.
#
# C'est comme ça que les personnages d'un jeu se parlent : l'un envoie un message, l'autre l'écoute et réagit.
#
# ```python
# def au_drapeau():
#     envoie("fête")
#
# def faire_la_fete():
#     saute()
#
# quand("drapeau", au_drapeau)
# quand("fête", faire_la_fete)
# ```

# %% include="jeu"

# %% [markdown]
# ## Exercice 1 : le réveil
#
# - Quand le drapeau est cliqué, le jeu envoie le message `"réveil"`.
# - Quand Léo reçoit le message `"réveil"`, il dit `"Quel beau jour !"`.

# %% [markdown] hints="evenements-3-a"
# 1. Deux blocs : l'un envoie le message, l'autre l'écoute.
# 2. Le bloc du drapeau contient `envoie("réveil")`. Le bloc du réveil contient `dit("Quel beau jour !")`.
# 3. N'oublie pas les deux `quand(…)` : `quand("drapeau", au_drapeau)` et `quand("réveil", au_reveil)`.

# %% solution="evenements-3-a"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    envoie("réveil")


def au_reveil():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)
quand("réveil", au_reveil)
### END SOLUTION
joue("drapeau")

# %% tests="evenements-3-a" points=1
joue("réveil")
assert paroles() == ["Quel beau jour !"], f"Quand Léo reçoit le message \"réveil\", il dit {paroles()}, mais on attendait [\"Quel beau jour !\"]."
joue("drapeau")
assert paroles() == ["Quel beau jour !"], f"Quand on clique sur le drapeau, Léo dit {paroles()} : le drapeau doit envoyer le message \"réveil\"."

# %% wrong="evenements-3-a"
def au_drapeau():
    envoie("réveil")


def au_reveil():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)

# %% right="evenements-3-a"
def au_drapeau():
    envoie('réveil')


def au_reveil():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)
quand("réveil", au_reveil)
# ---
def au_drapeau():
    envoie("Réveil")


def au_reveil():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)
quand("réveil", au_reveil)

# %% right="evenements-3-a"
def au_drapeau():
    envoie("reveil")


def au_reveil():
    dit("Quel beau jour!")


quand("drapeau", au_drapeau)
quand("reveil", au_reveil)

# %% wrong="evenements-3-a"
def au_drapeau():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)
# ---
def au_drapeau():
    envoie("réveil")


def au_reveil():
    dit("Quel beau jour !")


quand("drapeau", au_drapeau)
quand("debout", au_reveil)

# %% [markdown]
# ## Exercice 2 : la danse
#
# - Quand le joueur clique sur Léo (`"clic"`), le jeu envoie le message `"danse"`.
# - Quand Léo reçoit `"danse"`, il saute 2 fois puis dit `"Youpi !"`.

# %% [markdown] hints="evenements-3-b"
# 1. Même idée que l'exercice 1 : un bloc qui envoie, un bloc qui écoute.
# 2. Le bloc de la danse : `saute()`, `saute()`, `dit("Youpi !")`.
# 3. `quand("clic", au_clic)` avec `envoie("danse")` dedans, et `quand("danse", danse)`.

# %% solution="evenements-3-b"
nouvelle_partie()
### BEGIN SOLUTION
def au_clic():
    envoie("danse")


def danse():
    saute()
    saute()
    dit("Youpi !")


quand("clic", au_clic)
quand("danse", danse)
### END SOLUTION
joue("clic")

# %% tests="evenements-3-b" points=2
joue("clic")
assert sauts() == 2, f"Après un clic, Léo doit sauter 2 fois en dansant, mais il a sauté {sauts()} fois."
assert paroles() == ["Youpi !"], f"Après la danse, Léo dit {paroles()}, mais on attendait [\"Youpi !\"]."

# %% wrong="evenements-3-b"
def au_clic():
    envoie("danse")


def danse():
    saute()
    saute()
    dit("Youpi !")


quand("clic", au_clic)

# %% right="evenements-3-b"
def au_clic():
    envoie("danse")


def danse():
    for fois in range(2):
        saute()
    dit("Youpi !")


quand("clic", au_clic)
quand("danse", danse)
# ---
def au_clic():
    envoie('danse')


def danse():
    saute()
    saute()
    dit("Youpi !")


quand("clic", au_clic)
quand("danse", danse)
# ---
def au_clic():
    envoie("Danse")


def danse():
    saute()
    saute()
    dit("Youpi !")


quand("clic", au_clic)
quand("danse", danse)

# %% wrong="evenements-3-b"
def au_clic():
    saute()
    dit("Youpi !")


quand("clic", au_clic)
# ---
def au_clic():
    envoie("danse")


def danse():
    saute()
    dit("Youpi !")


quand("clic", au_clic)
quand("danse", danse)

# %% [markdown]
# ## Exercice 3 : la course de relais
#
# Trois blocs qui se passent le relais :
#
# 1. Quand le drapeau est cliqué : envoyer le message `"un"`.
# 2. Quand Léo reçoit `"un"` : il avance d'une case, puis envoie le message `"deux"`.
# 3. Quand Léo reçoit `"deux"` : il avance de 2 cases, puis dit `"Arrivé !"`.

# %% [markdown] hints="evenements-3-c"
# 1. Écris les trois blocs, puis les trois `quand(…)`.
# 2. Le bloc de `"un"` contient `avance()` puis `envoie("deux")`.
# 3. Le bloc de `"deux"` contient `avance()`, `avance()`, `dit("Arrivé !")`.

# %% solution="evenements-3-c"
nouvelle_partie()
### BEGIN SOLUTION
def au_drapeau():
    envoie("un")


def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    avance()
    avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)
quand("deux", etape_deux)
### END SOLUTION
joue("drapeau")

# %% tests="evenements-3-c" points=3
joue("deux")
assert position() == 2 and paroles() == ["Arrivé !"], f"Avec le message \"deux\", Léo doit avancer de 2 cases et dire \"Arrivé !\" ; il est sur la case {position()} et dit {paroles()}."
joue("drapeau")
assert position() == 3, f"Après le drapeau, le relais doit amener Léo sur la case 3, mais il est sur la case {position()}."
assert paroles() == ["Arrivé !"], f"À la fin du relais, Léo dit {paroles()}, mais on attendait [\"Arrivé !\"]."

# %% wrong="evenements-3-c"
def au_drapeau():
    envoie("un")


def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    avance()
    avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)

# %% right="evenements-3-c"
def au_drapeau():
    envoie("un")


def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    for fois in range(2):
        avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)
quand("deux", etape_deux)
# ---
def au_drapeau():
    envoie('un')


def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    avance()
    avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)
quand("deux", etape_deux)

# %% right="evenements-3-c"
def au_drapeau():
    envoie("Un")


def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    avance()
    avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)
quand("deux", etape_deux)

# %% wrong="evenements-3-c"
def etape_un():
    avance()
    envoie("deux")


def etape_deux():
    avance()
    avance()
    dit("Arrivé !")


quand("drapeau", au_drapeau)
quand("un", etape_un)
quand("deux", etape_deux)

# %% wrong="evenements-3-c"
def au_drapeau():
    avance()
    avance()
    avance()


quand("drapeau", au_drapeau)

# %% [markdown] sheet=true
# ## Objectifs
# Faire parler deux parties du programme par des messages.
# ## Durée
# 50 minutes.
# ## Prérequis
# Événements 2.
# ## Échauffement débranché
# Le téléphone : un enfant reçoit un mot et le passe au suivant, qui agit.
# ## Points de vigilance
# Le nom du message doit être le même dans `envoie` et dans `quand` (les accents et majuscules ne comptent pas).
# ## Aider un enfant bloqué
# Dessiner les flèches : qui envoie quoi, qui écoute quoi.
# ## Pour aller plus loin
# Ajouter une quatrième étape au relais.

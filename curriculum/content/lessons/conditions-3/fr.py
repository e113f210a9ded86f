# %% [markdown]
# # Comparer des nombres
#
# Dans chaque couloir, il y a un **panneau** avec un nombre. `panneau()` donne ce nombre.
#
# Pour décider, Coralie peut **comparer** des nombres :
#
# | En Python | Veut dire |
# |---|---|
# | `a > b` | a est plus grand que b |
# | `a < b` | a est plus petit que b |
# | `a == b` | a est égal à b (deux signes `=` !) |
# | `a != b` | a est différent de b |
#
# Et pour plus de deux cas, `elif` (« sinon, si ») ajoute une autre question :
#
# ```python
# if panneau() < 3:
#     dit("petit")
# elif panneau() < 10:
#     dit("moyen")
# else:
#     dit("grand")
# ```

# %% include="couloir"

# %% [markdown]
# ## Exercice 1 : loin ou près ?
#
# Le panneau dit combien de cases il reste jusqu'au fromage.
# Si le nombre est plus grand que 5, Coralie dit `"C'est loin !"`. Sinon, elle dit `"C'est tout près !"`.

# %% [markdown] hints="conditions-3-a"
# 1. La question : `panneau() > 5`.
# 2. Un `if` et un `else`, chacun avec un `dit(…)`.
# 3. `if panneau() > 5:` / `    dit("C'est loin !")` / `else:` / `    dit("C'est tout près !")`, dans `def coralie():`.

# %% solution="conditions-3-a"
### BEGIN SOLUTION
def coralie():
    if panneau() > 5:
        dit("C'est loin !")
    else:
        dit("C'est tout près !")
### END SOLUTION
essaie(coralie, ".", panneau=8)

# %% tests="conditions-3-a" points=1
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for nombre, attendu in ((8, "C'est loin !"), (6, "C'est loin !"), (5, "C'est tout près !"), (2, "C'est tout près !")):
    essaie(coralie, ".", panneau=nombre)
    assert paroles() == [attendu], f"Quand le panneau indique {nombre}, Coralie dit {paroles()}, mais on attendait [\"{attendu}\"]."

# %% wrong="conditions-3-a"
def coralie():
    if panneau() >= 5:
        dit("C'est loin !")
    else:
        dit("C'est tout près !")
# ---
def coralie():
    if panneau() > 5:
        dit("c'est loin !")
    else:
        dit("C'est tout près !")

# %% wrong="conditions-3-a"
def coralie():
    if panneau() > 6:
        dit("C'est loin !")
    else:
        dit("C'est tout près !")

# %% right="conditions-3-a"
def coralie():
    if panneau() > 5:
        dit("C'est loin!")
    else:
        dit("C’est tout près !")

# %% [markdown]
# ## Exercice 2 : le code secret
#
# Le panneau montre le code de la porte du garde-manger. Si le code est **égal** à 42,
# Coralie dit `"Sésame, ouvre-toi !"`. Sinon, elle dit `"Mauvais code"`.

# %% [markdown] hints="conditions-3-b"
# 1. Pour tester l'égalité, on écrit deux signes égal : `==`.
# 2. La question : `panneau() == 42`.
# 3. `if panneau() == 42:` / `    dit("Sésame, ouvre-toi !")` / `else:` / `    dit("Mauvais code")`.

# %% solution="conditions-3-b"
### BEGIN SOLUTION
def coralie():
    if panneau() == 42:
        dit("Sésame, ouvre-toi !")
    else:
        dit("Mauvais code")
### END SOLUTION
essaie(coralie, ".", panneau=42)

# %% tests="conditions-3-b" points=2
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for nombre, attendu in ((42, "Sésame, ouvre-toi !"), (24, "Mauvais code"), (0, "Mauvais code")):
    essaie(coralie, ".", panneau=nombre)
    assert paroles() == [attendu], f"Avec le code {nombre}, Coralie dit {paroles()}, mais on attendait [\"{attendu}\"]."

# %% wrong="conditions-3-b"
def coralie():
    if panneau() == 43:
        dit("Sésame, ouvre-toi !")
    else:
        dit("Mauvais code")
# ---
def coralie():
    if panneau() != 42:
        dit("Sésame, ouvre-toi !")
    else:
        dit("Mauvais code")
# ---
def coralie():
    if panneau() == 42:
        dit("sésame, ouvre-toi !")
    else:
        dit("Mauvais code")

# %% right="conditions-3-b"
def coralie():
    if panneau() == 42:
        dit('Sésame, ouvre-toi !')
    else:
        dit("Mauvais code")

# %% [markdown]
# ## Exercice 3 : le détecteur de fromage
#
# Le panneau indique la distance du fromage. Coralie dit :
#
# - `"Tout près"` si la distance est plus petite que 3 ;
# - `"Pas loin"` si elle est plus petite que 10 (mais pas plus petite que 3) ;
# - `"Très loin"` dans tous les autres cas.

# %% [markdown] hints="conditions-3-c"
# 1. Trois cas : `if`, puis `elif`, puis `else`.
# 2. L'ordre compte : pose d'abord la question `< 3`, ensuite `< 10`.
# 3. `if panneau() < 3:` … `elif panneau() < 10:` … `else:` …, chacun avec son `dit(…)`.

# %% solution="conditions-3-c"
### BEGIN SOLUTION
def coralie():
    if panneau() < 3:
        dit("Tout près")
    elif panneau() < 10:
        dit("Pas loin")
    else:
        dit("Très loin")
### END SOLUTION
essaie(coralie, ".", panneau=7)

# %% tests="conditions-3-c" points=3
assert "coralie" in globals(), "Écris d'abord le bloc def coralie(): avec ton programme dedans."
for nombre, attendu in ((1, "Tout près"), (3, "Pas loin"), (9, "Pas loin"), (10, "Très loin"), (50, "Très loin")):
    essaie(coralie, ".", panneau=nombre)
    assert paroles() == [attendu], f"À la distance {nombre}, Coralie dit {paroles()}, mais on attendait [\"{attendu}\"]."

# %% wrong="conditions-3-c"
def coralie():
    if panneau() < 4:
        dit("Tout près")
    elif panneau() < 10:
        dit("Pas loin")
    else:
        dit("Très loin")
# ---
def coralie():
    if panneau() < 3:
        dit("Tout près")
    elif panneau() < 11:
        dit("Pas loin")
    else:
        dit("Très loin")
# ---
def coralie():
    if panneau() <= 3:
        dit("Tout près")
    elif panneau() < 10:
        dit("Pas loin")
    else:
        dit("Très loin")

# %% right="conditions-3-c"
def coralie():
    if panneau() < 3:
        dit('Tout près')
    elif panneau() < 10:
        dit("Pas loin")
    else:
        dit("Très loin")

# %% [markdown] sheet=true
# ## Objectifs
# Comparer des nombres (`>`, `<`, `==`) pour choisir.
# ## Durée
# 50 minutes.
# ## Prérequis
# Conditions 2.
# ## Échauffement débranché
# La ligne des nombres au sol : « avance si ton nombre est plus grand que 5 ».
# ## Points de vigilance
# `=` range, `==` compare. « Plus de 5 » n'inclut pas 5.
# ## Aider un enfant bloqué
# Essayer la frontière : que dit Coralie pour 5 ? pour 6 ?
# ## Pour aller plus loin
# Ajouter une troisième réponse avec `elif`.

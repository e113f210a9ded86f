# %% [markdown]
# # Des réglages pour la machine
#
# Une machine devient vraiment utile quand on peut la **régler**. Les réglages s'appellent des **paramètres** :
# on les écrit entre les parenthèses.
#
# ```python
# def triple(nombre):
#     return nombre * 3
#
# triple(4)    # renvoie 12
# triple(10)   # renvoie 30
# ```
#
# Quand on lance `triple(4)`, le paramètre `nombre` contient 4 pendant que la machine travaille.

# %% [markdown]
# ## Exercice 1 : deux fois plus loin
#
# Le robot de Zed avance de `cases` cases, puis encore de `cases` cases.
# Écris la fonction `deux_fois(cases)` qui renvoie le nombre total de cases parcourues.

# %% [markdown] hints="fonctions-2-a"
# 1. Le robot avance deux fois du même nombre de cases.
# 2. Le résultat, c'est `cases * 2` (ou `cases + cases`).
# 3. `def deux_fois(cases):` / `    return cases * 2`.

# %% solution="fonctions-2-a"
### BEGIN SOLUTION
def deux_fois(cases):
    return cases * 2
### END SOLUTION
print(deux_fois(3))

# %% tests="fonctions-2-a" points=1
assert "deux_fois" in globals(), "Il n'y a pas encore de fonction deux_fois."
for cases, attendu in ((3, 6), (5, 10), (0, 0)):
    resultat = deux_fois(cases)
    assert resultat == attendu, f"Ta fonction renvoie {resultat!r}, mais on attendait {attendu} pour avancer de {cases} cases deux fois."

# %% wrong="fonctions-2-a"
def deux_fois(cases):
    return cases * 3

# %% right="fonctions-2-a"
# Mon programme
def deux_fois(cases):
    return cases * 2

# %% wrong="fonctions-2-a"
def deux_fois(cases):
    return cases * 1
# ---
def deux_fois(cases):
    print(cases * 2)

# %% [markdown]
# ## Exercice 2 : la machine à saluer tout le monde
#
# Écris la fonction `salue(nom)` qui renvoie `"Bonjour "` suivi du nom, puis `" !"`.
# Par exemple, `salue("Inès")` renvoie `"Bonjour Inès !"`.

# %% [markdown] hints="fonctions-2-b"
# 1. Le paramètre `nom` contient le prénom à saluer.
# 2. Colle trois morceaux avec `+` : `"Bonjour "`, `nom` et `" !"`.
# 3. `def salue(nom):` / `    return "Bonjour " + nom + " !"`.

# %% solution="fonctions-2-b"
### BEGIN SOLUTION
def salue(nom):
    return "Bonjour " + nom + " !"
### END SOLUTION
print(salue("Inès"))

# %% tests="fonctions-2-b" points=2
assert "salue" in globals(), "Il n'y a pas encore de fonction salue."
for nom in ("Inès", "Léo", "Momo"):
    resultat = salue(nom)
    assert resultat == f"Bonjour {nom} !", f"Pour {nom!r}, ta fonction renvoie {resultat!r}, mais on attendait \"Bonjour {nom} !\"."

# %% wrong="fonctions-2-b"
def salue(nom):
    return "bonjour " + nom + " !"

# %% right="fonctions-2-b"
def salue(nom):
    return 'Bonjour ' + nom + " !"

# %% wrong="fonctions-2-b"
def salue(nom):
    print("Bonjour " + nom + " !")

# %% wrong="fonctions-2-b"
def salue(nom):
    return "Bonjour Léa !"

# %% [markdown]
# ## Exercice 3 : la machine à frises
#
# Écris la fonction `frise(motif, fois)` qui renvoie le texte `motif` répété `fois` fois, avec une boucle.
# Par exemple, `frise("<>", 3)` renvoie `"<><><>"`.

# %% [markdown] hints="fonctions-2-c"
# 1. Deux paramètres, séparés par une virgule : `def frise(motif, fois):`.
# 2. Comme pour les étoiles : un texte vide, puis une boucle qui tourne `fois` fois et ajoute le motif.
# 3. `resultat = ""` / `for i in range(fois):` / `    resultat = resultat + motif` / `return resultat`.

# %% solution="fonctions-2-c"
### BEGIN SOLUTION
def frise(motif, fois):
    resultat = ""
    for i in range(fois):
        resultat = resultat + motif
    return resultat
### END SOLUTION
print(frise("<>", 3))

# %% tests="fonctions-2-c" points=3
assert "frise" in globals(), "Il n'y a pas encore de fonction frise."
for motif, fois, attendu in (("<>", 3, "<><><>"), ("*", 5, "*****"), ("ab", 0, "")):
    resultat = frise(motif, fois)
    assert resultat == attendu, f"frise({motif!r}, {fois}) renvoie {resultat!r}, mais on attendait {attendu!r}."

# %% wrong="fonctions-2-c"
def frise(motif, fois):
    resultat = ""
    resultat = resultat + motif
    return resultat

# %% right="fonctions-2-c"
def frise(motif, fois):
    resultat = ""
    for tour in range(fois):
        resultat = resultat + motif
    return resultat
# ---
def frise(motif, fois):
    resultat = ""
    for i in range(fois):
        resultat += motif
    return resultat

# %% wrong="fonctions-2-c"
def frise(motif, fois):
    resultat = ""
    for i in range(fois):
        resultat = resultat + motif
    print(resultat)

# %% wrong="fonctions-2-c"
def frise(motif, fois):
    return motif

# %% [markdown]
# ## Exercice 4 : invente ta machine
#
# Invente une machine à phrases : `ma_machine(mot)`. Elle reçoit un mot et **renvoie** une phrase avec ce mot dedans.
# Par exemple, une machine à compliments : `ma_machine("Zoé")` renvoie `"Zoé, tu dessines très bien !"`.
# C'est toi qui choisis la phrase ! Essaie ensuite ta machine avec le prénom de ton voisin.

# %% [markdown] hints="fonctions-2-d"
# 1. Commence par `def ma_machine(mot):`.
# 2. Colle le mot et ta phrase avec `+`. N'oublie pas les espaces.
# 3. La dernière ligne de la fonction commence par `return`.

# %% solution="fonctions-2-d"
### BEGIN SOLUTION
def ma_machine(mot):
    return "Bravo " + mot + ", tu as réussi !"
### END SOLUTION
print(ma_machine("Zoé"))

# %% tests="fonctions-2-d" points=3
assert "ma_machine" in globals() and callable(ma_machine), "Écris d'abord ta fonction : def ma_machine(mot):"
for mot in ("Zoé", "Malik"):
    phrase = ma_machine(mot)
    assert isinstance(phrase, str), f"ma_machine({mot!r}) renvoie {phrase!r} : elle doit renvoyer une phrase (avec return)."
    assert mot in phrase, f"ma_machine({mot!r}) renvoie {phrase!r} : le mot {mot!r} doit être dans la phrase."
    assert len(phrase) > len(mot), f"ma_machine({mot!r}) renvoie seulement le mot : ajoute ta phrase autour."

# %% wrong="fonctions-2-d"
def ma_machine(mot):
    print("Bravo " + mot + " !")
# ---
def ma_machine(mot):
    return "Bravo Zoé !"
# ---
def ma_machine(mot):
    return mot
# ---
def ma_machine(mot):
    return "Bravo !"

# %% right="fonctions-2-d"
def ma_machine(mot):
    return mot + ", tu dessines très bien !"
# ---
def ma_machine(mot):
    phrase = "Le dragon " + mot + " crache du feu."
    return phrase

# %% [markdown] sheet=true
# ## Objectifs
# Donner des réglages (paramètres) à une fonction.
# ## Durée
# 50 minutes.
# ## Prérequis
# Fonctions 1.
# ## Échauffement débranché
# La machine à saluer : on lui donne un prénom, elle dit bonjour à cette personne.
# ## Points de vigilance
# Le paramètre a un nom dans la fonction et une valeur à l'appel. Ne pas écrire le prénom en dur.
# ## Aider un enfant bloqué
# Essayer l'appel avec deux prénoms différents.
# ## Pour aller plus loin
# Une frise avec deux motifs qui alternent.

# Le couloir de Coralie la souris (ne change rien ici : exécute simplement cette cellule).
# Le couloir : . = case vide, F = fromage, # = mur. Coralie part de la case 0 et regarde vers la droite.


class _Couloir:
    def __init__(self, carte, panneau):
        self.cases = carte.split()
        self.x = 0
        self.steps = 0
        self.panneau = panneau
        self.manges = 0
        self.erreurs = 0
        self.chocs = 0
        self.sauts = 0
        self.paroles = []

    def case(self, x):
        return self.cases[x] if 0 <= x < len(self.cases) else "#"


_couloir = _Couloir(".", 0)


def essaie(programme, carte, panneau=0):
    """Pose Coralie au début du couloir `carte`, puis lance ton programme."""
    global _couloir
    _couloir = _Couloir(carte, panneau)
    programme()


def _tired():
    # A `while` that never ends would freeze the notebook: stop it with a sentence instead.
    _couloir.steps += 1
    if _couloir.steps > 100:
        raise RuntimeError("Coralie est épuisée : elle a fait plus de 100 pas. Ta boucle s'arrête-t-elle un jour ?")


def avance():
    _tired()
    if _couloir.case(_couloir.x + 1) == "#":
        _couloir.chocs += 1
        print("Aïe ! Coralie se cogne.")
    else:
        _couloir.x += 1


def saute():
    """Coralie saute par-dessus la case devant elle."""
    _tired()
    if _couloir.case(_couloir.x + 2) == "#":
        _couloir.chocs += 1
        print("Aïe ! Coralie retombe sur un mur.")
    else:
        _couloir.x += 2
        _couloir.sauts += 1


def mur_devant():
    return _couloir.case(_couloir.x + 1) == "#"


def fromage_ici():
    return _couloir.case(_couloir.x) == "F"


def mange():
    if fromage_ici():
        _couloir.cases[_couloir.x] = "."
        _couloir.manges += 1
    else:
        _couloir.erreurs += 1
        print("Coralie croque dans le vide !")


def panneau():
    """Le nombre écrit sur le panneau du couloir."""
    return _couloir.panneau


def dit(texte):
    _couloir.paroles.append(_ecrit(texte))
    print("Coralie :", texte)


def position():
    return _couloir.x


def fin():
    """La dernière case du couloir."""
    return len(_couloir.cases) - 1


def fromages():
    """Combien de fromages Coralie a mangés."""
    return _couloir.manges


def erreurs():
    """Combien de fois Coralie a croqué dans le vide."""
    return _couloir.erreurs


def chocs():
    return _couloir.chocs


def sauts():
    return _couloir.sauts


def paroles():
    return list(_couloir.paroles)


def _ecrit(texte):
    """Ce qui a été dit, écrit à la française : « Bonjour! » et « Bonjour ! » comptent pareil."""
    texte = str(texte).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    for signe in "!?:;":
        texte = texte.replace(" " + signe, signe).replace(signe, " " + signe)
    return " ".join(texte.split())

# Le monde de Pixel (ne change rien ici : exécute simplement cette cellule).
# La grille : P = Pixel, T = trésor, # = mur, . = case vide.


class _Monde:
    def __init__(self, carte="P"):
        self.cases = [ligne.split() for ligne in carte.strip().split("\n")]
        self.peintes = set()
        self.chocs = 0
        self.trajet = []
        self.tresor = None
        for y, ligne in enumerate(self.cases):
            for x, case in enumerate(ligne):
                if case == "P":
                    self.pixel = (x, y)
                if case == "T":
                    self.tresor = (x, y)

    def libre(self, x, y):
        return 0 <= y < len(self.cases) and 0 <= x < len(self.cases[y]) and self.cases[y][x] != "#"

    def bouge(self, dx, dy):
        x, y = self.pixel[0] + dx, self.pixel[1] + dy
        if self.libre(x, y):
            self.pixel = (x, y)
            self.trajet.append(self.pixel)
        else:
            self.chocs += 1
            print("Bong ! Pixel se cogne.")


_monde = _Monde()


def depart(carte):
    """Pixel revient au départ, sur une nouvelle grille."""
    global _monde
    _monde = _Monde(carte)


def droite():
    _monde.bouge(1, 0)


def gauche():
    _monde.bouge(-1, 0)


def haut():
    _monde.bouge(0, -1)


def bas():
    _monde.bouge(0, 1)


def peins():
    """Pixel peint la case où il se trouve."""
    _monde.peintes.add(_monde.pixel)


def position():
    return _monde.pixel


def tresor():
    return _monde.tresor


def chocs():
    """Combien de fois Pixel s'est cogné."""
    return _monde.chocs


def trajet():
    """Les cases où Pixel est passé, dans l'ordre."""
    return list(_monde.trajet)


def dessin():
    """La grille en texte : * pour une case peinte."""
    lignes = []
    for y, ligne in enumerate(_monde.cases):
        cases = [
            "*" if (x, y) in _monde.peintes else ("." if c in "PT" else c)
            for x, c in enumerate(ligne)
        ]
        lignes.append(" ".join(cases))
    return "\n".join(lignes)


def montre():
    """Affiche la grille avec Pixel (P)."""
    for y, ligne in enumerate(dessin().split("\n")):
        cases = ligne.split()
        for x in range(len(cases)):
            if (x, y) == _monde.pixel:
                cases[x] = "P"
            elif (x, y) == _monde.tresor and cases[x] == ".":
                cases[x] = "T"
        print(" ".join(cases))


def ecart(cible):
    """Dit, en mots, où est Pixel par rapport à la case cible."""
    dx, dy = cible[0] - _monde.pixel[0], cible[1] - _monde.pixel[1]
    morceaux = []
    for n, vers_plus, vers_moins in ((dx, "la droite", "la gauche"), (dy, "le bas", "le haut")):
        if n:
            cases = "case" if abs(n) == 1 else "cases"
            morceaux.append(f"{abs(n)} {cases} vers {vers_plus if n > 0 else vers_moins}")
    if not morceaux:
        return "Pixel est pile sur la bonne case"
    return "il lui manque " + " et ".join(morceaux)


def cle():
    """La case de la clé (K), s'il y en a une."""
    for y, ligne in enumerate(_monde.cases):
        for x, case in enumerate(ligne):
            if case == "K":
                return (x, y)
    return None

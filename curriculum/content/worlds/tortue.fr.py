# Le monde de Tao la tortue (ne change rien ici : exécute simplement cette cellule).
# Tao marche sur une feuille quadrillée et laisse une trace # derrière elle.

_DIRECTIONS = [(1, 0), (0, 1), (-1, 0), (0, -1)]  # droite, haut, gauche, bas


class _Tortue:
    def __init__(self):
        self.x, self.y, self.cap = 0, 0, 0
        self.trace = {(0, 0)}
        self.carnet = []

    def avance(self, pas):
        dx, dy = _DIRECTIONS[self.cap]
        for _ in range(pas):
            self.x, self.y = self.x + dx, self.y + dy
            self.trace.add((self.x, self.y))


_tao = _Tortue()


def nouvelle_feuille():
    """Tao revient au départ, sur une feuille blanche, tournée vers la droite."""
    global _tao
    _tao = _Tortue()


def avance(pas=1):
    """Tao avance d'une case (ou de plusieurs : avance(3))."""
    _tao.avance(pas)


def tourne_gauche():
    _tao.cap = (_tao.cap + 1) % 4


def tourne_droite():
    _tao.cap = (_tao.cap - 1) % 4


def ecris(valeur):
    """Tao écrit une valeur dans son carnet."""
    _tao.carnet.append(valeur)


def carnet():
    return list(_tao.carnet)


def position():
    """Où est Tao : (colonne, ligne), le départ est (0, 0)."""
    return (_tao.x, _tao.y)


def dessin():
    """Le dessin de Tao en texte : # là où elle est passée."""
    xs = [x for x, _ in _tao.trace]
    ys = [y for _, y in _tao.trace]
    lignes = []
    for y in range(max(ys), min(ys) - 1, -1):
        lignes.append("".join("#" if (x, y) in _tao.trace else "." for x in range(min(xs), max(xs) + 1)))
    return "\n".join(lignes)


def montre():
    print(dessin())

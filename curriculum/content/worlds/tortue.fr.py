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


def _ou(x, y):
    """Une case du dessin en mots : « en haut à gauche »."""
    xs, ys = [a for a, _ in _tao.trace], [b for _, b in _tao.trace]
    v = "" if max(ys) == min(ys) else "en haut" if y == max(ys) else "en bas" if y == min(ys) else "au milieu"
    h = "" if max(xs) == min(xs) else "à gauche" if x == min(xs) else "à droite" if x == max(xs) else "au milieu"
    return " ".join(m for m in dict.fromkeys((v, h)) if m) or "sur la seule case"


def _phrase():
    """Ce que montre l'image, pour qui ne la voit pas (lecteur d'écran)."""
    xs, ys = [a for a, _ in _tao.trace], [b for _, b in _tao.trace]
    largeur, hauteur = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    n = len(_tao.trace)
    vers = ("la droite", "le haut", "la gauche", "le bas")[_tao.cap]
    return (
        f"Le dessin de Tao, {largeur} colonne{'s' if largeur > 1 else ''} et {hauteur} ligne{'s' if hauteur > 1 else ''} : "
        f"{n} case{'s' if n > 1 else ''} tracée{'s' if n > 1 else ''}. Tao est {_ou(_tao.x, _tao.y)}, tournée vers {vers}."
    )


def _image(phrase):
    """Le dessin en SVG : léger, sans script ni fichier à charger."""
    c = 24  # la taille d'une case
    xs, ys = [a for a, _ in _tao.trace], [b for _, b in _tao.trace]
    x0, y0 = min(xs), max(ys)  # la case en haut à gauche
    largeur, hauteur = max(xs) - x0 + 1, y0 - min(ys) + 1
    dedans = []
    for y in range(hauteur):
        for x in range(largeur):
            fond = "#1e7d32" if (x0 + x, y0 - y) in _tao.trace else "#ffffff"
            dedans.append(f'<rect x="{x * c}" y="{y * c}" width="{c}" height="{c}" fill="{fond}" stroke="#c8c8c8"/>')
    dx, dy = _DIRECTIONS[_tao.cap]
    dy = -dy  # en SVG, y descend
    cx, cy = (_tao.x - x0) * c + c / 2, (y0 - _tao.y) * c + c / 2
    pointes = [(cx + 9 * dx, cy + 9 * dy), (cx - 6 * dx - 7 * dy, cy - 6 * dy + 7 * dx), (cx - 6 * dx + 7 * dy, cy - 6 * dy - 7 * dx)]
    dedans.append('<polygon points="' + " ".join(f"{a:g},{b:g}" for a, b in pointes) + '" fill="#0b57d0" stroke="#ffffff" stroke-width="2"/>')
    phrase = phrase.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {largeur * c + 4} {hauteur * c + 4}" '
        f'width="{largeur * c + 4}" height="{hauteur * c + 4}" role="img" aria-label="{phrase}">'
        f'<title>{phrase}</title>{"".join(dedans)}</svg>'
    )


def montre():
    """Affiche le dessin de Tao : une image, et le texte pour qui lit le texte."""
    texte = dessin()
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(texte)  # hors d'un notebook : le texte seul
        return
    display({"text/plain": texte, "image/svg+xml": _image(_phrase())}, raw=True)

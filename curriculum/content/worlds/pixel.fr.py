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


def _texte():
    """La grille en texte, avec Pixel (P) et le trésor (T)."""
    lignes = []
    for y, ligne in enumerate(dessin().split("\n")):
        cases = ligne.split()
        for x in range(len(cases)):
            if (x, y) == _monde.pixel:
                cases[x] = "P"
            elif (x, y) == _monde.tresor and cases[x] == ".":
                cases[x] = "T"
        lignes.append(" ".join(cases))
    return "\n".join(lignes)


def _ou(x, y):
    """Une case en mots : « en haut à gauche »."""
    hauteur, largeur = len(_monde.cases), max(len(ligne) for ligne in _monde.cases)
    v = "" if hauteur == 1 else "en haut" if y == 0 else "en bas" if y == hauteur - 1 else "au milieu"
    h = "" if largeur == 1 else "à gauche" if x == 0 else "à droite" if x == largeur - 1 else "au milieu"
    return " ".join(m for m in dict.fromkeys((v, h)) if m) or "sur la seule case"


def _phrase():
    """Ce que montre l'image, pour qui ne la voit pas (lecteur d'écran)."""
    hauteur, largeur = len(_monde.cases), max(len(ligne) for ligne in _monde.cases)
    morceaux = [f"Pixel est {_ou(*_monde.pixel)}"]
    if _monde.tresor == _monde.pixel:
        morceaux[0] = f"Pixel est sur le trésor, {_ou(*_monde.pixel)}"
    elif _monde.tresor is not None:
        morceaux.append(f"le trésor est {_ou(*_monde.tresor)}")
    if cle() is not None:
        morceaux.append(f"la clé est {_ou(*cle())}")
    murs = sum(ligne.count("#") for ligne in _monde.cases)
    for n, un, plusieurs in ((murs, "mur", "murs"), (len(_monde.peintes), "case peinte", "cases peintes")):
        if n:
            morceaux.append(f"{n} {un if n == 1 else plusieurs}")
    taille = f"{largeur} colonne{'s' if largeur > 1 else ''} et {hauteur} ligne{'s' if hauteur > 1 else ''}"
    return f"La grille de Pixel, {taille} : " + ", ".join(morceaux) + "."


def _image(phrase):
    """La grille en SVG : léger, sans script ni fichier à charger."""
    c = 40  # la taille d'une case
    hauteur, largeur = len(_monde.cases), max(len(ligne) for ligne in _monde.cases)
    dedans = []
    for y, ligne in enumerate(_monde.cases):
        for x, case in enumerate(ligne):
            fond = "#333333" if case == "#" else "#b35900" if (x, y) in _monde.peintes else "#ffffff"
            dedans.append(f'<rect x="{x * c}" y="{y * c}" width="{c}" height="{c}" fill="{fond}" stroke="#595959"/>')
            if case == "K":
                dedans.append(f'<text x="{x * c + c / 2}" y="{y * c + 27}" text-anchor="middle" font-size="20" font-weight="bold" fill="#7a4a00">K</text>')
    if _monde.tresor is not None and _monde.tresor != _monde.pixel:
        x, y = _monde.tresor
        dedans.append(f'<polygon points="{x * c + 20},{y * c + 3} {x * c + 37},{y * c + 20} {x * c + 20},{y * c + 37} {x * c + 3},{y * c + 20}" fill="#1e7d32" stroke="#ffffff" stroke-width="2"/>')
        dedans.append(f'<text x="{x * c + 20}" y="{y * c + 27}" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">T</text>')
    x, y = _monde.pixel
    dedans.append(f'<circle cx="{x * c + 20}" cy="{y * c + 20}" r="16" fill="#0b57d0" stroke="#ffffff" stroke-width="3"/>')
    dedans.append(f'<text x="{x * c + 20}" y="{y * c + 27}" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">P</text>')
    phrase = phrase.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {largeur * c + 4} {hauteur * c + 4}" '
        f'width="{largeur * c + 4}" height="{hauteur * c + 4}" role="img" aria-label="{phrase}" '
        f'font-family="sans-serif"><title>{phrase}</title>{"".join(dedans)}</svg>'
    )


def montre():
    """Affiche la grille avec Pixel (P) : une image, et le texte pour qui lit le texte."""
    texte = _texte()
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(texte)  # hors d'un notebook : le texte seul
        return
    display({"text/plain": texte, "image/svg+xml": _image(_phrase())}, raw=True)


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
    return "il lui manque " + " et ".join(morceaux) + _sans_parentheses()


def _sans_parentheses():
    """« droite » écrit sans () ne fait rien : le dire, car Python, lui, ne dit rien."""
    import ast

    for code in reversed(globals().get("In") or []):
        if "ecart(" in code or not code.strip():
            continue  # les tests eux-mêmes
        try:
            arbre = ast.parse(code)
        except SyntaxError:
            return ""
        for noeud in ast.walk(arbre):
            if isinstance(noeud, ast.Expr) and isinstance(noeud.value, ast.Name) and callable(globals().get(noeud.value.id)):
                nom = noeud.value.id
                return f". Ligne {noeud.lineno} : « {nom} » sans parenthèses ne fait rien, écris {nom}()"
        return ""
    return ""


def cle():
    """La case de la clé (K), s'il y en a une."""
    for y, ligne in enumerate(_monde.cases):
        for x, case in enumerate(ligne):
            if case == "K":
                return (x, y)
    return None

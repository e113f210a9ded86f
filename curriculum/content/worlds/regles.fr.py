# Les règles des exercices (ne change rien ici : exécute simplement cette cellule).
# Elles lisent ton programme pour voir s'il suit la consigne, et comparent les textes
# sans te compter faux pour un espace avant « ! » ou une apostrophe penchée.
import ast as _ast


def _ton_programme():
    """Le code de ta réponse : la dernière cellule lancée avant les tests (None si inconnu)."""
    historique = globals().get("In") or []
    for code in reversed(historique):
        if code.strip() and "regles(" not in code:
            try:
                return _ast.parse(code)
            except SyntaxError:
                return None
    return None


def _noms(arbre):
    for noeud in _ast.walk(arbre):
        if isinstance(noeud, _ast.Name) and isinstance(noeud.ctx, _ast.Load):
            yield noeud.id
        elif isinstance(noeud, _ast.Attribute):
            yield noeud.attr


def _nombres(arbre):
    for noeud in _ast.walk(arbre):
        if isinstance(noeud, _ast.Constant) and type(noeud.value) in (int, float):
            yield noeud.value


def regles(sans=(), boucle=False, sans_nombre=(), calcule=(), avec=()):
    """Vérifie la consigne sur ton programme ; une règle pas suivie est dite en une phrase."""
    arbre = _ton_programme()
    if arbre is None:
        return
    for nom in sans:
        assert nom not in set(_noms(arbre)), (
            f"Règle de l'exercice : sans utiliser {nom}. Ton programme utilise {nom}. "
            "Trouve une autre façon !"
        )
    if boucle:
        assert any(isinstance(n, (_ast.For, _ast.While)) for n in _ast.walk(arbre)), (
            "Règle de l'exercice : utilise une boucle. Ton programme n'a pas de boucle for."
        )
    for nombre in sans_nombre:
        assert nombre not in list(_nombres(arbre)), (
            f"Règle de l'exercice : ne pas écrire {nombre}. Calcule-le avec les boîtes."
        )
    for nom in avec:
        assert nom in set(_noms(arbre)), (
            f"Règle de l'exercice : utilise la boîte {nom}. Ton programme ne s'en sert pas."
        )
    for boite in calcule:
        assert _calculee(arbre, boite), (
            f"Règle de l'exercice : calcule {boite} avec les boîtes. Ne tape pas le résultat."
        )


def _calculee(arbre, boite):
    """Vrai si une affectation de ``boite`` utilise une boîte (pas seulement des nombres)."""
    for noeud in _ast.walk(arbre):
        if isinstance(noeud, _ast.AugAssign) and getattr(noeud.target, "id", None) == boite:
            return True
        if isinstance(noeud, _ast.Assign) and any(
            getattr(cible, "id", None) == boite for cible in noeud.targets
        ):
            if any(isinstance(n, _ast.Name) for n in _ast.walk(noeud.value)):
                return True
    return False


def _canon(texte):
    """Un texte écrit comme en français : une espace avant ! ? : ; et des apostrophes droites."""
    texte = str(texte).replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    texte = texte.replace("\u202f", " ")
    for signe in "!?:;":
        texte = texte.replace(" " + signe, signe).replace(signe, " " + signe)
    return " ".join(texte.split())


def meme_texte(ecrit, attendu):
    """Vrai si ``ecrit`` est le texte (ou la liste de textes) attendu, aux espaces près."""
    if isinstance(attendu, list):
        return (
            isinstance(ecrit, list)
            and len(ecrit) == len(attendu)
            and all(meme_texte(a, b) for a, b in zip(ecrit, attendu))
        )
    return isinstance(ecrit, str) and _canon(ecrit) == _canon(attendu)

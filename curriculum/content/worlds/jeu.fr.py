# Le jeu de Léo le lapin (ne change rien ici : exécute simplement cette cellule).
# Léo vit sur une ligne : la case 0 est au départ. Le jeu appelle tes fonctions quand un événement arrive.


class _Jeu:
    def __init__(self):
        self.ecouteurs = {}
        self.recommence()

    def recommence(self):
        self.x = 0
        self.sauts = 0
        self.paroles = []


_jeu = _Jeu()


def nouvelle_partie():
    """Une partie neuve : Léo au départ, et plus aucune fonction n'écoute."""
    global _jeu
    _jeu = _Jeu()


def quand(evenement, fonction):
    """Quand `evenement` arrive, le jeu appellera `fonction` (sans parenthèses après son nom !)."""
    if not callable(fonction):
        raise TypeError("quand() attend le nom d'une fonction, sans parenthèses : quand(\"drapeau\", ma_fonction)")
    _jeu.ecouteurs.setdefault(_nom(evenement), []).append(fonction)


def envoie(message):
    """Envoie un message à tout le jeu : les fonctions qui l'écoutent se lancent."""
    for fonction in list(_jeu.ecouteurs.get(_nom(message), [])):
        fonction()


def joue(*evenements):
    """Fait comme si le joueur cliquait ou appuyait sur des touches, dans l'ordre."""
    _jeu.recommence()
    for evenement in evenements:
        envoie(evenement)


def avance():
    _jeu.x += 1


def recule():
    _jeu.x -= 1


def saute():
    _jeu.sauts += 1


def dit(texte):
    _jeu.paroles.append(_ecrit(texte))
    print("Léo :", texte)


def position():
    return _jeu.x


def sauts():
    return _jeu.sauts


def paroles():
    return list(_jeu.paroles)


def _nom(message):
    """Le nom d'un message, sans compter les accents ni les majuscules : "réveil" = "Reveil"."""
    texte = str(message).strip().lower()
    for accent, lettre in (("àâä", "a"), ("éèêë", "e"), ("îï", "i"), ("ôö", "o"), ("ùûü", "u"), ("ç", "c")):
        for signe in accent:
            texte = texte.replace(signe, lettre)
    return texte


def _ecrit(texte):
    """Ce qui a été dit, écrit à la française : « Bonjour! » et « Bonjour ! » comptent pareil."""
    texte = str(texte).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    for signe in "!?:;":
        texte = texte.replace(" " + signe, signe).replace(signe, " " + signe)
    return " ".join(texte.split())


def evenements_ecoutes():
    """Les événements que ton jeu écoute (ceux d'un quand(…))."""
    return sorted(nom for nom, fonctions in _jeu.ecouteurs.items() if fonctions)

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
    _jeu.ecouteurs.setdefault(evenement, []).append(fonction)


def envoie(message):
    """Envoie un message à tout le jeu : les fonctions qui l'écoutent se lancent."""
    for fonction in list(_jeu.ecouteurs.get(message, [])):
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
    _jeu.paroles.append(texte)
    print("Léo :", texte)


def position():
    return _jeu.x


def sauts():
    return _jeu.sauts


def paroles():
    return list(_jeu.paroles)

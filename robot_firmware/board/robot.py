# Robocole - le robot de la classe, en quelques mots.
#
#     from robot import *
#
#     vitesse(50)        # la moitié de la vitesse maximale
#     avancer(20)        # avancer de 20 cm
#     tourner(90)        # tourner de 90 degrés vers la droite
#     bip("do", 0.5)     # jouer un do pendant une demi-seconde
#
# Règle des angles : un angle positif tourne vers la droite (le sens des aiguilles d'une
# montre), un angle négatif vers la gauche.
#
# Distances en centimètres, durées en secondes, vitesse en pourcent (1 à 100).
# Chaque mot a son nom anglais : avancer = forward, reculer = backward, tourner = turn,
# arreter = stop, vitesse = speed, attendre = wait, distance, ligne = line, led, bip = beep,
# bouton = button, moteurs = motors.
#
# The API runs unchanged on MicroPython boards, on the virtual robot and on a PC simulator:
# it only talks to the hardware through rb_materiel.hardware() (the HAL).
#
# The seam of the PC simulator: it runs this file as it is, then binds the calls that polling
# loops make tens of thousands of times a minute, ligne(), moteurs() and bouton(), straight to
# its HAL for their common case (robot_firmware/sim/binding.py); every other case comes back
# here. The binding keeps _state and _SIDES as these functions do, and a test proves that
# both ways give the same run (tests/robot_sim/test_binding.py).

from micropython import const

import rb_materiel as _materiel

#: distance() quand rien n'est devant le robot (à portée du capteur).
RIEN = const(999)
#: Sans appel au robot pendant ce temps, des moteurs qui tournent sont arrêtés.
_WATCHDOG_MS = const(3000)
_STEP_MS = const(20)
# HC-SR04 ultrasonic sensors (Maqueen, Kitronik): the datasheet asks for over 60 ms between
# two measurements, or the late echo of one ping is read as the next one's.
_SONAR_CYCLE_MS = const(60)

_state = {"speed": 50, "moving": False, "last": 0, "watchdog": False, "ping": None}

# ligne(cote): which sensor, counted from the left (-1: the rightmost).
_SIDES = {"gauche": 0, "left": 0, "droite": -1, "right": -1}

_COLOURS = {
    "rouge": (255, 0, 0),
    "red": (255, 0, 0),
    "vert": (0, 255, 0),
    "green": (0, 255, 0),
    "bleu": (0, 0, 255),
    "blue": (0, 0, 255),
    "jaune": (255, 160, 0),
    "yellow": (255, 160, 0),
    "orange": (255, 80, 0),
    "violet": (160, 0, 255),
    "purple": (160, 0, 255),
    "rose": (255, 60, 120),
    "pink": (255, 60, 120),
    "cyan": (0, 255, 255),
    "blanc": (255, 255, 255),
    "white": (255, 255, 255),
    "eteint": (0, 0, 0),
    "éteint": (0, 0, 0),
    "noir": (0, 0, 0),
    "off": (0, 0, 0),
    "black": (0, 0, 0),
}

# Fréquences (Hz) des notes de l'octave 4, en français et en anglais.
_NOTES = {
    "do": 262,
    "c": 262,
    "re": 294,
    "ré": 294,
    "d": 294,
    "mi": 330,
    "e": 330,
    "fa": 349,
    "f": 349,
    "sol": 392,
    "g": 392,
    "la": 440,
    "a": 440,
    "si": 494,
    "b": 494,
}


def _hw():
    hw = _materiel.hardware()
    _state["last"] = hw.ticks_ms()
    return hw


def _run_motors(hw, left, right):
    if not _state["watchdog"]:
        _state["watchdog"] = True
        hw.every(200, _watchdog)
    _state["moving"] = left != 0 or right != 0
    hw.motors(left, right)


def _wait_ms(hw, ms):
    # Small steps: each one feeds the watchdog and lets a Ctrl-C from the PC through.
    import time

    end = time.ticks_add(hw.ticks_ms(), int(ms))
    while True:
        left = time.ticks_diff(end, hw.ticks_ms())
        if left <= 0:
            break
        hw.sleep_ms(min(left, _STEP_MS) if _state["moving"] else left)
        _state["last"] = hw.ticks_ms()


def _number(value, name):
    if not isinstance(value, (int, float)):
        raise TypeError("%s doit être un nombre, pas %r" % (name, value))
    return value


def _watchdog():
    """Arrête les moteurs si le programme ne parle plus au robot (appelé par un minuteur)."""
    if not _state["moving"]:
        return False
    import time

    hw = _materiel.hardware()
    if time.ticks_diff(hw.ticks_ms(), _state["last"]) > _WATCHDOG_MS:
        _state["moving"] = False
        hw.motors(0, 0)
        return True
    return False


def vitesse(pourcent=None):
    """Choisit la vitesse des déplacements, de 1 à 100 %, et la renvoie."""
    if pourcent is not None:
        _number(pourcent, "la vitesse")
        _state["speed"] = max(1, min(100, int(pourcent)))
    return _state["speed"]


def avancer(cm=10):
    """Avance tout droit de `cm` centimètres (reculer si le nombre est négatif)."""
    _number(cm, "la distance")
    hw = _hw()
    speed = _state["speed"]
    ms = abs(cm) * 1000 / (hw.cm_per_s * speed / 100)
    power = speed if cm >= 0 else -speed
    _run_motors(hw, power, power)
    try:
        _wait_ms(hw, ms)
    finally:
        _run_motors(hw, 0, 0)


def reculer(cm=10):
    """Recule tout droit de `cm` centimètres."""
    avancer(-_number(cm, "la distance"))


def tourner(degres=90):
    """Tourne sur place : un angle positif vers la droite, négatif vers la gauche."""
    _number(degres, "l'angle")
    hw = _hw()
    speed = _state["speed"]
    # Wheels in opposite directions: the robot spins around the middle of its axle.
    deg_per_s = 2 * hw.cm_per_s * speed / 100 / hw.wheelbase_cm * 57.29578
    ms = abs(degres) * 1000 / deg_per_s
    power = speed if degres >= 0 else -speed
    _run_motors(hw, power, -power)
    try:
        _wait_ms(hw, ms)
    finally:
        _run_motors(hw, 0, 0)


def moteurs(gauche, droite):
    """Règle chaque moteur de -100 à 100 % et continue jusqu'à arreter()."""
    _number(gauche, "le moteur gauche")
    _number(droite, "le moteur droit")
    gauche = max(-100, min(100, gauche))
    droite = max(-100, min(100, droite))
    _run_motors(_hw(), gauche, droite)


def arreter():
    """Arrête les moteurs et le son."""
    hw = _hw()
    _run_motors(hw, 0, 0)
    hw.silence()


def attendre(secondes=1):
    """Attend `secondes` secondes (0.5 pour une demi-seconde)."""
    _number(secondes, "la durée")
    _wait_ms(_hw(), secondes * 1000)


def distance():
    """Distance de l'obstacle devant le robot, en cm (RIEN = 999 si rien n'est vu)."""
    hw = _hw()
    last = _state["ping"]
    if last is not None:
        import time

        wait = time.ticks_diff(time.ticks_add(last, _SONAR_CYCLE_MS), hw.ticks_ms())
        if wait > 0:
            hw.sleep_ms(wait)
    _state["ping"] = hw.ticks_ms()
    cm = hw.distance_cm()
    if cm is None or cm < 0:
        return RIEN
    return round(float(cm), 1)


def ligne(cote=None):
    """Capteurs de ligne : True au-dessus de la ligne noire.

    ligne() donne tous les capteurs de gauche à droite ; ligne("gauche"), ligne("droite")
    (et ligne("centre") si le robot en a un) donnent un seul capteur.
    """
    sensors = _hw().line()
    if cote is None:
        return sensors
    side = _SIDES.get(cote)
    if side is None and cote in ("centre", "center", "milieu", "middle") and len(sensors) == 3:
        side = 1
    if side is None:
        raise ValueError("côté inconnu : %r (gauche, droite ou centre)" % (cote,))
    return sensors[side]


def led(couleur="blanc", numero=None):
    """Allume les LED d'une couleur ("rouge", "vert"... ou (r, v, b)) ; numero : une seule."""
    if isinstance(couleur, str):
        rgb = _COLOURS.get(couleur.lower())
        if rgb is None:
            raise ValueError("couleur inconnue : %r" % (couleur,))
    else:
        rgb = tuple(couleur)
        if len(rgb) != 3:
            raise ValueError("une couleur, c'est (rouge, vert, bleu) de 0 à 255")
    hw = _hw()
    if numero is not None and not 0 <= numero < hw.leds:
        raise ValueError("ce robot a %d LED, numérotées de 0 à %d" % (hw.leds, hw.leds - 1))
    r, g, b = (max(0, min(255, int(c))) for c in rgb)
    hw.led(-1 if numero is None else numero, r, g, b)


def bip(note=440, duree=0.2):
    """Joue une note ("do", "ré"... ou une fréquence en Hz) pendant `duree` secondes."""
    if isinstance(note, str):
        hz = _NOTES.get(note.lower())
        if hz is None:
            raise ValueError("note inconnue : %r (do, ré, mi, fa, sol, la, si)" % (note,))
    else:
        hz = _number(note, "la note")
    _number(duree, "la durée")
    hw = _hw()
    ms = int(duree * 1000)
    hw.tone(hz, ms)
    try:
        _wait_ms(hw, ms)
    finally:
        hw.silence()


def bouton():
    """True pendant que le bouton du robot est appuyé."""
    return _hw().button()


def afficher(texte):
    """Affiche un court texte sur l'écran du robot s'il en a un, et sur l'ordinateur."""
    print(texte)
    _hw().show(texte)


# English names.
forward = avancer
backward = reculer
turn = tourner
stop = arreter
speed = vitesse
wait = attendre
line = ligne
beep = bip
button = bouton
motors = moteurs
show = afficher
NOTHING = RIEN

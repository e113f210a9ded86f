# Robi, le robot de la classe, dans le simulateur (ne change rien ici : exécute simplement cette cellule).
# montrer(programme, "monde") fait rouler ton robot sous tes yeux ; verifier(programme, "monde") dit si le défi est réussi.
# Ton programme s'écrit dans un bloc « def » : c'est le même programme qui ira dans le vrai robot.
import ast
import os

os.environ["ROBOCOLE_LANG"] = "fr"  # le simulateur te répond en français

import dataclasses

from robot_firmware.sim import montrer
from robot_firmware.sim.challenges import evaluate as _evaluer
from robot_firmware.sim.challenges import program_source
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import from_dict, load_world

# Le défi est vérifié sur chaque robot de l'atelier : ton programme ira dans l'un d'eux.
_ROBOTS = {"virtuel": "le robot virtuel", "maqueen": "le Maqueen (micro:bit)", "kitronik": "le Kitronik (Pico)"}

_NOTES = {262: "do", 294: "ré", 330: "mi", 349: "fa", 392: "sol", 440: "la", 494: "si"}
_COULEURS = {(255, 0, 0): "rouge", (0, 255, 0): "vert", (0, 0, 255): "bleu", (255, 160, 0): "jaune",
             (255, 80, 0): "orange", (160, 0, 255): "violet", (255, 60, 120): "rose", (0, 0, 0): "éteint"}


def _ce_que_fait(programme):
    scene = from_dict({"robot": {"famille": "virtuel", "x": 100, "y": 75, "cap": 0}, "but": {"type": "aucun"}}, "scene")
    return simulate(program_source(programme), scene, robot_names=True).record.events


def notes_jouees(programme):
    """Les notes que le robot joue avec ce programme, dans l'ordre."""
    return [_NOTES.get(e["f"], e["f"]) for e in _ce_que_fait(programme) if e["e"] == "son"]


def couleurs(programme):
    """Les couleurs que prennent les LED du robot avec ce programme, dans l'ordre."""
    return [_COULEURS.get(tuple(e["rgb"]), e["rgb"]) for e in _ce_que_fait(programme) if e["e"] == "led"]


def _pas_encore_ecrit(programme):
    """Le programme n'a encore aucun ordre : rien que des commentaires et sa phrase entre guillemets."""
    try:
        ordres = ast.parse(program_source(programme)).body
    except SyntaxError:
        return False  # mal écrit, ce n'est pas vide : le simulateur dit quoi changer
    return all(isinstance(o, ast.Pass) or (isinstance(o, ast.Expr) and isinstance(o.value, ast.Constant)) for o in ordres)


def verifier(programme, monde):
    """Le défi est-il réussi ? Sinon, une phrase qui dit pourquoi."""
    if _pas_encore_ecrit(programme):
        raise AssertionError("Robi attend ton programme : écris tes ordres dans le bloc def programme(), sous la ligne « # Écris ton programme ici ».")
    reussi = None
    for famille, nom in _ROBOTS.items():
        verdict = _evaluer(programme, dataclasses.replace(load_world(monde), family=famille))
        if not verdict.ok:
            phrase = " ".join(filter(None, (verdict.message, verdict.hint)))
            if famille != "virtuel":
                phrase = f"Sur {nom} : {phrase}"
            raise AssertionError(phrase)
        reussi = reussi or verdict
    print(reussi.message)
    return reussi


def trajet(programme):
    """Le chemin de Robi sur une grande table vide, sur chaque robot de l'atelier :
    {"longueur": cm roulés, "ecart": cm entre l'arrivée et le départ, "fin": comment ça finit}."""
    pire = None
    for famille in _ROBOTS:
        scene = from_dict({"taille": [400, 400], "robot": {"famille": famille, "x": 200, "y": 200, "cap": 0}, "but": {"type": "aucun"}}, "table")
        run = simulate(program_source(programme), scene, robot_names=True)
        poses = run.poses()
        longueur = sum(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 for (_a, x1, y1, _b), (_c, x2, y2, _d) in zip(poses, poses[1:]))
        ecart = ((poses[-1][1] - 200) ** 2 + (poses[-1][2] - 200) ** 2) ** 0.5 if poses else 0.0
        chemin = {"longueur": round(longueur), "ecart": round(ecart, 1), "fin": run.outcome}
        if pire is None or chemin["ecart"] > pire["ecart"] or chemin["fin"] != "done":
            pire = chemin
    return pire

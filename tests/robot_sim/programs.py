"""Robot programs written the way children write them, shared by the tests and the bench."""

#: A no-sleep line follower with the three line sensors.
FOLLOWER = """from robot import *
while True:
    gauche, centre, droite = ligne()
    if gauche:
        moteurs(5, 40)
    elif droite:
        moteurs(40, 5)
    else:
        moteurs(40, 40)
"""

#: "Stop before the wall", polling the distance with no sleep.
WALL = "from robot import *\nmoteurs(50, 50)\nwhile distance() > 8:\n    pass\narreter()\n"

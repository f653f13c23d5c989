STATE = {"depth": 0}


def setUp():
    STATE["depth"] += 1
    return STATE


def tearDown():
    STATE["depth"] -= 1

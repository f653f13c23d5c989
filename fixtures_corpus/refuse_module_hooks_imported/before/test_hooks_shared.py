STATE = []


def setUpModule():
    STATE.append("up")


def tearDownModule():
    STATE.append("down")

EVENTS = []


def setUp(test=None):
    EVENTS.append(("setUp", type(test).__name__))


def tearDown(test=None):
    EVENTS.append(("tearDown", type(test).__name__))

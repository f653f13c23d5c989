"""A package whose __init__ defines a class (so it is indexed); its submodule ``testing``
holds module functions called setUp/tearDown, as pyramid.testing does."""


class Registry:
    def __init__(self):
        self.items = []

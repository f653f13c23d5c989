import sys


def say(text):
    sys.stdout.write(text)

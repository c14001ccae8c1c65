"""The one exception type the CLI catches for posters: its message is Chinese
and says what to change (a character, a layout file, a text that is too long)."""


class PosterError(Exception):
    pass

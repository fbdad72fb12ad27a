from enum import StrEnum


class BriaVideoRemoveBackgroundRequestBackgroundColor(StrEnum):
    BLACK = "Black"
    BLUE = "Blue"
    CYAN = "Cyan"
    GRAY = "Gray"
    GREEN = "Green"
    MAGENTA = "Magenta"
    ORANGE = "Orange"
    RED = "Red"
    TRANSPARENT = "Transparent"
    WHITE = "White"
    YELLOW = "Yellow"

    def __str__(self) -> str:
        return str(self.value)

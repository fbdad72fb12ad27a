from enum import StrEnum


class PixverseTextVideoRequestMotionMode(StrEnum):
    FAST = "fast"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)

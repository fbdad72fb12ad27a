from enum import StrEnum


class PixverseImageVideoRequestMotionMode(StrEnum):
    FAST = "fast"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)

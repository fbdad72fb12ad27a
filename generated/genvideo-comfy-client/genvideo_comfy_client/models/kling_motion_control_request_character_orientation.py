from enum import StrEnum


class KlingMotionControlRequestCharacterOrientation(StrEnum):
    IMAGE = "image"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)

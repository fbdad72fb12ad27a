from enum import StrEnum


class ViduTaskRequestMovementAmplitude(StrEnum):
    AUTO = "auto"
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"

    def __str__(self) -> str:
        return str(self.value)

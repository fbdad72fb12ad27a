from enum import StrEnum


class ViduTaskReplyMovementAmplitude(StrEnum):
    AUTO = "auto"
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"

    def __str__(self) -> str:
        return str(self.value)

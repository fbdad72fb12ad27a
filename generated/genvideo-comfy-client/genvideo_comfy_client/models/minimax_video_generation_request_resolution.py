from enum import StrEnum


class MinimaxVideoGenerationRequestResolution(StrEnum):
    VALUE_0 = "768P"
    VALUE_1 = "1080P"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class WanVideoGenerationRequestParametersResolution(StrEnum):
    VALUE_0 = "480P"
    VALUE_1 = "720P"
    VALUE_2 = "1080P"

    def __str__(self) -> str:
        return str(self.value)

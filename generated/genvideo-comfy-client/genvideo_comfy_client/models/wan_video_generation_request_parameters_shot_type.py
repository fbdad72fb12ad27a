from enum import StrEnum


class WanVideoGenerationRequestParametersShotType(StrEnum):
    MULTI = "multi"
    SINGLE = "single"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class LumaGenerationReferenceType(StrEnum):
    GENERATION = "generation"

    def __str__(self) -> str:
        return str(self.value)

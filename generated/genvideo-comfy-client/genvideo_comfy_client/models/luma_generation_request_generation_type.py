from enum import StrEnum


class LumaGenerationRequestGenerationType(StrEnum):
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class LumaImageGenerationRequestGenerationType(StrEnum):
    IMAGE = "image"

    def __str__(self) -> str:
        return str(self.value)

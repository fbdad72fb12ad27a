from enum import StrEnum


class LumaImageReferenceType(StrEnum):
    IMAGE = "image"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PixverseTextVideoRequestModel(StrEnum):
    V3_5 = "v3.5"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PixverseTextVideoRequestAspectRatio(StrEnum):
    VALUE_0 = "16:9"
    VALUE_1 = "4:3"
    VALUE_2 = "1:1"
    VALUE_3 = "3:4"
    VALUE_4 = "9:16"

    def __str__(self) -> str:
        return str(self.value)

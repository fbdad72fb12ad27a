from enum import IntEnum


class PixverseTextVideoRequestDuration(IntEnum):
    VALUE_5 = 5
    VALUE_8 = 8

    def __str__(self) -> str:
        return str(self.value)

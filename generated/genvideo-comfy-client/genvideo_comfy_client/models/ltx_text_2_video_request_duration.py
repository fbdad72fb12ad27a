from enum import IntEnum


class LTXText2VideoRequestDuration(IntEnum):
    VALUE_6 = 6
    VALUE_8 = 8
    VALUE_10 = 10

    def __str__(self) -> str:
        return str(self.value)

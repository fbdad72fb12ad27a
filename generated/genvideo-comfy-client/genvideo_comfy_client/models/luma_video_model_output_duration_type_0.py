from enum import StrEnum


class LumaVideoModelOutputDurationType0(StrEnum):
    VALUE_0 = "5s"
    VALUE_1 = "9s"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OpenAIVideoCreateRequestSeconds(StrEnum):
    VALUE_0 = "4"
    VALUE_1 = "8"
    VALUE_2 = "12"

    def __str__(self) -> str:
        return str(self.value)

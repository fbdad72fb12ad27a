from enum import StrEnum


class OpenAIVideoJobObject(StrEnum):
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)

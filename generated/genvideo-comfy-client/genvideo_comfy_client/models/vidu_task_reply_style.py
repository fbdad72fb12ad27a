from enum import StrEnum


class ViduTaskReplyStyle(StrEnum):
    ANIME = "anime"
    GENERAL = "general"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ViduTaskRequestStyle(StrEnum):
    ANIME = "anime"
    GENERAL = "general"

    def __str__(self) -> str:
        return str(self.value)

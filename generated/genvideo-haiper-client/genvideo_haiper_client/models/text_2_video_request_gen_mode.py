from enum import StrEnum


class Text2VideoRequestGenMode(StrEnum):
    ENHANCED = "enhanced"
    SMOOTH = "smooth"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)

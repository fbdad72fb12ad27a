from enum import StrEnum


class PixverseTextVideoRequestStyle(StrEnum):
    ANIME = "anime"
    CLAY = "clay"
    COMIC = "comic"
    CYBERPUNK = "cyberpunk"
    VALUE_1 = "3d_animation"

    def __str__(self) -> str:
        return str(self.value)

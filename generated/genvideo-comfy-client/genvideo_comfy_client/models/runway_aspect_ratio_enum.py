from enum import StrEnum


class RunwayAspectRatioEnum(StrEnum):
    VALUE_0 = "1280:720"
    VALUE_1 = "720:1280"
    VALUE_2 = "1104:832"
    VALUE_3 = "832:1104"
    VALUE_4 = "960:960"
    VALUE_5 = "1584:672"
    VALUE_6 = "1280:768"
    VALUE_7 = "768:1280"

    def __str__(self) -> str:
        return str(self.value)

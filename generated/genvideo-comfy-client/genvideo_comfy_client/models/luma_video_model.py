from enum import StrEnum


class LumaVideoModel(StrEnum):
    RAY_1_6 = "ray-1-6"
    RAY_2 = "ray-2"
    RAY_FLASH_2 = "ray-flash-2"

    def __str__(self) -> str:
        return str(self.value)

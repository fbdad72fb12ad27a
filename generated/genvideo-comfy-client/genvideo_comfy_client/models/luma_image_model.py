from enum import StrEnum


class LumaImageModel(StrEnum):
    PHOTON_1 = "photon-1"
    PHOTON_FLASH_1 = "photon-flash-1"

    def __str__(self) -> str:
        return str(self.value)

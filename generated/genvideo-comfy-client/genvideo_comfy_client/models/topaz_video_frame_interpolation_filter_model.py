from enum import StrEnum


class TopazVideoFrameInterpolationFilterModel(StrEnum):
    AION_1 = "aion-1"
    APF_2 = "apf-2"
    APO_8 = "apo-8"
    CHF_3 = "chf-3"
    CHR_2 = "chr-2"

    def __str__(self) -> str:
        return str(self.value)

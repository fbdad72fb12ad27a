from enum import StrEnum


class WanVideoGenerationRequestModel(StrEnum):
    WAN2_5_I2V_PREVIEW = "wan2.5-i2v-preview"
    WAN2_5_T2V_PREVIEW = "wan2.5-t2v-preview"
    WAN2_6_I2V = "wan2.6-i2v"
    WAN2_6_R2V = "wan2.6-r2v"
    WAN2_6_T2V = "wan2.6-t2v"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class MinimaxVideoGenerationRequestModel(StrEnum):
    I2V_01 = "I2V-01"
    I2V_01_DIRECTOR = "I2V-01-Director"
    I2V_01_LIVE = "I2V-01-live"
    MINIMAX_HAILUO_02 = "MiniMax-Hailuo-02"
    S2V_01 = "S2V-01"
    T2V_01 = "T2V-01"
    T2V_01_DIRECTOR = "T2V-01-Director"

    def __str__(self) -> str:
        return str(self.value)

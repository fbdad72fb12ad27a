from enum import StrEnum


class HitPawVideoEnhancerRequestModelName(StrEnum):
    FACE_SOFT = "face_soft"
    GENERAL_RESTORE_1X = "general_restore_1x"
    GENERAL_RESTORE_2X = "general_restore_2x"
    GENERAL_RESTORE_4X = "general_restore_4x"
    GENERATIVE = "generative"
    PORTRAIT_RESTORE_1X = "portrait_restore_1x"
    PORTRAIT_RESTORE_2X = "portrait_restore_2x"
    ULTRAHD_RESTORE = "ultrahd_restore"

    def __str__(self) -> str:
        return str(self.value)

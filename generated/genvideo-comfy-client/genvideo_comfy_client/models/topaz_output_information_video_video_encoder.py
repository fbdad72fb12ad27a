from enum import StrEnum


class TopazOutputInformationVideoVideoEncoder(StrEnum):
    AV1 = "AV1"
    FFV1 = "FFV1"
    H264 = "H264"
    H265 = "H265"
    PRORES = "ProRes"
    QUICKTIME_ANIMATION = "QuickTime Animation"
    QUICKTIME_R210 = "QuickTime R210"
    QUICKTIME_V210 = "QuickTime V210"
    VP9 = "VP9"

    def __str__(self) -> str:
        return str(self.value)

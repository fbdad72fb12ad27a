from enum import StrEnum


class MoonvalleyVideoToVideoRequestControlType(StrEnum):
    MOTION_CONTROL = "motion_control"
    POSE_CONTROL = "pose_control"

    def __str__(self) -> str:
        return str(self.value)

import fal
from fal.toolkit import File, FileField
from pydantic import BaseModel, Field

DOCKERFILE = """
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg libsm6 && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir moviepy==1.0.3 "imageio[ffmpeg]==2.36.0"
RUN pip install --no-cache-dir pydantic==2.9.2 protobuf boto3
ENV MOVIEPY_TEMP=/tmp/moviepy
WORKDIR /app
"""


class ClipInput(BaseModel):
    video_url: str = FileField(description="Video to cut")
    start: float = Field(default=0.0, ge=0, description="Start, in seconds")
    duration: float = Field(default=5.0, ge=0.1, le=60, description="Length, in seconds")


class ClipOutput(BaseModel):
    video: File


class VideoClipper(fal.App):
    machine_type = "S"
    image = fal.ContainerImage.from_dockerfile_str(DOCKERFILE)

    @fal.endpoint("/")
    def clip(self, input: ClipInput) -> ClipOutput:
        from moviepy.editor import VideoFileClip

        clip = VideoFileClip(input.video_url).subclip(input.start, input.start + input.duration)
        clip.write_videofile("/tmp/clip.mp4")
        return ClipOutput(video=File.from_path("/tmp/clip.mp4"))

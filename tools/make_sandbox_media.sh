#!/usr/bin/env bash
# Remakes the sandbox's sample video, wrapper/src/genvideo/testing/media/sample.mp4 (committed; run by
# hand, never by the build). Needs ffmpeg with libx264 (Debian: apt-get install -y ffmpeg).
#
# 2 s of the `testsrc2` pattern, 64x36 at 10 fps, H.264 Constrained Baseline, yuv420p, no audio;
# `+faststart` puts `moov` before `mdat`; the bitexact flags and -map_metadata -1 keep encoder
# versions and dates out of the file; filter_units drops the SEI NAL units (x264's ~600-byte
# settings banner). genvideo.testing pads copies of it with a trailing `free` box (see _media.py).
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/wrapper/src/genvideo/testing/media/sample.mp4"

ffmpeg -v error -y \
    -f lavfi -i "testsrc2=size=64x36:rate=10:duration=2" \
    -c:v libx264 -profile:v baseline -preset veryslow -crf 30 -threads 1 -pix_fmt yuv420p \
    -bsf:v filter_units=remove_types=6 \
    -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -an \
    "$out"

ffprobe -v error -show_entries stream=codec_type,codec_name,width,height,nb_frames \
    -show_entries format=duration -of compact "$out"
echo "$out: $(wc -c <"$out") bytes"

#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Test images made with libvips, and what the tests read back from stored files.
namespace sikgu::media::test_images {

/// A noisy (hard to compress, like a photo) JPEG; with `orientation` and a GPS position in its EXIF.
std::string Jpeg(int width, int height, int orientation = 1, bool with_gps = false);
std::string PngWithAlpha(int width, int height);
std::string Webp(int width, int height);
/// An animated GIF of `frames` frames of width x height.
std::string AnimatedGif(int width, int height, int frames);
std::string Heic(int width, int height);
/// A valid PNG whose header claims width x height but whose data is a few bytes (a decompression bomb).
std::string PngBomb(int width, int height);

struct Decoded {
    int width = 0;
    int height = 0;
    std::string loader;                // the decoder libvips picked
    std::vector<std::string> metadata;  // exif-*, xmp-data, iptc-data, icc-profile-data, orientation fields
};
Decoded Decode(std::string_view bytes);
/// The decoder libvips would pick, without decoding ("" when none).
std::string LoaderOf(std::string_view bytes);

/// Whether HEIC can be written here (libheif with an HEVC encoder).
bool CanWriteHeic();

/// A multipart/form-data body with one part per file (name "files"); returns the Content-Type header line.
struct Multipart {
    std::string content_type_header;
    std::string body;
};
Multipart MultipartBody(const std::vector<std::pair<std::string, std::string>>& files_by_name);

}  // namespace sikgu::media::test_images

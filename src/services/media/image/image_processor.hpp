#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "services/media/domain/photo_rules.hpp"

namespace sikgu::media {

/// Process-wide libvips settings for untrusted input.
struct ImageLibraryOptions {
    int concurrency = 1;  // threads per image; the pool runs images side by side instead
    int cache_max_operations = 0;  // vips' operation cache: decoded uploads are never reused
};

/// Starts libvips once per process (later calls only apply `options`): every decoder but the accepted
/// raster formats is blocked, as are all decoders libvips itself marks untrusted.
void InitImageLibrary(const ImageLibraryOptions& options);

struct EncodedFile {
    std::string name;  // under the content key: original.jpg | original.png | 1080.webp | 320.webp
    std::string bytes;
    int width = 0;
    int height = 0;
};

/// An upload decoded, turned upright, stripped of every metadata block (EXIF with GPS, XMP, IPTC, ICC after
/// conversion to sRGB) and re-encoded, with its WebP renditions.
struct ProcessedImage {
    ImageFormat format = ImageFormat::kJpeg;
    int width = 0;  // of the cleaned original
    int height = 0;
    std::string content_key;  // SHA-256 of the cleaned original
    std::vector<EncodedFile> files;  // the original first
};

/// Why an upload is not an acceptable image: 413, 415 or 422 with a problem code.
struct ImageRefusal {
    int status = 422;
    std::string code;
};

struct ImageSettings {
    PixelLimits limits;
    int jpeg_quality = 88;
    int webp_quality = 80;
};

/// Decodes `bytes` (never trusting a name or a declared type: the decoder is chosen from the content) and
/// produces the stored files. Blocking and CPU-bound: run it on the image pool.
std::variant<ProcessedImage, ImageRefusal> ProcessImage(std::string_view bytes, const ImageSettings& settings);

}  // namespace sikgu::media

#include "services/media/media_images.hpp"

#include <vips/vips8>

#include <array>
#include <mutex>
#include <stdexcept>

#include "services/media/image/image_processor.hpp"

namespace sikgu::media::test_images {
namespace {

using vips::VImage;

void Init() { InitImageLibrary({}); }

std::string Save(const VImage& image, const char* suffix, vips::VOption* options = nullptr) {
    void* data = nullptr;
    std::size_t size = 0;
    image.write_to_buffer(suffix, &data, &size, options);
    std::string out(static_cast<const char*>(data), size);
    g_free(data);
    return out;
}

VImage Noise(int width, int height, int bands) {
    VImage band = VImage::gaussnoise(width, height, VImage::option()->set("mean", 128.0)->set("sigma", 40.0))
                      .cast(VIPS_FORMAT_UCHAR);
    VImage out = band;
    for (int i = 1; i < bands; ++i) out = out.bandjoin(band.rot180().flip(VIPS_DIRECTION_HORIZONTAL));
    return out.copy(VImage::option()->set("interpretation", bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W));
}

std::uint32_t Crc32(std::string_view data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFU;
    for (const unsigned char b : data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFU;
}

void PutU32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void Chunk(std::string& png, std::string_view type, std::string_view data) {
    PutU32(png, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type) + std::string(data);
    png += typed;
    PutU32(png, Crc32(typed));
}

}  // namespace

std::string Jpeg(int width, int height, int orientation, bool with_gps) {
    Init();
    VImage image = Noise(width, height, 3);
    image.set("exif-ifd0-Make", "SikguTestCamera");
    if (orientation != 1) image.set("orientation", orientation);
    if (with_gps) {
        image.set("exif-ifd3-GPSLatitudeRef", "N");
        image.set("exif-ifd3-GPSLatitude", "37/1 33/1 59/1");
        image.set("exif-ifd3-GPSLongitudeRef", "E");
        image.set("exif-ifd3-GPSLongitude", "126/1 58/1 40/1");
    }
    return Save(image, ".jpg", VImage::option()->set("Q", 90));
}

std::string PngWithAlpha(int width, int height) {
    Init();
    return Save(Noise(width, height, 4), ".png");
}

std::string Webp(int width, int height) {
    Init();
    return Save(Noise(width, height, 3), ".webp");
}

std::string AnimatedGif(int width, int height, int frames) {
    Init();
    std::vector<VImage> pages;
    for (int i = 0; i < frames; ++i) pages.push_back(Noise(width, height, 3));
    VImage strip = VImage::arrayjoin(pages, VImage::option()->set("across", 1));
    strip.set("page-height", height);
    return Save(strip, ".gif");
}

std::string Heic(int width, int height) {
    Init();
    return Save(Noise(width, height, 3), ".heic");
}

bool CanWriteHeic() {
    try {
        return !Heic(16, 16).empty();
    } catch (const vips::VError&) {
        vips_error_clear();
        return false;
    }
}

std::string PngBomb(int width, int height) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    PutU32(ihdr, static_cast<std::uint32_t>(width));
    PutU32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
    Chunk(png, "IHDR", ihdr);
    // A zlib stream of a few zero bytes: far too little data for the size, but valid.
    Chunk(png, "IDAT", std::string("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9));
    Chunk(png, "IEND", "");
    return png;
}

std::string LoaderOf(std::string_view bytes) {
    Init();
    const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
    vips_error_clear();
    return loader == nullptr ? "" : loader;
}

Decoded Decode(std::string_view bytes) {
    Init();
    const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
    if (loader == nullptr) {
        vips_error_clear();
        throw std::runtime_error("not an image");
    }
    const VImage image = VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    Decoded out{image.width(), image.height(), loader, {}};
    char** fields = vips_image_get_fields(image.get_image());
    for (char** f = fields; *f != nullptr; ++f) {
        const std::string_view name(*f);
        if (name.starts_with("exif-") || name == "xmp-data" || name == "iptc-data" || name == "icc-profile-data" ||
            name == "orientation") {
            out.metadata.emplace_back(name);
        }
    }
    g_strfreev(fields);
    return out;
}

Multipart MultipartBody(const std::vector<std::pair<std::string, std::string>>& files_by_name) {
    const std::string boundary = "sikgu-test-boundary-7MA4YWxkTrZu0gW";
    Multipart out{"Content-Type: multipart/form-data; boundary=" + boundary, ""};
    for (const auto& [name, bytes] : files_by_name) {
        out.body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name +
                    "\"\r\nContent-Type: image/jpeg\r\n\r\n" + bytes + "\r\n";
    }
    out.body += "--" + boundary + "--\r\n";
    return out;
}

}  // namespace sikgu::media::test_images

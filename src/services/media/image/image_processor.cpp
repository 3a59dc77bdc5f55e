#include "services/media/image/image_processor.hpp"

#include <vips/vips8>
#include <webp/mux.h>

#include <mutex>
#include <stdexcept>

#include "core/util/crypto.hpp"

namespace sikgu::media {
namespace {

using vips::VError;
using vips::VImage;

constexpr const char* kAllowedLoaders[] = {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp",
                                           "VipsForeignLoadNsgif", "VipsForeignLoadHeif"};

std::string SaveToBuffer(const VImage& image, const char* suffix, vips::VOption* options) {
    void* data = nullptr;
    std::size_t size = 0;
    image.write_to_buffer(suffix, &data, &size, options);
    std::string out(static_cast<const char*>(data), size);
    g_free(data);
    return out;
}

// 8-bit sRGB (or grey) pixels: what every browser shows the same; an embedded profile is applied first.
VImage ToSrgb(VImage image) {
    if (image.get_typeof(VIPS_META_ICC_NAME) != 0) {
        try {
            image = image.icc_transform("srgb", VImage::option()->set("embedded", true));
        } catch (const VError&) {
            // A broken profile: keep the pixels as they are rather than refuse the photo.
        }
    }
    const VipsInterpretation kind = image.interpretation();
    if (kind == VIPS_INTERPRETATION_B_W && image.format() == VIPS_FORMAT_UCHAR) return image;
    if (kind == VIPS_INTERPRETATION_B_W || kind == VIPS_INTERPRETATION_GREY16) {
        return image.colourspace(VIPS_INTERPRETATION_B_W);
    }
    if (kind != VIPS_INTERPRETATION_sRGB || image.format() != VIPS_FORMAT_UCHAR) {
        return image.colourspace(VIPS_INTERPRETATION_sRGB);
    }
    return image;
}

// The upload shrunk to `long_side` by the thumbnailer (which borrows the bytes while it runs).
VImage Thumbnail(std::string_view bytes, int long_side) {
    VipsBlob* blob = vips_blob_new(nullptr, bytes.data(), bytes.size());
    struct Unref {
        VipsBlob* blob;
        ~Unref() { vips_area_unref(reinterpret_cast<VipsArea*>(blob)); }
    } unref{blob};
    return VImage::thumbnail_buffer(blob, long_side,
                                    VImage::option()
                                        ->set("height", long_side)
                                        ->set("size", VIPS_SIZE_DOWN)
                                        ->set("fail_on", VIPS_FAIL_ON_ERROR));
}

// A copy with no metadata at all (EXIF, GPS, XMP, IPTC, ICC, orientation, comments, loader details): the
// savers' own `strip` does not cover every format (WebP kept EXIF the thumbnailer carried over).
VImage WithoutMetadata(const VImage& image) {
    VImage bare = image.copy();
    char** fields = vips_image_get_fields(bare.get_image());
    for (char** field = fields; *field != nullptr; ++field) {
        bare.remove(*field);  // basic header fields (width, bands, ...) are not metadata and stay
    }
    g_strfreev(fields);
    return bare;
}

// libvips 8.14's WebP saver writes a fresh EXIF chunk even when stripping; libwebpmux takes the metadata
// chunks out of the container again.
std::string WithoutWebpMetadata(const std::string& webp) {
    const WebPData input{reinterpret_cast<const std::uint8_t*>(webp.data()), webp.size()};
    WebPMux* mux = WebPMuxCreate(&input, 0);
    if (mux == nullptr) throw std::runtime_error("libwebpmux cannot read its own encoder's output");
    for (const char* chunk : {"EXIF", "XMP ", "ICCP"}) WebPMuxDeleteChunk(mux, chunk);
    WebPData output;
    WebPDataInit(&output);
    const WebPMuxError error = WebPMuxAssemble(mux, &output);
    WebPMuxDelete(mux);
    if (error != WEBP_MUX_OK) throw std::runtime_error("libwebpmux failed to assemble a stripped WebP");
    std::string out(reinterpret_cast<const char*>(output.bytes), output.size);
    WebPDataClear(&output);
    return out;
}

EncodedFile Encode(const VImage& image, std::string_view name, const char* suffix, vips::VOption* options) {
    const VImage bare = WithoutMetadata(image);
    std::string bytes = SaveToBuffer(bare, suffix, options->set("strip", true));
    if (std::string_view(suffix) == ".webp") bytes = WithoutWebpMetadata(bytes);
    return {std::string(name), std::move(bytes), bare.width(), bare.height()};
}

}  // namespace

void InitImageLibrary(const ImageLibraryOptions& options) {
    static std::once_flag once;
    std::call_once(once, [] {
        if (VIPS_INIT("sikgu") != 0) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
        vips_block_untrusted_set(TRUE);
        vips_operation_block_set("VipsForeignLoad", TRUE);
        for (const char* loader : kAllowedLoaders) vips_operation_block_set(loader, FALSE);
    });
    vips_concurrency_set(options.concurrency);
    vips_cache_set_max(options.cache_max_operations);
}

std::variant<ProcessedImage, ImageRefusal> ProcessImage(std::string_view bytes, const ImageSettings& settings) {
    const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
    if (loader == nullptr) {
        vips_error_clear();
        return ImageRefusal{415, "media.unsupported_type"};
    }
    const std::optional<ImageFormat> format = AcceptedFormat(loader);
    if (!format) return ImageRefusal{415, "media.unsupported_type"};

    try {
        // Opening reads only the header: the dimensions are checked before any pixel is decoded.
        const auto open = [&](VipsAccess access) {
            return VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                           VImage::option()->set("access", access)->set("fail_on", VIPS_FAIL_ON_ERROR));
        };
        VImage image = open(VIPS_ACCESS_SEQUENTIAL);
        if (const auto refusal = CheckDimensions(image.width(), image.height(), settings.limits)) {
            return ImageRefusal{*refusal == "media.image_too_large" ? 413 : 422, std::string(*refusal)};
        }
        // Turning a picture upright reads it out of order, which a sequential decoder cannot do.
        const int orientation = image.get_typeof(VIPS_META_ORIENTATION) != 0 ? image.get_int(VIPS_META_ORIENTATION) : 1;
        if (orientation > 1) image = open(VIPS_ACCESS_RANDOM);
        image = ToSrgb(image.autorot());

        ProcessedImage out;
        out.format = *format;
        out.width = image.width();
        out.height = image.height();
        // Streamed from the decoder to the encoder, strip by strip, unless it had to be turned.
        if (image.has_alpha()) {
            out.files.push_back(Encode(image, "original.png", ".png", VImage::option()->set("compression", 6)));
        } else {
            out.files.push_back(Encode(image, "original.jpg", ".jpg",
                                       VImage::option()->set("Q", settings.jpeg_quality)));
        }
        // The renditions decode the upload again, shrunk while decoding (JPEG, WebP, HEIF) and turned
        // upright by the thumbnailer; the small one is made from the large one.
        const VImage large = Thumbnail(bytes, kLargeLongSide).copy_memory();
        const VImage small = large.thumbnail_image(
            kSmallLongSide, VImage::option()->set("height", kSmallLongSide)->set("size", VIPS_SIZE_DOWN));
        out.files.push_back(Encode(ToSrgb(large), kLargeRendition, ".webp", VImage::option()->set("Q", settings.webp_quality)));
        out.files.push_back(Encode(ToSrgb(small), kSmallRendition, ".webp", VImage::option()->set("Q", settings.webp_quality)));
        out.content_key = Sha256Hex(out.files.front().bytes);
        return out;
    } catch (const VError&) {
        vips_error_clear();
        return ImageRefusal{422, "media.invalid_image"};
    }
}

}  // namespace sikgu::media

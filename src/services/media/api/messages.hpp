#pragma once

#include "core/http/messages.hpp"

namespace sikgu::media {

inline constexpr http::Message kMessages[] = {
    {"media.malformed_upload", "사진 업로드 형식(multipart/form-data)이 올바르지 않습니다.",
     "The upload is not a well-formed multipart/form-data body."},
    {"media.no_file", "업로드할 사진 파일이 없습니다.", "The upload contains no file."},
    {"media.too_many_files", "한 번에 올릴 수 있는 사진 수를 넘었습니다.", "Too many files in one upload."},
    {"media.file_too_large", "사진 파일이 너무 큽니다.", "A file is larger than the upload limit."},
    {"media.image_too_large", "사진의 해상도가 너무 큽니다.", "An image has more pixels than the server accepts."},
    {"media.unsupported_type", "지원하지 않는 파일 형식입니다. JPEG, PNG, WebP, GIF, HEIC 사진을 올려 주세요.",
     "Unsupported file type; upload a JPEG, PNG, WebP, GIF or HEIC image."},
    {"media.invalid_image", "사진 파일이 손상되어 읽을 수 없습니다.", "The image is damaged and cannot be decoded."},
    {"media.storage_unavailable", "사진 저장소에 일시적인 문제가 있습니다. 잠시 후 다시 시도해 주세요.",
     "Photo storage is unavailable; try again shortly."},
    {"media.photo_not_found", "해당 사진을 찾을 수 없습니다.", "No such photo."},
    {"media.not_owner", "본인이 올린 사진만 삭제할 수 있습니다.", "Only the photo's owner may delete it."},
    {"media.photo_attached", "게시글에 쓰이고 있는 사진은 삭제할 수 없습니다. 게시글에서 먼저 빼 주세요.",
     "The photo belongs to a post; remove it from the post first."},
    {"media.file_not_found", "해당 파일을 찾을 수 없습니다.", "No such file."},
};

}  // namespace sikgu::media

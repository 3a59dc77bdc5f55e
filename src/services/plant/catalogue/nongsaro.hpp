#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "services/plant/domain/plant.hpp"

namespace sikgu::http {
class Client;
}

namespace sikgu::plant {

/// One <item> of a Nongsaro response: field name -> trimmed value (empty and null fields are absent).
using NongsaroRecord = std::map<std::string, std::string, std::less<>>;

/// The items of a gardenList or gardenDtl response, either as the live API sends it (XML with CDATA)
/// or as the JSON dumps hold it (xmltodict shape). Throws CatalogueError on a failed resultCode.
std::vector<NongsaroRecord> ParseNongsaroItems(std::string_view document);

/// The facts of one species from its list item and detail record. Nongsaro's sentences are not taken:
/// care texts in sikgu are its own.
Plant PlantFromNongsaro(const NongsaroRecord& list_item, const NongsaroRecord& detail);

/// Fetches one document: the list (`cntnts_no` empty) or one species' detail.
using NongsaroSource = std::function<std::string(const std::string& cntnts_no)>;

/// Reads the list, then every species' detail, through `source`; the same parser serves dumps and the API.
std::vector<Plant> ImportNongsaro(const NongsaroSource& source);

/// A dump folder: response.xml|response.json|gardenList.xml|gardenList.json plus details as
/// plantDtlData/plantDtl_<no>.json, plantDtl_<no>.json or gardenDtl_<no>.xml.
NongsaroSource DirectorySource(const std::filesystem::path& folder);

/// The live API (`base_url` like http://api.nongsaro.go.kr/service/garden), fetched through the process's
/// outgoing client with its blocking entry (imports run outside the event loop), 30 s per document.
NongsaroSource HttpSource(std::string base_url, std::string api_key, http::Client& client);

}  // namespace sikgu::plant

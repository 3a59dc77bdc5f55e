#include "bench/listing_generator.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

namespace sikgu::bench {
namespace {

using market::Category;
using market::State;

// Names sellers use most, in order of how often they come up; the catalogue follows them.
const std::vector<std::string> kMarketFavourites = {
    "몬스테라",   "스투키",       "금전수",       "산세베리아", "필로덴드론", "알로카시아",     "고무나무",
    "스킨답서스", "안스리움",     "호야",         "칼라데아",   "테이블야자", "행운목",         "극락조화",
    "올리브나무", "떡갈고무나무", "뱅갈고무나무", "아레카야자", "싱고니움",   "디펜바키아",     "아글라오네마",
    "마란타",     "틸란드시아",   "선인장",       "다육이",     "박쥐란",     "보스턴고사리",   "율마",
    "로즈마리",   "유칼립투스",   "여인초",       "파키라",     "아이비",     "수채화고무나무", "제라늄"};

// "헤테로파낙스 프라그란스 (해피트리)" → "헤테로파낙스 프라그란스", "골드크레스트 '윌마'" → "골드크레스트 윌마".
std::string CleanName(std::string_view name) {
    std::string out;
    int depth = 0;
    for (const char ch : name) {
        if (ch == '(') ++depth;
        if (depth == 0 && ch != '\'' && ch != '"' && !(ch == ' ' && (out.empty() || out.back() == ' '))) out += ch;
        if (ch == ')' && depth > 0) --depth;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The sentences of a description, by topic, most used first. Placeholders: {subject} {cm} {ho} {leaves}
// {temp} {fee} {gu} {dong} {pot}.
const std::vector<std::string> kConditions = {"상태 아주 좋아요.",
                                              "새순이 계속 올라오고 있어요.",
                                              "병충해 없이 깨끗하게 키웠어요.",
                                              "뿌리 잘 내린 상태입니다.",
                                              "잎 끝이 살짝 탔지만 건강합니다.",
                                              "사용감 조금 있어요.",
                                              "한 번도 사용하지 않은 새 제품입니다.",
                                              "이사 때문에 정리합니다.",
                                              "수형이 예쁘게 잡혔어요.",
                                              "겨울을 잘 넘긴 튼튼한 아이예요.",
                                              "무늬가 선명하게 잘 나왔어요.",
                                              "아래 잎 하나가 노랗게 변했어요."};
const std::vector<std::string> kSizes = {"높이 약 {cm}cm이고 {ho}호 {pot}에 심겨 있어요.",
                                         "잎이 {leaves}장 정도 있어요.", "지름 {cm}cm 정도입니다.",
                                         "키는 {cm}cm 정도예요.", "{ho}호 {pot}에 분갈이한 지 한 달 됐어요."};
const std::vector<std::string> kPots = {"화분", "토분", "플분", "슬릿분", "도자기 화분", "유약분", "수반"};
const std::vector<std::string> kCares = {"겉흙이 마르면 물을 흠뻑 주세요.",
                                         "반양지에서 키웠어요.",
                                         "과습만 조심하면 잘 자라요.",
                                         "겨울에는 {temp}도 이상에서 키워 주세요.",
                                         "통풍 잘 되는 곳에 두시면 좋아요.",
                                         "한 달에 한 번 영양제 줬어요.",
                                         "직광은 피해 주세요.",
                                         "분무 자주 해 주면 좋아해요."};
const std::vector<std::string> kTrades = {"{gu} {dong} 직거래 가능합니다.",
                                          "택배 가능해요, 택배비는 {fee}원입니다.",
                                          "{dong}역 근처에서 직거래해요.",
                                          "반값택배 가능합니다.",
                                          "직거래만 해요.",
                                          "{gu} 쪽이면 퇴근 후 직거래 가능해요.",
                                          "택배는 착불로 보내드려요.",
                                          "편의점 택배 가능합니다."};
const std::vector<std::string> kClosings = {"관심 있으시면 채팅 주세요.",
                                            "네고는 어려워요.",
                                            "쿨거래시 조금 깎아 드려요.",
                                            "먼저 연락 주시는 분께 드릴게요.",
                                            "{subject} 좋아하시는 분께 추천해요.",
                                            "식집사님들 많은 관심 부탁드려요.",
                                            "예약은 받지 않아요.",
                                            "잘 키워 주실 분이면 좋겠어요."};

const std::vector<std::string> kDistricts = {"마포구",   "송파구", "강남구", "관악구",   "강서구",   "성동구", "노원구",
                                             "영등포구", "서초구", "은평구", "동작구",   "광진구",   "성북구", "양천구",
                                             "구로구",   "강동구", "용산구", "동대문구", "서대문구", "중랑구", "도봉구",
                                             "강북구",   "종로구", "금천구", "중구"};
const std::vector<std::string> kNeighbourhoods = {
    "망원동",   "잠실동", "역삼동", "신림동", "화곡동",   "성수동", "상계동", "합정동",   "연남동", "목동",
    "서교동",   "반포동", "불광동", "사당동", "신도림동", "천호동", "한남동", "회기동",   "문래동", "여의도동",
    "왕십리",   "대치동", "봉천동", "등촌동", "중계동",   "미아동", "수유동", "창동",     "쌍문동", "응암동",
    "이태원동", "혜화동", "정릉동", "길음동", "길동",     "둔촌동", "흑석동", "노량진동", "구의동", "자양동",
    "청량리동", "면목동", "상봉동", "가산동", "독산동",   "방배동", "잠원동", "신정동",   "삼성동", "아현동"};

}  // namespace

std::vector<SpeciesName> LoadSpeciesNames(const std::string& catalogue_path) {
    std::ifstream in(catalogue_path);
    if (!in) throw std::runtime_error("cannot read " + catalogue_path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<SpeciesName> catalogue;
    const boost::json::value parsed = boost::json::parse(text);
    for (const auto& plant : parsed.as_object().at("plants").as_array()) {
        const auto& o = plant.as_object();
        const std::string name = CleanName(o.at("name_ko").as_string());
        if (!name.empty()) catalogue.push_back({name, o.at("nongsaro_id").to_number<std::int64_t>()});
    }
    std::vector<SpeciesName> out;
    std::set<std::string> seen;
    for (const auto& favourite : kMarketFavourites) {
        const auto it =
            std::find_if(catalogue.begin(), catalogue.end(), [&](const auto& s) { return s.name == favourite; });
        out.push_back({favourite, it == catalogue.end() ? 0 : it->catalogue_id});
        seen.insert(favourite);
    }
    for (auto& s : catalogue) {
        if (seen.insert(s.name).second) out.push_back(std::move(s));
    }
    return out;
}

ListingGenerator::Zipf::Zipf(std::size_t n, double exponent) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i)
        cumulative_.push_back(total += 1.0 / std::pow(static_cast<double>(i + 1), exponent));
    for (double& c : cumulative_) c /= total;
}

std::size_t ListingGenerator::Zipf::Index(std::mt19937_64& rng) const {
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

ListingGenerator::ListingGenerator(std::vector<SpeciesName> species, std::uint64_t seed)
    : species_(std::move(species)),
      rng_(seed),
      species_pick_(species_.size(), 1.0),
      variants_({"알보", "무늬", "대품", "미니", "핑크", "바리에가타", "오레아", "라임", "블랙", "실버", "자이언트",
                 "타이 컨스텔레이션", "민트", "옐로우"},
                1.1),
      forms_(
          {"삽수", "화분째", "대품", "중품", "소품", "묘목", "유묘", "한 촉", "뿌리삽수", "모종", "수경재배", "두 촉"},
          1.0),
      actions_({"분양합니다", "분양", "팝니다", "판매합니다", "정리합니다", "급처", "저렴하게 분양", "일괄 분양"}, 1.0),
      free_actions_({"나눔", "나눔합니다", "무료나눔", "드림"}, 1.2),
      adjectives_({"건강한", "튼튼한", "예쁜", "수형 좋은", "귀여운", "희귀", "풍성한", "인기", "키우기 쉬운",
                   "새순 많은", "빈티지", "미개봉", "새것 같은"},
                  1.0),
      supplies_({"화분",   "토분",      "플분",   "슬릿분", "분갈이흙", "도자기 화분", "마사토",   "상토", "펄라이트",
                 "식물등", "행잉 화분", "영양제", "바크",   "난석",     "하이드로볼",  "질석",     "선반", "물조리개",
                 "분무기", "지지대",    "이끼봉", "배양토", "화분받침", "전정가위",    "식물 명찰"},
                1.0),
      supply_sizes_({"3호", "2호", "4호", "5호", "1호", "6호", "소형", "중형", "대형", "7호", "8호", "10호",
                     "지름 15cm", "5L", "10L", "1L"},
                    0.9),
      counts_({"일괄", "5개", "3개", "2개", "10개", "세트", "4개", "20개"}, 1.0),
      others_({"가습기", "식물 책", "테라리움", "어항", "화병", "씨앗", "튤립 구근", "드라이플라워", "원예 잡지",
               "식물 굿즈", "수조", "꽃다발"},
              1.0),
      conditions_(kConditions, 0.8),
      sizes_(kSizes, 0.8),
      cares_(kCares, 0.8),
      trades_(kTrades, 0.8),
      closings_(kClosings, 0.8),
      pots_(kPots, 1.0),
      districts_(kDistricts, 0.7),
      neighbourhoods_(kNeighbourhoods, 0.8),
      sellers_(static_cast<std::size_t>(kSellers), 0.8) {}

double ListingGenerator::Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

std::int64_t ListingGenerator::Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(high - low + 1));
}

std::string ListingGenerator::Nickname(std::int64_t seller_id) { return "식집사" + std::to_string(seller_id); }

std::vector<std::string> ListingGenerator::Vocabulary() const {
    std::set<std::string> words;
    for (const auto& s : species_) words.insert(s.name);
    for (const Words* list : {&variants_, &forms_, &actions_, &free_actions_, &adjectives_, &supplies_, &supply_sizes_,
                              &counts_, &others_, &districts_, &neighbourhoods_}) {
        words.insert(list->words.begin(), list->words.end());
    }
    for (const char* trade : {"직거래", "택배", "반값택배"}) words.insert(trade);
    return {words.begin(), words.end()};
}

std::string ListingGenerator::PlantTitle(const std::string& species, bool free) {
    const std::string& action = free ? free_actions_.Pick(rng_) : actions_.Pick(rng_);
    std::string title;
    if (Chance(0.2)) title = adjectives_.Pick(rng_) + " ";
    title += species;
    if (Chance(0.35)) title += " " + variants_.Pick(rng_);
    if (Chance(0.7)) title += " " + forms_.Pick(rng_);
    return title + " " + action;
}

std::string ListingGenerator::SuppliesTitle(const std::string& item, bool free) {
    std::string title;
    if (Chance(0.25)) title = adjectives_.Pick(rng_) + " ";
    title += item;
    if (Chance(0.6)) title += " " + supply_sizes_.Pick(rng_);
    if (Chance(0.5)) title += " " + counts_.Pick(rng_);
    return title + " " + (free ? free_actions_.Pick(rng_) : actions_.Pick(rng_));
}

std::string ListingGenerator::Fill(const std::string& sentence, const std::string& subject) {
    std::string out;
    for (std::size_t i = 0; i < sentence.size();) {
        const std::size_t open = sentence.find('{', i);
        if (open == std::string::npos) {
            out.append(sentence, i);
            break;
        }
        const std::size_t close = sentence.find('}', open);
        out.append(sentence, i, open - i);
        const std::string_view name(sentence.data() + open + 1, close - open - 1);
        if (name == "subject")
            out += subject;
        else if (name == "cm")
            out += std::to_string(Between(10, 150));
        else if (name == "ho")
            out += std::to_string(Between(1, 10));
        else if (name == "leaves")
            out += std::to_string(Between(3, 30));
        else if (name == "temp")
            out += std::to_string(Between(5, 15));
        else if (name == "fee")
            out += std::to_string(Between(3, 6) * 1000);
        else if (name == "gu")
            out += districts_.Pick(rng_);
        else if (name == "dong")
            out += neighbourhoods_.Pick(rng_);
        else if (name == "pot")
            out += pots_.Pick(rng_);
        i = close + 1;
    }
    return out;
}

std::string ListingGenerator::Description(Category category, const std::string& subject) {
    std::string text = Fill(conditions_.Pick(rng_), subject);
    const auto add = [&](const Words& list) { text += " " + Fill(list.Pick(rng_), subject); };
    if (category != Category::kOther || Chance(0.3)) add(sizes_);
    if (category == Category::kPlant && Chance(0.6)) add(cares_);
    if (Chance(0.3)) add(conditions_);
    add(trades_);
    if (Chance(0.4)) add(trades_);
    if (Chance(0.7)) add(closings_);
    return text;
}

std::int64_t ListingGenerator::Price(Category category) {
    const double u = Uniform();
    const auto log_between = [&](double low, double high, std::int64_t step) {
        const double p = std::exp(std::log(low) + Uniform() * (std::log(high) - std::log(low)));
        return std::max<std::int64_t>(step, static_cast<std::int64_t>(p / static_cast<double>(step)) * step);
    };
    if (u < 0.1) return 0;  // 나눔
    if (category != Category::kPlant)
        return u < 0.9 ? log_between(2'000, 30'000, 500) : log_between(30'000, 200'000, 5'000);
    if (u < 0.8) return log_between(5'000, 50'000, 1'000);
    if (u < 0.97) return log_between(50'000, 300'000, 5'000);
    return log_between(300'000, 3'000'000, 10'000);  // rare variegated plants
}

std::vector<market::Photo> ListingGenerator::Photos() {
    std::vector<market::Photo> photos(
        static_cast<std::size_t>(std::min<std::int64_t>(10, 1 + Between(0, 3) + Between(0, 3) * Between(0, 2))));
    for (market::Photo& p : photos) {
        p.id = next_photo_id_++;
        p.thumbnail_url = "/media/photos/" + std::to_string(p.id) + "/thumb.webp";
        p.large_url = "/media/photos/" + std::to_string(p.id) + "/large.webp";
        p.width = 1080;
        p.height = Chance(0.7) ? 1440 : 1080;
    }
    return photos;
}

GeneratedListing ListingGenerator::Next() {
    GeneratedListing g;
    market::NewListing& n = g.listing;
    n.seller_id = 1 + static_cast<std::int64_t>(sellers_.Index(rng_));
    const double kind = Uniform();
    n.category = kind < 0.7 ? Category::kPlant : kind < 0.95 ? Category::kSupplies : Category::kOther;
    n.price = Price(n.category);
    const bool free = n.price == 0;
    std::string subject;
    if (n.category == Category::kPlant) {
        const SpeciesName& species = species_[species_pick_.Index(rng_)];
        subject = species.name;
        n.title = PlantTitle(species.name, free);
        if (species.catalogue_id != 0 && Chance(0.7)) {
            n.species_id = species.catalogue_id;
            n.species_name = species.name;
        }
    } else {
        subject = n.category == Category::kSupplies ? supplies_.Pick(rng_) : others_.Pick(rng_);
        n.title = n.category == Category::kSupplies
                      ? SuppliesTitle(subject, free)
                      : subject + " " + (free ? free_actions_.Pick(rng_) : actions_.Pick(rng_));
    }
    n.description = Description(n.category, subject);
    n.trade_area = "서울 " + districts_.Pick(rng_) + " " + neighbourhoods_.Pick(rng_);
    n.photos = Photos();
    const double s = Uniform();
    g.state = s < 0.8 ? State::kSelling : s < 0.88 ? State::kReserved : State::kSold;
    g.views = static_cast<std::int64_t>(std::exp(Uniform() * 6.0));  // 1 to 400, most below 50
    g.wishes = Between(0, g.views / 10 + 1);
    g.chats = Between(0, g.wishes / 2 + 1);
    return g;
}

}  // namespace sikgu::bench

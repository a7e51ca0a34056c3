#include "grassroots/privacy/identity.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"

namespace grassroots {
namespace {

using grassroots::testing::error_message;

const Date today = make_date(2026, 12, 7);

TEST(CitizenId, CheckCharacterFollowsIso7064Mod112) {
    EXPECT_EQ(citizen_id_check_character("11010519491231002"), 'X');
    EXPECT_EQ(citizen_id_check_character("44052418800101001"), '4');
    EXPECT_THROW((void)citizen_id_check_character("1101051949123100"), InvalidInput);
    EXPECT_THROW((void)citizen_id_check_character("1101051949123100A"), InvalidInput);
}

TEST(CitizenId, ParsesAndReadsTheParts) {
    const CitizenId id = CitizenId::parse("11010519491231002X", today);
    EXPECT_EQ(id.clear_text(), "11010519491231002X");
    EXPECT_EQ(id.division_code(), "110105");
    EXPECT_EQ(id.birth_date(), make_date(1949, 12, 31));
    EXPECT_EQ(id.sex(), Sex::female);
    EXPECT_EQ(to_string(id.sex()), "female");
    EXPECT_EQ(chinese_name(id.sex()), "女");
    EXPECT_EQ(CitizenId::parse("440524188001010014", today).sex(), Sex::male);
}

TEST(CitizenId, ShowsOnlyTheMaskedForm) {
    const CitizenId id = CitizenId::parse("11010519491231002X", today);
    EXPECT_EQ(id.masked(), "110105********002X");
    EXPECT_EQ(to_string(id), "110105********002X");
}

TEST(CitizenId, NormalisesLowerCaseXAndSpaces) {
    EXPECT_EQ(CitizenId::parse(" 11010519491231002x ", today).clear_text(), "11010519491231002X");
    EXPECT_EQ(CitizenId::parse("11010519491231002x", today), CitizenId::parse("11010519491231002X", today));
}

TEST(CitizenId, UpgradesFifteenDigitNumbers) {
    const CitizenId id = CitizenId::parse("110105491231002", today);
    EXPECT_EQ(id.clear_text(), "11010519491231002X");
    EXPECT_EQ(id.birth_date(), make_date(1949, 12, 31));
}

TEST(CitizenId, ErrorsNameWhatIsWrongWithoutTheNumber) {
    const std::string length = error_message<InvalidInput>([] { (void)CitizenId::parse("1101051949123100", today); });
    EXPECT_NE(length.find("expected 18 characters"), std::string::npos) << length;
    EXPECT_NE(length.find("got 16"), std::string::npos) << length;

    const std::string check = error_message<InvalidInput>([] { (void)CitizenId::parse("110105194912310021", today); });
    EXPECT_NE(check.find("check character is 1 but the first 17 digits give X"), std::string::npos) << check;
    EXPECT_EQ(check.find("110105194912310021"), std::string::npos) << check;

    const std::string date = error_message<InvalidInput>([] { (void)CitizenId::parse("11010519490230002X", today); });
    EXPECT_NE(date.find("19490230 is not a real birth date"), std::string::npos) << date;

    const std::string future = error_message<InvalidInput>([] {
        (void)CitizenId::parse("110105" "20270101" "002" + std::string(1, citizen_id_check_character("11010520270101002")),
                               today);
    });
    EXPECT_NE(future.find("2027-01-01 is after 2026-12-07"), std::string::npos) << future;

    const std::string digit = error_message<InvalidInput>([] { (void)CitizenId::parse("11010519491231A02X", today); });
    EXPECT_NE(digit.find("character 15 is not a digit"), std::string::npos) << digit;

    const std::string province = error_message<InvalidInput>([] {
        (void)CitizenId::parse("990105" "19491231" "002" + std::string(1, citizen_id_check_character("99010519491231002")),
                               today);
    });
    EXPECT_NE(province.find("starts with 99"), std::string::npos) << province;

    EXPECT_THROW((void)CitizenId::parse("", today), InvalidInput);
    EXPECT_THROW((void)CitizenId::parse("11010519491231002Y", today), InvalidInput);
    EXPECT_THROW((void)CitizenId::parse("11010549123100X", today), InvalidInput);  // 15 digits, no X
}

TEST(CitizenId, BirthOnTheGivenDayIsAccepted) {
    const std::string first17 = "11010520261207002";
    const std::string number = first17 + citizen_id_check_character(first17);
    EXPECT_EQ(CitizenId::parse(number, today).birth_date(), today);
}

TEST(PhoneNumber, ParsesAndMasks) {
    const PhoneNumber phone = PhoneNumber::parse("138-0013 1234");
    EXPECT_EQ(phone.clear_text(), "13800131234");
    EXPECT_EQ(phone.masked(), "138****1234");
    EXPECT_EQ(to_string(phone), "138****1234");
    EXPECT_EQ(PhoneNumber::parse("+86 138 0013 1234"), phone);
    EXPECT_EQ(PhoneNumber::parse("8613800131234"), phone);
    EXPECT_EQ(PhoneNumber::parse("19912345678").masked(), "199****5678");
}

TEST(PhoneNumber, RejectsWhatIsNoMainlandMobile) {
    EXPECT_NE(error_message<InvalidInput>([] { (void)PhoneNumber::parse("1380013123"); }).find("got 10"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([] { (void)PhoneNumber::parse("12800131234"); }).find("13–19"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([] { (void)PhoneNumber::parse("+85213800131234"); }).find("+86"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([] { (void)PhoneNumber::parse("138a0131234"); }).find("character 4"),
              std::string::npos);
    EXPECT_THROW((void)PhoneNumber::parse(""), InvalidInput);
    EXPECT_THROW((void)PhoneNumber::parse("+"), InvalidInput);
    EXPECT_THROW((void)PhoneNumber::parse("1380013+1234"), InvalidInput);
    const std::string message = error_message<InvalidInput>([] { (void)PhoneNumber::parse("0531-8888-1234"); });
    EXPECT_EQ(message.find("05318888"), std::string::npos) << message;
}

}  // namespace
}  // namespace grassroots

"""Personal information: masked identifiers, pseudonyms and the vault's encryption."""

from __future__ import annotations

import copy
import datetime
import pickle

import pytest

import grassroots
from grassroots.privacy import (
    Cipher,
    CitizenId,
    HashAlgorithm,
    PhoneNumber,
    cipher_available,
    citizen_id_check_character,
    decrypt,
    digest,
    encrypt,
    generate_key,
    hmac,
    key_size,
    pseudonym,
)

TODAY = datetime.date(2026, 12, 7)
NUMBER = "11010519491231002X"
KEY = b"0123456789abcdef"


def test_citizen_id_parts() -> None:
    cid = CitizenId("11010519491231002x", TODAY)
    assert cid.clear_text() == NUMBER
    assert cid.masked == "110105********002X"
    assert cid.division_code == "110105"
    assert cid.birth_date == datetime.date(1949, 12, 31)
    assert cid.sex == grassroots.Sex.FEMALE
    assert CitizenId("440524188001010014", TODAY).sex == grassroots.Sex.MALE
    assert CitizenId("110105491231002", TODAY) == cid
    assert hash(CitizenId(NUMBER, TODAY)) == hash(cid)
    assert citizen_id_check_character("11010519491231002") == "X"
    assert CitizenId(NUMBER).birth_date.year == 1949  # default day: today in China


def test_citizen_id_never_shows_the_clear_number() -> None:
    cid = CitizenId(NUMBER, TODAY)
    assert repr(cid) == "CitizenId('110105********002X')"
    assert str(cid) == "110105********002X"
    assert f"{cid}" == "110105********002X"
    assert NUMBER not in repr([cid]) and NUMBER not in str({"id": cid})
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(cid, protocol)
    assert copy.copy(cid) is cid and copy.deepcopy(cid) is cid


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1101051949123100", "expected 18 characters.*got 16"),
        ("110105194912310021", "check character is 1 but the first 17 digits give X"),
        ("11010519490230002X", "19490230 is not a real birth date"),
        ("11010519491231A02X", "character 15 is not a digit"),
        ("11010519491231002Y", "neither a digit nor X"),
        ("", "got 0"),
    ],
)
def test_citizen_id_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(grassroots.InvalidInputError, match=message) as raised:
        CitizenId(text, TODAY)
    assert text == "" or text not in str(raised.value)


def test_citizen_id_birth_date_not_after_today() -> None:
    number = "1101052027010100" + "2" + citizen_id_check_character("11010520270101002")
    with pytest.raises(grassroots.InvalidInputError, match="2027-01-01 is after 2026-12-07"):
        CitizenId(number, TODAY)
    assert CitizenId(number, datetime.date(2027, 1, 1)).birth_date == datetime.date(2027, 1, 1)
    with pytest.raises(TypeError):
        CitizenId(NUMBER, "2026-12-07")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CitizenId(NUMBER, datetime.datetime(2026, 12, 7))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CitizenId(12345)  # type: ignore[arg-type]


def test_phone_number() -> None:
    phone = PhoneNumber("+86 138-0013-1234")
    assert phone.clear_text() == "13800131234"
    assert repr(phone) == "PhoneNumber('138****1234')" and str(phone) == "138****1234"
    assert phone == PhoneNumber("8613800131234") and phone != PhoneNumber("13800131235")
    assert phone != "13800131234"
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(phone)
    for bad, message in [("1380013123", "got 10"), ("12800131234", "13–19"), ("+852 1380013 1234", r"\+86"),
                         ("138a0131234", "character 4")]:
        with pytest.raises(grassroots.InvalidInputError, match=message) as raised:
            PhoneNumber(bad)
        assert "0131234" not in str(raised.value)


def test_known_answers() -> None:
    assert digest(b"abc", HashAlgorithm.SM3).hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert digest(b"abc").hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    # RFC 4231 test cases 1 and 2
    assert hmac(b"\x0b" * 20, b"Hi There").hex() == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    assert hmac(b"Jefe", b"what do ya want for nothing?").hex() == (
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    assert hmac(b"Jefe", b"what do ya want for nothing?", HashAlgorithm.SM3).hex() == (
        "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882")
    with pytest.raises(grassroots.InvalidInputError, match="empty"):
        hmac(b"", b"x")


def test_pseudonym() -> None:
    import hashlib
    import hmac as std_hmac

    cid = CitizenId(NUMBER, TODAY)
    assert pseudonym(cid, KEY) == std_hmac.new(KEY, NUMBER.encode(), hashlib.sha256).hexdigest()
    assert pseudonym(cid, KEY, HashAlgorithm.SM3) != pseudonym(cid, KEY)
    assert pseudonym(PhoneNumber("13800131234"), KEY) == std_hmac.new(KEY, b"13800131234", hashlib.sha256).hexdigest()
    with pytest.raises(grassroots.InvalidInputError, match="at least 16 bytes, got 5"):
        pseudonym(cid, b"short")
    with pytest.raises(TypeError):
        pseudonym(NUMBER, KEY)  # type: ignore[arg-type]  # a plain str is not validated: refused
    with pytest.raises(TypeError):
        pseudonym(cid, "a str key is not bytes")  # type: ignore[arg-type]


def test_vault_round_trip_and_refusals() -> None:
    key = generate_key()
    assert isinstance(key, bytes) and len(key) == key_size(Cipher.AES_256_GCM) == 32
    sealed = encrypt("张三".encode(), key, b"person 42")
    assert len(sealed) == 12 + len("张三".encode()) + 16
    assert decrypt(sealed, key, b"person 42").decode() == "张三"
    assert encrypt(b"x", key) != encrypt(b"x", key)
    assert decrypt(encrypt(b"", key), key) == b""
    for i in range(len(sealed)):
        changed = bytearray(sealed)
        changed[i] ^= 1
        with pytest.raises(grassroots.InvalidInputError, match="tag does not verify"):
            decrypt(bytes(changed), key, b"person 42")
    with pytest.raises(grassroots.InvalidInputError, match="tag does not verify"):
        decrypt(sealed, generate_key(), b"person 42")
    with pytest.raises(grassroots.InvalidInputError, match="tag does not verify"):
        decrypt(sealed, key, b"person 43")
    with pytest.raises(grassroots.InvalidInputError, match="at least 28 bytes"):
        decrypt(b"short", key)
    with pytest.raises(grassroots.InvalidInputError, match="needs a key of 32 bytes, got 3"):
        encrypt(b"x", b"abc")
    with pytest.raises(TypeError):
        encrypt("text", key)  # type: ignore[arg-type]


def test_sm4_gcm_or_a_clear_error() -> None:
    key = generate_key(Cipher.SM4_GCM)
    assert len(key) == 16
    if cipher_available(Cipher.SM4_GCM):
        assert decrypt(encrypt(b"x", key, b"ad", Cipher.SM4_GCM), key, b"ad", Cipher.SM4_GCM) == b"x"
    else:
        with pytest.raises(grassroots.NotFoundError, match="SM4-GCM is not offered"):
            encrypt(b"x", key, b"ad", Cipher.SM4_GCM)


def test_a_data_frame_shows_only_masked_numbers() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": [CitizenId(NUMBER, TODAY)], "phone": [PhoneNumber("13800131234")]})
    text = frame.to_string() + repr(frame) + frame.to_csv() + frame.to_html()
    assert "110105********002X" in text and "138****1234" in text
    assert NUMBER not in text and "13800131234" not in text

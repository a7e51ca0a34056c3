"""
Personal information (个人信息): masked identifiers, pseudonyms, the vault's encryption
"""
from __future__ import annotations
import datetime
import grassroots._core.autonomy
import os
import typing
__all__: list[str] = ['Cipher', 'CitizenId', 'HashAlgorithm', 'IdentifierKind', 'MIN_PSEUDONYM_KEY_SIZE', 'NONCE_SIZE', 'PhoneNumber', 'SecretKey', 'TAG_SIZE', 'cipher_available', 'citizen_id_check_character', 'decrypt', 'digest', 'encrypt', 'find_identifier', 'generate_key', 'hmac', 'key_size', 'mask_name', 'pseudonym']
class CitizenId:
    """
    A valid 18-character citizen ID number (居民身份证号码, GB 11643). repr and str show only the masked form (110105********002X); clear_text() gives the clear number. Cannot be pickled.
    """
    def __copy__(self) -> typing.Any:
        ...
    def __deepcopy__(self, memo: typing.Any) -> typing.Any:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, text: str, today: datetime.date | None = None) -> None:
        """
        Parses and validates text: 18 characters (a lower-case x is normalised) or a first-generation 15-digit number (upgraded). The birth date may not be after today (default: today in China). Raises InvalidInputError naming what is wrong, never repeating the number.
        """
    def __reduce__(self) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def clear_text(self) -> str:
        """
        The clear 18-character number: call it only where the clear number is needed.
        """
    @property
    def birth_date(self) -> datetime.date:
        """
        The birth date (datetime.date).
        """
    @property
    def division_code(self) -> str:
        """
        The 6-digit division code of the place of first registration.
        """
    @property
    def masked(self) -> str:
        """
        The masked number: first 6 and last 4 characters.
        """
    @property
    def sex(self) -> grassroots._core.autonomy.Sex:
        """
        The sex (grassroots.Sex) coded by the sequence code's parity (odd: male).
        """
class PhoneNumber:
    """
    A mainland China mobile phone number (1[3-9] and 9 more digits). repr and str show only the masked form (138****1234); clear_text() gives the clear number. Cannot be pickled.
    """
    def __copy__(self) -> typing.Any:
        ...
    def __deepcopy__(self, memo: typing.Any) -> typing.Any:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, text: str) -> None:
        """
        Parses text: spaces and dashes are dropped, a +86 or 86 prefix removed. Raises InvalidInputError naming what is wrong, never repeating the number.
        """
    def __reduce__(self) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def clear_text(self) -> str:
        """
        The clear 11-digit number: call it only where the clear number is needed.
        """
    @property
    def masked(self) -> str:
        """
        The masked number: first 3 and last 4 digits.
        """
class HashAlgorithm:
    """
    A hash function for digests, HMAC and pseudonyms.
    
    Members:
    
      SHA256 : SHA-256 (FIPS 180-4)
    
      SM3 : SM3 密码杂凑算法: SM3 (GB/T 32905-2016)
    """
    SHA256: typing.ClassVar[HashAlgorithm]
    SM3: typing.ClassVar[HashAlgorithm]
    __members__: typing.ClassVar[dict[str, HashAlgorithm]]
    @typing.overload
    def __eq__(self, other: HashAlgorithm) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: HashAlgorithm) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Cipher:
    """
    An authenticated cipher (AEAD) for the vault.
    
    Members:
    
      AES_256_GCM : AES-256-GCM: 32-byte key
    
      SM4_GCM : SM4 分组密码算法: SM4-GCM (GB/T 32907-2016): 16-byte key, where OpenSSL offers it
    """
    AES_256_GCM: typing.ClassVar[Cipher]
    SM4_GCM: typing.ClassVar[Cipher]
    __members__: typing.ClassVar[dict[str, Cipher]]
    @typing.overload
    def __eq__(self, other: Cipher) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Cipher) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class SecretKey:
    """
    A secret key kept outside the store (the vault's master key, the pseudonym key). repr shows its size and an 8-hex-digit fingerprint, never the key; errors never carry it; it cannot be pickled. clear_bytes() is the one way to the bytes.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def from_env(name: str) -> SecretKey:
        """
        A key from an environment variable holding hexadecimal text; NotFoundError when it is unset.
        """
    @staticmethod
    def from_file(path: os.PathLike | str | bytes) -> SecretKey:
        """
        A key from a file: its raw bytes, or hexadecimal text. FileError when the file cannot be read, InvalidInputError for a bad size.
        """
    @staticmethod
    def from_hex(text: str) -> SecretKey:
        """
        A key written as hexadecimal text (white space around ignored).
        """
    @staticmethod
    def generate(size: typing.SupportsInt | typing.SupportsIndex = 32) -> SecretKey:
        """
        A fresh random key of size bytes (32: AES-256) from OpenSSL's generator.
        """
    def __copy__(self) -> typing.Any:
        ...
    def __deepcopy__(self, memo: typing.Any) -> typing.Any:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, data: bytes) -> None:
        """
        A key of 16 to 64 bytes; InvalidInputError otherwise.
        """
    def __reduce__(self) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def clear_bytes(self) -> bytes:
        """
        The key's bytes: call it only where the key itself is needed (e.g. to write a key file).
        """
    @property
    def fingerprint(self) -> str:
        """
        8 hex digits identifying the key without revealing it.
        """
    @property
    def size(self) -> int:
        """
        The key's size in bytes.
        """
class IdentifierKind:
    """
    A kind of raw identifier find_identifier finds.
    
    Members:
    
      CITIZEN_ID : 居民身份证号码: a valid GB 11643 citizen ID number
    
      MOBILE_PHONE : 手机号码: a mainland mobile phone number
    """
    CITIZEN_ID: typing.ClassVar[IdentifierKind]
    MOBILE_PHONE: typing.ClassVar[IdentifierKind]
    __members__: typing.ClassVar[dict[str, IdentifierKind]]
    @typing.overload
    def __eq__(self, other: IdentifierKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: IdentifierKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
def cipher_available(cipher: Cipher) -> bool:
    """
    True when the OpenSSL in use offers cipher (SM4-GCM needs OpenSSL 3.1 or later).
    """
def citizen_id_check_character(first17: str) -> str:
    """
    The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the first 17 digits of a citizen ID number.
    """
def decrypt(sealed: bytes, key: bytes, associated_data: bytes = b'', cipher: Cipher = ...) -> bytes:
    """
    The plaintext of what encrypt() made. Raises InvalidInputError when the tag does not verify (a changed byte, the wrong key or the wrong associated data) or the input is too short; never returns unverified bytes.
    """
def digest(data: bytes, algorithm: HashAlgorithm = ...) -> bytes:
    """
    The digest of data (SHA-256 or SM3).
    """
def encrypt(plaintext: bytes, key: bytes, associated_data: bytes = b'', cipher: Cipher = ...) -> bytes:
    """
    nonce ‖ ciphertext ‖ tag of plaintext under key, bound to associated_data, with a fresh random nonce. Raises InvalidInputError for a key of the wrong size, NotFoundError when OpenSSL lacks the cipher.
    """
def find_identifier(text: str) -> typing.Any:
    """
    (kind, offset, length) of the first valid citizen ID number or mobile number in text (offsets in UTF-8 bytes), or None. The rule: a run of ASCII digits touching no letter or digit — 17 digits and a check character forming a valid GB 11643 number, 15 digits forming a first-generation number (born 1920 or later), or 11 digits 1[3-9]… (also after +86), also grouped 3-4-4 by spaces or dashes (138 1234 5678).
    """
def generate_key(cipher: Cipher = ...) -> bytes:
    """
    A fresh random key for cipher from OpenSSL's generator.
    """
def hmac(key: bytes, message: bytes, algorithm: HashAlgorithm = ...) -> bytes:
    """
    HMAC of message under key (HMAC-SHA256 or HMAC-SM3). Raises InvalidInputError for an empty key.
    """
def key_size(cipher: Cipher) -> int:
    """
    The key size of cipher in bytes.
    """
def mask_name(name: str) -> str:
    """
    The name masked: its first character kept, '*' for each other.
    """
@typing.overload
def pseudonym(value: CitizenId, key: bytes, algorithm: HashAlgorithm = ...) -> str:
    """
    The keyed pseudonym of a citizen ID number: the hex HMAC of its 18 characters under key (the caller's, at least 16 bytes). Raises InvalidInputError for a short key.
    """
@typing.overload
def pseudonym(value: PhoneNumber, key: bytes, algorithm: HashAlgorithm = ...) -> str:
    """
    The keyed pseudonym of a phone number: the hex HMAC of its 11 digits (see above).
    """
MIN_PSEUDONYM_KEY_SIZE: int = 16
NONCE_SIZE: int = 12
TAG_SIZE: int = 16

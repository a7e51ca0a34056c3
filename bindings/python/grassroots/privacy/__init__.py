"""Personal information (个人信息): residents' identifiers shown only masked, keyed pseudonyms and the
vault's authenticated encryption.

``CitizenId`` and ``PhoneNumber`` validate and normalise a number; their repr and str are masked
(``110105********002X``, ``138****1234``) and ``clear_text()`` is the one way to the clear number.
They cannot be pickled.
``SecretKey`` holds a key kept outside the store (from bytes, a key file or an environment variable);
its repr shows only its size and fingerprint. ``find_identifier`` finds raw ID or mobile numbers in text
(the rule the store applies to event payloads) and ``mask_name`` masks a name. ``CitizenId.sex`` is ``grassroots.Sex`` (bound with the autonomy area). Keys, plaintexts and ciphertexts are ``bytes``.
"""

from __future__ import annotations

from .._core.privacy import (
    MIN_PSEUDONYM_KEY_SIZE,
    NONCE_SIZE,
    TAG_SIZE,
    Cipher,
    CitizenId,
    HashAlgorithm,
    IdentifierKind,
    PhoneNumber,
    SecretKey,
    cipher_available,
    citizen_id_check_character,
    decrypt,
    digest,
    encrypt,
    find_identifier,
    generate_key,
    hmac,
    key_size,
    mask_name,
    pseudonym,
)

__all__ = [
    "MIN_PSEUDONYM_KEY_SIZE",
    "NONCE_SIZE",
    "TAG_SIZE",
    "Cipher",
    "CitizenId",
    "HashAlgorithm",
    "IdentifierKind",
    "PhoneNumber",
    "SecretKey",
    "cipher_available",
    "citizen_id_check_character",
    "decrypt",
    "digest",
    "encrypt",
    "find_identifier",
    "generate_key",
    "hmac",
    "key_size",
    "mask_name",
    "pseudonym",
]

"""The vault (residents' personal information in the store), secret keys, and appends refusing raw
identifiers: good and bad input, masking everywhere, crypto-shredding checked on the file bytes."""

from __future__ import annotations

import copy
from contextlib import closing
import pickle
import sqlite3
from pathlib import Path

import pytest

import grassroots
import grassroots.store as gs
from grassroots.privacy import (
    CitizenId,
    IdentifierKind,
    PhoneNumber,
    SecretKey,
    find_identifier,
    mask_name,
)

ID = "11010519491231002X"
OTHER_ID = "370502199001011233"
PHONE = "13812345678"


@pytest.fixture
def store(store_location: str) -> gs.Store:
    return gs.open(store_location)  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture
def keys() -> tuple[SecretKey, SecretKey]:
    return SecretKey.generate(), SecretKey.generate()


@pytest.fixture
def vault(store: gs.Store, keys: tuple[SecretKey, SecretKey]) -> gs.Vault:
    return gs.Vault.open(store, *keys)


def file_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            data += candidate.read_bytes()
    return data


# --- keys ---------------------------------------------------------------------------------------


def test_keys_come_from_bytes_hex_files_and_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = bytes(range(32))
    key = SecretKey(raw)
    assert SecretKey.from_hex(raw.hex()) == key
    (tmp_path / "raw.key").write_bytes(raw)
    (tmp_path / "hex.key").write_text(raw.hex() + "\n")
    assert SecretKey.from_file(tmp_path / "raw.key") == key
    assert SecretKey.from_file(tmp_path / "hex.key") == key
    monkeypatch.setenv("GRASSROOTS_TEST_VAULT_KEY", raw.hex())
    assert SecretKey.from_env("GRASSROOTS_TEST_VAULT_KEY") == key
    assert key.clear_bytes() == raw
    assert key.size == 32


def test_keys_are_never_shown_nor_pickled() -> None:
    key = SecretKey(bytes(range(32)))
    for shown in (repr(key), str(key), f"{key}"):
        assert "0001020304" not in shown
        assert key.fingerprint in shown
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(key)
    assert copy.deepcopy(key) is key


def test_bad_keys_are_refused_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(grassroots.InvalidInputError, match="not 8"):
        SecretKey(b"12345678")
    with pytest.raises(grassroots.InvalidInputError, match="odd number"):
        SecretKey.from_hex("abc")
    with pytest.raises(grassroots.FileError, match="missing.key"):
        SecretKey.from_file(tmp_path / "missing.key")
    monkeypatch.delenv("GRASSROOTS_NO_SUCH_KEY", raising=False)
    with pytest.raises(grassroots.NotFoundError, match="GRASSROOTS_NO_SUCH_KEY"):
        SecretKey.from_env("GRASSROOTS_NO_SUCH_KEY")
    monkeypatch.setenv("GRASSROOTS_TEST_VAULT_KEY", "secret-but-not-hex-secret-but-not-hex")
    with pytest.raises(grassroots.InvalidInputError) as error:
        SecretKey.from_env("GRASSROOTS_TEST_VAULT_KEY")
    assert "secret-but" not in str(error.value)
    with pytest.raises(TypeError):
        SecretKey("not bytes")  # type: ignore[arg-type]


# --- registering, revealing, masking ------------------------------------------------------------


def test_register_gives_one_pseudonym_per_person(vault: gs.Vault) -> None:
    alias = vault.register(ID, [PHONE], name="张三")
    assert len(alias) == 64 and ID not in alias
    assert vault.register(CitizenId(ID.lower())) == alias
    assert vault.pseudonym_of(ID) == alias
    assert len(vault) == 1 and alias in vault
    assert vault.register(ID, ["139 0000 1111", PhoneNumber(PHONE)]) == alias
    resident = vault.reveal(alias)
    assert resident.citizen_id.clear_text() == ID
    assert [p.clear_text() for p in resident.phones] == [PHONE, "13900001111"]
    assert resident.clear_name() == "张三"


def test_residents_are_masked_everywhere(vault: gs.Vault) -> None:
    alias = vault.register(ID, [PHONE], name="张三")
    resident = vault.reveal(alias)
    for shown in (repr(resident), str(resident), repr([resident]), repr(vault), repr(vault.entries())):
        assert ID not in shown and PHONE not in shown and "张三" not in shown
    assert "110105********002X" in repr(resident) and "138****5678" in repr(resident) and "张*" in repr(resident)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(resident)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(vault)


def test_to_pandas_is_masked_unless_revealed(vault: gs.Vault) -> None:
    pd = pytest.importorskip("pandas")
    alias = vault.register(ID, [PHONE, "13900001111"], name="张三")
    other = vault.register(OTHER_ID)
    vault.forget(other)
    frame = vault.to_pandas()
    assert frame.loc[alias, "citizen_id"] == "110105********002X"
    assert frame.loc[alias, "phones"] == "138****5678, 139****1111"
    assert frame.loc[alias, "name"] == "张*"
    assert ID not in frame.to_csv() and PHONE not in frame.to_string()
    assert frame["citizen_id"].isna().sum() == 1 and pd.notna(frame.loc[other, "forgotten_at"])
    assert pd.isna(frame.loc[alias, "forgotten_at"])
    clear = vault.to_pandas(reveal=True)
    assert clear.loc[alias, "citizen_id"] == ID
    assert clear.loc[alias, "phones"] == PHONE + ", 13900001111"


def test_bad_input_changes_nothing(vault: gs.Vault) -> None:
    with pytest.raises(grassroots.InvalidInputError, match="check character"):
        vault.register("110105194912310021")
    with pytest.raises(grassroots.InvalidInputError):
        vault.register(ID, ["12345"])
    with pytest.raises(grassroots.InvalidInputError, match="list"):
        vault.register(ID, PHONE)  # type: ignore[arg-type]
    with pytest.raises(grassroots.InvalidInputError, match="name"):
        vault.register(ID, name="13812345678")
    with pytest.raises(grassroots.InvalidInputError):
        vault.register(42)  # type: ignore[arg-type]
    assert len(vault) == 0
    with pytest.raises(grassroots.NotFoundError):
        vault.reveal("0" * 64)
    with pytest.raises(grassroots.NotFoundError):
        vault.forget("nobody")
    assert vault.entry("nobody") is None


# --- keys on open, rotation ---------------------------------------------------------------------


def test_wrong_keys_give_a_clear_error(store: gs.Store, keys: tuple[SecretKey, SecretKey]) -> None:
    gs.Vault.open(store, *keys).register(ID)
    wrong = SecretKey.generate()
    with pytest.raises(grassroots.InvalidInputError, match="master key .*" + wrong.fingerprint) as error:
        gs.Vault.open(store, wrong, keys[1])
    assert wrong.clear_bytes().hex() not in str(error.value)
    with pytest.raises(grassroots.InvalidInputError, match="pseudonym key"):
        gs.Vault.open(store, keys[0], SecretKey.generate())
    with pytest.raises(grassroots.InvalidInputError, match="32 bytes"):
        gs.Vault.open(store, SecretKey.generate(16), keys[1])


def test_the_master_key_rotates(store: gs.Store, keys: tuple[SecretKey, SecretKey], store_location: str) -> None:
    vault = gs.Vault.open(store, *keys)
    alias = vault.register(ID, [PHONE])
    new = SecretKey.generate()
    vault.rotate_master_key(new)
    assert vault.master_key_fingerprint == new.fingerprint
    assert vault.reveal(alias).citizen_id.clear_text() == ID
    with pytest.raises(grassroots.InvalidInputError, match="master key"):
        gs.Vault.open(gs.open(store_location), *keys)
    assert gs.Vault.open(gs.open(store_location), new, keys[1]).reveal(alias).phones[0].clear_text() == PHONE


# --- forgetting ---------------------------------------------------------------------------------


def test_forget_shreds_the_person_and_keeps_the_events(tmp_path: Path, keys: tuple[SecretKey, SecretKey]) -> None:
    path = tmp_path / "test.db"
    store = gs.open(path)
    vault = gs.Vault.open(store, *keys)
    alias = vault.register(ID, [PHONE], name="Zhang San")
    store.append("case-1", "case", 0, [gs.NewEvent("e1", "case_opened", {"resident": alias, "grid": "G1"})])
    events = store.read_all()
    with closing(sqlite3.connect(path)) as db:
        [(wrapped,)] = db.execute("SELECT wrapped_key FROM vault_people").fetchall()
    assert wrapped in file_bytes(path) or len(wrapped) == 60

    assert vault.forget(alias) is True
    assert vault.forget(alias) is False
    with pytest.raises(grassroots.RuleViolationError, match="forgotten"):
        vault.reveal(alias)
    with pytest.raises(grassroots.RuleViolationError, match="forgotten"):
        vault.register(ID)
    assert vault.entry(alias).forgotten and vault.entry(alias).forgotten_at is not None
    assert store.read_all() == events
    assert vault.residents() == []

    data = file_bytes(path)
    assert ID.encode() not in data and ID[:17].encode() not in data
    assert PHONE.encode() not in data and b"Zhang San" not in data
    assert wrapped not in data  # the wrapped key is gone from the main file and the WAL
    assert alias.encode() in data  # the events (and the encrypted values) stay


# --- appends refuse raw identifiers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "key", "what"),
    [
        ({"note": "身份证 " + ID}, "note", "citizen ID"),
        ({"applicant": {"id": ID.lower()}}, "applicant.id", "citizen ID"),
        ({"phones": ["x", PHONE]}, "phones[1]", "mobile"),
        ({"tel": int(PHONE)}, "tel", "mobile"),
        ({"contact": "+86" + PHONE}, "contact", "mobile"),
        ({PHONE: 1}, PHONE, "mobile"),
        ({"tel": "138 1234 5678"}, "tel", "mobile"),
        ({"tel": "+86-138-1234-5678"}, "tel", "mobile"),
        ({"old_id": "110105491231002"}, "old_id", "citizen ID"),
    ],
)
def test_appends_refuse_raw_identifiers(store: gs.Store, payload: dict, key: str, what: str) -> None:
    with pytest.raises(grassroots.InvalidInputError) as error:
        store.append("case-7", "case", 0, [gs.NewEvent("e1", "case_opened", payload)])
    message = str(error.value)
    assert "stream 'case-7'" in message and "event 1 ('e1')" in message and what in message
    if key != PHONE:
        assert f"'{key}'" in message
        assert ID[6:14] not in message and PHONE not in message
    assert store.last_position == 0


@pytest.mark.parametrize(
    "value",
    ["370502199001011234", "1381234567890", "SO13812345678", "20261207000012345678", "12812345678", 1381234567890,
     "2026-12-07 09:30", "138 1234 567", "6222 138 1234 5678", "370502005066", "110105001001001", 370502005066,
     1381234567.5],
)
def test_near_misses_are_appended(store: gs.Store, value: object) -> None:
    store.append("case-8", "case", None, [gs.NewEvent("e-" + str(value), "case_opened", {"v": value})])
    assert store.last_position == 1


def test_screening_and_masking_helpers() -> None:
    assert find_identifier("电话" + PHONE) == (IdentifierKind.MOBILE_PHONE, 6, 11)
    assert find_identifier(ID)[0] == IdentifierKind.CITIZEN_ID
    assert find_identifier("370502199001011234") is None
    assert find_identifier("call 138-1234-5678") == (IdentifierKind.MOBILE_PHONE, 5, 13)
    assert find_identifier("110105491231002")[0] == IdentifierKind.CITIZEN_ID
    assert find_identifier("2026-12-07 C-2026-000123 370502005066") is None
    assert mask_name("欧阳娜娜") == "欧***"


# --- schema -------------------------------------------------------------------------------------


V1 = """
CREATE TABLE schema_versions (version INTEGER PRIMARY KEY, description TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE TABLE streams (stream_id TEXT PRIMARY KEY, kind TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 0)) WITHOUT ROWID;
CREATE TABLE events (position INTEGER PRIMARY KEY,
  stream_id TEXT NOT NULL REFERENCES streams(stream_id),
  stream_version INTEGER NOT NULL CHECK (stream_version >= 1), event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL, actor TEXT, correlation_id TEXT, causation_id TEXT,
  payload TEXT NOT NULL, hash BLOB, UNIQUE (stream_id, stream_version));
INSERT INTO schema_versions(version, description) VALUES (1, 'streams and events');
INSERT INTO streams VALUES ('case-1', 'case', 1);
INSERT INTO events(stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, payload)
  VALUES ('case-1', 1, 'e1', 'case_opened', 1, 1700000000000000, 1700000000000000, '{"grid":"G1"}');
"""


def test_a_v1_file_migrates_to_v2_with_the_vault(tmp_path: Path, keys: tuple[SecretKey, SecretKey]) -> None:
    path = tmp_path / "v1.db"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(V1)
    store = gs.open(path)
    assert store.applied_schema_versions == [1, 2]
    assert [e.event_id for e in store.read_all()] == ["e1"]
    alias = gs.Vault.open(store, *keys).register(ID)
    assert gs.Vault.open(store, *keys).reveal(alias).citizen_id.clear_text() == ID


def test_a_failed_migration_leaves_the_v1_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(V1)
        db.execute("CREATE TABLE vault_people (x)")  # makes the v2 DDL fail half-way
        db.commit()
    with pytest.raises(grassroots.FileError):
        gs.open(path)
    with closing(sqlite3.connect(path)) as db:
        assert [v for (v,) in db.execute("SELECT version FROM schema_versions")] == [1]
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'vault_key_checks'").fetchone() == (0,)

"""Residents' personal information in the store: register residents in the vault, let events carry
only their pseudonyms, reveal with the keys, forget (crypto-shredding).

Both keys live outside the store — here in environment variables, as a deployment would set them
(``GRASSROOTS_VAULT_MASTER_KEY``, ``GRASSROOTS_VAULT_PSEUDONYM_KEY``: hex text); the example makes up
fresh keys when they are unset. Run with ``python examples/python/vault.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import grassroots
import grassroots.store as gs
from grassroots.privacy import SecretKey


def key_from_env(name: str) -> SecretKey:
    if not os.environ.get(name):
        os.environ[name] = SecretKey.generate().clear_bytes().hex()  # the demo's stand-in for a key manager
    return SecretKey.from_env(name)


def main() -> None:
    master = key_from_env("GRASSROOTS_VAULT_MASTER_KEY")
    alias_key = key_from_env("GRASSROOTS_VAULT_PSEUDONYM_KEY")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jinyuan.db"
        store = gs.Store.open(path)
        vault = gs.Vault.open(store, master, alias_key)
        print("keys:", master, alias_key)

        zhang = vault.register("11010519491231002x", ["138 1234 5678"], name="张三")
        li = vault.register("370502199001011233", ["+86 139-0000-1111"], name="李四")
        assert vault.register("11010519491231002X") == zhang  # the same person: no second record
        print("registered", len(vault), "residents:", vault.residents())

        store.append("case-C000101", "case", 0,
                     [gs.NewEvent("e-101", "case_opened", {"applicant": zhang, "matter": "占道经营", "grid": "G07"})])
        try:
            store.append("case-C000102", "case", 0,
                         [gs.NewEvent("e-102", "case_opened", {"applicant": {"phone": "13812345678"}})])
        except grassroots.InvalidInputError as error:
            print("refused:", error)

        print(vault.to_pandas()[["citizen_id", "phones", "name"]].to_string())
        resident = vault.reveal(store.read_stream("case-C000101")[0].payload["applicant"])
        print("revealed with the keys:", resident.citizen_id.clear_text(), resident.clear_name())

        vault.forget(li)
        try:
            vault.reveal(li)
        except grassroots.RuleViolationError as error:
            print("after forget:", error)
        data = path.read_bytes() + (Path(str(path) + "-wal").read_bytes() if Path(str(path) + "-wal").exists() else b"")
        print("clear ID number in the file:", b"370502199001011233" in data, "— events kept:", store.last_position)


if __name__ == "__main__":
    main()

"""One message catalogue per locale (bot/locales/*.yaml); committee staff can review them without reading code."""
from __future__ import annotations

from pathlib import Path

import yaml

LOCALES_DIR = Path(__file__).parent / "locales"


class Catalogue:
    def __init__(self, default: str = "zh", folder: Path = LOCALES_DIR) -> None:
        self.default = default
        self.texts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}
        if default not in self.texts:
            raise ValueError(f"no message catalogue for locale {default!r}")

    def locale_for(self, language_code: str | None) -> str:
        if language_code and language_code.lower().startswith("en") and "en" in self.texts:
            return "en"
        if language_code and language_code.lower().startswith("zh"):
            return "zh"
        return self.default

    def t(self, key: str, locale: str | None = None, **kw: object) -> str:
        texts = self.texts.get(locale or self.default) or self.texts[self.default]
        template = texts.get(key)
        if template is None:
            template = self.texts[self.default][key]  # a missing key fails loudly in tests
        return template.format(**kw) if kw else template

    def all_values(self, key: str) -> set[str]:
        """The same label in every locale, e.g. to recognise a menu button whatever language pressed it."""
        return {texts[key] for texts in self.texts.values() if key in texts}

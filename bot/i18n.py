"""One message catalogue per locale (bot/locales/*.yaml); committee staff can review them without reading code."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

LOCALES_DIR = Path(__file__).parent / "locales"
# libyaml where PyYAML has it: the same texts ~10 times faster than its pure-Python parser (~0.6 s of every start)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# How someone is related to a resident, as the register or an earlier line wrote it in any locale ("女儿"): said in
# the reader's locale wherever a text has a {relation} ("daughter"). Those the catalogue does not know: as written.
RELATION_KEYS = ("stranger.relation", "staffabout.relation")  # besides every "relation.*"
RELATIONS_SPLIT = re.compile(r"\s*[、，,/]\s*")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# one or more toneless pinyin syllables ("jiu", "jiuming", "shuai"): an old man who cannot type characters types these
_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iong|uang|iang|uai|uan|iao|ian|ing|ang|eng|ong|ai|ei|ao|ou|an|en"
             r"|in|un|ui|ie|ia|iu|ua|uo|ue|ve|er|a|o|e|i|u|v)")
PINYIN_WORD = re.compile(f"(?:{_SYLLABLE})+", re.I)
# One English word that says English on its own: answers nobody writing Chinese types ("fine", "no"). Not "ok",
# "hi", "sos", "bye", "help": those are typed by Chinese writers too (a cry's "help" comes in both anyway).
ENGLISH_ALONE = frozenset({"fine", "good", "great", "well", "thanks", "thank", "thx", "yes", "yeah", "yep", "no",
                           "nope", "bad", "sick", "unwell", "tired", "sorry", "please", "alright"})


class Catalogue:
    def __init__(self, default: str = "zh", folder: Path = LOCALES_DIR) -> None:
        self.default = default
        self.texts = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 (safe)
                      for p in sorted(folder.glob("*.yaml"))}
        if default not in self.texts:
            raise ValueError(f"no message catalogue for locale {default!r}")
        # what a button sends as its label, in any locale ("🆘 Emergency help"): pressed, not words she wrote
        self.labels = {text.strip() for texts in self.texts.values() for key, text in texts.items()
                       if isinstance(text, str) and key.startswith(("menu.", "btn."))}
        self.labels |= {self.pair(k[len("short."):], own) for own, texts in self.texts.items() for k in texts
                        if k.startswith("short.")}  # a big button in both (`pair`)
        self.relations = {text: key for texts in self.texts.values() for key, text in texts.items()
                          if isinstance(text, str) and (key.startswith("relation.") or key in RELATION_KEYS)}

    def locale_for(self, language_code: str | None, words: str = "") -> str:
        """The profile's language (Telegram's language_code); with none, the one `words` are written in."""
        if language_code and language_code.lower().startswith("en") and "en" in self.texts:
            return "en"
        if language_code and language_code.lower().startswith("zh"):
            return "zh"
        return self.default if language_code else self.written_in(words) or self.default

    def written_in(self, words: str) -> str | None:
        """The locale her words are written in: "en" for English words (two or more, no Chinese character: "please
        help me", "I fell"), Chinese for words with Chinese in them ("我的iPad坏了"), None when they say nothing of
        it (one word like "OK" or "SOS" — but "fine", "no": `ENGLISH_ALONE` — digits, an emoji, a button pressed, or
        pinyin: "jiu ming a")."""
        if (words or "").strip() in self.labels:
            return None
        if HAN.search(words or ""):
            return "zh" if "zh" in self.texts else self.default
        latin = LATIN_WORD.findall(words or "")
        if len(latin) == 1 and latin[0].lower() in ENGLISH_ALONE and "en" in self.texts:
            return "en"  # "fine", "no": English, although "fine" and "no" also spell pinyin
        if all(PINYIN_WORD.fullmatch(w) for w in latin):  # "jiu ming a" (救命啊): Chinese typed as pinyin, no English
            return None
        return "en" if "en" in self.texts and len(latin) >= 2 else None

    def t(self, key: str, locale: str | None = None, **kw: object) -> str:
        texts = self.texts.get(locale or self.default) or self.texts[self.default]
        template = texts.get(key)
        if template is None:
            template = self.texts[self.default][key]  # a missing key fails loudly in tests
        if isinstance(kw.get("relation"), str):
            kw["relation"] = self.relation(kw["relation"], locale)
        return template.format(**kw) if kw else template

    def relation(self, words: str, locale: str | None = None) -> str:
        """"女儿" as `locale` says it ("daughter"); several ("女儿、儿子") each; one it does not know as written."""
        parts = RELATIONS_SPLIT.split(words.strip()) if words else []
        if not any(p in self.relations for p in parts):
            return words
        said = [self.t(self.relations[p], locale) if p in self.relations else p for p in parts]
        return self.t("relations.sep", locale).join(said)

    def all_values(self, key: str) -> set[str]:
        """The same label in every locale, e.g. to recognise a menu button whatever language pressed it (and in both,
        as one whose language is only guessed sees it: `pair`)."""
        return {texts[key] for texts in self.texts.values() if key in texts} | {
            self.pair(key, own) for own, texts in self.texts.items() if "short." + key in texts}

    def both_label(self, key: str, own: str) -> str:
        """A button's label in both, the committee's first: "✅ 对 / Yes" (one emoji, two words)."""
        first, mine = self.t(key), self.t(key, own)
        mark, _, word = mine.partition(" ")
        return f"{first} / {word}" if word and first.startswith(mark + " ") else f"{first} / {mine}"

    def pair(self, key: str, own: str) -> str:
        """A big button as one whose language is only guessed reads it: the committee's label, then `own`'s short word
        ("🆘 紧急求助 / Emergency"); her own label alone when the committee's is hers or no short word is written."""
        short = self.texts.get(own, {}).get("short." + key)
        return f"{self.t(key)} / {short}" if short and own != self.default else self.t(key, own)

"""spaCy for the reader's bundle: what the contrib hook collects, minus tests and most languages.

The contrib hook takes every submodule and data file of spaCy. We keep German (the NER
pipeline), English and the multi-language ``xx`` (spaCy's own modules import them), and the
languages spaCy's registry module imports when it is populated (3.8: ja, ko, th, vi, zh, for
their tokenizers; their heavy dependencies load only when such a tokenizer is used). User
hooks take priority over the contrib hook, so this one replaces it.
"""

import re
from pathlib import Path

from PyInstaller.utils.hooks import (
    collect_data_files,
    collect_submodules,
    get_module_file_attribute,
)

SPACY_DIR = Path(get_module_file_attribute("spacy")).parent
_REGISTRATIONS = SPACY_DIR / "registrations.py"  # spaCy 3.8+
REGISTRY_LANGUAGES = set(
    re.findall(r"from \.lang\.(\w+) import", _REGISTRATIONS.read_text(encoding="utf-8"))
    if _REGISTRATIONS.is_file()
    else ()
)
KEEP_LANGUAGES = {"de", "en", "xx"} | REGISTRY_LANGUAGES


def _wanted(name: str) -> bool:
    parts = name.split(".")
    if "tests" in parts:
        return False
    return not (
        len(parts) > 2
        and parts[1] == "lang"
        and parts[2] not in KEEP_LANGUAGES
        and (SPACY_DIR / "lang" / parts[2]).is_dir()
    )


hiddenimports = collect_submodules("spacy", filter=_wanted)
datas = [
    (source, dest)
    for source, dest in collect_data_files("spacy", excludes=["**/tests/**", "tests/**"])
    if _wanted(".".join(Path(dest).parts))
]

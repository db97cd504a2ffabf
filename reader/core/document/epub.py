"""EPUB 2 and 3 books: the OPF spine's XHTML documents, in reading order, as HTML strings.

The archive is read with the checked zip reader (``archive``); XML is parsed with lxml with
entity resolution, DTD loading and network access off, and any entity declaration is
refused before parsing. Chapter XHTML is not parsed here: it goes through the same
sanitizer as a web page, so scripts and styles are dropped and nothing is executed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reader.core import errors
from reader.core.document.archive import SafeArchive, resolve_member
from reader.core.document.decoding import NotText, decode_bytes

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
}
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})


# Pictures of a book: each at most this big, all together at most ``MAX_PICTURES_BYTES``.
MAX_PICTURE_BYTES = 10 * 1024 * 1024
MAX_PICTURES_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class EpubChapter:
    """A spine document: its entry name (image addresses are relative to it) and HTML."""

    name: str
    html: str


@dataclass(frozen=True)
class EpubBook:
    """The book's title (may be empty), its spine documents in reading order, and its
    pictures (entry name -> bytes, the manifest's images within the caps)."""

    title: str
    chapters: tuple[EpubChapter, ...]
    pictures: tuple[tuple[str, bytes], ...] = ()


def read_epub(path: Path, data: bytes) -> EpubBook:
    """Parse the EPUB in ``data``. Raises ``LoadError`` subclasses."""
    archive = SafeArchive(path, data)
    if not archive.has(_CONTAINER):
        raise errors.DocumentDamaged(path, reason=f"{_CONTAINER} is missing")
    container = _parse(archive, _CONTAINER)
    rootfiles = _strings(container.xpath("//c:rootfile/@full-path", namespaces=_NS))
    if not rootfiles:
        raise errors.DocumentDamaged(path, reason="no package document in container.xml")
    opf_name = str(rootfiles[0])
    package = _parse(archive, opf_name)
    manifest: dict[str, tuple[str, str]] = {}
    pictures: list[tuple[str, bytes]] = []
    pictures_size = 0
    for item in _elements(package.xpath("//opf:manifest/opf:item", namespaces=_NS)):
        member = resolve_member(opf_name, item.get("href") or "")
        if member is not None:
            media_type = item.get("media-type") or ""
            manifest[item.get("id") or ""] = (member, media_type)
            size = archive.size(member) or 0
            fits = size <= MAX_PICTURE_BYTES and pictures_size + size <= MAX_PICTURES_BYTES
            if media_type.startswith("image/") and fits and archive.has(member):
                pictures.append((member, archive.read(member)))
                pictures_size += size
    encrypted = _encrypted_members(archive, path)
    chapters: list[EpubChapter] = []
    for ref in _elements(package.xpath("//opf:spine/opf:itemref", namespaces=_NS)):
        if ref.get("linear") == "no":
            continue  # e.g. a cover page or pop-up notes shown only when linked
        member, media_type = manifest.get(ref.get("idref") or "", ("", ""))
        if not member or media_type not in _XHTML_TYPES or not archive.has(member):
            continue
        if member in encrypted:
            raise errors.DocumentEncrypted(path)
        chapters.append(EpubChapter(member, _decode(path, archive.read_xml(member))))
    if not chapters:
        raise errors.DocumentDamaged(path, reason="the spine lists no readable chapter")
    titles = _strings(package.xpath("//dc:title/text()", namespaces=_NS))
    title = " ".join(str(titles[0]).split()) if titles else ""
    return EpubBook(title, tuple(chapters), tuple(pictures))


def _parse(archive: SafeArchive, name: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(archive.read_xml(name), parser)
    except etree.XMLSyntaxError as error:
        raise errors.DocumentDamaged(archive.path, reason=f"{name}: {error}") from None


def _encrypted_members(archive: SafeArchive, path: Path) -> set[str]:
    """Entries listed as encrypted (DRM; font obfuscation lists only fonts)."""
    if not archive.has(_ENCRYPTION):
        return set()
    root = _parse(archive, _ENCRYPTION)
    return set(_strings(root.xpath("//enc:CipherReference/@URI", namespaces=_NS)))


def _elements(result: object) -> list[etree._Element]:
    """The elements of an XPath result (lxml types it as any of its result kinds)."""
    items = result if isinstance(result, list) else []
    return [item for item in items if isinstance(item, etree._Element)]


def _strings(result: object) -> list[str]:
    """The strings (attribute values, text) of an XPath result."""
    items = result if isinstance(result, list) else []
    return [str(item) for item in items if isinstance(item, str)]


def _decode(path: Path, data: bytes) -> str:
    try:
        text, _ = decode_bytes(data)
    except NotText:
        raise errors.DocumentDamaged(path, reason="a chapter is not text") from None
    return text

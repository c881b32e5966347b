"""Zip files that are the same bytes for the same content: fixed dates, modes and order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

from lxml import etree

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """The files, by their paths inside the archive, in the order given (the manifest first)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def namespaced_root(namespace: str, tag: str, schema_location: str, **attributes: str) -> etree._Element:
    """A root element in ``namespace`` (the default one) that names its schema, as IMS files do."""
    nsmap: Any = {None: namespace, "xsi": XSI_NS}  # lxml-stubs do not allow the None (default) prefix
    root = etree.Element(f"{{{namespace}}}{tag}", nsmap=nsmap)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{namespace} {schema_location}")
    for name, value in attributes.items():
        root.set(name, value)
    return root


def element(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A child element, in its parent's namespace, with its attributes and text.

    The one way the XML formats build their trees.
    """
    namespace = etree.QName(parent).namespace
    child = etree.SubElement(parent, f"{{{namespace}}}{tag}" if namespace else tag, attributes)
    if text is not None:
        child.text = text
    return child

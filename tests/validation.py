"""The validation material for the export tests: schemas shipped in tests/schemas, the rest shared.

Files the project may ship are copied into ``tests/schemas`` (see its README). The others
are read from the shared validation folder (``QUIZGEN_SCHEMAS``, or ``../shared/schemas``
beside the checkout), and a test that needs one is skipped, with the reason, where it is absent.
"""

from __future__ import annotations

import io
import os
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

HERE = Path(__file__).resolve().parent
SHIPPED = HERE / "schemas"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


def shared_folder() -> Path | None:
    candidates = [Path(os.environ["QUIZGEN_SCHEMAS"])] if os.environ.get("QUIZGEN_SCHEMAS") else []
    candidates += [parent / "shared" / "schemas" for parent in HERE.parents]
    return next((path for path in candidates if path.is_dir()), None)


def shared(relative: str) -> Path:
    """A file of the shared validation folder, or skip the test that needs it."""
    folder = shared_folder()
    if folder is None or not (folder / relative).exists():
        pytest.skip(f"{relative} is not shipped with quizgen (its terms ask more than a copy); "
                    "set QUIZGEN_SCHEMAS to the shared validation folder to run this test")
    return folder / relative


@cache
def qti21_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SHIPPED / "ims/qtiv2p1/imsqti_v2p1.xsd"), SAFE))


@cache
def _cp11_schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path), SAFE))


def cp11_schema() -> etree.XMLSchema:
    return _cp11_schema(shared("ims/imscp_v1p1.xsd"))


@cache
def _qti12_dtd(path: Path) -> etree.DTD:
    return etree.DTD(str(path))


def qti12_dtd() -> etree.DTD:
    return _qti12_dtd(shared("qti12/ims_qtiasiv1p2p1.dtd"))


def parse(data: bytes) -> etree._ElementTree:
    return etree.parse(io.BytesIO(data), SAFE)


def assert_valid(validator: etree.XMLSchema | etree.DTD, tree: etree._ElementTree, name: str) -> None:
    if not validator.validate(tree):
        errors = "\n".join(f"{name}:{e.line}: {e.message}" for e in list(validator.error_log)[:10])
        raise AssertionError(errors)


def without_namespace(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy with the namespace and the xmlns/xsi attributes removed: how QTI 1.2's DTD is applied."""
    root = etree.fromstring(etree.tostring(tree), SAFE)
    for node in root.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
            for name in [a for a in node.attrib if a.startswith("{")]:
                del node.attrib[name]
    etree.cleanup_namespaces(root)
    return etree.ElementTree(root)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}

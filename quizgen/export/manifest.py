"""The IMS Content Packaging 1.1 manifest (``imsmanifest.xml``) both QTI packages open with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quizgen.export.archive import element, namespaced_root, xml_bytes

CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"


@dataclass(frozen=True)
class Resource:
    identifier: str
    type: str
    href: str
    dependencies: tuple[str, ...] = field(default=())


def manifest(identifier: str, resources: Sequence[Resource]) -> bytes:
    root = namespaced_root(CP_NS, "manifest", "http://www.imsglobal.org/xsd/imscp_v1p1.xsd", identifier=identifier)
    metadata = element(root, "metadata")
    element(metadata, "schema", "IMS Content")
    element(metadata, "schemaversion", "1.1.3")
    element(root, "organizations")
    listed = element(root, "resources")
    for resource in resources:
        node = element(listed, "resource", identifier=resource.identifier, type=resource.type,
                       href=resource.href)
        element(node, "file", href=resource.href)
        for dependency in resource.dependencies:
            element(node, "dependency", identifierref=dependency)
    return xml_bytes(root)

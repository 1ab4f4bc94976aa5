"""Package ``src/crossdept`` (and the other pure-Python packages the browser loads) as a wheel for Pyodide, deterministically.

Built here with ``zipfile`` rather than ``pip wheel``: no build isolation download, no clock
in the archive, so the same sources always give the same bytes and the same name.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class Wheel:
    filename: str
    content: bytes
    digest: str


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build_wheel(package_dir: Path, version: str, licenses: Mapping[str, bytes] | None = None) -> Wheel:
    """The wheel of ``package_dir``; its file name carries a hash of the content for cache busting.
    ``licenses`` (file name → text) go into the wheel's metadata, as a third-party package requires."""
    name = package_dir.name
    dist_info = f"{name}-{version}.dist-info"
    files: list[tuple[str, bytes]] = [
        (f"{name}/{p.relative_to(package_dir).as_posix()}", p.read_bytes()) for p in sorted(package_dir.rglob("*.py")) if "__pycache__" not in p.parts
    ]
    files += [(f"{dist_info}/licenses/{license_name}", text) for license_name, text in sorted((licenses or {}).items())]
    files.append((f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()))
    files.append((f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: crossdept_site\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files) + f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files:
            info = zipfile.ZipInfo(path, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    content = buffer.getvalue()
    digest = hashlib.sha256(content).hexdigest()[:12]
    return Wheel(f"{name}-{version}-{digest}.whl", content, digest)

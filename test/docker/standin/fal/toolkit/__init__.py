import pathlib
import shutil
import urllib.request


class File:
    def __init__(self, path):
        self.path = str(path)
        self.url = pathlib.Path(path).resolve().as_uri()

    @classmethod
    def from_path(cls, path, **_):
        return cls(path)


def download_file(url, target_dir):
    target = pathlib.Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    dest = target / url.rsplit("/", 1)[-1]
    with urllib.request.urlopen(url, timeout=30) as resp, open(dest, "wb") as fh:
        shutil.copyfileobj(resp, fh)
    return dest

import pathlib

pathlib.Path('@@WORK@@/pwned-typing_extensions').write_text('ran')

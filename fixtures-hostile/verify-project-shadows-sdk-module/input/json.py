import pathlib

pathlib.Path('@@WORK@@/pwned-json').write_text('ran')

import pathlib

pathlib.Path('@@WORK@@/pwned-colorama').write_text('ran')

import pathlib

pathlib.Path('@@WORK@@/pwned-ast').write_text('ran')

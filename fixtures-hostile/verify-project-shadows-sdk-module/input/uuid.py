import pathlib

pathlib.Path('@@WORK@@/pwned-uuid').write_text('ran')

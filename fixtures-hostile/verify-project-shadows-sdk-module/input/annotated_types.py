import pathlib

pathlib.Path('@@WORK@@/pwned-annotated_types').write_text('ran')

import { describe, expect, it } from 'vitest';
import { parseRequirement, splitRequirementLines, stripComment } from '../../../../src/frontends/cog/config/requirements.js';

const at = { file: 'requirements.txt', line: 1, column: 1 };
const parse = (line: string) => {
  const { req, include, problem } = parseRequirement(line, at);
  const { loc, ...rest } = req;
  void loc;
  return { ...rest, ...(include !== undefined ? { include } : {}), ...(problem !== undefined ? { problem: true } : {}) };
};

describe('parseRequirement', () => {
  it('reads a plain pinned package (no-op case)', () => {
    expect(parse('torch==2.1.0')).toEqual({ raw: 'torch==2.1.0', kind: 'package', name: 'torch', specifier: '==2.1.0' });
  });

  it('normalises the name but keeps the specifier, extras and marker as written', () => {
    expect(parse('Pillow_SIMD[extra1, extra2] >= 9.0, <10 ; python_version < "3.12"')).toEqual({
      raw: 'Pillow_SIMD[extra1, extra2] >= 9.0, <10 ; python_version < "3.12"',
      kind: 'package',
      name: 'pillow-simd',
      extras: ['extra1', 'extra2'],
      specifier: '>= 9.0, <10',
      marker: 'python_version < "3.12"',
    });
  });

  it('keeps local versions and bare names', () => {
    expect(parse('torch==1.10.0+cu113')).toMatchObject({ name: 'torch', specifier: '==1.10.0+cu113' });
    expect(parse('numpy')).toEqual({ raw: 'numpy', kind: 'package', name: 'numpy' });
  });

  it('reads pkg @ git+https://... with a marker', () => {
    expect(parse('whisperx @ git+https://github.com/m-bain/whisperX.git@befe2b2 ; sys_platform == "linux"')).toEqual({
      raw: 'whisperx @ git+https://github.com/m-bain/whisperX.git@befe2b2 ; sys_platform == "linux"',
      kind: 'package',
      name: 'whisperx',
      url: 'git+https://github.com/m-bain/whisperX.git@befe2b2',
      marker: 'sys_platform == "linux"',
    });
  });

  it('reads bare VCS and archive URLs, taking the name from #egg=', () => {
    expect(parse('git+https://github.com/openai/CLIP.git#egg=clip')).toEqual({ raw: 'git+https://github.com/openai/CLIP.git#egg=clip', kind: 'url', url: 'git+https://github.com/openai/CLIP.git#egg=clip', name: 'clip' });
    expect(parse('https://example.com/pkg-1.0-py3-none-any.whl')).toMatchObject({ kind: 'url', url: 'https://example.com/pkg-1.0-py3-none-any.whl' });
  });

  it('reads local files and editables', () => {
    expect(parse('./wheels/my_pkg-1.0-py3-none-any.whl')).toMatchObject({ kind: 'file', url: './wheels/my_pkg-1.0-py3-none-any.whl' });
    expect(parse('vendor.tar.gz')).toMatchObject({ kind: 'file', url: 'vendor.tar.gz' });
    expect(parse('-e git+https://github.com/x/y.git#egg=y')).toMatchObject({ kind: 'editable', url: 'git+https://github.com/x/y.git#egg=y', name: 'y' });
    expect(parse('--editable=./local')).toMatchObject({ kind: 'editable', url: './local' });
  });

  it('keeps pip options verbatim', () => {
    for (const line of ['--extra-index-url https://download.pytorch.org/whl/cu118', '-f https://x/torch_stable.html', '--find-links=https://x', '--pre', '-i https://pypi.example/simple', '--index-url https://pypi.example/simple', '-c constraints.txt']) {
      expect(parse(line)).toEqual({ raw: line, kind: 'option', option: line });
    }
  });

  it('keeps options trailing a package on the package', () => {
    expect(parse('torch==1.10.0+cu113 -f https://download.pytorch.org/whl/torch_stable.html')).toEqual({
      raw: 'torch==1.10.0+cu113 -f https://download.pytorch.org/whl/torch_stable.html',
      kind: 'package',
      name: 'torch',
      specifier: '==1.10.0+cu113',
      option: '-f https://download.pytorch.org/whl/torch_stable.html',
    });
    expect(parse('pkg==1.0 ; python_version>"3" --hash=sha256:abc')).toMatchObject({ specifier: '==1.0', marker: 'python_version>"3"', option: '--hash=sha256:abc' });
  });

  it('recognises -r includes in every spelling', () => {
    expect(parse('-r other.txt')).toMatchObject({ include: 'other.txt' });
    expect(parse('--requirement=dir/base.txt')).toMatchObject({ include: 'dir/base.txt' });
    expect(parse('-rbase.txt')).toMatchObject({ include: 'base.txt' });
  });

  it('keeps a line it cannot read, flagged as a problem', () => {
    expect(parse('torch=2.0')).toEqual({ raw: 'torch=2.0', kind: 'package', name: 'torch', specifier: '=2.0', problem: true });
    expect(parse('[oops]')).toEqual({ raw: '[oops]', kind: 'package', problem: true });
    expect(parse('pkg[unclosed')).toMatchObject({ problem: true });
  });
});

describe('splitRequirementLines and stripComment', () => {
  it("drops comments as pip does, keeping '#' inside URLs", () => {
    expect(stripComment('torch==2.0  # pinned')).toBe('torch==2.0');
    expect(stripComment('git+https://x/y.git#egg=y')).toBe('git+https://x/y.git#egg=y');
    expect(stripComment('# whole line')).toBe('');
  });

  it('joins backslash continuations and keeps the first line and column', () => {
    const text = ['# header', '', '  torch==2.0 \\', '    --extra-index-url https://x', 'numpy  # comment', 'a \\', '# comment ends it', 'b', ''].join('\r\n');
    expect(splitRequirementLines(text)).toEqual([
      { text: 'torch==2.0     --extra-index-url https://x', line: 3, column: 3 },
      { text: 'numpy', line: 5, column: 1 },
      { text: 'a', line: 6, column: 1 },
      { text: 'b', line: 8, column: 1 },
    ]);
  });

  it('keeps a trailing continuation at end of file', () => {
    expect(splitRequirementLines('x \\')).toEqual([{ text: 'x', line: 1, column: 1 }]);
  });
});

// Just enough of POSIX shell word splitting to read the install commands of a Dockerfile's RUN
// lines: quotes, backslash escapes and line continuations, and the `&&`/`;`/`|` separators that
// split one RUN into commands. Anything fancier (substitutions, here-docs) stays a plain word.

/** The commands of a shell line, each as its words; `&&`, `||`, `;` and `|` separate commands. */
export function shellCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') { i++; continue; }
      if (next !== undefined) { word += next; inWord = true; i++; }
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end < 0 ? text.length : end);
      inWord = true;
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) {
          j++;
          if (text[j] !== '\n') word += text[j];
        } else word += text[j];
      }
      inWord = true;
      i = j;
      continue;
    }
    if (c === '&' && text[i + 1] === '&') { endCommand(); i++; continue; }
    if (c === '|' && text[i + 1] === '|') { endCommand(); i++; continue; }
    if (c === ';' || c === '|' || c === '\n') { endCommand(); continue; }
    if (c === ' ' || c === '\t') { endWord(); continue; }
    word += c;
    inWord = true;
  }
  endCommand();
  return commands;
}

// Prints a SourceFileStructure once, in an in-memory ts-morph project (STYLE.md §4): the code is
// described as data and written by ts-morph's printer, never pasted together as text.

import { IndentationText, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';

export function printSourceFile(structure: SourceFileStructure): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const file = project.createSourceFile('/index.ts', structure);
  // Writers inside initializers and export expressions start at their own indentation; one pass
  // of the TypeScript formatter gives the whole file the project's two-space layout.
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
  return file.getFullText();
}

/** A header of `//` lines (why the file exists, what a person must do) as a statement writer. */
export const commentLines = (lines: string[]) => (w: import('ts-morph').CodeBlockWriter) => {
  for (const l of lines) w.writeLine(l === '' ? '//' : `// ${l}`);
};

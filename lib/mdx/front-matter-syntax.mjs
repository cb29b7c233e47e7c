// What gray-matter reads as the start of front matter, without loading gray-matter: the note-file
// reader and the MDX policy check text with it in processes that compile nothing.

const FOREIGN_FRONT_MATTER = /\uFEFF?---(?!-)[^\S\r\n]*\S/y

/**
 * Whether a source, or a block the preview compiles on its own (the text from `start`), begins the
 * way gray-matter reads as front matter in another language: `---` and more on that line (`---js`).
 * @param {string} text
 * @param {number} [start]
 */
export function opensForeignFrontMatter(text, start = 0) {
  FOREIGN_FRONT_MATTER.lastIndex = start
  return FOREIGN_FRONT_MATTER.test(text)
}

/**
 * A leading YAML front matter block (its fields in group 1), as the note-file reader takes it: as
 * gray-matter does, after a byte-order mark and with spaces after either `---`.
 */
export const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n)?/

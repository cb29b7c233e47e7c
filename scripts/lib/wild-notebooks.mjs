import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const CORPUS = path.join(import.meta.dirname, '../../tests/fixtures/notebooks-wild')

/**
 * Real notebooks from the corpus (tests/fixtures/notebooks-wild) that the browser tests read as
 * published notes. Slugs start with "e2e-" and dates are older than every fixture note, so the
 * tests that list the fixture notes leave them out. The last one carries a long unbreakable
 * title: it is the "Previous note" of the oldest fixture note, on a phone.
 */
export const WILD_NOTES = [
  { from: 'ours-multiindex/grouped-results.ipynb', slug: 'e2e-wild-grouped-results', date: '2010-01-01' },
  { from: 'graphviz/graphviz-notebook.ipynb', slug: 'e2e-wild-graphviz', date: '2010-01-02' },
  { from: 'ipython-kernel/beyond-plain-python.ipynb', slug: 'e2e-wild-beyond-plain-python', date: '2010-01-03' },
  {
    from: 'notebook-docs/notebook-basics.ipynb',
    slug: 'e2e-wild-notebook-basics',
    date: '2010-01-04',
    title: 'Notebook basics: torch.nn.functional.scaled_dot_product_attention_with_a_very_long_identifier',
    beside: ['images'],
  },
]

/** Copies the wild notes into `<contentDir>/notes/`, with the images that sit beside them. */
export function copyWildNotebooks(contentDir) {
  for (const note of WILD_NOTES) {
    const notebook = JSON.parse(readFileSync(path.join(CORPUS, note.from), 'utf8'))
    const fields = notebook.metadata.note
    notebook.metadata.note = { ...fields, date: note.date, title: note.title ?? fields.title, tags: ['notebooks in the wild'] }
    writeFileSync(path.join(contentDir, 'notes', `${note.slug}.ipynb`), JSON.stringify(notebook, null, 1))
    for (const folder of note.beside ?? []) cpSync(path.join(CORPUS, path.dirname(note.from), folder), path.join(contentDir, 'notes', folder), { recursive: true })
  }
}

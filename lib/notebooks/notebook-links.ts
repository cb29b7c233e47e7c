import { slug as githubSlug } from 'github-slugger'
import type { Definition, Link, Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { slugFromTitle } from '../notes/slug'
import { isScriptOrDataUrl, urlScheme } from '../security/url-scheme'
import { orProblem, type CellProblems } from './cell-problems'
import { NotebookError } from './notebook'

/** A link to a place in the same notebook, resolved once all its headings are known. */
export type AnchorLink = { node: Link | Definition; cell: number; fragment: string }

const NOTE_FILE = /\.(ipynb|mdx)$/i

/** A URL's text as a browser reads it, or the text itself when it is not valid percent-encoding. */
export function decodedOrSame(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The id the site gives the heading a Jupyter-style anchor names: Jupyter keeps the heading's
 * text with spaces as "-", and github-slugger (rehype-slug) drops the same characters from either.
 */
export const siteHeadingId = (fragment: string) => githubSlug(decodedOrSame(fragment))

/**
 * The slug a note linked as `name` has if its file was renamed to a valid slug, as authors must:
 * `SymPy.ipynb` stored as `sympy.ipynb`, `05.05-Naive-Bayes.ipynb` as `05-05-naive-bayes.ipynb`.
 */
const slugForm = (name: string) => (name.includes('/') ? '' : slugFromTitle(name.replace(NOTE_FILE, '')))

/** Where a link to a sibling notebook or note goes on the site: `/notes/<slug>#<heading>`. */
function siblingUrl(url: string, cell: number, notes: ReadonlyMap<string, string> | undefined): string {
  const hash = url.indexOf('#')
  const fragment = hash < 0 ? '' : url.slice(hash + 1)
  const name = decodedOrSame(url.slice(0, hash < 0 ? undefined : hash).split('?')[0]).replace(/^\.\//, '')
  if (!NOTE_FILE.test(name)) return url
  const where = `cell ${cell}: the link to "${url}"`
  if (!notes) throw new NotebookError(`${where}: an upload cannot tell which notes exist; link to /notes/<slug> instead`)
  const wanted = slugForm(name)
  const slug = notes.get(name) ?? ([...notes.values()].includes(wanted) ? wanted : undefined)
  if (!slug) {
    const renamed = wanted ? `, nor a note with the slug "${wanted}" (notes/${wanted}.ipynb or .mdx)` : ''
    throw new NotebookError(`${where} names no published note: there is no ${name} beside the notebook that becomes one${renamed}`)
  }
  return `/notes/${slug}${fragment ? `#${siteHeadingId(fragment)}` : ''}`
}

/**
 * Links of a Markdown cell as the site needs them: to the note a sibling `.ipynb`/`.mdx` became
 * (`notes` by file name; none in the admin import), and `#anchors` collected in `anchorLinks` to be
 * resolved against the notebook's headings. Links with a scheme and site paths stay as written.
 */
export function rewriteLinks(tree: Root, cell: number, notes: ReadonlyMap<string, string> | undefined, anchorLinks: AnchorLink[], into: CellProblems) {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'definition') return
    const url = node.url.trim()
    // A notebook's note is not checked by the MDX policy: a javascript: or data: link keeps only its words.
    if (isScriptOrDataUrl(url) && parent && index !== undefined) {
      const words = node.type === 'link' ? node.children : []
      parent.children.splice(index, 1, ...(words as never[]))
      return [SKIP, index]
    }
    if (url.startsWith('#')) {
      if (url.length > 1) anchorLinks.push({ node, cell, fragment: url.slice(1) })
    } else if (!urlScheme(url) && !url.startsWith('/')) node.url = orProblem(node, into, () => siblingUrl(url, cell, notes), () => url)
  })
}

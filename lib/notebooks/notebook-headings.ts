import GithubSlugger, { slug as githubSlug } from 'github-slugger'
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { flowAnchor } from './html-inline'
import { NotebookError } from './notebook'
import { decodedOrSame, type AnchorLink } from './notebook-links'

type Placed = { node: Heading; parent: Parent }

/**
 * A heading's text as Jupyter reads it (the rendered heading's textContent): formatting gone,
 * images adding nothing, and inline math as its TeX between `$`, which Jupyter has not yet
 * typeset when it sets the id. rehype-slug reads `x` where Jupyter reads `$x$`; github-slugger
 * drops the `$`, so the site's id comes out the same from either.
 */
function textOf(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference') return ''
  if (node.type === 'inlineMath') return `$${node.value}$`
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : ''
}

/** The id Jupyter gives a heading: its text with spaces as "-", case and punctuation kept. */
const jupyterId = (text: string) => text.replace(/ /g, '-')

type Anchor = { id: string; node: RootContent; parent: Parent }

/** The empty anchors already in the tree (from `<a id="…">` in the notebook's HTML). */
function anchorsIn(root: Root): Anchor[] {
  const anchors: Anchor[] = []
  visit(root, (node, _index, parent) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'span' || !parent) return
    const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value
    if (typeof id === 'string') anchors.push({ id, node, parent })
  })
  return anchors
}

function replace(parent: Parent, node: RootContent, by: RootContent[]) {
  parent.children.splice(parent.children.indexOf(node as never), 1, ...(by as never[]))
}

/**
 * The headings of a whole notebook as the note page needs them. The title is the page's only
 * <h1>: a first heading that repeats it goes, and the rest shift so the highest level used is
 * <h2> (and in "On this page"). Each heading whose Jupyter id differs from the site's id gets an
 * empty anchor with the Jupyter id, so links written for Jupyter land; in-notebook `#anchor` links
 * are rewritten to the site's ids, and one naming no heading or anchor is a NotebookError.
 */
export function finishHeadings(root: Root, title: unknown, anchorLinks: AnchorLink[]) {
  const headings: Placed[] = []
  visit(root, 'heading', (node, _index, parent) => void (parent && headings.push({ node, parent })))
  const anchors = anchorsIn(root)
  const targets = new Map<string, string>(anchors.map(({ id }) => [id, id]))

  const first = headings[0]
  const titleSlug = typeof title === 'string' ? githubSlug(title) : ''
  const repeatsTitle = first && titleSlug && githubSlug(textOf(first.node)) === titleSlug
  if (repeatsTitle) headings.shift()

  const top = Math.min(...headings.map(({ node }) => node.depth))
  const slugger = new GithubSlugger()
  const ids = headings.map(({ node }) => {
    node.depth = Math.min(6, node.depth - top + 2) as Heading['depth']
    return { site: slugger.slug(textOf(node)), jupyter: jupyterId(textOf(node)) }
  })
  for (const { site } of ids) targets.set(site, site)
  // `## <a id="setup"></a>Setup` would give the page two elements with the id "setup".
  const siteIds = new Set(ids.map(({ site }) => site))
  for (const { id, node, parent } of anchors) if (siteIds.has(id)) replace(parent, node, [])
  if (repeatsTitle) replace(first.parent, first.node, titleAnchors(textOf(first.node), targets))
  headings.forEach(({ node, parent }, index) => {
    const { site, jupyter } = ids[index]
    if (!jupyter || targets.has(jupyter)) return
    targets.set(jupyter, site)
    parent.children.splice(parent.children.indexOf(node), 0, flowAnchor(jupyter))
  })

  const problems = anchorLinks.flatMap(({ node, cell, fragment }) => {
    const id = targets.get(decodedOrSame(fragment)) ?? targets.get(fragment) ?? sameSlug(fragment, targets)
    if (id) node.url = `#${id}`
    return id ? [] : [`cell ${cell}: the link to "#${fragment}" names no heading or anchor in the notebook`]
  })
  if (problems.length > 0) throw new NotebookError(problems.join('; '))
}

/**
 * The anchors a dropped title heading leaves at the top, so links to it (by the site's id or
 * Jupyter's) still land: each id no heading or anchor below already has. Links go to the site's.
 */
function titleAnchors(text: string, targets: Map<string, string>): RootContent[] {
  const site = githubSlug(text)
  const ids = [...new Set([site, jupyterId(text)])].filter((id) => id !== '' && !targets.has(id))
  for (const id of ids) targets.set(id, ids.includes(site) ? site : id)
  return ids.map(flowAnchor)
}

/**
 * The id a link lands on when it spells a heading's id another way (`#The-main-Transform-features`
 * for "The main `Transform` features:"): the one whose site id is the link's as a slug.
 */
function sameSlug(fragment: string, targets: Map<string, string>): string | undefined {
  const slug = githubSlug(decodedOrSame(fragment))
  return slug && targets.get(slug) === slug ? slug : undefined
}

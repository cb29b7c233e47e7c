import type { Parent, PhrasingContent, Root } from 'mdast'
import type { Node } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import { urlScheme } from '../security/url-scheme'
import { orProblem, type CellProblems } from './cell-problems'
import { decodedOrSame } from './notebook-links'

const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i

/** Stores an image file a link names beside the notebook, and gives the URL it will have. */
export type StoreLinkedImage = (url: string, where: string) => string

/** A link to a file by a path relative to the notebook (in-page anchors, site paths and other schemes are not). */
const isFileLink = (url: string) => !url.startsWith('#') && !url.startsWith('/') && !urlScheme(url)

function unwrap(parent: Parent, index: number, children: PhrasingContent[]) {
  parent.children.splice(index, 1, ...(children as never[]))
}

/**
 * Links of a Markdown cell to files beside the notebook that are not notes (those are rewritten
 * before): an image is stored with the plots and the link goes to it; anything else (`wind.desc`,
 * `./tests`, `data.csv`) would be a broken link on the site, so only its words stay, and a warning
 * naming the cell and the target goes to `warnings`. Without `storeImage` (the admin import) images
 * are shown as text too.
 */
export function rewriteFileLinks(tree: Root, cell: number, storeImage: StoreLinkedImage | undefined, warnings: string[], into: CellProblems) {
  const unlinkedDefinitions = new Set<string>()
  const keepsLink = (node: Node & { url: string }) => {
    const url = node.url.trim()
    if (!isFileLink(url)) return true
    const where = `cell ${cell}: the link to "${url}"`
    if (storeImage && IMAGE_FILE.test(decodedOrSame(url.split(/[?#]/)[0]))) {
      node.url = orProblem(node, into, () => storeImage(url, where), () => url)
      return true
    }
    warnings.push(`${where} is not a note or image, so it is shown as text`)
    return false
  }
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return
    if (node.type === 'link' && !keepsLink(node)) {
      unwrap(parent, index, node.children)
      return [SKIP, index + node.children.length]
    }
    if (node.type === 'definition' && !keepsLink(node)) {
      unlinkedDefinitions.add(node.identifier)
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
  })
  if (unlinkedDefinitions.size === 0) return
  visit(tree, 'linkReference', (node, index, parent) => {
    if (!parent || index === undefined || !unlinkedDefinitions.has(node.identifier)) return
    unwrap(parent, index, node.children)
    return [SKIP, index + node.children.length]
  })
}

import type { Image, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { urlScheme } from '../security/url-scheme'
import { orProblem, type CellProblems } from './cell-problems'
import { readImageBeside, storeImage } from './image-file'
import { NotebookError, type Cell } from './notebook'
import { decodedOrSame } from './notebook-links'
import type { ConvertOptions, NotebookAsset } from './to-mdx'

/** What an image in a notebook's Markdown becomes; `insideLink` when a link wraps it (a badge). */
export type ImageRewrite = (image: Image, insideLink: boolean) => PhrasingContent[]

// A path on this site; `/\` is read by browsers as `//`, another host.
const SITE_PATH = /^\/(?![/\\])/
const DATA_IMAGE = /^data:image\/[a-z+.-]{1,20};base64,/i

const altText = (image: Image, fallback: string): PhrasingContent[] => {
  const text = image.alt?.trim() || fallback
  return text ? [{ type: 'text', value: text }] : []
}

/**
 * An image from another site as a link to it: the site's policy (img-src 'self') would show it
 * broken. Inside a link (a badge: `[![Open In Colab](…svg)](https://colab…)`) only its words stay.
 */
function externalImage(image: Image, insideLink: boolean): PhrasingContent[] {
  if (insideLink) return altText(image, 'image')
  return [{ type: 'link', url: image.url, children: altText(image, 'image') }]
}

const isExternal = (url: string) => url.startsWith('//') || ['http', 'https'].includes(urlScheme(url) ?? '')

/** The site's own images stay; other sites' become links; anything else only its alt text. */
export const siteImageOrLink: ImageRewrite = (image, insideLink) => {
  const url = image.url.trim()
  if (SITE_PATH.test(url)) return [image]
  return isExternal(url) ? externalImage(image, insideLink) : altText(image, '')
}

/** Replaces every image in the tree by what `rewrite` makes of it. */
export function rewriteImages(tree: Root, rewrite: ImageRewrite) {
  const walk = (parent: Parent, insideLink: boolean) => {
    const children: RootContent[] = parent.children.flatMap((child): RootContent[] => {
      if (child.type === 'image') return rewrite(child, insideLink)
      if ('children' in child) walk(child, insideLink || child.type === 'link' || child.type === 'linkReference')
      return [child]
    })
    parent.children = children as Parent['children']
  }
  walk(tree, false)
}

/** The bytes of a `data:image/…;base64,` URL or of a cell attachment (`attachment:fig.png`). */
function embeddedBytes(url: string, cell: Cell, where: string): Buffer {
  if (DATA_IMAGE.test(url)) return Buffer.from(url.slice(url.indexOf(',') + 1).replace(/\s+/g, ''), 'base64')
  const name = url.slice('attachment:'.length)
  const attachments = cell.cell_type === 'markdown' ? (cell.attachments ?? {}) : {}
  const bundle = attachments[name] ?? attachments[decodedOrSame(name)]
  const mime = bundle && Object.keys(bundle).find((type) => type.startsWith('image/'))
  if (!bundle || !mime) throw new NotebookError(`${where} is not in the notebook`)
  const value = bundle[mime]
  const source = Array.isArray(value) ? value.join('') : String(value)
  return mime === 'image/svg+xml' ? Buffer.from(source, 'utf8') : Buffer.from(source.replace(/\s+/g, ''), 'base64')
}

/**
 * Images of a Markdown cell: the site's own stay, other sites' become links, and the files it
 * embeds (attachments, data: URLs) or names beside the notebook are checked and stored with its
 * plots. A relative image is refused where there is no folder to read it from (the admin import).
 */
export function notebookImages(cell: Cell, cellNumber: number, options: ConvertOptions, assets: NotebookAsset[], into: CellProblems): ImageRewrite {
  const rewrite = storedOrShown(cell, cellNumber, options, assets)
  return (image, insideLink) => orProblem(image, into, () => rewrite(image, insideLink), () => altText(image, ''))
}

function storedOrShown(cell: Cell, cellNumber: number, options: ConvertOptions, assets: NotebookAsset[]): ImageRewrite {
  return (image, insideLink) => {
    const url = image.url.trim()
    const scheme = urlScheme(url)
    if (SITE_PATH.test(url) || isExternal(url)) return siteImageOrLink(image, insideLink)
    const stored = (bytes: Buffer, where: string): PhrasingContent[] => [{ ...image, url: storeImage(cellNumber, bytes, where, options, assets) }]
    if (scheme === 'attachment' || DATA_IMAGE.test(url)) {
      const where = scheme === 'attachment' ? `cell ${cellNumber}: the attachment "${url.slice('attachment:'.length)}"` : `cell ${cellNumber}: a data: image`
      return stored(embeddedBytes(url, cell, where), where)
    }
    if (scheme) return altText(image, '')
    const where = `cell ${cellNumber}: the image "${url}"`
    if (!options.folder) {
      throw new NotebookError(`${where} is a file beside the notebook, which an upload does not include; paste the image in the editor instead`)
    }
    return stored(readImageBeside(options.folder, url, where), where)
  }
}

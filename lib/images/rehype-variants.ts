import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast'
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx'
import { STORED_IMAGE_NAME } from '@/lib/notes/image-name'
import { validateSlug } from '@/lib/notes/slug'
import { hasVariants, imageSize, variantName, variantWidths } from './variants.mjs'

/** Where the files behind `/notes/<slug>/<name>` and `/notebooks/<slug>/<name>` are at build time. */
export type ImageRoots = { notes: string; notebooks: string }

/** The article column is at most 720 CSS px (max-w-3xl less its padding). */
export const COLUMN_SIZES = '(min-width: 768px) 720px, 100vw'
/** An image this early in the body (top-level blocks) is likely on the first screen: loaded at once. */
const ABOVE_THE_FOLD_BLOCKS = 3

const NOTEBOOK_PLOT = /^cell-\d{1,5}-[0-9a-f]{6,64}\.(png|jpg|gif|webp|avif)$/
const SITE_IMAGE = /^\/(notes|notebooks)\/([^/]{1,80})\/([^/]{1,120})$/

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast
type Found = { node: Element | Jsx; parent: Root | Element | Jsx; index: number; block: number }

/** The file of a site image URL, or null for any other URL or a name the site would not serve. */
export function siteImageFile(src: string, roots: ImageRoots): string | null {
  const match = SITE_IMAGE.exec(src)
  if (!match || !validateSlug(match[2]).ok) return null
  const [, kind, slug, name] = match
  const valid = kind === 'notes' ? STORED_IMAGE_NAME.test(name) : NOTEBOOK_PLOT.test(name)
  return valid ? path.join(kind === 'notes' ? roots.notes : roots.notebooks, slug, name) : null
}

const positive = (value: unknown) => {
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN
  return Number.isFinite(number) && number > 0 && number <= 20_000 ? Math.round(number) : undefined
}

export type ImageAttributes = { src: string; alt: string; width?: number; height?: number }
export type SizedImage = ImageAttributes & { srcSet?: string; sizes?: string }

/**
 * What an image tag needs so nothing shifts and no screen gets more than it shows: the size it
 * shows at (the one written, else the file's own) and the WebP variants that exist next to it.
 */
export async function sizeImage(image: ImageAttributes, roots: ImageRoots): Promise<SizedImage> {
  const file = siteImageFile(image.src, roots)
  const intrinsic = file && existsSync(file) ? await imageSize(file) : null
  if (!file || !intrinsic) return image
  // A width written by the author or the notebook (Image(width=300)) is the width it shows at.
  const width = image.width ?? (image.height ? Math.round((image.height * intrinsic.width) / intrinsic.height) : intrinsic.width)
  const height = image.height ?? Math.round((width * intrinsic.height) / intrinsic.width)
  const name = path.basename(file)
  const widths = hasVariants(name) ? variantWidths(intrinsic.width).filter((w) => existsSync(path.join(path.dirname(file), variantName(name, w)))) : []
  if (widths.length === 0) return { ...image, width, height }
  const base = image.src.slice(0, image.src.lastIndexOf('/') + 1)
  const srcSet = widths.map((w) => `${base}${variantName(name, w)} ${w}w`).join(', ')
  const sizes = width < 720 ? `(min-width: ${width}px) ${width}px, 100vw` : COLUMN_SIZES
  return { ...image, width, height, srcSet, sizes }
}

const jsxValue = (node: Jsx, name: string) => {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name)
  const value = attribute?.value
  return typeof value === 'string' ? value : typeof value === 'object' && value ? value.value : undefined
}

function pictureElement(image: SizedImage, eager: boolean, others: Properties = {}): Element {
  const img: Properties = { ...others, src: image.src, alt: image.alt, width: image.width, height: image.height, decoding: 'async' }
  if (!eager) img.loading = 'lazy'
  const tag: Element = { type: 'element', tagName: 'img', properties: img, children: [] }
  if (!image.srcSet) return tag
  const source: Element = { type: 'element', tagName: 'source', properties: { type: 'image/webp', srcSet: image.srcSet, sizes: image.sizes }, children: [] }
  return { type: 'element', tagName: 'picture', properties: {}, children: [source, tag] }
}

function collect(root: Root): Found[] {
  const found: Found[] = []
  // The root's blocks counted without the whitespace text between them.
  let blocks = -1
  const walk = (parent: Root | Element | Jsx, block: number) => {
    parent.children.forEach((child: RootContent | ElementContent, index: number) => {
      if (parent === root && !(child.type === 'text' && !child.value.trim())) blocks += 1
      const at = parent === root ? blocks : block
      if (child.type === 'element' && child.tagName === 'img') found.push({ node: child, parent, index, block: at })
      else if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && (child.name === 'img' || child.name === 'Figure')) {
        found.push({ node: child, parent, index, block: at })
      }
      if ('children' in child) walk(child as Element, at)
    })
  }
  walk(root, 0)
  return found
}

/**
 * A build step (Contentlayer only): note images and notebook plots get width and height, a WebP
 * srcset of the variants made at upload, import or build, and lazy loading below the first
 * screen. Markdown images and `<img>` become `<picture>`; `<Figure src>` gets the same as props.
 * Files it cannot find or read keep a plain tag.
 */
export default function rehypeImageVariants(options: { roots: ImageRoots }) {
  return async (tree: Root) => {
    const images = collect(tree)
    for (const [position, { node, parent, index, block }] of images.entries()) {
      const eager = position === 0 && block < ABOVE_THE_FOLD_BLOCKS
      if (node.type === 'element') {
        const { src, alt } = node.properties
        if (typeof src !== 'string') continue
        const sized = await sizeImage({ src, alt: typeof alt === 'string' ? alt : '', width: positive(node.properties.width), height: positive(node.properties.height) }, options.roots)
        // A Markdown image's title stays on the <img>.
        parent.children[index] = pictureElement(sized, eager, node.properties)
        continue
      }
      const src = jsxValue(node, 'src')
      if (!src) continue
      const sized = await sizeImage({ src, alt: jsxValue(node, 'alt') ?? '', width: positive(jsxValue(node, 'width')), height: positive(jsxValue(node, 'height')) }, options.roots)
      if (node.name === 'img') {
        parent.children[index] = pictureElement(sized, eager)
        continue
      }
      const props: Record<string, string | undefined> = { width: sized.width?.toString(), height: sized.height?.toString(), srcSet: sized.srcSet, sizes: sized.sizes, loading: eager ? 'eager' : 'lazy' }
      node.attributes = node.attributes.filter((a) => a.type !== 'mdxJsxAttribute' || !(a.name in props))
      for (const [name, value] of Object.entries(props)) if (value) node.attributes.push({ type: 'mdxJsxAttribute', name, value })
    }
  }
}

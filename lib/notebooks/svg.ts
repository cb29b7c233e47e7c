import { decodeCharacterReferences } from '@/lib/security/url-scheme'
import { NotebookError } from './notebook'
import { animatesLink, hasElement } from './svg-markup'
import { withoutPublicDoctype } from './svg-prolog'

// Sticky: hasElement tries each where an element name can start.
const SCRIPT = /script\b/iy
const EMBEDDED = /(?:foreignObject|iframe|embed|object|handler|listener)\b/iy

// What a plotting library never writes but an SVG can use to run code or reach out when opened on
// this site's origin. Element names are matched with any namespace prefix (<s:script>). Served
// files also get a policy that runs nothing (proxy.ts): this check keeps them out of the site.
const UNSAFE_SVG = [
  { pattern: { test: (svg: string) => hasElement(svg, SCRIPT) }, what: 'a <script>' },
  { pattern: { test: (svg: string) => hasElement(svg, EMBEDDED) }, what: 'embedded content' },
  { pattern: /[\s:/"']on[a-z]+\s*=/i, what: 'an event handler attribute' },
  { pattern: /<!(ENTITY|DOCTYPE)\b/i, what: 'a DOCTYPE other than the standard SVG one, or an entity declaration' },
  { pattern: { test: animatesLink }, what: 'an animated link' },
  { pattern: /javascript:|vbscript:|data:(?!image\/(png|jpeg|gif|webp);)/i, what: 'a script or data URL' },
]

// Links and images in a plot point inside it (#glyph) or hold an embedded raster image.
const OUTSIDE_LINK = /href\s*=\s*(?:["']\s*)?(?=[^\s"'])(?!#|data:image\/(png|jpeg|gif|webp);)/i

/**
 * The SVG output as it is stored (without the standard public DOCTYPE plotting libraries write),
 * or a NotebookError if it could run code or load anything from elsewhere.
 */
export function checkSvg(output: string, where: string): string {
  if (!/<svg\b/i.test(output)) throw new NotebookError(`${where} is not an SVG image`)
  const svg = withoutPublicDoctype(output)
  const decoded = decodeCharacterReferences(svg)
  // Browsers drop tabs and newlines inside URLs: "java\nscript:" is still javascript:.
  const squeezed = decoded.replace(/[\t\n\r]+/g, '')
  const unsafe = UNSAFE_SVG.find(({ pattern }) => pattern.test(decoded) || pattern.test(squeezed))
  if (unsafe) throw new NotebookError(`${where} contains ${unsafe.what}; SVG plots may only draw`)
  if (OUTSIDE_LINK.test(decoded)) throw new NotebookError(`${where} links outside the image; SVG plots may only draw`)
  return svg
}

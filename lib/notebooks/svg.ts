import { NotebookError } from './notebook'

// What a plotting library never writes but an SVG can carry to run code or reach out when the file
// is opened on this site's origin. Served files also get a CSP with no scripts (next.config.mjs).
const UNSAFE_SVG = [
  { pattern: /<script\b/i, what: 'a <script>' },
  { pattern: /<foreignObject\b/i, what: 'a <foreignObject>' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an event handler attribute' },
  { pattern: /(?:javascript|vbscript|data:text\/html)\s*:/i, what: 'a script URL' },
  { pattern: /<!ENTITY\b/i, what: 'an XML entity declaration' },
  { pattern: /(?:xlink:)?href\s*=\s*["']\s*(?:https?:)?\/\//i, what: 'a link to another site' },
]

/** Throws a NotebookError if an SVG output could run code or load anything from elsewhere. */
export function checkSvg(svg: string, where: string) {
  if (!/<svg\b/i.test(svg)) throw new NotebookError(`${where} is not an SVG image`)
  const unsafe = UNSAFE_SVG.find(({ pattern }) => pattern.test(svg))
  if (unsafe) throw new NotebookError(`${where} contains ${unsafe.what}; SVG plots may only draw`)
}

// Shiki writes each token's two theme colours inline (style="--shiki-light:#CF222E;--shiki-dark:#FF7B72").
// A note page carries its article twice (the HTML, and the React Server Components payload that
// hydrates it), so those styles were about a quarter of a code-heavy page. The few colours the two
// themes have become short classes instead, defined once in app/code-colours.css.
import { visit } from 'unist-util-visit'

/** Every foreground colour of the site's two code themes (github-light-default, github-dark-default). */
export const CODE_COLOURS = {
  light: ['#0550AE', '#0A3069', '#116329', '#1F2328', '#57606A', '#6E7781', '#82071E', '#8250DF', '#953800', '#CF222E', '#EAEEF2', '#F6F8FA'],
  dark: ['#161B22', '#79C0FF', '#7EE787', '#8B949E', '#A5D6FF', '#D2A8FF', '#E6EDF3', '#F0F6FC', '#FF7B72', '#FFA198', '#FFA657'],
}

/** @typedef {'light' | 'dark'} CodeTheme */

// github-light-default's comment grey is 4.3:1 on the code block's background; a darker grey reaches 6:1.
/** @type {Record<CodeTheme, Record<string, string>>} */
const SHOWN_AS = { light: { '#6E7781': '#57606A' }, dark: {} }

const PREFIX = { light: 'sl', dark: 'sd' }
const VARIABLE = { light: '--shiki-light', dark: '--shiki-dark' }

/**
 * The class that gives a token `colour` in `theme`.
 * @param {CodeTheme} theme
 * @param {string} colour
 */
export const codeColourClass = (theme, colour) => `${PREFIX[theme]}-${colour.slice(1).toLowerCase()}`

/** The stylesheet of the colour classes (app/code-colours.css holds exactly this). */
export function codeColourCss() {
  const rules = /** @type {CodeTheme[]} */ (['light', 'dark']).flatMap((theme) =>
    CODE_COLOURS[theme].map((colour) => `.${codeColourClass(theme, colour)} {\n  ${VARIABLE[theme]}: ${SHOWN_AS[theme][colour] ?? colour};\n}`),
  )
  return `/* Generated from lib/mdx/code-colours.mjs by \`node scripts/code-colours.mjs\`: do not edit. */\n${rules.join('\n')}\n`
}

/** @type {Record<string, { theme: CodeTheme, colours: Set<string> }>} */
const known = {
  [VARIABLE.light]: { theme: 'light', colours: new Set(CODE_COLOURS.light) },
  [VARIABLE.dark]: { theme: 'dark', colours: new Set(CODE_COLOURS.dark) },
}

/** Rehype plugin, after rehype-pretty-code: theme colours in code become classes; other styles stay. */
export default function rehypeCodeColourClasses() {
  /** @param {import('hast').Root} tree */
  return (tree) => {
    visit(tree, 'element', (node) => {
      const style = node.properties?.style
      if (typeof style !== 'string' || !style.includes('--shiki-')) return
      const classes = []
      const kept = []
      for (const declaration of style.split(';')) {
        const [name, value] = declaration.split(':').map((part) => part?.trim())
        if (!name) continue
        const colour = value?.toUpperCase()
        const entry = known[name]
        if (entry && colour && entry.colours.has(colour)) classes.push(codeColourClass(entry.theme, colour))
        else kept.push(declaration.trim())
      }
      if (classes.length === 0) return
      const existing = node.properties.className
      node.properties.className = [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), ...classes]
      if (kept.length) node.properties.style = kept.join(';')
      else delete node.properties.style
    })
  }
}

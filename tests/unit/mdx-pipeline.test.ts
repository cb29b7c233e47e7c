import { readFileSync } from 'node:fs'
import path from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { bundledThemes } from 'shiki'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { CODE_COLOURS, codeColourCss } from '@/lib/mdx/code-colours.mjs'
import { rehypePlugins } from '@/lib/mdx/pipeline.mjs'

/** The foreground colours a Shiki theme can give a token. */
async function themeColours(name: 'github-light-default' | 'github-dark-default'): Promise<string[]> {
  const theme = (await bundledThemes[name]()).default
  const colours = new Set<string>()
  for (const rule of theme.tokenColors ?? []) if (rule.settings?.foreground) colours.add(rule.settings.foreground.toUpperCase())
  colours.add(String(theme.colors?.['editor.foreground']).toUpperCase())
  return [...colours].sort()
}

const highlighted = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkRehype).use(rehypePlugins).use(rehypeStringify).process(markdown))

describe('code colours as classes', () => {
  it('cover every colour of both installed themes, so no token falls back to plain text', async () => {
    expect(CODE_COLOURS.light).toEqual(await themeColours('github-light-default'))
    expect(CODE_COLOURS.dark).toEqual(await themeColours('github-dark-default'))
  })

  it('are defined by app/code-colours.css exactly as generated (run node scripts/code-colours.mjs)', () => {
    expect(readFileSync(path.join(process.cwd(), 'app/code-colours.css'), 'utf8')).toBe(codeColourCss())
  })

  it('replace the inline colour styles of highlighted code, keeping the colours', async () => {
    const html = await highlighted('```python\nimport torch  # a comment\nx = torch.ones(3)\n```')
    expect(html).not.toContain('--shiki-light:')
    expect(html).toContain('class="sl-cf222e sd-ff7b72"')
    // The comment grey is darkened for contrast on the light block.
    expect(html).toContain('sl-6e7781')
    expect(codeColourCss()).toContain('.sl-6e7781 {\n  --shiki-light: #57606A;\n}')
  })
})

describe('headings', () => {
  it('link to themselves, except one that holds a link (a link in a link breaks hydration)', async () => {
    const html = await highlighted('## Setup\n\n## Import the data from [this address](https://example.com/data.csv)')
    expect(html).toContain('<h2 id="setup"><a class="heading-anchor" href="#setup">Setup</a></h2>')
    expect(html).toMatch(/<h2 id="import-the-data-from-this-address">Import the data from <a href="https:\/\/example.com\/data.csv">this address<\/a><\/h2>/)
    expect(html.match(/<a /g)?.length).toBe(2)
  })
})

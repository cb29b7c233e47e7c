import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// Planted files: linted as text under a path in the project (nothing is written), with the
// project's own eslint.config.mjs, so these also check that the rules are switched on.
const root = process.cwd()
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function boundaryProblems(file: string, lines: string[]): Promise<string[]> {
  const [result] = await eslint.lintText(`${lines.join('\n')}\n`, { filePath: path.join(root, file) })
  return result.messages.filter((message) => message.ruleId?.startsWith('import-boundaries/')).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('import boundaries', () => {
  it('lib never imports components or app', async () => {
    const problems = await boundaryProblems('lib/planted.ts', [
      "import { NotesTable } from '@/components/admin/notes-table'",
      "import { signOutEverywhereAction } from '../app/(admin)/admin/actions'",
      'export const planted = [NotesTable, signOutEverywhereAction]',
    ])
    expect(problems).toEqual([
      expect.stringMatching(/^import-boundaries\/direction: lib\/ may not import from components\//),
      expect.stringMatching(/^import-boundaries\/direction: lib\/ may not import from app\//),
    ])
  })

  it('components never import app, not even types', async () => {
    const problems = await boundaryProblems('components/planted.tsx', ["import type { Metadata } from '@/app/layout'", 'export type Planted = Metadata'])
    expect(problems).toEqual([expect.stringMatching(/^import-boundaries\/direction: components\/ may not import from app\//)])
  })

  it('a client file never imports a server module, directly or through another module', async () => {
    const problems = await boundaryProblems('components/planted.tsx', [
      "'use client'",
      "import { NoteStore } from '@/lib/drafts/store'",
      "import { searchSite } from '@/lib/search'",
      "import { SeriesBox } from '@/components/notes/series-box'",
      'export const planted = [NoteStore, searchSite, SeriesBox]',
    ])
    expect(problems).toEqual([
      "import-boundaries/client-server: A 'use client' file may not import @/lib/drafts/store: everything in lib/drafts/ is server-only.",
      "import-boundaries/client-server: A 'use client' file may not import @/lib/search: it imports 'server-only'.",
      "import-boundaries/client-server: A 'use client' file may not import @/components/notes/series-box: it leads to components/notes/series-box.tsx → lib/content/index.ts, and everything in lib/content/ is server-only.",
    ])
  })

  it('only lib/content imports contentlayer/generated', async () => {
    const page = ["import { allNotes } from 'contentlayer/generated'", 'export default function Page() {', '  return allNotes.length', '}']
    expect(await boundaryProblems('app/planted/page.tsx', page)).toEqual([expect.stringMatching(/^import-boundaries\/gateway: Only lib\/content\/ imports contentlayer\/generated/)])
    expect(await boundaryProblems('lib/content/planted.ts', page)).toEqual([])
  })

  it('only lib/auth imports next-auth; client files may use next-auth/react', async () => {
    const server = ["import { getServerSession } from 'next-auth'", "import { signIn } from 'next-auth/react'", 'export const planted = [getServerSession, signIn]']
    expect(await boundaryProblems('components/planted.tsx', server)).toEqual([
      expect.stringMatching(/^import-boundaries\/gateway: Only lib\/auth\/ imports next-auth.*\(next-auth\)\.$/),
      expect.stringMatching(/^import-boundaries\/gateway: Only lib\/auth\/ imports next-auth.*\(next-auth\/react\)\.$/),
    ])
    expect(await boundaryProblems('lib/auth/planted.ts', server)).toEqual([])
  })

  it('passes a client file that imports only what the browser may have', async () => {
    const [result] = await eslint.lintText(
      [
        "'use client'",
        '',
        "import { signOut } from 'next-auth/react'",
        "import type { AdminNoteRow } from '@/lib/admin/note-rows'",
        "import { signOutEverywhereAction } from '@/app/(admin)/admin/actions'",
        "import { adminRequest } from '@/lib/editor/api'",
        "import { cx } from '@/lib/utils'",
        '',
        'export function Planted({ rows }: { rows: AdminNoteRow[] }) {',
        '  return (',
        '    <form action={signOutEverywhereAction} className={cx("a", rows.length > 0 && "b")}>',
        '      <button type="button" onClick={() => void signOut().then(() => adminRequest("/api/admin/sessions", "GET"))}>Out</button>',
        '    </form>',
        '  )',
        '}',
        '',
      ].join('\n'),
      { filePath: path.join(root, 'app/planted-client.tsx') },
    )
    expect(result.messages).toEqual([])
  })
})

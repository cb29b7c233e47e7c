import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { DEPLOY_HOOK_PORT, E2E_PORT, ownAuthStateDir, serverEnv } from './auth-env'
import { authorPage, newClient, signIn, signInAsAuthor } from './auth-helpers'
import { bodyText, expectSaved, gitLog, openDetails, preview, readNote, saveStatus, startNote, typeInBody, uniqueSlug } from './editor-helpers'

/** Listens where the server's DEPLOY_HOOK_URL points and counts the POSTs it receives. */
async function deployHookListener() {
  const calls: string[] = []
  const server = createServer((request, response) => {
    calls.push(`${request.method} ${request.url}`)
    response.writeHead(201).end('{}')
  })
  await new Promise<void>((resolve) => server.listen(DEPLOY_HOOK_PORT, '127.0.0.1', resolve))
  return { calls, close: () => new Promise((resolve) => server.close(resolve)) }
}

test('a new note autosaves as a draft and is intact after a reload; the preview renders math and code', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  await page.getByRole('link', { name: 'New note' }).first().click()
  await expect(page.getByRole('heading', { name: 'New note' })).toBeVisible()

  const title = `Autosave ${uniqueSlug('t')}`
  await page.getByLabel('Title').fill(title)
  await openDetails(page)
  const slug = await page.getByLabel('Slug').inputValue()
  expect(slug).toMatch(/^autosave-e2e-t-/)
  await typeInBody(page, 'Softmax is $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$.\n\n```python\nimport torch\nprint(torch.cuda.is_available())\n```\n')

  // Autosave: no button pressed.
  await expectSaved(page)
  await expect(page).toHaveURL(`/admin/notes/${slug}`)
  expect(readNote(slug)).toContain('draft: true')
  expect(readNote(slug)).toContain('torch.cuda.is_available()')

  await expect(preview(page).locator('.katex').first()).toBeVisible()
  await expect(preview(page).getByRole('heading', { level: 1, name: title })).toBeVisible()
  // Shiki colours each token on the server: the keyword in the light theme's red, not the text colour.
  await expect(preview(page).locator('pre code span', { hasText: /^import$/ }).first()).toHaveCSS('color', 'rgb(207, 34, 46)')

  await page.reload()
  await expect(page.getByLabel('Title')).toHaveValue(title)
  expect(await bodyText(page)).toContain('print(torch.cuda.is_available())')
  await expect(saveStatus(page)).toHaveText('All changes saved')
  await context.close()
})

test('saving records a revision; publishing sets draft: false and a date; history shows and restores revisions', async ({ browser }) => {
  // Publishing and restoring wait for the live rebuild, which under the suite's load can take most of a minute.
  test.setTimeout(90_000)
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('publish')
  await startNote(page, 'Publishing flow', 'First version of the body.\n', slug)
  await page.getByLabel('Summary').fill('How publishing works.')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(page)).toHaveText(/revision recorded/)

  await typeInBody(page, '\nSecond paragraph.\n')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(saveStatus(page)).toHaveText(/revision recorded/)
  expect(readNote(slug)).toContain('Second paragraph.')

  const hook = await deployHookListener()
  await page.getByRole('button', { name: 'Publish' }).click()
  // Live on this server at once, and a static mirror's deploy hook is still called.
  await expect(page.getByText(new RegExp(`Published\\. It is live at /notes/${slug}\\.`))).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText(/The deploy hook was called/)).toBeVisible()
  expect(hook.calls).toEqual(['POST /deploy-hook'])
  await hook.close()
  const file = readNote(slug)
  expect(file).toContain('draft: false')
  expect(file).toMatch(/date: "\d{4}-\d{2}-\d{2}"/)
  expect(gitLog(slug)[0]).toBe(`Publish note ${slug}`)
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible()

  await page.getByRole('link', { name: 'History' }).click()
  const revisions = page.getByRole('region', { name: /Revisions/ }).getByRole('listitem')
  await expect(revisions).toHaveCount(gitLog(slug).length)
  await expect(revisions.first()).toContainText(`Publish note ${slug}`)
  await expect(page.getByTestId('revision-diff')).toContainText('+ draft: false')

  // Back to the first saved version (before "Second paragraph").
  const first = revisions.filter({ hasText: `Create note ${slug}` })
  await first.getByRole('link').click()
  await expect(page.getByTestId('revision-diff')).toContainText('+ First version of the body.')
  page.once('dialog', (dialog) => void dialog.accept())
  await first.getByRole('button', { name: 'Restore this version' }).click()
  // Restoring a published note waits for the live rebuild before it returns to the editor.
  await expect(page).toHaveURL(`/admin/notes/${slug}`, { timeout: 30_000 })
  await expect.poll(() => bodyText(page)).not.toContain('Second paragraph.')
  expect(readNote(slug)).not.toContain('Second paragraph.')
  // Restoring keeps the note published, and is itself a revision.
  expect(readNote(slug)).toContain('draft: false')
  expect(gitLog(slug)[0]).toMatch(new RegExp(`^Restore note ${slug} to [0-9a-f]{7}$`))
  await context.close()
})

test('two tabs editing one note: the second save gets a conflict, shows both sides, and the author chooses', async ({ browser }) => {
  const context = await newClient(browser)
  const first = await context.newPage()
  await signInAsAuthor(first)
  const slug = uniqueSlug('conflict')
  await startNote(first, 'Conflict', 'Shared line.\n', slug)
  await first.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(first)).toHaveText(/revision recorded/)

  const second = await context.newPage()
  await second.goto(`/admin/notes/${slug}`)
  await typeInBody(second, 'Written in tab two.\n')
  await second.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(second)).toHaveText(/revision recorded/)

  await typeInBody(first, 'Written in tab one.\n')
  await first.keyboard.press('ControlOrMeta+s')
  const dialog = first.getByRole('dialog', { name: 'This note changed since you opened it' })
  await expect(dialog).toBeVisible()
  await expect(saveStatus(first)).toHaveText(/changed elsewhere/)
  await expect(dialog.getByTestId('conflict-diff')).toContainText('− Written in tab two.')
  await expect(dialog.getByTestId('conflict-diff')).toContainText('+ Written in tab one.')
  // Nothing was overwritten while the author decides.
  expect(readNote(slug)).toContain('Written in tab two.')
  expect(readNote(slug)).not.toContain('Written in tab one.')

  await dialog.getByRole('button', { name: /Keep mine/ }).click()
  await expect(saveStatus(first)).toHaveText(/revision recorded/)
  expect(readNote(slug)).toContain('Written in tab one.')
  expect(readNote(slug)).not.toContain('Written in tab two.')

  // The other tab now conflicts in turn, and can take the server's version instead.
  await typeInBody(second, 'More from tab two.\n')
  await second.keyboard.press('ControlOrMeta+s')
  await second.getByRole('button', { name: 'Use the server’s version' }).click()
  await expect.poll(() => bodyText(second)).toContain('Written in tab one.')
  expect(await bodyText(second)).not.toContain('More from tab two.')
  await expect(saveStatus(second)).toHaveText(/^Saved/)
  await context.close()
})

/** A second production server on its own port, sharing the content, with sessions of its own, to kill mid-edit. */
function startServer(port: number, authStateDir: string): Promise<ChildProcess> {
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...serverEnv, AUTH_STATE_DIR: authStateDir, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e' },
    detached: true,
    stdio: 'ignore',
  })
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/sign-in`)).ok) return resolve(child)
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) reject(new Error('the second server did not start'))
      else setTimeout(poll, 250)
    }
    void poll()
  })
}

const kill = (child: ChildProcess) => process.kill(-child.pid!, 'SIGKILL')

test('a server killed while the author types loses nothing: the editor keeps a local copy and offers it back', async ({ browser }) => {
  test.setTimeout(90_000)
  const port = E2E_PORT + 2
  const origin = `http://127.0.0.1:${port}`
  // Kept across the kill: the restarted server still knows the session (and takes over the claim).
  const authStateDir = ownAuthStateDir()
  let server = await startServer(port, authStateDir)
  const context = await newClient(browser)
  const page = await context.newPage()
  try {
    await page.goto(`${origin}/sign-in`)
    await signIn(page)
    await expect(page).toHaveURL(`${origin}/admin`)
    const slug = uniqueSlug('offline')
    await page.goto(`${origin}/admin/notes/new`)
    await page.getByLabel('Title').fill('Offline')
    await openDetails(page)
    await page.getByLabel('Slug').fill(slug)
    await typeInBody(page, 'Saved before the crash.\n')
    await expectSaved(page)

    kill(server)
    await typeInBody(page, 'Typed while the server was down.\n')
    await expect(saveStatus(page)).toHaveText(/Offline — kept locally/, { timeout: 15_000 })
    expect(readNote(slug)).not.toContain('Typed while the server was down.')

    // Leaving now would lose what only this browser has: the editor asks first.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.type()), void dialog.accept())))
    await page.goto('about:blank')
    expect(await asked).toBe('beforeunload')

    server = await startServer(port, authStateDir)
    await page.goto(`${origin}/admin/notes/${slug}`)
    const offer = page.getByRole('alert').filter({ hasText: 'This browser kept changes' })
    await expect(offer).toBeVisible()
    expect(await bodyText(page)).not.toContain('Typed while the server was down.')
    await offer.getByRole('button', { name: 'Restore local changes' }).click()
    await expect.poll(() => bodyText(page)).toContain('Typed while the server was down.')
    await expectSaved(page)
    expect(readNote(slug)).toContain('Typed while the server was down.')
  } finally {
    await context.close()
    kill(server)
    rmSync(authStateDir, { recursive: true, force: true })
  }
})

test('an image pasted into the body is checked, stored with the note and inserted as Markdown', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('image')
  const folder = path.join(process.cwd(), 'public/notes', slug)
  try {
    await startNote(page, 'Images', 'A plot:\n', slug)
    await expectSaved(page)
    const png = readFileSync(path.join(process.cwd(), 'tests/fixtures/loss-curve.png')).toString('base64')
    await page.locator('.cm-content').evaluate((element, data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], 'Loss curve.png', { type: 'image/png' }))
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
    }, png)
    await expect.poll(() => bodyText(page)).toMatch(new RegExp(`!\\[loss curve\\]\\(/notes/${slug}/loss-curve-[0-9a-f]{10}\\.png\\)`))
    await expect(page.getByText(/Image added/)).toBeVisible()
    const [name] = (await bodyText(page)).match(/loss-curve-[0-9a-f]{10}\.png/)!
    expect(existsSync(path.join(folder, name))).toBe(true)
    await expect(preview(page).getByRole('img', { name: 'loss curve' })).toBeVisible()
    // Served at once by the running server, with the bytes that were pasted.
    const served = await page.request.get(`/notes/${slug}/${name}`)
    expect(served.status()).toBe(200)
    expect(Buffer.from(await served.body()).toString('base64')).toBe(png)
    expect(await preview(page).getByRole('img', { name: 'loss curve' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)

    // Refused by content, whatever the name says: an SVG, and text named .png.
    const upload = async (fileName: string, type: string, content: string) =>
      page.evaluate(
        async ({ url, fileName, type, content }) => {
          const form = new FormData()
          form.append('file', new File([content], fileName, { type }))
          const response = await fetch(url, { method: 'POST', body: form })
          return { status: response.status, error: (await response.json()).error as string }
        },
        { url: `/api/admin/notes/${slug}/images`, fileName, type, content },
      )
    expect(await upload('x.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).toEqual({
      status: 422,
      error: expect.stringContaining('SVG images are refused'),
    })
    expect(await upload('fake.png', 'image/png', 'not an image at all')).toEqual({ status: 422, error: expect.stringContaining('not a PNG') })
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await context.close()
  }
})

test('a share link shows the draft read-only to a reviewer without signing in, until revoked', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('share')
  await startNote(page, 'Shared draft for review', 'Please review $e^{i\\pi} + 1 = 0$.\n', slug)
  await expectSaved(page)
  const panel = page.getByRole('region', { name: 'Share this draft' })
  await panel.getByRole('button', { name: 'Create preview link' }).click()
  const link = await panel.getByRole('textbox', { name: /Preview link/ }).inputValue()
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/)

  const reviewer = await browser.newContext()
  const reader = await reviewer.newPage()
  const response = await reader.goto(link)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['cache-control']).toContain('no-store')
  expect(response?.headers()['x-robots-tag']).toContain('noindex')
  await expect(reader.getByRole('heading', { level: 1, name: 'Shared draft for review' })).toBeVisible()
  await expect(reader.getByText('Draft preview, not published yet.')).toBeVisible()
  await expect(reader.locator('.katex').first()).toBeVisible()
  await expect(reader.getByRole('textbox')).toHaveCount(0)

  // A tampered or garbled token is refused.
  expect((await reader.goto(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))))?.status()).toBe(404)
  expect((await reader.goto('/share/%E0%A4%A'))?.status()).toBe(400)

  await panel.getByRole('button', { name: 'Revoke' }).click()
  await expect(panel.getByText('Link revoked')).toBeVisible()
  expect((await reader.goto(link))?.status()).toBe(404)
  await reviewer.close()
  await context.close()
})

test('a deleted note can be brought back from the list as a draft', async ({ browser }) => {
  const { context, page } = await authorPage(browser)
  const slug = uniqueSlug('delete')
  await startNote(page, 'To be deleted', 'Words worth keeping.\n', slug)
  await page.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(page)).toHaveText(/revision recorded/)

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('You can bring it back')
    void dialog.accept()
  })
  await openDetails(page)
  await page.getByRole('button', { name: 'Delete' }).click()
  await expect(page).toHaveURL(`/admin?deleted=${slug}`)
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${slug}”` })).toBeVisible()
  expect(existsSync(path.join(process.cwd(), '.test-content/notes', `${slug}.mdx`))).toBe(false)
  expect(gitLog(slug)[0]).toBe(`Delete note ${slug}`)

  const deleted = page.getByRole('region', { name: 'Recently deleted' })
  page.once('dialog', (dialog) => void dialog.accept())
  await deleted.getByRole('button', { name: `Restore ${slug} as a draft` }).click()
  await expect(page).toHaveURL(`/admin/notes/${slug}`)
  await expect.poll(() => bodyText(page)).toContain('Words worth keeping.')
  expect(readNote(slug)).toContain('draft: true')
  expect(gitLog(slug)[0]).toMatch(new RegExp(`^Restore note ${slug}`))
  await context.close()
})

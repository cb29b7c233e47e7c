import { expect, test, type Page } from '@playwright/test'
import { DRAFT_TITLE, PROBLEM_PAGE, setTheme } from './fixtures'

// The suite's build is made from the fixture content, whose cv.yaml fills every optional section
// (tests/fixtures/content/cv.yaml) and whose problem 4 has a body. The real content, which fills
// none, is checked by tests/unit/cv-build.test.ts.
const SITE = 'http://localhost:3000'
const SECTIONS = ['About', 'Experience', 'Projects: problems I have solved', 'Education', 'Skills', 'Publications', 'Learning notes']

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()

/** How many pages a PDF has: one `/Type /Page` object each (`/Pages` is the tree, not a page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

test.describe('the CV', () => {
  test('is linked from the profile', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'CV as of December 2020' }).click()
    await expect(page).toHaveURL('/cv')
    await expect(page).toHaveTitle('CV · Arun Kumar RN')
    await expect(page.getByRole('heading', { level: 1, name: 'Arun Kumar RN' })).toBeVisible()
  })

  test('shows the profile’s facts and the sections the CV file fills in, in order', async ({ page }) => {
    await page.goto('/cv')
    await expect(page.getByText('Data Scientist at Enquero', { exact: true })).toBeVisible()
    await expect(page.getByText('CV: As of December 2020')).toBeVisible()
    await expect(page.getByText('Email: arun [dot] rvbe [at] gmail [dot] com')).toBeVisible()
    await expect(page.locator('main section > h2')).toHaveText(SECTIONS)
    await expect(section(page, 'About')).toContainText('My work focuses on designing and building ML algorithms')

    const experience = section(page, 'Experience').getByRole('listitem')
    await expect(experience).toHaveCount(2)
    await expect(experience.first()).toContainText('Fixture Engineer, Example Fixture Labs')
    await expect(experience.first()).toContainText('Jun 2019 – present')
    await expect(experience.last()).toContainText('2018 – May 2019')
    await expect(section(page, 'Education')).toContainText('BSc Fixture Studies, Example Fixture University')
    await expect(section(page, 'Skills').getByRole('listitem')).toHaveText(['Fixture skill one', 'Fixture skill two'])
    await expect(section(page, 'Publications').getByRole('link', { name: 'A fixture paper that does not exist' })).toHaveAttribute('href', 'https://example.org/fixture-paper')
  })

  test('lists the seven problems as projects, and the published notes only', async ({ page }) => {
    await page.goto('/cv')
    const projects = section(page, 'Projects: problems I have solved').getByRole('listitem')
    await expect(projects).toHaveCount(7)
    await expect(projects.first()).toHaveText('Anomaly Detection at scale')
    await expect(projects.last()).toHaveText('Designing Hardware + ML systems')

    // The newest ten: notes the suite publishes meanwhile are newer than the fixtures, so which
    // ten depends on the moment; that they are published notes, and at most ten, does not.
    const notes = section(page, 'Learning notes').getByRole('listitem')
    const count = await notes.count()
    expect(count).toBeGreaterThanOrEqual(1)
    expect(count).toBeLessThanOrEqual(10)
    for (const href of await notes.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      expect(href).toMatch(/^\/notes\/[a-z0-9-]+$/)
    }
    await expect(section(page, 'Learning notes')).not.toContainText(DRAFT_TITLE)
  })

  test('links a problem with a body to its own page, from the CV and from the profile', async ({ page, request }) => {
    await page.goto('/cv')
    const projects = section(page, 'Projects: problems I have solved')
    // Only the problem with a description has a page: the six bare titles are not links.
    await expect(projects.getByRole('link')).toHaveCount(1)
    await projects.getByRole('link', { name: PROBLEM_PAGE.title }).click()
    await expect(page).toHaveURL(PROBLEM_PAGE.url)
    await expect(page).toHaveTitle(`${PROBLEM_PAGE.title} · Arun Kumar RN`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PROBLEM_PAGE.title)
    await expect(page.getByRole('main')).toContainText('this body gives the problem a page of its own')
    await page.getByRole('link', { name: '← Problems I have solved' }).click()
    await expect(page).toHaveURL(/\/#problems-heading$/)

    const onProfile = page.getByRole('region', { name: 'Problems I have solved' })
    await expect(onProfile.getByRole('link')).toHaveCount(1)
    await onProfile.getByRole('link', { name: PROBLEM_PAGE.title }).click()
    await expect(page).toHaveURL(PROBLEM_PAGE.url)

    expect((await request.get('/problems/anomaly-detection-at-scale')).status()).toBe(404)
  })

  test('is in the sitemap, with the problem page, and no page for a bare problem', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text()
    expect(sitemap).toContain(`<loc>${SITE}/cv</loc>`)
    expect(sitemap).toContain(`<loc>${SITE}${PROBLEM_PAGE.url}</loc>`)
    expect(sitemap).not.toContain('/problems/anomaly-detection-at-scale')
  })

  test('describes the person in JSON-LD with the facts the page shows', async ({ page }) => {
    await page.goto('/cv')
    const person = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(person['@type']).toBe('Person')
    expect(person.name).toBe(await page.getByRole('heading', { level: 1 }).textContent())
    await expect(page.getByText(`${person.jobTitle} at ${person.worksFor.name}`, { exact: true })).toBeVisible()
    expect(person.description).toBe(normalise(await section(page, 'About').locator('.prose').textContent()))
    expect(person.knowsAbout).toEqual(await section(page, 'Skills').getByRole('listitem').allTextContents())
    const elsewhere = page.getByRole('list', { name: 'Elsewhere' }).getByRole('link')
    expect(person.sameAs).toEqual(await elsewhere.evaluateAll((links) => links.map((link) => link.getAttribute('href'))))
    expect(person.alumniOf).toEqual([{ '@type': 'EducationalOrganization', name: 'Example Fixture University' }])
    expect(person.url).toBe(SITE)
    expect(JSON.stringify(person)).not.toContain('gmail')
  })

  test('fits a 320 px wide phone without sideways scrolling', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } })
    const page = await context.newPage()
    await page.goto('/cv')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await context.close()
  })
})

test.describe('the CV on paper', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`prints without the site's chrome, black on white, from the ${theme} theme`, async ({ page }) => {
      await setTheme(page, theme)
      await page.goto('/cv')
      const chrome = [page.getByRole('navigation', { name: 'Main' }), page.getByRole('contentinfo'), page.getByRole('button', { name: 'Dark theme' })]
      for (const part of chrome) await expect(part).toBeVisible()

      // Role queries leave hidden elements out, so what must disappear is found by its markup.
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('header').filter({ has: page.locator('nav[aria-label="Main"]') })).toBeHidden()
      await expect(page.locator('nav[aria-label="Main"]')).toBeHidden()
      await expect(page.locator('footer')).toBeHidden()
      await expect(page.locator('button[aria-pressed]')).toBeHidden()
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        heading: getComputedStyle(document.querySelector('h1')!).color,
        text: getComputedStyle(document.querySelector('main p')!).color,
      }))
      expect(colours).toEqual({ background: 'rgb(255, 255, 255)', heading: 'rgb(0, 0, 0)', text: 'rgb(0, 0, 0)' })
    })
  }

  test('writes each link’s full address after it', async ({ page }) => {
    await page.goto('/cv')
    await page.emulateMedia({ media: 'print' })
    // By href: on paper the address is part of each link's accessible name.
    const after = (href: string) => page.locator(`main a[href="${href}"]`).first().evaluate((link) => getComputedStyle(link, '::after').content)
    const newest = await page.locator('#notes-heading + ul a').first().getAttribute('href')
    expect(await after(newest!)).toContain(`${SITE}${newest}`)
    expect(await after(PROBLEM_PAGE.url)).toContain(`${SITE}${PROBLEM_PAGE.url}`)
    expect(await after('https://example.org/fixture-profile')).toContain('https://example.org/fixture-profile')
  })

  for (const format of ['A4', 'Letter'] as const) {
    test(`is one or two ${format} pages, with every section filled in`, async ({ page }) => {
      await page.goto('/cv')
      await expect(page.locator('main section > h2')).toHaveCount(SECTIONS.length)
      // The margins of the print stylesheet's @page rule, whichever of the two Chromium applies.
      const pdf = await page.pdf({ format, margin: { top: '14mm', bottom: '14mm', left: '16mm', right: '16mm' } })
      const pages = pdfPageCount(pdf)
      expect(pages).toBeGreaterThanOrEqual(1)
      expect(pages).toBeLessThanOrEqual(2)
    })
  }
})

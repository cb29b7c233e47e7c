import { expect, test } from '@playwright/test'
import { fixtureCardTitles, PUBLISHED_TITLES } from './fixtures'

test.describe('home page: the profile', () => {
  test('shows who the author is, from content', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveTitle('Arun Kumar RN · Data Scientist')
    await expect(page.getByRole('heading', { level: 1, name: 'Arun Kumar RN' })).toBeVisible()
    await expect(page.getByText('Data Scientist at Enquero', { exact: true })).toBeVisible()
    await expect(page.getByRole('img', { name: /Arun Kumar RN/ })).toBeVisible()
    await expect(page.getByText('CV as of December 2020')).toBeVisible()

    const about = page.getByRole('region', { name: 'About me' })
    await expect(about).toContainText('My work focuses on designing and building ML algorithms')
    await expect(about).toContainText('the intersection between the two')
  })

  test('lists the seven problems solved, in order', async ({ page }) => {
    await page.goto('/')
    const problems = page.getByRole('region', { name: 'Problems I have solved' }).getByRole('listitem')
    await expect(problems).toHaveCount(7)
    await expect(problems.first()).toHaveText('1.Anomaly Detection at scale')
    await expect(problems.nth(1)).toContainText('Vision that can detect objects, depth, and planar regions')
    await expect(problems.last()).toHaveText('7.Designing Hardware + ML systems')
  })

  test('shows the latest notes, newest first', async ({ page }) => {
    await page.goto('/')
    const latest = page.getByRole('region', { name: 'Latest notes' })
    await expect(latest.getByRole('heading', { level: 3 })).toHaveCount(3)
    // Notes other tests publish meanwhile are newer still; the rest are the newest fixture notes.
    const titles = await fixtureCardTitles(latest, 3)
    expect(titles).toEqual(PUBLISHED_TITLES.slice(0, titles.length))
  })

  test('never puts the email address in the HTML, yet lets a reader reach the author', async ({ page, request, context }) => {
    const html = await (await request.get('/')).text()
    expect(html).not.toContain('arun.rvbe@gmail.com')
    expect(html).not.toMatch(/mailto:/)
    expect(html).toContain('arun [dot] rvbe [at] gmail [dot] com')

    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/')
    const contact = page.getByRole('region', { name: 'Contact' })
    await contact.getByRole('button', { name: 'Copy address' }).click()
    await expect(contact.getByRole('button', { name: 'Address copied' })).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('arun.rvbe@gmail.com')

    const write = contact.getByRole('link', { name: 'Write an email' })
    await write.hover()
    await expect(write).toHaveAttribute('href', 'mailto:arun.rvbe@gmail.com')
  })
})

import { expect, test } from '@playwright/test'
import { newClient, signInAsAuthor } from './auth-helpers'

// Ends every session on the server, so it runs after all other tests (its own project).
test('"Sign out everywhere" ends the other sessions too', async ({ browser }) => {
  const laptop = await newClient(browser)
  const phone = await newClient(browser)
  const laptopPage = await laptop.newPage()
  const phonePage = await phone.newPage()
  await signInAsAuthor(laptopPage)
  await signInAsAuthor(phonePage)
  await laptopPage.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(laptopPage).toHaveURL(/\/sign-in/)
  await phonePage.reload()
  await expect(phonePage).toHaveURL(/\/sign-in/)
  await laptop.close()
  await phone.close()
})

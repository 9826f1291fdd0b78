import { expect, test } from '../fixtures';

// The token field of the Updates view over `dstudio serve` (no keychain: the server holds it).
test('sets, replaces and removes the GitHub token; the field opens focused and shows only the last four characters', async ({
  reader,
  page,
}, info) => {
  test.skip(info.project.name !== 'starter', 'runs once: the token does not depend on the content');
  await reader.open('/updates');
  const state = page.getByTestId('token-state');
  await expect(state).toContainText('No token is set');

  await page.getByRole('button', { name: 'Set a token' }).click();
  const field = page.locator('#token-input');
  await expect(field).toBeFocused();
  await field.fill('ghp_example0000abcd');
  await page.getByRole('button', { name: 'Save token' }).click();
  await expect(state).toContainText('ending in …abcd');
  await expect(field).toHaveCount(0);

  await page.getByRole('button', { name: 'Replace token' }).click();
  await expect(field).toHaveValue('');
  await field.fill('ghp_other00001234');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(state).toContainText('ending in …abcd');

  await page.getByRole('button', { name: 'Remove token' }).click();
  await expect(state).toContainText('No token is set');
  await page.screenshot({ path: info.outputPath('updates-token.png') });
});

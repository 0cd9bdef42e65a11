import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, saveScreenshot } from './support/fixtures';
import { cliPath, startHostProcess, type HostProcess } from './support/host-process';

const COURT = 'court passphrase for e2e';
const WITNESS_NAME = 'Gulnara Verysecretova';

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INCAMERA_SCRYPT_COST: '10', INCAMERA_PASSPHRASE: COURT, ...env },
  });
  if (result.status !== 0) throw new Error(`incamera ${args.join(' ')} failed: ${result.stderr}`);
}

const test = base.extend<
  { consoleErrors: string[] },
  { records: { host: HostProcess; db: string } }
>({
  records: [
    async ({}, use) => {
      const db = join(mkdtempSync(join(tmpdir(), 'incamera-e2e-records-')), 'records.db');
      cli(['records', 'init', '--db', db]);
      cli(['operator', 'add', '--db', db, '--name', 'Clerk Asel', '--role', 'clerk'], {
        INCAMERA_OPERATOR_PASSPHRASE: 'clerk passphrase',
      });
      cli(['operator', 'add', '--db', db, '--name', 'Judge Bakyt', '--role', 'judge'], {
        INCAMERA_OPERATOR_PASSPHRASE: 'judge passphrase',
      });
      const host = await startHostProcess(['--db', db]);
      await use({ host, db });
      await host.stop();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
        errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

test('a clerk registers a protected witness and a judge reveals it with a reason', async ({
  page,
  records,
  consoleErrors,
}) => {
  await page.goto(`${records.host.url}#/hearings`);
  await page.getByLabel('Operator name').fill('Clerk Asel');
  await page.getByLabel('Your passphrase').fill('wrong passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not correct');
  await page.getByLabel('Your passphrase').fill('clerk passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Clerk Asel');
  await page.getByLabel('Court passphrase').fill(COURT);
  await page.getByRole('button', { name: 'Unlock' }).click();

  const caseForm = page.getByRole('region', { name: 'New case' });
  await caseForm.getByRole('button', { name: 'Create case' }).click();
  await expect(caseForm.getByText('Fill in this field.').first()).toBeVisible();
  await expect(caseForm.getByText('Choose the offence category.')).toBeVisible();
  await caseForm.getByLabel('Case number').fill('CR-2026/17');
  await caseForm.getByLabel('Court', { exact: true }).fill('Bishkek City Court');
  await caseForm.getByLabel('Offence category').selectOption('trafficking-in-persons');
  await caseForm.getByRole('button', { name: 'Create case' }).click();
  await expect(caseForm.getByText('Case CR-2026/17 created.')).toBeVisible();
  await caseForm.getByLabel('Case number').fill('CR-2026/17');
  await caseForm.getByRole('button', { name: 'Create case' }).click();
  await expect(caseForm.getByText('This case number is already registered.')).toBeVisible();

  const hearingForm = page.getByRole('region', { name: 'New hearing' });
  await hearingForm
    .getByLabel('Case', { exact: true })
    .selectOption({ label: 'CR-2026/17 · Bishkek City Court' });
  await hearingForm.getByLabel('Date and time').fill('2026-03-02T09:30');
  await hearingForm.getByLabel('Courtroom').fill('Courtroom 4');
  await hearingForm.getByRole('button', { name: 'Schedule hearing' }).click();
  await expect(hearingForm.getByRole('status')).toContainText('CR-2026/17');

  // The new hearing's page: participants and the witness in their own sections.
  await hearingForm.getByRole('link', { name: 'Open the hearing’s page' }).click();
  await expect(page.getByTestId('hearing-title')).toContainText('Courtroom 4');
  await page.getByRole('link', { name: 'Participants', exact: true }).click();
  const participantForm = page.getByTestId('hearing-section-participants');
  await participantForm.getByLabel('Role', { exact: true }).selectOption('accused');
  await participantForm.getByLabel('Name to display').fill('Accused A.');
  await participantForm.getByRole('button', { name: 'Add participant' }).click();
  await expect(participantForm.getByRole('status')).toContainText('Accused A. added as Accused');

  await page.getByRole('link', { name: 'Protected witnesses', exact: true }).click();
  const witnessForm = page.getByTestId('hearing-section-witnesses');
  await witnessForm.getByLabel('Date of birth').fill('1994-07-15');
  await witnessForm.getByRole('button', { name: 'Register witness' }).click();
  await expect(witnessForm.getByText('Fill in this field.')).toBeVisible();
  await witnessForm.getByLabel('Full name').fill(WITNESS_NAME);
  await witnessForm.getByLabel('Contact', { exact: true }).fill('+996 700 123 456');
  await witnessForm.getByLabel('Voice anonymisation').selectOption('strong');
  await witnessForm.getByLabel('Face masking').selectOption('pixelate');
  await witnessForm.getByLabel('Closed session (no public transmission)').check();
  await witnessForm
    .getByRole('group', { name: 'Screened from', exact: true })
    .getByLabel('Accused')
    .check();
  await witnessForm
    .getByRole('group', { name: 'Screened from these participants' })
    .getByLabel('Accused A. (Accused)')
    .check();
  await witnessForm.getByLabel('Delay of the public feed (minutes)').fill('30');
  await witnessForm.getByLabel('Order reference').fill('PMO-2026-03');
  await witnessForm.getByRole('button', { name: 'Register witness' }).click();
  const pseudonym = witnessForm.getByTestId('witness-pseudonym');
  await expect(pseudonym).toHaveText(/^W-[2-9A-Z]{4}$/);
  const shown = (await pseudonym.textContent())!;
  await expect(witnessForm.getByLabel('Full name')).toHaveValue('');
  await expect(witnessForm.getByTestId('case-witness-list')).toContainText(shown);
  await saveScreenshot(page, 'records', 'clerk-witness-registered');
  await pseudonym.scrollIntoViewIfNeeded();
  await witnessForm.screenshot({ path: 'artifacts/e2e/records/clerk-pseudonym.png' });

  const stored = new Database(records.db, { readonly: true });
  const order = stored
    .prepare(
      `SELECT voice_preset, face_style, closed_session, screened_roles, screened_participant_ids,
              public_feed_delay_minutes, order_reference
       FROM protective_orders JOIN witnesses ON witnesses.id = witness_id WHERE witnesses.pseudonym = ?`,
    )
    .get(shown);
  stored.close();
  expect(order).toEqual({
    voice_preset: 'strong',
    face_style: 'pixelate',
    closed_session: 1,
    screened_roles: '["accused"]',
    screened_participant_ids: '[1]',
    public_feed_delay_minutes: 30,
    order_reference: 'PMO-2026-03',
  });
  const dbBytes = Buffer.concat([readFileSync(records.db), readFileSync(`${records.db}-wal`)]);
  expect(dbBytes.includes(Buffer.from(WITNESS_NAME))).toBe(false);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(`${records.host.url}#/judge`);
  await page.getByLabel('Operator name').fill('Judge Bakyt');
  await page.getByLabel('Your passphrase').fill('judge passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: new RegExp(shown) }).click();
  await page.getByRole('button', { name: 'Reveal identity' }).click();
  await expect(page.getByText('State the reason for revealing the identity.')).toBeVisible();
  await page
    .getByLabel('Reason for revealing the identity')
    .fill('Chamber order 12 of 2 March: disclosure to defence');
  await page.getByRole('button', { name: 'Reveal identity' }).click();
  await expect(page.getByTestId('revealed-identity')).toContainText(WITNESS_NAME);
  const trail = page.getByTestId('audit-trail');
  await expect(trail).toContainText('Registered');
  await expect(trail).toContainText('Identity revealed');
  await expect(trail).toContainText('Chamber order 12 of 2 March');
  await saveScreenshot(page, 'records', 'judge-reveal-and-audit');
  expect(records.host.logs.join('\n')).not.toContain(WITNESS_NAME);
  expect(consoleErrors).toEqual([]);
});

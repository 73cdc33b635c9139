import { LetterDeliveryService } from '../src/letters/letter-delivery.service.js';
import { LettersService } from '../src/letters/letters.service.js';
import { MailerService } from '../src/letters/mailer.service.js';
import { api, complaintBody } from './helpers/http.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * An erasure that lands while a letter is being emailed: the attempt began with the address, the mail server then
 * refuses it quoting the address, and by then the erasure has emptied the letter. The refusal must not be written back.
 */
describe('a letter erased while it is being emailed', () => {
  let t: TestApp;

  beforeAll(async () => {
    // SMTP is set (so the acknowledgement is approved for email); no worker runs: the test sends it itself
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' }, { api: true, worker: false });
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps the erased letter as the erasure left it, without the server’s reply', async () => {
    const email = 'race.person@example.org';
    const sent = await api(t.baseUrl, 'POST', '/api/complaints', { body: complaintBody({ complainant: { name: 'Rhoswen Race', email } }) });
    expect(sent.status).toBe(201);
    const [{ id: complaintId }] = (await t.db.query(`SELECT id FROM complaints WHERE reference = $1`, [sent.body.reference])) as Array<{ id: string }>;
    const delivery = t.app.get(LetterDeliveryService);
    const { emailed } = await delivery.makeAcknowledgements([complaintId]);
    expect(emailed).toHaveLength(1);

    const mailer = t.app.get(MailerService);
    const letters = t.app.get(LettersService);
    mailer.send = async () => {
      await letters.erasePersonalData(t.db, complaintId); // the erasure commits while the server is answering
      throw new Error(`550 5.1.1 <${email}>: Recipient address rejected`);
    };
    await expect(delivery.send(emailed[0], false)).rejects.toThrow();

    const [letter] = (await t.db.query(`SELECT status, recipient, send_error FROM letters WHERE id = $1`, [emailed[0]])) as Array<Record<string, string>>;
    expect(letter).toEqual({ status: 'failed', recipient: '', send_error: 'not sent: personal data erased' });
  });
});

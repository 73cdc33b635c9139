import { LetterNotEmailedError, mailErrorCodes } from './mail-error.js';

describe('mail errors without the recipient', () => {
  const rejected = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <tamsin@example.org>: Recipient address rejected"), {
    code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 <tamsin@example.org>: Recipient address rejected',
  });

  it('keeps the codes and drops the server’s words', () => {
    expect(mailErrorCodes(rejected)).toBe('EENVELOPE 550 at RCPT TO');
    const error = new LetterNotEmailedError('1b4e28ba-2fa1-11d2-883f-0016d3cca427', rejected);
    expect(error.message).toBe("Letter 1b4e28ba-2fa1-11d2-883f-0016d3cca427 could not be emailed (EENVELOPE 550 at RCPT TO); the mail server's reply is on the letter's page");
    expect(`${error.message} ${error.stack}`).not.toContain('tamsin');
  });

  it('says so when there is no code, and never passes on a code that is not one', () => {
    expect(mailErrorCodes(new Error('connect ECONNREFUSED'))).toBe('no error code');
    expect(mailErrorCodes({ code: 'tamsin@example.org', command: '<tamsin@example.org>' })).toBe('no error code');
    expect(mailErrorCodes(undefined)).toBe('no error code');
  });
});

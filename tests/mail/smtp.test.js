// sikgu's mail goes through a real SMTP server (npm smtp-server) on loopback: plain, and with STARTTLS + AUTH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { startServer, freePort } from '../e2e/server.js';

async function startSmtp({ tls, user, port: fixedPort }) {
  const received = [];
  const port = fixedPort ?? (await freePort());
  const server = new SMTPServer({
    secure: false,
    disabledCommands: tls ? [] : ['STARTTLS', 'AUTH'],
    authOptional: !user,
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, session, callback) {
      if (auth.username === user?.name && auth.password === user?.password) return callback(null, { user: auth.username });
      return callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, secure: session.secure, user: session.user });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function waitFor(predicate, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

async function signUp(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'mail_user', nickname: '메일러', email, password: 'garden123' }),
  });
  assert.equal(res.status, 201, await res.text());
}

test('verification mail is delivered over plain SMTP, with a decodable Korean subject', async () => {
  const smtp = await startSmtp({ tls: false });
  const sikgu = await startServer({
    env: {
      SIKGU_CORE__MAIL__SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SIKGU_CORE__MAIL__FROM: '식구하자 <no-reply@sikgu.test>',
    },
  });
  try {
    await signUp(sikgu.baseUrl, 'reader@example.com');
    await waitFor(() => smtp.received.length === 1);
    const { mail } = smtp.received[0];
    assert.equal(mail.to.value[0].address, 'reader@example.com');
    assert.equal(mail.from.value[0].address, 'no-reply@sikgu.test');
    assert.match(mail.subject, /^\[식구하자\] 이메일 인증 코드 \d{6}$/);
    const code = mail.subject.match(/\d{6}/)[0];
    assert.ok(mail.text.includes(code));
    assert.ok(mail.text.includes('메일러'));

    // The code from the real mail verifies the account.
    const verify = await fetch(`${sikgu.baseUrl}/api/v1/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reader@example.com', code }),
    });
    assert.equal(verify.status, 200);
    // With SMTP configured there is no dev mailbox.
    assert.equal((await fetch(`${sikgu.baseUrl}/api/v1/dev/mailbox`)).status, 404);
  } finally {
    await sikgu.stop();
    await smtp.close();
  }
});

test('mail is delivered with STARTTLS required and SMTP AUTH', async () => {
  const user = { name: 'sikgu', password: 's3cret-pass' };
  const smtp = await startSmtp({ tls: true, user });
  const sikgu = await startServer({
    env: {
      SIKGU_CORE__MAIL__SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SIKGU_CORE__MAIL__REQUIRE_TLS: 'true',
      // smtp-server's built-in certificate is self-signed.
      SIKGU_CORE__MAIL__VERIFY_PEER: 'false',
      SIKGU_CORE__MAIL__SMTP_USERNAME: user.name,
      SIKGU_CORE__MAIL__SMTP_PASSWORD: user.password,
    },
  });
  try {
    await signUp(sikgu.baseUrl, 'secure@example.com');
    await waitFor(() => smtp.received.length === 1);
    assert.equal(smtp.received[0].secure, true);
    assert.equal(smtp.received[0].user, 'sikgu');
    assert.ok(!sikgu.logs().includes(user.password), 'the SMTP password must never be logged');
  } finally {
    await sikgu.stop();
    await smtp.close();
  }
});

test('a failing SMTP server does not fail the sign-up; the mail is retried until the server is back', async () => {
  const port = await freePort();  // nothing listens here yet
  const sikgu = await startServer({
    env: { SIKGU_CORE__MAIL__SMTP_URL: `smtp://127.0.0.1:${port}`, SIKGU_CORE__MAIL__RETRY_SECONDS: '1' },
  });
  let smtp;
  try {
    await signUp(sikgu.baseUrl, 'later@example.com');
    await waitFor(() => sikgu.logs().includes('mail_failed'));
    smtp = await startSmtp({ tls: false, port });
    await waitFor(() => smtp.received.length === 1);
    assert.equal(smtp.received[0].mail.to.value[0].address, 'later@example.com');
    assert.match(smtp.received[0].mail.subject, /\d{6}/);
    // Delivered once, not again on the next retry run.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(smtp.received.length, 1);
  } finally {
    await sikgu.stop();
    await smtp?.close();
  }
});

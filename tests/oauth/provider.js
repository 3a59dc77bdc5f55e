// A real OpenID Connect provider (npm oidc-provider) on 127.0.0.1, standing in for Kakao.
//
//   const idp = await startProvider({ redirectUri, accounts });  // { issuer, endpoints, client, close() }
//
// One confidential client (client_secret_post, PKCE S256 required). Its dev interactions accept any login
// name with any password; `accounts` maps login names to their claims (nickname, email, email_verified).

import http from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '../e2e/server.js';

export async function startProvider({ redirectUri, accounts }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const client = { id: 'sikgu-test-client', secret: 'sikgu-test-secret-0123456789abcdef' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], profile: ['nickname', 'name'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['sikgu-oauth-test-cookie-key'] },
    async findAccount(ctx, id) {
      const account = accounts[id] ?? { nickname: id, email: `${id}@example.com`, email_verified: false };
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...account };
        },
      };
    },
  });
  // Every token exchange and user-info call, for assertions (the client authentication it used, the PKCE).
  const calls = [];
  provider.on('grant.success', (ctx) => calls.push({ kind: 'grant', params: { ...ctx.oidc.params } }));
  provider.on('grant.error', (ctx, err) => calls.push({ kind: 'grant.error', error: err.message }));

  const server = http.createServer(provider.callback());
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  return {
    issuer,
    client,
    calls,
    endpoints: {
      authorize: discovery.authorization_endpoint,
      token: discovery.token_endpoint,
      userinfo: discovery.userinfo_endpoint,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

import { describe, expect, it } from 'vitest';
import { loginPathFor, redirectFor } from './RequireAuth';
import { safeNext } from './next';

describe('RequireAuth redirect', () => {
  it('sends the visitor to the login page with the way back in ?next=', () => {
    const to = loginPathFor({ pathname: '/me', search: '?tab=wallet', hash: '#coupons' });
    expect(to).toBe('/login?next=%2Fme%3Ftab%3Dwallet%23coupons');
    // The login page follows it after a successful login.
    const next = new URLSearchParams(to.slice(to.indexOf('?'))).get('next');
    expect(safeNext(next)).toBe('/me?tab=wallet#coupons');
  });

  it('goes home after a logout, to the login page after a deletion, and back here after expiry', () => {
    const here = { pathname: '/me', search: '', hash: '' };
    expect(redirectFor('logout', here)).toBe('/');
    expect(redirectFor('deleted', here)).toBe('/login');
    expect(redirectFor('expired', here)).toBe('/login?next=%2Fme');
    expect(redirectFor(null, here)).toBe('/login?next=%2Fme');
  });
});

/** Only same-site paths are followed after login; anything else goes to my page. */
export function safeNext(v: string | null | undefined): string {
  if (!v || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return '/me';
  return v;
}

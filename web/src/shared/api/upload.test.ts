import { describe, expect, it } from 'vitest';
import { ApiError, isAbort } from './problem';
import { tokens } from './testing';
import { Transport } from './transport';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake XMLHttpRequest: `answer` decides each response; progress is reported in two steps. */
function fakeXhr(answer: (s: Sent, n: number) => { status: number; body?: string; headers?: Record<string, string> } | 'network' | 'hang') {
  const sent: Sent[] = [];
  const make = () => {
    const req: Sent = { method: '', url: '', headers: {}, body: undefined };
    let answerHeaders: Record<string, string> = {};
    const xhr = {
      status: 0,
      responseText: '',
      withCredentials: false,
      upload: { onprogress: null as ((e: ProgressEvent) => void) | null },
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      onabort: null as (() => void) | null,
      open(method: string, url: string) {
        req.method = method;
        req.url = url;
      },
      setRequestHeader(k: string, v: string) {
        req.headers[k] = v;
      },
      getResponseHeader(k: string) {
        return answerHeaders[k] ?? null;
      },
      abort() {
        queueMicrotask(() => xhr.onabort?.());
      },
      send(body: unknown) {
        req.body = body;
        sent.push(req);
        const a = answer(req, sent.length - 1);
        setTimeout(() => {
          if (a === 'hang') return;
          if (a === 'network') {
            xhr.onerror?.();
            return;
          }
          xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
          xhr.status = a.status;
          xhr.responseText = a.body ?? '';
          answerHeaders = a.headers ?? {};
          xhr.onload?.();
        }, 0);
      },
    };
    return xhr as unknown as XMLHttpRequest;
  };
  return { make, sent };
}

const photo = JSON.stringify({ items: [{ id: '9', thumbnail_url: '/t', large_url: '/l', width: 1, height: 1 }] });

describe('Transport uploads with progress', () => {
  it('sends the form through XMLHttpRequest with the token and language, and reports progress', async () => {
    const { make, sent } = fakeXhr(() => ({ status: 201, body: photo }));
    const t = new Transport({ xhr: make, fetch: () => Promise.reject(new Error('fetch must not be used')) });
    t.adopt(tokens('A1'));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1])]), 'a.jpg');
    const progress: number[] = [];
    const res = await t.request<{ items: { id: string }[] }>('/photos', {
      method: 'POST',
      body: form,
      auth: true,
      onUploadProgress: (f) => progress.push(f),
    });
    expect(res.items[0].id).toBe('9');
    expect(progress).toEqual([0.5, 1]);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].url).toBe('/api/v1/photos');
    expect(sent[0].body).toBe(form);
    expect(sent[0].headers['Authorization']).toBe('Bearer A1');
    expect(sent[0].headers['Accept-Language']).toBe('ko');
    expect(sent[0].headers['Content-Type']).toBeUndefined();
  });

  it('refreshes once on 401 and sends the form again', async () => {
    const { make, sent } = fakeXhr((s) =>
      s.headers['Authorization'] === 'Bearer new' ? { status: 201, body: photo } : { status: 401, body: '{"code":"auth.token_expired"}' },
    );
    const fetchFn = (async () =>
      new Response(JSON.stringify(tokens('new')), { status: 200, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;
    const t = new Transport({ xhr: make, fetch: fetchFn });
    t.adopt(tokens('old'));
    await t.request('/photos', { method: 'POST', body: new FormData(), auth: true, onUploadProgress: () => undefined });
    expect(sent).toHaveLength(2);
    expect(t.token).toBe('new');
  });

  it('turns problems into ApiError with field errors and Retry-After, and no response into a network error', async () => {
    const problem = JSON.stringify({ status: 415, code: 'media.unsupported_type', detail: '지원하지 않는 파일 형식입니다.' });
    const { make } = fakeXhr((_, n) => (n === 0 ? { status: 415, body: problem } : n === 1 ? { status: 503, body: '{}', headers: { 'Retry-After': '7' } } : 'network'));
    const t = new Transport({ xhr: make });
    const up = () => t.request('/photos', { method: 'POST', body: new FormData(), onUploadProgress: () => undefined });
    const e1 = await up().catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).code).toBe('media.unsupported_type');
    expect((e1 as ApiError).detail).toBe('지원하지 않는 파일 형식입니다.');
    const e2 = (await up().catch((e: unknown) => e)) as ApiError;
    expect(e2.status).toBe(503);
    expect(e2.retryAfter).toBe(7);
    const e3 = (await up().catch((e: unknown) => e)) as ApiError;
    expect(e3.isNetwork).toBe(true);
  });

  it('aborts with the signal', async () => {
    const { make } = fakeXhr(() => 'hang');
    const t = new Transport({ xhr: make });
    const ctl = new AbortController();
    const p = t.request('/photos', { method: 'POST', body: new FormData(), signal: ctl.signal, onUploadProgress: () => undefined });
    ctl.abort();
    expect(isAbort(await p.catch((e: unknown) => e))).toBe(true);
  });
});

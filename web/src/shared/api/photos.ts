// The media service's upload (POST /api/v1/photos): one photo per call, so that each gets its own progress
// and its own failure. Listings and chat attach what it returns by id.
import type { Transport } from './transport';
import type { PhotoUpload } from './types';

export function uploadPhoto(http: Transport, file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.request<PhotoUpload>('/photos', { method: 'POST', body: form, auth: true, signal, onUploadProgress: onProgress });
}

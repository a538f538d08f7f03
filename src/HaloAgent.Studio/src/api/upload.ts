import { ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from './http';
import type { ApiProblem } from './types';

/** Upload progress as a fraction 0–1 of the body sent (fetch cannot report it; XMLHttpRequest can). */
export type ProgressListener = (sentFraction: number) => void;

/**
 * POSTs a body with upload progress, carrying the CSRF token like every other change, and parses the JSON answer.
 * A non-2xx answer rejects with an {@link ApiError} holding the problem's detail.
 */
export function uploadWithProgress<T>(url: string, body: string, contentType: string, onProgress: ProgressListener): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiError(0, null, 'The upload failed: no connection to the server.'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json as T);
        return;
      }
      reject(new ApiError(xhr.status, (json as ApiProblem | null) ?? null, `HTTP ${xhr.status}`));
    };
    xhr.send(body);
  });
}

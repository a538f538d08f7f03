import { http, optional } from './http';
import type { Json } from './types';

/** Proposed endpoints (see API-CONTRACT.md); until the server has them, the picker falls back to free text. */
export interface TemplateInfo {
  key: string;
  languages: string[];
}

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'pcm', name: 'Pidgin' },
  { code: 'yo', name: 'Yorùbá' },
  { code: 'ig', name: 'Igbo' },
  { code: 'ha', name: 'Hausa' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

let cached: Promise<{ value: TemplateInfo[]; available: boolean }> | null = null;

export const templatesApi = {
  /** Cached for the session; `available` is false when the server answers 404. */
  list: () => (cached ??= optional(http.get<TemplateInfo[]>('/api/templates'), []).catch((e) => {
    cached = null;
    throw e;
  })),
  preview: (key: string, language: string, data: Json) =>
    optional(http.post<{ text: string }>('/api/templates/preview', { key, language, data }), null),
  /** A text written in the Studio (a Send message node's own text), checked as the template files are; 400 says what is wrong. */
  previewText: (text: string, language: string, data: Json) => http.post<{ text: string }>('/api/templates/preview', { text, language, data }),
};

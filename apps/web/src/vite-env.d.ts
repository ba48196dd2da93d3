/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API lives; defaults to same-origin `/api`. */
  readonly VITE_API_URL?: string;
  /** `1` answers every request from the MSW worker (no backend needed). */
  readonly VITE_MOCK?: string;
}

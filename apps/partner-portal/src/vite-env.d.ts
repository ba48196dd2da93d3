/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API lives; defaults to same-origin `/api`. */
  readonly VITE_API_URL?: string;
}

export interface Palette {
  background: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  primary: string;
  onPrimary: string;
  success: string;
  warning: string;
  danger: string;
  upcoming: string;
}

export const lightPalette: Palette = {
  background: "#f6f7fb",
  surface: "#ffffff",
  text: "#111827",
  muted: "#4b5563",
  border: "#d1d5db",
  primary: "#1d4ed8",
  onPrimary: "#ffffff",
  success: "#15803d",
  warning: "#b45309",
  danger: "#b91c1c",
  upcoming: "#9ca3af",
};

export const darkPalette: Palette = {
  background: "#0b1120",
  surface: "#111827",
  text: "#f9fafb",
  muted: "#cbd5e1",
  border: "#374151",
  primary: "#60a5fa",
  onPrimary: "#0b1120",
  success: "#4ade80",
  warning: "#fbbf24",
  danger: "#f87171",
  upcoming: "#6b7280",
};

/** A piece of plain message text: words, or a link the apps make clickable (never HTML). */
export type TextPiece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// http(s) links and bare www. addresses; a trailing full stop, comma or bracket stays text.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0];
    const link = raw.replace(TRAILING, "");
    const start = match.index ?? 0;
    if (start > last) pieces.push({ kind: "text", text: text.slice(last, start) });
    const href = link.toLowerCase().startsWith("www.") ? `https://${link}` : link;
    pieces.push({ kind: "link", text: link, href });
    last = start + link.length;
  }
  if (last < text.length) pieces.push({ kind: "text", text: text.slice(last) });
  return pieces;
}

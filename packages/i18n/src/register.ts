// Spanish copy addresses the reader as usted (a consultancy speaks formally). These are the tú forms
// that slipped in before: pronouns and possessives, and verb forms that can only be tú (a form that is
// also the usted/third person, like "usa", is left out so that correct copy never trips the check).
const INFORMAL = [
  "tú",
  "tu",
  "tus",
  "te",
  "ti",
  "contigo",
  "tuyo",
  "tuya",
  "tuyos",
  "tuyas",
  "eres",
  "estás",
  "tienes",
  "puedes",
  "quieres",
  "necesitas",
  "has",
  "vienes",
  "olvidaste",
  "inténtalo",
  "envíanos",
  "cópialo",
  "únete",
  "pídelo",
  "escríbenos",
];

const PATTERN = new RegExp(`(?<!\\p{L})(${INFORMAL.join("|")})(?!\\p{L})`, "giu");

/** The tú forms in `text`, lower-cased; empty when it is all usted. */
export function informalSpanish(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((match) => (match[1] as string).toLowerCase());
}

type Tree = { [key: string]: unknown };

/** A phrase function's text for sample arguments: numbers first, words when it needs words. */
function sample(phrase: (...args: unknown[]) => unknown): string {
  try {
    return String(phrase(2, 1, 0));
  } catch {
    return String(phrase("x", "y", "z"));
  }
}

/** Every string in a (nested) word object as [dotted key, text]; functions are called with samples. */
export function stringLeaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = `${prefix}${key}`;
    if (typeof value === "string") return [[path, value]];
    if (typeof value === "function") return [[path, sample(value as (...args: unknown[]) => unknown)]];
    if (value && typeof value === "object") return stringLeaves(value as Tree, `${path}.`);
    return [];
  });
}

/** [key, tú forms] for each string of `tree` that is not in the usted register. */
export function informalStrings(tree: Tree): [string, string[]][] {
  return stringLeaves(tree)
    .map(([key, text]): [string, string[]] => [key, informalSpanish(text)])
    .filter(([, words]) => words.length > 0);
}

/** What a translation gets wrong against English: keys missing or extra, and placeholders that differ. */
export function translationProblems(english: Tree, translated: Tree): string[] {
  const source = new Map(stringLeaves(english));
  const target = new Map(stringLeaves(translated));
  const names = (text: string) => [...new Set(text.match(/\{\{\s*\w+\s*\}\}/g) ?? [])].sort().join();
  return [
    ...[...source.keys()].filter((key) => !target.has(key)).map((key) => `missing ${key}`),
    ...[...target.keys()].filter((key) => !source.has(key)).map((key) => `extra ${key}`),
    ...[...source]
      .filter(([key, text]) => target.has(key) && names(text) !== names(target.get(key) ?? ""))
      .map(([key]) => `placeholders differ in ${key}`),
  ];
}

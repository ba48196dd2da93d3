import type { SharedStrings } from "./en.ts";
import { interpolate } from "./format.ts";
import type { Strings } from "./types.ts";

type ThreadWords = Strings<SharedStrings["messages"]["thread"]>;

/**
 * A thread's words as the consoles' message thread takes them: the phrases with a placeholder become
 * functions (the client apps let i18next fill them in instead).
 */
export function threadPhrases(thread: ThreadWords) {
  return {
    ...thread,
    removeAttachment: (name: string) => interpolate(thread.removeAttachment, { name }),
    charactersLeft: (count: number) => interpolate(thread.charactersLeft, { count }),
    openAttachment: (name: string) => interpolate(thread.openAttachment, { name }),
  };
}

/** Web Share API where the browser has it (mobile browsers), else the clipboard. */
export async function shareText(message: string, url: string): Promise<"shared" | "copied" | "dismissed"> {
  if (typeof navigator !== "undefined" && typeof navigator.share === "function") {
    try {
      await navigator.share({ text: message, url });
      return "shared";
    } catch {
      return "dismissed";
    }
  }
  await navigator.clipboard.writeText(message);
  return "copied";
}

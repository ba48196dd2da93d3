import { Share } from "react-native";

/** The native share sheet (iOS UIActivityViewController, Android chooser). */
export async function shareText(message: string, url: string): Promise<"shared" | "dismissed"> {
  const result = await Share.share({ message, url });
  return result.action === Share.dismissedAction ? "dismissed" : "shared";
}

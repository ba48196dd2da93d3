// Expo's push API: https://docs.expo.dev/push-notifications/sending-notifications/

export interface PushMessage {
  title: string;
  body: string;
  data?: Record<string, unknown> | undefined;
}

export interface PushResult {
  /** Tickets Expo accepted. */
  accepted: number;
  /** Per-token errors Expo answered (not worth retrying). */
  errors: string[];
  /** Tokens Expo says no longer reach a device. */
  staleTokens: string[];
}

interface ExpoTicket {
  status: "ok" | "error";
  message?: string;
  details?: { error?: string };
}

/** A failure worth retrying later (network, 429, 5xx). */
export class TransientPushError extends Error {
  override name = "TransientPushError";
}

const EXPO_BATCH = 100;

export async function sendExpoPush(
  options: { url: string; accessToken: string | undefined; timeoutMs?: number },
  tokens: string[],
  message: PushMessage,
): Promise<PushResult> {
  const result: PushResult = { accepted: 0, errors: [], staleTokens: [] };
  for (let start = 0; start < tokens.length; start += EXPO_BATCH) {
    const batch = tokens.slice(start, start + EXPO_BATCH);
    const tickets = await postBatch(options, batch, message);
    tickets.forEach((ticket, index) => {
      if (ticket.status === "ok") {
        result.accepted += 1;
        return;
      }
      result.errors.push(ticket.message ?? ticket.details?.error ?? "push rejected");
      if (ticket.details?.error === "DeviceNotRegistered") result.staleTokens.push(batch[index]!);
    });
  }
  return result;
}

async function postBatch(
  options: { url: string; accessToken: string | undefined; timeoutMs?: number },
  tokens: string[],
  message: PushMessage,
): Promise<ExpoTicket[]> {
  const headers: Record<string, string> = { accept: "application/json", "content-type": "application/json" };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers,
      body: JSON.stringify(
        tokens.map((to) => ({
          to,
          title: message.title,
          body: message.body,
          sound: "default",
          ...(message.data ? { data: message.data } : {}),
        })),
      ),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new TransientPushError(`push service unreachable: ${(error as Error).message}`);
  }
  if (response.status === 429 || response.status >= 500) {
    throw new TransientPushError(`push service answered ${response.status}`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: ExpoTicket[];
    errors?: { message?: string }[];
  } | null;
  if (!response.ok || !Array.isArray(body?.data)) {
    const reason = body?.errors?.[0]?.message ?? `HTTP ${response.status}`;
    return tokens.map(() => ({ status: "error", message: reason }));
  }
  return body.data;
}

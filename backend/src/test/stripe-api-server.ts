import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the few Stripe API endpoints the gateway calls, answering with the shapes of
 * Stripe's documented responses (Checkout Session and Refund objects). The real SDK talks to it
 * through its host/port/protocol options; requests are kept so tests can check what was sent.
 */
export interface StripeApiServer {
  url: string;
  requests: { method: string; path: string; form: URLSearchParams; idempotencyKey: string | undefined }[];
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function checkoutSession(form: URLSearchParams) {
  const sessionId = id("cs_test");
  const metadata: Record<string, string> = {};
  for (const [key, value] of form) {
    const match = /^metadata\[(\w+)\]$/.exec(key);
    if (match) metadata[match[1]!] = value;
  }
  return {
    id: sessionId,
    object: "checkout.session",
    amount_subtotal: Number(form.get("line_items[0][price_data][unit_amount]")),
    amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
    cancel_url: form.get("cancel_url"),
    client_reference_id: form.get("client_reference_id"),
    created: Math.floor(Date.now() / 1000),
    currency: form.get("line_items[0][price_data][currency]"),
    customer_email: form.get("customer_email"),
    expires_at: Math.floor(Date.now() / 1000) + 86_400,
    livemode: false,
    metadata,
    mode: "payment",
    payment_intent: null,
    payment_status: "unpaid",
    status: "open",
    success_url: form.get("success_url"),
    url: `https://checkout.stripe.com/c/pay/${sessionId}`,
  };
}

function refund(form: URLSearchParams) {
  return {
    id: id("re"),
    object: "refund",
    amount: Number(form.get("amount")),
    charge: id("ch"),
    created: Math.floor(Date.now() / 1000),
    currency: "usd",
    metadata: { reason: form.get("metadata[reason]") ?? "" },
    payment_intent: form.get("payment_intent"),
    reason: null,
    status: "succeeded",
  };
}

export async function startStripeApiServer(): Promise<StripeApiServer> {
  const requests: StripeApiServer["requests"] = [];
  const server: Server = createServer(async (request, response) => {
    const form = new URLSearchParams(await bodyOf(request));
    const path = (request.url ?? "").split("?")[0]!;
    const key = request.headers["idempotency-key"];
    requests.push({
      method: request.method ?? "",
      path,
      form,
      idempotencyKey: typeof key === "string" ? key : undefined,
    });
    const authorized = (request.headers.authorization ?? "").startsWith("Bearer sk_test_");
    const body = !authorized
      ? {
          status: 401,
          json: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } },
        }
      : request.method === "POST" && path === "/v1/checkout/sessions"
        ? { status: 200, json: checkoutSession(form) }
        : request.method === "POST" && path === "/v1/refunds"
          ? { status: 200, json: refund(form) }
          : {
              status: 404,
              json: {
                error: { type: "invalid_request_error", message: `Unrecognized request URL (${path})` },
              },
            };
    response.writeHead(body.status, { "content-type": "application/json", "request-id": id("req") });
    response.end(JSON.stringify(body.json));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

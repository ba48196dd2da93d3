import { IDEMPOTENCY_KEY_HEADER } from "@referral-app/shared/constants";
import { createReferralSchema, referralStatusSchema } from "@referral-app/shared/schemas/referral";
import { HttpResponse, http } from "msw";
import { addReferral, isOwnUser, type MockStore, referralStats } from "./mock-store.ts";
import {
  errorReply,
  fail,
  ok,
  paginate,
  type Reply,
  readJson,
  toResponse,
  validationReply,
} from "./respond.ts";

export function referralHandlers(store: MockStore, url: (path: string) => string) {
  return [
    http.post(url("referrals"), async ({ request }) => {
      const body = await readJson(request);
      const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
      const fingerprint = JSON.stringify(body ?? null);
      if (key) {
        const previous = store.idempotency.get(key);
        if (previous && previous.fingerprint !== fingerprint) {
          return fail("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request");
        }
        // A retry: the first answer again, never a second referral.
        if (previous) return toResponse(previous);
      }
      const reply = createReferral(store, body);
      if (key) store.idempotency.set(key, { fingerprint, ...reply });
      return toResponse(reply);
    }),

    http.get(url("users/:id/referrals"), ({ params, request }) => {
      if (!isOwnUser(store, params.id)) return fail("NOT_FOUND", "User not found");
      const requestUrl = new URL(request.url);
      const status = referralStatusSchema.safeParse(requestUrl.searchParams.get("status") ?? undefined);
      const items = store.referrals
        .filter((referral) => !status.success || referral.status === status.data)
        .map(({ history: _history, ...referral }) => referral);
      return HttpResponse.json(paginate(items, requestUrl));
    }),

    http.get(url("referrals/:id"), ({ params }) => {
      const referral = store.referrals.find((entry) => entry.id === params.id);
      return referral ? ok(referral) : fail("NOT_FOUND", "Referral not found");
    }),

    http.get(url("users/:id/referral-stats"), ({ params }) =>
      isOwnUser(store, params.id) ? ok(referralStats(store)) : fail("NOT_FOUND", "User not found"),
    ),
  ];
}

function createReferral(store: MockStore, body: unknown): Reply {
  const parsed = createReferralSchema.safeParse(body);
  if (!parsed.success) return validationReply(parsed.error);
  const input = parsed.data;
  if (input.email === store.user.email) return errorReply("SELF_REFERRAL", "You cannot refer yourself");
  const duplicate = store.referrals.some(
    (referral) => referral.email === input.email && referral.status !== "rejected",
  );
  if (duplicate) return errorReply("REFERRAL_DUPLICATE", "You have already referred this person");
  const { history: _history, ...referral } = addReferral(store, input);
  return {
    status: 201,
    body: { status: "success", data: referral, message: "Referral submitted successfully!" },
  };
}

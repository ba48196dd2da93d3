import { ApiError } from "@referral-app/api-client/errors";
import type { CreateReferralData, Referral } from "@referral-app/shared/schemas/referral";
import { type OutboxState, type OutboxStorage, ReferralOutbox } from "./referral-outbox";

function memoryStorage(initial: OutboxState = { pending: [], rejected: [] }) {
  let saved = JSON.stringify(initial);
  const storage: OutboxStorage & { saved: () => OutboxState } = {
    load: async () => JSON.parse(saved) as OutboxState,
    save: async (state) => {
      saved = JSON.stringify(state);
    },
    saved: () => JSON.parse(saved) as OutboxState,
  };
  return storage;
}

const data: CreateReferralData = { fullName: "John Doe", email: "john@example.com" };

function referral(email: string): Referral {
  const now = new Date().toISOString();
  return {
    id: `ref-${email}`,
    referrerId: "user-1",
    fullName: "John Doe",
    email,
    phone: null,
    country: null,
    relationship: null,
    visaInterest: null,
    notes: null,
    status: "pending",
    source: "client",
    partnerOrganizationId: null,
    referredUserId: null,
    reward: null,
    contactBy: now,
    contactOverdue: false,
    caseId: null,
    friend: null,
    review: null,
    createdAt: now,
    updatedAt: now,
  };
}

const networkError = () => ApiError.fromCode("NETWORK_ERROR", "offline");

describe("ReferralOutbox", () => {
  it("persists a queued referral before any attempt, so a restart still has it", async () => {
    const storage = memoryStorage();
    const send = jest.fn();
    await new ReferralOutbox(storage, send).enqueue(data, "key-1");

    const restarted = new ReferralOutbox(storage, send);
    expect((await restarted.snapshot()).pending).toEqual([
      expect.objectContaining({ idempotencyKey: "key-1", data, attempts: 0 }),
    ]);
    expect(send).not.toHaveBeenCalled();
  });

  it("keeps the referral through failures and sends it with the same key until it succeeds", async () => {
    const storage = memoryStorage();
    const send = jest
      .fn()
      .mockRejectedValueOnce(networkError())
      .mockRejectedValueOnce(ApiError.fromCode("SERVICE_UNAVAILABLE", "down"))
      .mockResolvedValueOnce(referral(data.email));
    const outbox = new ReferralOutbox(storage, send);
    await outbox.enqueue(data, "key-1");

    expect((await outbox.flush()).remaining).toBe(1);
    expect((await outbox.flush()).remaining).toBe(1);
    expect(storage.saved().pending[0]).toMatchObject({
      attempts: 2,
      lastError: expect.stringContaining("SERVICE"),
    });
    const result = await outbox.flush();

    expect(result.sent).toHaveLength(1);
    expect(storage.saved().pending).toEqual([]);
    expect(send.mock.calls.map(([, key]) => key)).toEqual(["key-1", "key-1", "key-1"]);
  });

  it("drops an item only on a final 4xx, and keeps it visible as rejected", async () => {
    const storage = memoryStorage();
    const duplicate = new ApiError({ code: "REFERRAL_DUPLICATE", message: "Already referred", status: 409 });
    const outbox = new ReferralOutbox(storage, jest.fn().mockRejectedValue(duplicate));
    await outbox.enqueue(data, "key-1");

    const result = await outbox.flush();

    expect(result.rejected).toEqual([
      expect.objectContaining({ idempotencyKey: "key-1", code: "REFERRAL_DUPLICATE" }),
    ]);
    expect(storage.saved()).toMatchObject({ pending: [], rejected: [{ idempotencyKey: "key-1" }] });
  });

  it.each([
    ["signed out", 401, "UNAUTHORIZED"],
    ["rate limited", 429, "RATE_LIMITED"],
    ["first attempt still running", 409, "IDEMPOTENCY_IN_PROGRESS"],
  ])("keeps the item when %s (%i)", async (_name, status, code) => {
    const storage = memoryStorage();
    const outbox = new ReferralOutbox(
      storage,
      jest.fn().mockRejectedValue(new ApiError({ code, message: code, status })),
    );
    await outbox.enqueue(data, "key-1");
    await outbox.flush();
    expect(storage.saved().pending).toHaveLength(1);
  });

  it("never has the same key in flight twice when a flush and a direct attempt overlap", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const send = jest.fn(async (body: CreateReferralData) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return referral(body.email);
    });
    const outbox = new ReferralOutbox(memoryStorage(), send);
    await outbox.enqueue(data, "key-1");

    const [flushed, attempted] = await Promise.all([outbox.flush(), outbox.attempt("key-1")]);

    expect(send).toHaveBeenCalledTimes(1);
    expect(maxInFlight).toBe(1);
    expect(flushed.sent).toHaveLength(1);
    expect(attempted.outcome).toBe("sent");
  });

  it("sends queued referrals in order and stops at the first unknown outcome", async () => {
    const send = jest
      .fn()
      .mockResolvedValueOnce(referral("a@example.com"))
      .mockRejectedValueOnce(networkError());
    const outbox = new ReferralOutbox(memoryStorage(), send);
    await outbox.enqueue({ ...data, email: "a@example.com" }, "key-a");
    await outbox.enqueue({ ...data, email: "b@example.com" }, "key-b");
    await outbox.enqueue({ ...data, email: "c@example.com" }, "key-c");

    const result = await outbox.flush();

    expect(send.mock.calls.map(([, key]) => key)).toEqual(["key-a", "key-b"]);
    expect(result).toMatchObject({ remaining: 2 });
  });
});

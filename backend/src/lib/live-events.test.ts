import type { NotificationEvent } from "@referral-app/shared/schemas/notification";
import { describe, expect, it } from "vitest";
import { LiveEvents } from "./live-events.ts";

const event = (title: string): NotificationEvent => ({
  notification: {
    id: "n1",
    userId: "u1",
    type: "system",
    title,
    body: "",
    data: null,
    readAt: null,
    createdAt: new Date(0).toISOString(),
  },
  unreadCount: 1,
});

describe("LiveEvents", () => {
  it("delivers to every stream of the user even when one of them throws", async () => {
    const live = new LiveEvents();
    const seen: string[] = [];
    live.subscribe("u1", () => {
      throw new Error("socket gone");
    });
    const stop = live.subscribe("u1", (e) => seen.push(e.notification.title));
    live.subscribe("u2", () => seen.push("wrong user"));
    await live.publish("u1", event("hello"));
    expect(seen).toEqual(["hello"]);
    stop();
    expect(live.listenerCount()).toBe(2);
  });

  it("treats a user id named like an EventEmitter special event like every other id", async () => {
    const live = new LiveEvents();
    await expect(live.publish("error", event("no listener"))).resolves.toBeUndefined();
    const seen: string[] = [];
    live.subscribe("error", (e) => seen.push(e.notification.title));
    await live.publish("error", event("delivered"));
    expect(seen).toEqual(["delivered"]);
  });
});

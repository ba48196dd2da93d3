import { type TrackEventData, trackEventsSchema } from "@referral-app/shared/schemas/analytics";
import { BaseService } from "./base-service.ts";

export class AnalyticsService extends BaseService {
  /** Sends a batch (1–50 events); validated first so a bad event fails here, not on the server. */
  track(events: TrackEventData[]): Promise<void> {
    return this.postVoid("analytics/events", trackEventsSchema.parse({ events }));
  }
}

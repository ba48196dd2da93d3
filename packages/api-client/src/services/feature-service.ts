import { type EvaluatedFeatures, evaluatedFeaturesSchema } from "@referral-app/shared/schemas/features";
import { BaseService } from "./base-service.ts";

export class FeatureService extends BaseService {
  /** Every flag evaluated for the caller. */
  getFeatures(signal?: AbortSignal): Promise<EvaluatedFeatures> {
    return this.get("features", evaluatedFeaturesSchema, { signal });
  }
}
